/* rapport-template.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-template"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-template.h"

/* A message template: a built-in one (a key, its texts translated at run
 * time unless the user edited them) or one of the user's own (no key).
 * Placeholders are written {name}; see rapport-template-render.c. */

typedef struct
{
  const char             *key;
  RapportTemplatePurpose  purpose;
  const char             *name;
  const char             *subject;
  const char             *body;
} Builtin;

/* Written after the method: a request names the referrer in its first
 * sentence, says why (advice, not a job), asks for a short, specific time
 * and fits on one screen; the thank-you says what helped, what comes next
 * and that the writer will be in touch. */
static const Builtin builtins[] = {
  { RAPPORT_TEMPLATE_REQUEST_REFERRED, RAPPORT_TEMPLATE_PURPOSE_REQUEST,
    N_("Request (referred)"),
    N_("{referrer} suggested I contact you about your work at {organisation}"),
    N_("Dear {first_name} {last_name},\n\n"
       "{referrer} suggested I get in touch, as you know the work at {organisation} well.\n\n"
       "I am exploring this field and would value your advice: how you came to your work as {role}, and "
       "what you enjoy about it.\n\n"
       "Would you have {duration} minutes for a call or a coffee in the coming weeks, whenever suits you?\n\n"
       "Kind regards,\n"
       "{my_name}\n"
       "{my_phone}") },
  { RAPPORT_TEMPLATE_REQUEST, RAPPORT_TEMPLATE_PURPOSE_REQUEST,
    N_("Request"),
    N_("A question about your work as {role} at {organisation}"),
    N_("Dear {first_name} {last_name},\n\n"
       "I came across your work at {organisation} and would value your advice.\n\n"
       "I am exploring this field and would love to hear how you see your work as {role}: what you enjoy "
       "about it, and what you wish you had known at the start.\n\n"
       "Would you have {duration} minutes for a call or a coffee in the coming weeks, whenever suits you?\n\n"
       "Kind regards,\n"
       "{my_name}\n"
       "{my_phone}") },
  { RAPPORT_TEMPLATE_CONFIRM, RAPPORT_TEMPLATE_PURPOSE_CONFIRM,
    N_("Confirmation the day before"),
    N_("Confirming our conversation on {meeting_time}"),
    N_("Dear {first_name},\n\n"
       "I am looking forward to our conversation on {meeting_time} at {meeting_place}. I will keep it to "
       "{duration} minutes.\n\n"
       "Should anything change, you can reach me on my mobile at {my_phone}.\n\n"
       "Kind regards,\n"
       "{my_name}") },
  { RAPPORT_TEMPLATE_THANK_YOU, RAPPORT_TEMPLATE_PURPOSE_THANK_YOU,
    N_("Thank-you"),
    N_("Thank you for your time, {first_name}"),
    N_("Dear {first_name},\n\n"
       "Thank you for taking the time to talk with me. Your advice was very helpful, especially "
       "{what_helped}.\n\n"
       "As a next step, I will {next_steps}.\n\n"
       "I will follow up and let you know how it goes. Thank you again for your generosity.\n\n"
       "Kind regards,\n"
       "{my_name}") },
  { RAPPORT_TEMPLATE_FOLLOW_UP, RAPPORT_TEMPLATE_PURPOSE_FOLLOW_UP,
    N_("Follow-up after no reply"),
    N_("Following up: a short conversation about {organisation}"),
    N_("Dear {first_name},\n\n"
       "I know you are busy, so I am following up briefly on my earlier message. I would still very much "
       "value {duration} minutes of your time to hear your advice about the work at {organisation}.\n\n"
       "Any time that suits you would suit me, early or late in the day.\n\n"
       "Kind regards,\n"
       "{my_name}\n"
       "{my_phone}") },
  { RAPPORT_TEMPLATE_REFERRER_UPDATE, RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE,
    N_("Update to the referrer"),
    N_("My conversation with {first_name} {last_name}"),
    N_("Dear {referrer_first_name},\n\n"
       "Thank you again for putting me in touch with {first_name} {last_name}. We talked recently, and "
       "the conversation gave me a much clearer picture of the work at {organisation}.\n\n"
       "I am grateful for your help and will let you know how things develop.\n\n"
       "Kind regards,\n"
       "{my_name}") },
  { RAPPORT_TEMPLATE_KEEP_IN_TOUCH, RAPPORT_TEMPLATE_PURPOSE_KEEP_IN_TOUCH,
    N_("Keeping in touch"),
    N_("News since our conversation, {first_name}"),
    N_("Dear {first_name},\n\n"
       "It has been a while since we talked, and I wanted to let you know that your advice is still "
       "helping me. {news}\n\n"
       "I hope all is well at {organisation}.\n\n"
       "Kind regards,\n"
       "{my_name}") },
};

