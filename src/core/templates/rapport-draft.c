/* rapport-draft.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-draft"

#include "config.h"

#include "rapport-draft.h"

struct _RapportDraft
{
  GObject  parent_instance;

  gint64   id;
  gint64   contact_id;
  gint64   meeting_id;
  gint64   updated_at;
  char    *template_key;
  char    *to;
  char    *subject;
  char    *body;
  char    *error;
  char    *message_id;  /* of the message as it went out by SMTP; empty otherwise */
};

G_DEFINE_FINAL_TYPE (RapportDraft, rapport_draft, G_TYPE_OBJECT)

static void
rapport_draft_finalize (GObject *object)
{
  RapportDraft *self = (RapportDraft *)object;

  g_free (self->template_key);
  g_free (self->to);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->error);
  g_free (self->message_id);

  G_OBJECT_CLASS (rapport_draft_parent_class)->finalize (object);
}

static void
rapport_draft_class_init (RapportDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_draft_finalize;
}

static void
rapport_draft_init (RapportDraft *self)
{
  self->template_key = g_strdup ("");
  self->to = g_strdup ("");
  self->subject = g_strdup ("");
  self->body = g_strdup ("");
  self->error = g_strdup ("");
  self->message_id = g_strdup ("");
}

/**
 * rapport_draft_new:
 * @contact_id: the contact the message is about (for a message to the
 *   referrer, the referred contact)
 * @meeting_id: the meeting it concerns, or 0
 * @template_key: (nullable): the built-in template it started from
 */
RapportDraft *
rapport_draft_new (gint64      contact_id,
                   gint64      meeting_id,
                   const char *template_key)
{
  RapportDraft *self = g_object_new (RAPPORT_TYPE_DRAFT, NULL);

  self->contact_id = contact_id;
  self->meeting_id = meeting_id;
  rapport_draft_set_template_key (self, template_key);
  return self;
}

RapportDraft *
rapport_draft_copy (RapportDraft *self)
{
  RapportDraft *copy;

  g_return_val_if_fail (RAPPORT_IS_DRAFT (self), NULL);

  copy = rapport_draft_new (self->contact_id, self->meeting_id, self->template_key);
  copy->id = self->id;
  copy->updated_at = self->updated_at;
  rapport_draft_set_to (copy, self->to);
  rapport_draft_set_subject (copy, self->subject);
  rapport_draft_set_body (copy, self->body);
  rapport_draft_set_error (copy, self->error);
  rapport_draft_set_message_id (copy, self->message_id);
  return copy;
}

#define INT_ACCESSORS(field)                                               \
gint64                                                                     \
rapport_draft_get_##field (RapportDraft *self)                             \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_DRAFT (self), 0);                       \
  return self->field;                                                      \
}

#define INT_SETTER(field)                                                  \
void                                                                       \
rapport_draft_set_##field (RapportDraft *self,                             \
                           gint64        value)                            \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_DRAFT (self));                              \
  self->field = value;                                                     \
}

#define STRING_ACCESSORS(field)                                            \
const char *                                                               \
rapport_draft_get_##field (RapportDraft *self)                             \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_DRAFT (self), NULL);                    \
  return self->field;                                                      \
}                                                                          \
                                                                           \
void                                                                       \
rapport_draft_set_##field (RapportDraft *self,                             \
                           const char   *value)                            \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_DRAFT (self));                              \
  g_free (self->field);                                                    \
  self->field = g_strdup (value != NULL ? value : "");                     \
}

INT_ACCESSORS (id)
INT_SETTER (id)
INT_ACCESSORS (contact_id)
INT_ACCESSORS (meeting_id)
INT_SETTER (meeting_id)
INT_ACCESSORS (updated_at)
INT_SETTER (updated_at)
STRING_ACCESSORS (template_key)
STRING_ACCESSORS (to)
STRING_ACCESSORS (subject)
STRING_ACCESSORS (body)
STRING_ACCESSORS (error)
STRING_ACCESSORS (message_id)
