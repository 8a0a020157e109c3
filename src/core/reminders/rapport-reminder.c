/* rapport-reminder.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-reminder.h"

struct _RapportReminder
{
  GObject               parent_instance;

  gint64                id;
  RapportReminderKind   kind;
  RapportReminderState  state;
  gint64                due_at;
  gint64                snoozed_until;
  gint64                notified_at;
  gint64                contact_id;
  gint64                meeting_id;
  gint64                meeting_starts_at;
  guint                 sequence;
  char                 *contact_name;
  char                 *referrer_name;
  char                 *suggested_name;   /* 3B7: whom to ask next, or "" */
  char                 *text;
};

G_DEFINE_FINAL_TYPE (RapportReminder, rapport_reminder, G_TYPE_OBJECT)

/* Settings {{{ */

void
rapport_reminder_settings_init_default (RapportReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  /* compared with memcmp (): the unused end of days_off too */
  memset (settings, 0, sizeof *settings);
  settings->follow_up_days = 14;
  settings->follow_up_cap = 3;
  settings->confirm_minute = 10 * 60;
  settings->soon_minutes = 30;
  settings->thank_you_hours = 2;
  settings->keep_in_touch_days = 90;
  settings->playbook = RAPPORT_PLAYBOOK_TWO_WEEK;
}

/* The only place the reminders meet GSettings, for the application. */
void
rapport_reminder_settings_init_from_gsettings (RapportReminderSettings *settings,
                                               GSettings               *gsettings)
{
  g_auto(GStrv) days_off = NULL;
  g_autofree char *playbook = NULL;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (G_IS_SETTINGS (gsettings));

  days_off = g_settings_get_strv (gsettings, "days-off");
  playbook = g_settings_get_string (gsettings, "playbook");

  rapport_reminder_settings_init_default (settings);
  settings->follow_up_days = g_settings_get_int (gsettings, "follow-up-days");
  settings->follow_up_cap = g_settings_get_int (gsettings, "follow-up-cap");
  settings->confirm_minute = g_settings_get_int (gsettings, "confirm-minute");
  settings->soon_minutes = g_settings_get_int (gsettings, "meeting-soon-minutes");
  settings->thank_you_hours = g_settings_get_int (gsettings, "thank-you-hours");
  settings->keep_in_touch_days = g_settings_get_int (gsettings, "keep-in-touch-days");
  settings->playbook = g_strcmp0 (playbook, "3b7") == 0 ? RAPPORT_PLAYBOOK_3B7 : RAPPORT_PLAYBOOK_TWO_WEEK;
  rapport_reminder_settings_set_days_off (settings, (const char * const *) days_off);
}

/**
 * rapport_reminder_settings_set_days_off:
 * @days_off: (nullable): ISO dates
 *
 * Keeps as many of @days_off, whole, as the settings hold (some forty).
 */
void
rapport_reminder_settings_set_days_off (RapportReminderSettings *settings,
                                        const char * const      *days_off)
{
  gsize used = 0;

  g_return_if_fail (settings != NULL);

  memset (settings->days_off, 0, sizeof settings->days_off);
  for (guint i = 0; days_off != NULL && days_off[i] != NULL; i++)
    {
      gsize len = strlen (days_off[i]);

      if (len == 0 || strchr (days_off[i], ',') != NULL)
        continue;
      if (used + (used > 0) + len >= sizeof settings->days_off)
        break;
      if (used > 0)
        settings->days_off[used++] = ',';
      memcpy (settings->days_off + used, days_off[i], len);
      used += len;
    }
}

/**
 * rapport_reminder_settings_dup_days_off:
 *
 * Returns: (transfer full): the days off as a list of ISO dates
 */