static const char * const builtin_keys[] = {
  RAPPORT_TEMPLATE_REQUEST_REFERRED,
  RAPPORT_TEMPLATE_REQUEST,
  RAPPORT_TEMPLATE_CONFIRM,
  RAPPORT_TEMPLATE_THANK_YOU,
  RAPPORT_TEMPLATE_FOLLOW_UP,
  RAPPORT_TEMPLATE_REFERRER_UPDATE,
  RAPPORT_TEMPLATE_KEEP_IN_TOUCH,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (builtin_keys) == G_N_ELEMENTS (builtins) + 1);

struct _RapportTemplate
{
  GObject   parent_instance;

  gint64    id;
  char     *key;
  gboolean  modified;
  char     *name;
  char     *subject;
  char     *body;
};

G_DEFINE_FINAL_TYPE (RapportTemplate, rapport_template, G_TYPE_OBJECT)

static const Builtin *
find_builtin (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    if (g_str_equal (builtins[i].key, key))
      return &builtins[i];
  return NULL;
}

static void
rapport_template_finalize (GObject *object)
{
  RapportTemplate *self = (RapportTemplate *)object;

  g_free (self->key);
  g_free (self->name);
  g_free (self->subject);
  g_free (self->body);

  G_OBJECT_CLASS (rapport_template_parent_class)->finalize (object);
}

static void
rapport_template_class_init (RapportTemplateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_template_finalize;
}

static void
rapport_template_init (RapportTemplate *self)
{
  self->name = g_strdup ("");
  self->subject = g_strdup ("");
  self->body = g_strdup ("");
}

RapportTemplate *
rapport_template_new (const char *name,
                      const char *subject,
                      const char *body)
{
  RapportTemplate *self = g_object_new (RAPPORT_TYPE_TEMPLATE, NULL);

  rapport_template_set_name (self, name);
  rapport_template_set_subject (self, subject);
  rapport_template_set_body (self, body);
  return self;
}

/**
 * rapport_template_new_builtin:
 * @key: one of rapport_template_get_builtin_keys()
 *
 * Returns: (transfer full) (nullable): the built-in template in the
 *   current language, or %NULL for an unknown key
 */
RapportTemplate *
rapport_template_new_builtin (const char *key)
{
  const Builtin *builtin = find_builtin (key);
  RapportTemplate *self;

  if (builtin == NULL)
    return NULL;
  self = rapport_template_new (_(builtin->name), _(builtin->subject), _(builtin->body));
  self->key = g_strdup (key);
  return self;
}

RapportTemplate *
rapport_template_copy (RapportTemplate *self)
{
  RapportTemplate *copy;

  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), NULL);

  copy = rapport_template_new (self->name, self->subject, self->body);
  copy->id = self->id;
  copy->key = g_strdup (self->key);
  copy->modified = self->modified;
  return copy;
}

/* Returns: (transfer none): the keys in the order shown */
const char * const *
rapport_template_get_builtin_keys (void)
{
  return builtin_keys;
}

gboolean
rapport_template_is_builtin_key (const char *key)
{
  return find_builtin (key) != NULL;
}

gint64
rapport_template_get_id (RapportTemplate *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), 0);
  return self->id;
}

void
rapport_template_set_id (RapportTemplate *self,
                         gint64           id)
{
  g_return_if_fail (RAPPORT_IS_TEMPLATE (self));
  self->id = id;
}

/* Returns: (nullable): the built-in key, %NULL for the user's own */
const char *
rapport_template_get_key (RapportTemplate *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), NULL);
  return self->key;
}

