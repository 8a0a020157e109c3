/* rapport-reminder.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stored as these numbers (reminder.kind): append, never reorder. */
typedef enum
{
  RAPPORT_REMINDER_FOLLOW_UP,      /* a request had no reply: follow up */
  RAPPORT_REMINDER_NO_REPLY,       /* the follow-ups ran out: mark "No reply"? */
  RAPPORT_REMINDER_CONFIRM,        /* the day before a meeting: confirm it */
  RAPPORT_REMINDER_MEETING_SOON,   /* a meeting starts shortly */
  RAPPORT_REMINDER_THANK_YOU,      /* a meeting was held: send a thank-you */
  RAPPORT_REMINDER_TELL_REFERRER,  /* … and tell the person who referred you */
  RAPPORT_REMINDER_KEEP_IN_TOUCH,  /* check in, months later */
  RAPPORT_REMINDER_CUSTOM,         /* the user's own, with its own text */
  RAPPORT_REMINDER_SECOND_CONTACT, /* 3B7: no reply yet, write to someone else there */
} RapportReminderKind;

#define RAPPORT_N_REMINDER_KINDS (RAPPORT_REMINDER_SECOND_CONTACT + 1)

/* How a request is followed up (contact.playbook, NULL for the default of
 * the settings). */
typedef enum
{
  RAPPORT_PLAYBOOK_TWO_WEEK,  /* follow up every follow_up_days, up to the cap */
  RAPPORT_PLAYBOOK_3B7,       /* a second person after 3 business days, one follow-up after 7 */
} RapportPlaybook;

#define RAPPORT_N_PLAYBOOKS (RAPPORT_PLAYBOOK_3B7 + 1)

/* The days off of the settings, ISO dates joined by commas. */
#define RAPPORT_DAYS_OFF_SIZE 512

/* Stored as these numbers (reminder.state). Whether a reminder has been
 * shown is apart from its state (rapport_reminder_get_notified_at()). */
typedef enum
{
  RAPPORT_REMINDER_PENDING,
  RAPPORT_REMINDER_DONE,
  RAPPORT_REMINDER_SNOOZED,
  RAPPORT_REMINDER_DISMISSED,
} RapportReminderState;

/**
 * RapportReminderSettings:
 * @follow_up_days: days from a request (or the last follow-up) to the next
 *   follow-up (14)
 * @follow_up_cap: follow-ups before suggesting "No reply" instead; 0 never
 *   stops (3)
 * @confirm_minute: time of day, in minutes after local midnight, of the
 *   day-before "confirm" reminder (600, 10:00)
 * @soon_minutes: minutes before a meeting for "meeting soon" (30)
 * @thank_you_hours: hours after a meeting ends for the thank-you (2)
 * @keep_in_touch_days: days after a meeting for "keep in touch" when no
 *   date was picked on the outcome sheet (90)
 * @playbook: the #RapportPlaybook of contacts that have none of their own
 * @days_off: dates that are not business days, "2026-12-24,2026-12-25"; a
 *   fixed array so that the settings copy and compare as plain values
 *
 * The intervals of the rules, as plain values: the model never reads
 * GSettings, the application copies the keys into one of these
 * (rapport_reminder_settings_init_from_gsettings()).
 */
typedef struct
{
  guint follow_up_days;
  guint follow_up_cap;
  guint confirm_minute;
  guint soon_minutes;
  guint thank_you_hours;
  guint keep_in_touch_days;
  guint playbook;
  char  days_off[RAPPORT_DAYS_OFF_SIZE];
} RapportReminderSettings;

void     rapport_reminder_settings_init_default     (RapportReminderSettings       *settings);
void     rapport_reminder_settings_init_from_gsettings (RapportReminderSettings    *settings,
                                                     GSettings                     *gsettings);
void     rapport_reminder_settings_set_days_off     (RapportReminderSettings       *settings,
                                                     const char * const            *days_off);
char   **rapport_reminder_settings_dup_days_off     (const RapportReminderSettings *settings);
gboolean rapport_reminder_settings_equal            (const RapportReminderSettings *a,
                                                     const RapportReminderSettings *b);

#define RAPPORT_TYPE_REMINDER (rapport_reminder_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminder, rapport_reminder, RAPPORT, REMINDER, GObject)

/* A row of the reminder table, with what its texts need (names, times).
 * Made by the reminder SQL (rapport-reminder-sql.c); to add or edit one of
 * the user's own, make one with rapport_reminder_new_custom() and save it
 * with rapport_reminder_store_save_async(). */
RapportReminder      *rapport_reminder_new_custom          (const char           *text,
                                                            gint64                due_at,
                                                            gint64                contact_id);
RapportReminder      *rapport_reminder_new                 (gint64                id,
                                                            RapportReminderKind   kind,
                                                            gint64                due_at);
gint64                rapport_reminder_get_id              (RapportReminder      *self);
RapportReminderKind   rapport_reminder_get_kind            (RapportReminder      *self);
RapportReminderState  rapport_reminder_get_state           (RapportReminder      *self);
void                  rapport_reminder_set_state           (RapportReminder      *self,
                                                            RapportReminderState  state);
gint64                rapport_reminder_get_due_at          (RapportReminder      *self);
void                  rapport_reminder_set_due_at          (RapportReminder      *self,
                                                            gint64                due_at);
gint64                rapport_reminder_get_snoozed_until   (RapportReminder      *self);
void                  rapport_reminder_set_snoozed_until   (RapportReminder      *self,
                                                            gint64                snoozed_until);
gint64                rapport_reminder_get_notified_at     (RapportReminder      *self);
void                  rapport_reminder_set_notified_at     (RapportReminder      *self,
                                                            gint64                notified_at);
gint64                rapport_reminder_get_when            (RapportReminder      *self);
gint64                rapport_reminder_get_contact_id      (RapportReminder      *self);
void                  rapport_reminder_set_contact_id      (RapportReminder      *self,
                                                            gint64                contact_id);
const char           *rapport_reminder_get_contact_name    (RapportReminder      *self);
const char           *rapport_reminder_get_referrer_name   (RapportReminder      *self);
void                  rapport_reminder_set_names           (RapportReminder      *self,
                                                            const char           *contact_name,
                                                            const char           *referrer_name);
const char           *rapport_reminder_get_suggested_name  (RapportReminder      *self);
void                  rapport_reminder_set_suggested_name  (RapportReminder      *self,
                                                            const char           *suggested_name);
gint64                rapport_reminder_get_meeting_id      (RapportReminder      *self);
gint64                rapport_reminder_get_meeting_starts_at (RapportReminder    *self);
void                  rapport_reminder_set_meeting         (RapportReminder      *self,
                                                            gint64                meeting_id,
                                                            gint64                starts_at);
guint                 rapport_reminder_get_sequence        (RapportReminder      *self);
void                  rapport_reminder_set_sequence        (RapportReminder      *self,
                                                            guint                 sequence);
const char           *rapport_reminder_get_text            (RapportReminder      *self);
void                  rapport_reminder_set_text            (RapportReminder      *self,
                                                            const char           *text);
gboolean              rapport_reminder_is_open             (RapportReminder      *self);
char                 *rapport_reminder_dup_title           (RapportReminder      *self);
char                 *rapport_reminder_dup_body            (RapportReminder      *self);
char                 *rapport_reminder_dup_catch_up_title  (GPtrArray            *reminders);

G_END_DECLS