char **
rapport_reminder_settings_dup_days_off (const RapportReminderSettings *settings)
{
  g_return_val_if_fail (settings != NULL, NULL);

  if (settings->days_off[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (settings->days_off, ",", -1);
}

gboolean
rapport_reminder_settings_equal (const RapportReminderSettings *a,
                                 const RapportReminderSettings *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return memcmp (a, b, sizeof *a) == 0;
}

/* }}} */
/* Object {{{ */

static void
rapport_reminder_finalize (GObject *object)
{
  RapportReminder *self = RAPPORT_REMINDER (object);

  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->referrer_name, g_free);
  g_clear_pointer (&self->suggested_name, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rapport_reminder_parent_class)->finalize (object);
}

static void
rapport_reminder_class_init (RapportReminderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_reminder_finalize;
}

static void
rapport_reminder_init (RapportReminder *self)
{
  self->contact_name = g_strdup ("");
  self->referrer_name = g_strdup ("");
  self->suggested_name = g_strdup ("");
  self->text = g_strdup ("");
}

RapportReminder *
rapport_reminder_new (gint64               id,
                      RapportReminderKind  kind,
                      gint64               due_at)
{
  RapportReminder *self;

  g_return_val_if_fail (kind < RAPPORT_N_REMINDER_KINDS, NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDER, NULL);
  self->id = id;
  self->kind = kind;
  self->due_at = due_at;
  return self;
}

/**
 * rapport_reminder_new_custom:
 * @text: what to be reminded of
 * @due_at: when, in Unix seconds
 * @contact_id: the contact it is about, or 0
 *
 * A new reminder of the user's own, not yet saved (its id is 0).
 */
RapportReminder *
rapport_reminder_new_custom (const char *text,
                             gint64      due_at,
                             gint64      contact_id)
{
  RapportReminder *self = rapport_reminder_new (0, RAPPORT_REMINDER_CUSTOM, due_at);

  rapport_reminder_set_text (self, text);
  self->contact_id = contact_id;
  return self;
}

#define GETTER(type, name) \
  type rapport_reminder_get_##name (RapportReminder *self) \
  { \
    g_return_val_if_fail (RAPPORT_IS_REMINDER (self), 0); \
    return self->name; \
  }

#define SETTER(type, name) \
  void rapport_reminder_set_##name (RapportReminder *self, type name) \
  { \
    g_return_if_fail (RAPPORT_IS_REMINDER (self)); \
    self->name = name; \
  }

GETTER (gint64, id)
GETTER (RapportReminderKind, kind)
GETTER (RapportReminderState, state)
SETTER (RapportReminderState, state)
GETTER (gint64, due_at)
SETTER (gint64, due_at)
GETTER (gint64, snoozed_until)
SETTER (gint64, snoozed_until)
GETTER (gint64, notified_at)
SETTER (gint64, notified_at)
GETTER (gint64, contact_id)
SETTER (gint64, contact_id)
GETTER (gint64, meeting_id)
GETTER (gint64, meeting_starts_at)
GETTER (guint, sequence)
SETTER (guint, sequence)

const char *
rapport_reminder_get_contact_name (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);
  return self->contact_name;
}

const char *
rapport_reminder_get_referrer_name (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);
  return self->referrer_name;
}

void
rapport_reminder_set_names (RapportReminder *self,
                            const char      *contact_name,
                            const char      *referrer_name)
{
  g_return_if_fail (RAPPORT_IS_REMINDER (self));

  g_free (self->contact_name);
  self->contact_name = g_strdup (contact_name != NULL ? contact_name : "");
  g_free (self->referrer_name);
  self->referrer_name = g_strdup (referrer_name != NULL ? referrer_name : "");
}

/* For a second-contact reminder: the person suggested at the same
 * organisation (rapport_second_person_suggest()), "" for none. */
const char *
rapport_reminder_get_suggested_name (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);
  return self->suggested_name;
}

void
rapport_reminder_set_suggested_name (RapportReminder *self,
                                     const char      *suggested_name)
{
  g_return_if_fail (RAPPORT_IS_REMINDER (self));

  g_free (self->suggested_name);
  self->suggested_name = g_strdup (suggested_name != NULL ? suggested_name : "");
}

void
rapport_reminder_set_meeting (RapportReminder *self,
                              gint64           meeting_id,
                              gint64           starts_at)
{
  g_return_if_fail (RAPPORT_IS_REMINDER (self));

  self->meeting_id = meeting_id;
  self->meeting_starts_at = starts_at;
}

const char *
rapport_reminder_get_text (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);
  return self->text;
}

void
rapport_reminder_set_text (RapportReminder *self,
                           const char      *text)
{
  g_return_if_fail (RAPPORT_IS_REMINDER (self));

  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
}

/* When it is (or was) to be shown: the snooze time if snoozed. */
gint64
rapport_reminder_get_when (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), 0);

  if (self->state == RAPPORT_REMINDER_SNOOZED && self->snoozed_until != 0)
    return self->snoozed_until;
  return self->due_at;
}

/* Still to be dealt with: pending or snoozed, shown or not. */
gboolean
rapport_reminder_is_open (RapportReminder *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), FALSE);

  return self->state == RAPPORT_REMINDER_PENDING || self->state == RAPPORT_REMINDER_SNOOZED;
}

/* }}} */
/* Texts {{{ */

static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup ("");
  /* Translators: a meeting's date, see the strftime manual; e.g. "Tue 24 Nov 2026" */
  date = g_date_time_format (local, _("%a %e %b %Y"));
  time = g_date_time_format (local, "%H:%M");
  g_strstrip (date);
  /* Translators: a meeting's date and time, e.g. "Tue 24 Nov 2026, 14:00" */
  return g_strdup_printf (_("%s, %s"), date, time);
}

/**
 * rapport_reminder_dup_title:
 *
 * The one line that says what to do, for a notification or a row of the
 * Today page, e.g. "Follow up with Ada Lovelace".
 */