void
rapport_template_set_key (RapportTemplate *self,
                          const char      *key)
{
  g_return_if_fail (RAPPORT_IS_TEMPLATE (self));
  g_free (self->key);
  self->key = key != NULL && key[0] != '\0' ? g_strdup (key) : NULL;
}

/* Whether a built-in template has the user's own texts (resettable). */
gboolean
rapport_template_get_modified (RapportTemplate *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), FALSE);
  return self->modified;
}

void
rapport_template_set_modified (RapportTemplate *self,
                               gboolean         modified)
{
  g_return_if_fail (RAPPORT_IS_TEMPLATE (self));
  self->modified = !!modified;
}

#define STRING_ACCESSORS(field)                                            \
const char *                                                               \
rapport_template_get_##field (RapportTemplate *self)                       \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), NULL);                 \
  return self->field;                                                      \
}                                                                          \
                                                                           \
void                                                                       \
rapport_template_set_##field (RapportTemplate *self,                       \
                              const char      *value)                      \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_TEMPLATE (self));                           \
  g_free (self->field);                                                    \
  self->field = g_strdup (value != NULL ? value : "");                     \
}

STRING_ACCESSORS (name)
STRING_ACCESSORS (subject)
STRING_ACCESSORS (body)

RapportTemplatePurpose
rapport_template_purpose_for_key (const char *key)
{
  const Builtin *builtin = find_builtin (key);

  return builtin != NULL ? builtin->purpose : RAPPORT_TEMPLATE_PURPOSE_OTHER;
}

RapportTemplatePurpose
rapport_template_get_purpose (RapportTemplate *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE (self), RAPPORT_TEMPLATE_PURPOSE_OTHER);
  return rapport_template_purpose_for_key (self->key);
}

/**
 * rapport_template_key_for_reminder:
 *
 * Returns: (nullable): the template that does what a reminder of @kind
 *   asks, or %NULL for one no message answers (a meeting soon, "No reply",
 *   the user's own)
 */
const char *
rapport_template_key_for_reminder (RapportReminderKind kind)
{
  switch (kind)
    {
    case RAPPORT_REMINDER_FOLLOW_UP:
      return RAPPORT_TEMPLATE_FOLLOW_UP;
    case RAPPORT_REMINDER_CONFIRM:
      return RAPPORT_TEMPLATE_CONFIRM;
    case RAPPORT_REMINDER_THANK_YOU:
      return RAPPORT_TEMPLATE_THANK_YOU;
    case RAPPORT_REMINDER_TELL_REFERRER:
      return RAPPORT_TEMPLATE_REFERRER_UPDATE;
    case RAPPORT_REMINDER_KEEP_IN_TOUCH:
      return RAPPORT_TEMPLATE_KEEP_IN_TOUCH;
    case RAPPORT_REMINDER_NO_REPLY:
    case RAPPORT_REMINDER_MEETING_SOON:
    case RAPPORT_REMINDER_CUSTOM:
    default:
      return NULL;
    }
}

/**
 * rapport_template_key_for_contact:
 * @has_referrer: someone referred the contact
 * @has_open_meeting: a meeting is planned
 * @has_held_meeting: a meeting was held
 * @thanked: a thank-you is on the timeline since the last meeting held
 * @request_sent: a request is on the timeline (and no meeting since)
 *
 * Picks what the user most likely writes next: after a meeting held the
 * thank-you, then keeping in touch; before a planned one the confirmation;
 * after an unanswered request the follow-up; else the request, naming the
 * referrer when there is one.
 *
 * Returns: a built-in key
 */
const char *
rapport_template_key_for_contact (gboolean has_referrer,
                                  gboolean has_open_meeting,
                                  gboolean has_held_meeting,
                                  gboolean thanked,
                                  gboolean request_sent)
{
  if (has_open_meeting)
    return RAPPORT_TEMPLATE_CONFIRM;
  if (has_held_meeting)
    return thanked ? RAPPORT_TEMPLATE_KEEP_IN_TOUCH : RAPPORT_TEMPLATE_THANK_YOU;
  if (request_sent)
    return RAPPORT_TEMPLATE_FOLLOW_UP;
  return has_referrer ? RAPPORT_TEMPLATE_REQUEST_REFERRED : RAPPORT_TEMPLATE_REQUEST;
}
