/* rapport-interaction.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-interaction"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-interaction.h"

/* One entry of a contact's timeline: the one record of what happened, which
 * the stages, "last contacted" and (later) the reminders are derived from. */
struct _RapportInteraction
{
  GObject                 parent_instance;

  gint64                  id;
  gint64                  contact_id;
  RapportInteractionKind  kind;
  GDateTime              *happened_at;
  char                   *summary;
  char                   *body;
};

G_DEFINE_FINAL_TYPE (RapportInteraction, rapport_interaction, G_TYPE_OBJECT)

const char *
rapport_interaction_kind_get_label (RapportInteractionKind kind)
{
  switch (kind)
    {
    case RAPPORT_INTERACTION_EMAIL_SENT:        return C_("timeline", "Email Sent");
    case RAPPORT_INTERACTION_EMAIL_RECEIVED:    return C_("timeline", "Email Received");
    case RAPPORT_INTERACTION_CALL:              return C_("timeline", "Call");
    case RAPPORT_INTERACTION_VOICEMAIL:         return C_("timeline", "Voicemail");
    case RAPPORT_INTERACTION_MEETING:           return C_("timeline", "Meeting");
    case RAPPORT_INTERACTION_NOTE:              return C_("timeline", "Note");
    case RAPPORT_INTERACTION_THANK_YOU_SENT:    return C_("timeline", "Thank-You Sent");
    case RAPPORT_INTERACTION_REFERRAL_RECEIVED: return C_("timeline", "Referral Received");
    case RAPPORT_INTERACTION_STAGE_CHANGE:      return C_("timeline", "Stage Changed");
    default:                                    g_return_val_if_reached (NULL);
    }
}

const char *
rapport_interaction_kind_get_icon_name (RapportInteractionKind kind)
{
  switch (kind)
    {
    case RAPPORT_INTERACTION_EMAIL_SENT:        return "mail-send-symbolic";
    case RAPPORT_INTERACTION_EMAIL_RECEIVED:    return "mail-unread-symbolic";
    case RAPPORT_INTERACTION_CALL:              return "call-start-symbolic";
    case RAPPORT_INTERACTION_VOICEMAIL:         return "audio-input-microphone-symbolic";
    case RAPPORT_INTERACTION_MEETING:           return "x-office-calendar-symbolic";
    case RAPPORT_INTERACTION_NOTE:              return "document-edit-symbolic";
    case RAPPORT_INTERACTION_THANK_YOU_SENT:    return "emblem-favorite-symbolic";
    case RAPPORT_INTERACTION_REFERRAL_RECEIVED: return "system-users-symbolic";
    case RAPPORT_INTERACTION_STAGE_CHANGE:      return "go-next-symbolic";
    default:                                    g_return_val_if_reached (NULL);
    }
}

/* Whether this kind of entry means the user and the contact were in touch,
 * which is what "last contacted" counts. */
gboolean
rapport_interaction_kind_is_contact (RapportInteractionKind kind)
{
  switch (kind)
    {
    case RAPPORT_INTERACTION_EMAIL_SENT:
    case RAPPORT_INTERACTION_EMAIL_RECEIVED:
    case RAPPORT_INTERACTION_CALL:
    case RAPPORT_INTERACTION_VOICEMAIL:
    case RAPPORT_INTERACTION_MEETING:
    case RAPPORT_INTERACTION_THANK_YOU_SENT:
      return TRUE;

    case RAPPORT_INTERACTION_NOTE:
    case RAPPORT_INTERACTION_REFERRAL_RECEIVED:
    case RAPPORT_INTERACTION_STAGE_CHANGE:
    default:
      return FALSE;
    }
}

static void
rapport_interaction_finalize (GObject *object)
{
  RapportInteraction *self = (RapportInteraction *)object;

  g_clear_pointer (&self->happened_at, g_date_time_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (rapport_interaction_parent_class)->finalize (object);
}

static void
rapport_interaction_class_init (RapportInteractionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_interaction_finalize;
}

static void
rapport_interaction_init (RapportInteraction *self)
{
}

RapportInteraction *
rapport_interaction_new (gint64                  contact_id,
                         RapportInteractionKind  kind,
                         GDateTime              *happened_at,
                         const char             *summary,
                         const char             *body)
{
  RapportInteraction *self;

  g_return_val_if_fail (kind < RAPPORT_N_INTERACTION_KINDS, NULL);
  g_return_val_if_fail (happened_at != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_INTERACTION, NULL);
  self->contact_id = contact_id;
  self->kind = kind;
  self->happened_at = g_date_time_ref (happened_at);
  self->summary = g_strdup (summary ? summary : "");
  self->body = g_strdup (body ? body : "");

  return self;
}

gint64
rapport_interaction_get_id (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), 0);
  return self->id;
}

void
rapport_interaction_set_id (RapportInteraction *self,
                            gint64              id)
{
  g_return_if_fail (RAPPORT_IS_INTERACTION (self));
  self->id = id;
}

gint64
rapport_interaction_get_contact_id (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), 0);
  return self->contact_id;
}

RapportInteractionKind
rapport_interaction_get_kind (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), 0);
  return self->kind;
}

void
rapport_interaction_set_kind (RapportInteraction     *self,
                              RapportInteractionKind  kind)
{
  g_return_if_fail (RAPPORT_IS_INTERACTION (self));
  g_return_if_fail (kind < RAPPORT_N_INTERACTION_KINDS);
  self->kind = kind;
}

GDateTime *
rapport_interaction_get_happened_at (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), NULL);
  return self->happened_at;
}

void
rapport_interaction_set_happened_at (RapportInteraction *self,
                                     GDateTime          *happened_at)
{
  g_return_if_fail (RAPPORT_IS_INTERACTION (self));
  g_return_if_fail (happened_at != NULL);

  g_date_time_ref (happened_at);
  g_clear_pointer (&self->happened_at, g_date_time_unref);
  self->happened_at = happened_at;
}

const char *
rapport_interaction_get_summary (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), NULL);
  return self->summary;
}

void
rapport_interaction_set_summary (RapportInteraction *self,
                                 const char         *summary)
{
  g_return_if_fail (RAPPORT_IS_INTERACTION (self));
  g_free (self->summary);
  self->summary = g_strdup (summary ? summary : "");
}

const char *
rapport_interaction_get_body (RapportInteraction *self)
{
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (self), NULL);
  return self->body;
}

void
rapport_interaction_set_body (RapportInteraction *self,
                              const char         *body)
{
  g_return_if_fail (RAPPORT_IS_INTERACTION (self));
  g_free (self->body);
  self->body = g_strdup (body ? body : "");
}