char *
rapport_reminder_dup_title (RapportReminder *self)
{
  const char *name;

  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);

  name = self->contact_name;
  switch (self->kind)
    {
    case RAPPORT_REMINDER_FOLLOW_UP:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Follow up with %s"), name);
    case RAPPORT_REMINDER_NO_REPLY:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Still no reply from %s"), name);
    case RAPPORT_REMINDER_CONFIRM:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Confirm your meeting with %s"), name);
    case RAPPORT_REMINDER_MEETING_SOON:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Meeting with %s soon"), name);
    case RAPPORT_REMINDER_THANK_YOU:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Thank %s for the meeting"), name);
    case RAPPORT_REMINDER_TELL_REFERRER:
      /* Translators: a reminder; %s is the name of the person who referred you */
      return g_strdup_printf (_("Tell %s how it went"), self->referrer_name);
    case RAPPORT_REMINDER_KEEP_IN_TOUCH:
      /* Translators: a reminder; %s is a contact's name */
      return g_strdup_printf (_("Keep in touch with %s"), name);
    case RAPPORT_REMINDER_SECOND_CONTACT:
      /* Translators: a reminder of the 3B7 routine; %s is a contact's name */
      return g_strdup_printf (_("No answer from %s yet: write to someone else there"), name);
    case RAPPORT_REMINDER_CUSTOM:
      {
        const char *newline = strchr (self->text, '\n');

        return newline != NULL ? g_strndup (self->text, newline - self->text) : g_strdup (self->text);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rapport_reminder_dup_body:
 *
 * A sentence or two on what to do and why, for a notification's body or a
 * row's subtitle.
 */
char *
rapport_reminder_dup_body (RapportReminder *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (RAPPORT_IS_REMINDER (self), NULL);

  switch (self->kind)
    {
    case RAPPORT_REMINDER_FOLLOW_UP:
      /* Translators: the body of a follow-up reminder; %u counts the follow-ups (1, 2, 3…) */
      return g_strdup_printf (_("No reply to your request yet. Follow up politely: say you know they are busy, "
                                "that it will be short and that you are still keen. Follow-up %u."),
                              self->sequence);
    case RAPPORT_REMINDER_NO_REPLY:
      /* the 3B7 routine's last word, after its one follow-up */
      if (self->sequence == 0)
        return g_strdup (_("Still quiet after your follow-up. That happens a lot and says nothing about you: "
                           "mark them “No Reply” and give your time to the next person. They may still write back."));
      return g_strdup (_("You have followed up several times without an answer. "
                         "Mark the contact “No Reply” and move on?"));
    case RAPPORT_REMINDER_CONFIRM:
      when = format_time (self->meeting_starts_at);
      /* Translators: %s is a meeting's date and time */
      return g_strdup_printf (_("Check the time and place, send a reminder and give your mobile number. "
                                "The meeting is on %s."), when);
    case RAPPORT_REMINDER_MEETING_SOON:
      when = format_time (self->meeting_starts_at);
      /* Translators: %s is a meeting's date and time */
      return g_strdup_printf (_("It starts on %s. Your questions and notes are ready on the meeting page."), when);
    case RAPPORT_REMINDER_THANK_YOU:
      return g_strdup (_("Within 24 hours: thank them for their time, say what helped and why, "
                         "and name your next steps."));
    case RAPPORT_REMINDER_TELL_REFERRER:
      /* Translators: %s is the name of the person you met */
      return g_strdup_printf (_("Let them know how your meeting with %s went, and thank them for the introduction."),
                              self->contact_name);
    case RAPPORT_REMINDER_SECOND_CONTACT:
      if (*self->suggested_name != '\0')
        /* Translators: the body of a 3B7 reminder; %s is someone else at the same organisation */
        return g_strdup_printf (_("Three business days without an answer is common. Ask a second person at the same "
                                  "organisation for a short conversation, perhaps %s; you will follow up with the "
                                  "first in a few days."), self->suggested_name);
      return g_strdup (_("Three business days without an answer is common. Ask a second person at the same "
                         "organisation for a short conversation; you will follow up with the first in a few days."));
    case RAPPORT_REMINDER_KEEP_IN_TOUCH:
      return g_strdup (_("Send an article they would like, congratulate them on a success, or ask how things are going."));
    case RAPPORT_REMINDER_CUSTOM:
      {
        const char *newline = strchr (self->text, '\n');

        if (newline != NULL)
          return g_strstrip (g_strdup (newline + 1));
        if (*self->contact_name != '\0')
          /* Translators: the body of the user's own reminder; %s is a contact's name */
          return g_strdup_printf (_("About %s"), self->contact_name);
        return g_strdup ("");
      }
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * rapport_reminder_dup_catch_up_title:
 * @reminders: (element-type RapportReminder): what fell due while Rapport
 *   was not running
 *
 * The title of the one grouped notification for @reminders, e.g. "While
 * you were away: 3 follow-ups due".
 */
char *
rapport_reminder_dup_catch_up_title (GPtrArray *reminders)
{
  gboolean all_follow_ups = TRUE;
  guint n;

  g_return_val_if_fail (reminders != NULL, NULL);

  n = reminders->len;
  for (guint i = 0; i < n; i++)
    if (rapport_reminder_get_kind (g_ptr_array_index (reminders, i)) != RAPPORT_REMINDER_FOLLOW_UP)
      all_follow_ups = FALSE;

  if (all_follow_ups)
    return g_strdup_printf (ngettext ("While you were away: %u follow-up due",
                                      "While you were away: %u follow-ups due", n), n);
  return g_strdup_printf (ngettext ("While you were away: %u reminder due",
                                    "While you were away: %u reminders due", n), n);
}

/* }}} */
