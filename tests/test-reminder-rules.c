/* test-reminder-rules.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "rapport-sql.h"
#include "rapport-contact-store.h"
#include "rapport-meeting.h"
#include "rapport-reminder-sql.h"
#include "rapport-reminder-store.h"
#include "test-util.h"

/* The rules, on a real database: the timeline and meetings are written with
 * plain SQL in a transaction, as the stores do, so that the commit hook
 * derives the reminders; the table is then read back as text. */

#define DAY   (24 * 60 * 60)
#define HOUR  (60 * 60)
/* Monday 2 March 2026, 09:00 UTC (10:00 in Berlin, the tests' TZ) */
#define T0    G_GINT64_CONSTANT (1772442000)

typedef struct
{
  RapportDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

/* Helpers {{{ */

/* Runs @format in one write transaction, which derives what it touched. */
G_GNUC_PRINTF (2, 3) static void
sql_write (Fixture    *fixture,
       const char *format,
       ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  test_write (fixture->db, sql);
}

static gint64
last_id (Fixture *fixture)
{
  g_autofree char *text = test_query_text (fixture->db, "SELECT max (id) FROM contact");

  return g_ascii_strtoll (text, NULL, 10);
}

static gint64
add_contact (Fixture      *fixture,
             RapportStage  stage,
             gint64        referred_by)
{
  sql_write (fixture,
         "INSERT INTO contact (display_name, sort_key, stage, referred_by, created_at, updated_at) "
         "VALUES ('Ada Lovelace', 'ada lovelace', %d, nullif (%" G_GINT64_FORMAT ", 0), 0, 0)",
         stage, referred_by);
  return last_id (fixture);
}

static void
add_entry (Fixture                *fixture,
           gint64                  contact,
           RapportInteractionKind  kind,
           gint64                  at)
{
  sql_write (fixture,
         "INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) "
         "VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", 'x', 0, 0)", contact, kind, at);
}

static gint64
add_meeting (Fixture              *fixture,
             gint64                contact,
             gint64                starts_at,
             RapportMeetingStatus  status,
             gint64                created_at)
{
  g_autofree char *text = NULL;

  sql_write (fixture,
         "INSERT INTO meeting (contact_id, starts_at, duration, status, created_at, updated_at) "
         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 20, %d, %" G_GINT64_FORMAT ", 0)",
         contact, starts_at, status, created_at);
  text = test_query_text (fixture->db, "SELECT max (id) FROM meeting");
  return g_ascii_strtoll (text, NULL, 10);
}

/* The contact's reminders as "key@due/state[!]", the due time in hours
 * after T0 and ! once shown, sorted by key; contact and series ids are
 * written "c" and "s", and the user's own as "7:<text>". */
static char *
reminders (Fixture *fixture,
           gint64   contact)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT coalesce (group_concat (k, ' '), '') FROM ("
    "  SELECT CASE kind WHEN 0 THEN 'followup:c:s:' || sequence WHEN 1 THEN 'noreply:c:s' "
    "    WHEN 7 THEN '7:' || text WHEN 8 THEN 'second:c:s' ELSE key END || '@' || "
    "    ((due_at - %" G_GINT64_FORMAT ") / 3600) || '/' || state || "
    "    CASE WHEN notified_at IS NULL THEN '' ELSE '!' END AS k "
    "  FROM reminder WHERE contact_id = %" G_GINT64_FORMAT " ORDER BY key)", T0, contact);

  return test_query_text (fixture->db, g_intern_string (sql));
}

typedef struct
{
  gint64                  id;
  RapportReminderState    state;
  gint64                  now;
} SetState;

static gpointer
set_state_func (RapportDatabase  *db,
                gpointer          data,
                GError          **error)
{
  SetState *set = data;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  ok = rapport_reminder_sql_set_state (db, set->id, set->state, set->now + DAY, set->now, error);
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
set_state (Fixture              *fixture,
           const char           *key_like,
           RapportReminderState  state,
           gint64                now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM reminder WHERE key LIKE '%s'", key_like);
  g_autofree char *id = test_query_text (fixture->db, g_intern_string (sql));
  SetState set = { 0, state, now };

  g_assert_nonnull (id);
  set.id = g_ascii_strtoll (id, NULL, 10);
  g_assert_nonnull (rapport_database_run_sync (fixture->db, set_state_func, &set, &error));
  g_assert_no_error (error);
}

static gpointer
settings_func (RapportDatabase  *db,
               gpointer          data,
               GError          **error)
{
  return rapport_reminder_sql_set_settings (db, data, T0, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
set_settings (Fixture                 *fixture,
              RapportReminderSettings *settings)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rapport_database_run_sync (fixture->db, settings_func, settings, &error));
  g_assert_no_error (error);
}

#define assert_reminders(fixture, contact, expected) \
  G_STMT_START { \
    g_autofree char *actual_ = reminders (fixture, contact); \
    g_assert_cmpstr (actual_, ==, expected); \
  } G_STMT_END

static void
count_cb (guint *n)
{
  (*n)++;
}

#define assert_no_reminder(fixture, contact, needle) \
  G_STMT_START { \
    g_autofree char *actual_ = reminders (fixture, contact); \
    g_assert_null (strstr (actual_, needle)); \
  } G_STMT_END

/* }}} */
/* Follow-ups {{{ */

static void
test_follow_up_series (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  assert_reminders (fixture, ada, "");
  /* a note is no request */
  add_entry (fixture, ada, RAPPORT_INTERACTION_NOTE, T0 - DAY);
  assert_reminders (fixture, ada, "");

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  assert_reminders (fixture, ada, "followup:c:s:1@336/0");

  /* the follow-up logged: the next one is 14 days after it */
  add_entry (fixture, ada, RAPPORT_INTERACTION_CALL, T0 + 15 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:2@696/0");

  /* the reply ends the series */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_RECEIVED, T0 + 20 * DAY);
  assert_reminders (fixture, ada, "");

  /* a new request after the reply starts a new one */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 30 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@1056/0");
}

static void
test_follow_up_done (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  /* ticked off (without logging the email) a day late */
  set_state (fixture, "followup:%:1", RAPPORT_REMINDER_DONE, T0 + 15 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@336/1 followup:c:s:2@696/0");

  /* logging that follow-up too counts once */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 15 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@336/1 followup:c:s:2@696/0");
}

static void
test_follow_up_cap (Fixture       *fixture,
                    gconstpointer  data)
{
  RapportReminderSettings settings;
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  for (int i = 0; i < 4; i++)
    add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + i * 14 * DAY);
  /* the request and three follow-ups: suggest "No reply" */
  assert_reminders (fixture, ada, "noreply:c:s@1344/0");

  /* 0 never stops */
  rapport_reminder_settings_init_default (&settings);
  settings.follow_up_cap = 0;
  set_settings (fixture, &settings);
  assert_reminders (fixture, ada, "followup:c:s:4@1344/0");

  /* marking the contact "No reply" (a stage change) ends it */
  sql_write (fixture, "UPDATE contact SET stage = %d WHERE id = %" G_GINT64_FORMAT, RAPPORT_STAGE_NO_REPLY, ada);
  assert_reminders (fixture, ada, "");
}

/* 3B7: T0 + 4 days is Friday 6 March 2026, 10:00 in Berlin. */
static void
test_3b7 (Fixture       *fixture,
          gconstpointer  data)
{
  RapportReminderSettings settings;
  const char * const days_off[] = { "2026-03-10", NULL };
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  rapport_reminder_settings_init_default (&settings);
  settings.playbook = RAPPORT_PLAYBOOK_3B7;
  set_settings (fixture, &settings);

  /* sent on a Friday: a second person on Wednesday (3 business days), the
   * follow-up on the Tuesday after (7) */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 4 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@360/0 second:c:s@216/0");

  /* Tuesday 10 March off: both a day later */
  rapport_reminder_settings_set_days_off (&settings, days_off);
  set_settings (fixture, &settings);
  assert_reminders (fixture, ada, "followup:c:s:1@384/0 second:c:s@240/0");

  /* the second person written to, the reminder ticked off */
  set_state (fixture, "second:%", RAPPORT_REMINDER_DONE, T0 + 10 * DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@384/0 second:c:s@240/1");
}

static void
test_3b7_stops (Fixture       *fixture,
                gconstpointer  data)
{
  RapportReminderSettings settings;
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  rapport_reminder_settings_init_default (&settings);
  settings.playbook = RAPPORT_PLAYBOOK_3B7;
  settings.follow_up_cap = 0;   /* "never stop" is the two-week routine's */
  set_settings (fixture, &settings);
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 4 * DAY);

  /* the one follow-up, on Wednesday 18 March: then only the kind last word,
   * seven business days on (Friday 27 March) */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 16 * DAY);
  assert_reminders (fixture, ada, "noreply:c:s@600/0 second:c:s@216/0");
  set_state (fixture, "noreply:%", RAPPORT_REMINDER_DONE, T0 + 25 * DAY);

  /* another message later brings no new reminder, nor the old one back */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 30 * DAY);
  assert_reminders (fixture, ada, "noreply:c:s@600/1 second:c:s@216/0");

  /* a reply ends the series: what is still open goes */
  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_RECEIVED, T0 + 31 * DAY);
  assert_reminders (fixture, ada, "noreply:c:s@600/1");
}

/* The playbook of one contact, over the default. */
static void
test_3b7_per_contact (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  assert_reminders (fixture, ada, "followup:c:s:1@336/0");

  sql_write (fixture, "UPDATE contact SET playbook = %d WHERE id = %" G_GINT64_FORMAT, RAPPORT_PLAYBOOK_3B7, ada);
  /* Monday: Thursday and the Wednesday after */
  assert_reminders (fixture, ada, "followup:c:s:1@216/0 second:c:s@72/0");

  sql_write (fixture, "UPDATE contact SET playbook = NULL WHERE id = %" G_GINT64_FORMAT, ada);
  assert_reminders (fixture, ada, "followup:c:s:1@336/0");
}

static void
test_follow_up_ends_on_meeting (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_TO_CONTACT, 0);

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  /* moving between the stages that wait for a reply only restarts the clock */
  sql_write (fixture, "UPDATE contact SET stage = 1 WHERE id = %" G_GINT64_FORMAT, ada);
  add_entry (fixture, ada, RAPPORT_INTERACTION_STAGE_CHANGE, T0 + DAY);
  assert_reminders (fixture, ada, "followup:c:s:1@360/0");

  /* the meeting store writes a timeline entry tied to the meeting */
  sql_write (fixture,
         "INSERT INTO meeting (contact_id, starts_at, duration, created_at, updated_at) "
         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 20, %" G_GINT64_FORMAT ", 0);"
         "INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at, meeting_id) "
         "VALUES (%" G_GINT64_FORMAT ", 5, %" G_GINT64_FORMAT ", 'scheduled', 0, 0, last_insert_rowid ())",
         ada, T0 + 10 * DAY, T0 + 2 * DAY, ada, T0 + 2 * DAY);
  assert_no_reminder (fixture, ada, "followup");
}

/* }}} */
/* Meetings {{{ */

static void
test_meeting_scheduled (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_SCHEDULED, 0);
  /* Wednesday 15:00 in Berlin */
  gint64 meeting = add_meeting (fixture, ada, T0 + 2 * DAY + 5 * HOUR, RAPPORT_MEETING_PROPOSED, T0);

  /* the day before at 10:00 Berlin = T0 + 1 day; soon = 30 min before */
  assert_reminders (fixture, ada, "confirm:1@24/0 soon:1@52/0");
  g_assert_cmpint (meeting, ==, 1);

  /* shown, then moved a day later: due again */
  sql_write (fixture, "UPDATE reminder SET notified_at = 1 WHERE key = 'confirm:1'");
  assert_reminders (fixture, ada, "confirm:1@24/0! soon:1@52/0");
  sql_write (fixture, "UPDATE meeting SET starts_at = starts_at + 86400 WHERE id = 1");
  assert_reminders (fixture, ada, "confirm:1@48/0 soon:1@76/0");

  /* a confirmation done stays done while the meeting stays */
  set_state (fixture, "confirm:1", RAPPORT_REMINDER_DONE, T0);
  sql_write (fixture, "UPDATE meeting SET status = 1 WHERE id = 1");
  assert_reminders (fixture, ada, "confirm:1@48/1 soon:1@76/0");

  /* cancelled: what is still open goes, what was done stays */
  sql_write (fixture, "UPDATE meeting SET status = 3 WHERE id = 1");
  assert_reminders (fixture, ada, "confirm:1@48/1");

  /* deleted: everything about it goes */
  sql_write (fixture, "DELETE FROM meeting WHERE id = 1");
  assert_reminders (fixture, ada, "");
}

static void
test_meeting_short_notice (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_SCHEDULED, 0);

  /* made at T0 for 11:00 UTC the same day: confirm at once, "soon" at 10:30 */
  add_meeting (fixture, ada, T0 + 2 * HOUR, RAPPORT_MEETING_CONFIRMED, T0);
  assert_reminders (fixture, ada, "confirm:1@0/0 soon:1@1/0");

  /* entered after it began: nothing to confirm */
  add_meeting (fixture, ada, T0 - DAY, RAPPORT_MEETING_PROPOSED, T0);
  assert_reminders (fixture, ada, "confirm:1@0/0 soon:1@1/0");
}

static void
test_meeting_held (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 grace = add_contact (fixture, RAPPORT_STAGE_MET, 0);
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_SCHEDULED, grace);

  add_meeting (fixture, ada, T0, RAPPORT_MEETING_CONFIRMED, T0 - 3 * DAY);
  /* held, ended at T0 + 1 h */
  sql_write (fixture, "UPDATE meeting SET status = 2, ended_at = %" G_GINT64_FORMAT " WHERE id = 1", T0 + HOUR);
  assert_reminders (fixture, ada, "keep:1@2161/0 referrer:1@3/0 thanks:1@3/0");

  /* the date picked on the outcome sheet */
  sql_write (fixture, "UPDATE meeting SET keep_in_touch_at = %" G_GINT64_FORMAT " WHERE id = 1", T0 + 30 * DAY);
  assert_reminders (fixture, ada, "keep:1@720/0 referrer:1@3/0 thanks:1@3/0");

  /* the thank-you sent */
  add_entry (fixture, ada, RAPPORT_INTERACTION_THANK_YOU_SENT, T0 + 2 * HOUR);
  assert_reminders (fixture, ada, "keep:1@720/0 referrer:1@3/0");

  /* a second meeting planned: keeping in touch waits */
  add_meeting (fixture, ada, T0 + 40 * DAY, RAPPORT_MEETING_PROPOSED, T0 + 3 * DAY);
  assert_no_reminder (fixture, ada, "keep:1");

  /* no referrer, no reminder to tell them */
  sql_write (fixture, "UPDATE contact SET referred_by = NULL WHERE id = %" G_GINT64_FORMAT, ada);
  assert_no_reminder (fixture, ada, "referrer:");
}

/* The composer's message to the referrer goes on the referrer's timeline,
 * tied to the meeting: it ends the referred contact's "tell the referrer"
 * reminder, and starts no follow-up series for the referrer, nor ends one. */
static void
test_referrer_told (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 grace = add_contact (fixture, RAPPORT_STAGE_TO_CONTACT, 0);
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_SCHEDULED, grace);
  gint64 meeting = add_meeting (fixture, ada, T0, RAPPORT_MEETING_CONFIRMED, T0 - 3 * DAY);

  sql_write (fixture, "UPDATE meeting SET status = 2, ended_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
             T0 + HOUR, meeting);
  assert_reminders (fixture, ada, "keep:1@2161/0 referrer:1@3/0 thanks:1@3/0");
  assert_reminders (fixture, grace, "");

  /* the update sent to Grace: an email on her timeline, tied to Ada's meeting */
  sql_write (fixture,
             "INSERT INTO interaction (contact_id, kind, happened_at, summary, meeting_id, created_at, updated_at) "
             "VALUES (%" G_GINT64_FORMAT ", 0, %" G_GINT64_FORMAT ", 'x', %" G_GINT64_FORMAT ", 0, 0)",
             grace, T0 + 5 * HOUR, meeting);
  assert_reminders (fixture, ada, "keep:1@2161/0 thanks:1@3/0");
  assert_reminders (fixture, grace, "");

  /* a request of Grace's own still starts her series, the update aside */
  add_entry (fixture, grace, RAPPORT_INTERACTION_EMAIL_SENT, T0 + 6 * HOUR);
  assert_reminders (fixture, grace, "followup:c:s:1@342/0");

  /* deleting the update brings the reminder back */
  sql_write (fixture, "DELETE FROM interaction WHERE meeting_id = %" G_GINT64_FORMAT, meeting);
  assert_reminders (fixture, ada, "keep:1@2161/0 referrer:1@3/0 thanks:1@3/0");
}

/* }}} */
/* Contacts and the user's own {{{ */

static void
test_contact_trashed_and_deleted (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  sql_write (fixture,
         "INSERT INTO reminder (kind, contact_id, due_at, text, created_at, updated_at) "
         "VALUES (7, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'Send the article', 0, 0)", ada, T0 + HOUR);
  assert_reminders (fixture, ada, "7:Send the article@1/0 followup:c:s:1@336/0");

  /* trashed: derived ones go, the user's own stays (and does not fire,
   * see test-reminder-scheduler) */
  sql_write (fixture, "UPDATE contact SET trashed = 1 WHERE id = %" G_GINT64_FORMAT, ada);
  assert_reminders (fixture, ada, "7:Send the article@1/0");

  /* Undo brings them back */
  sql_write (fixture, "UPDATE contact SET trashed = 0 WHERE id = %" G_GINT64_FORMAT, ada);
  assert_reminders (fixture, ada, "7:Send the article@1/0 followup:c:s:1@336/0");

  /* deleted for good: all of them */
  sql_write (fixture, "DELETE FROM contact WHERE id = %" G_GINT64_FORMAT, ada);
  {
    g_autofree char *n = test_query_text (fixture->db, "SELECT count (*) FROM reminder");
    g_assert_cmpstr (n, ==, "0");
  }
}

static void
test_settings_move_due_times (Fixture       *fixture,
                              gconstpointer  data)
{
  RapportReminderSettings settings;
  gint64 ada = add_contact (fixture, RAPPORT_STAGE_REQUEST_SENT, 0);

  add_entry (fixture, ada, RAPPORT_INTERACTION_EMAIL_SENT, T0);
  add_meeting (fixture, ada, T0 + 2 * DAY + 5 * HOUR, RAPPORT_MEETING_PROPOSED, T0);
  /* the meeting ended the series; its times follow the settings */
  rapport_reminder_settings_init_default (&settings);
  settings.confirm_minute = 8 * 60;
  settings.soon_minutes = 60;
  set_settings (fixture, &settings);
  assert_reminders (fixture, ada, "confirm:1@22/0 followup:c:s:1@336/0 soon:1@52/0");
}

/* Through the stores: derivation runs inside the contact store's own
 * transaction, and the reminder store passes its "changed" on. */
static void
test_hooked_into_stores (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RapportContactStore) contacts = rapport_contact_store_new (fixture->db);
  g_autoptr(RapportReminderStore) store = rapport_reminder_store_new (fixture->db, contacts, NULL);
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportInteraction) entry = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (T0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_changed = 0;
  gint64 ada;

  g_signal_connect_swapped (store, "changed", G_CALLBACK (count_cb), &n_changed);
  rapport_contact_set_display_name (contact, "Ada Lovelace");
  rapport_contact_store_save_async (contacts, contact, NULL, test_store_result_cb, &result);
  ada = rapport_contact_store_save_finish (contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  entry = rapport_interaction_new (ada, RAPPORT_INTERACTION_EMAIL_SENT, when, "Request", "");
  rapport_contact_store_save_interaction_async (contacts, entry, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_interaction_finish (contacts, test_wait_for (&result), &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (n_changed, ==, 2);
  assert_reminders (fixture, ada, "followup:c:s:1@336/0");

  /* the Today page's list, with the contact's name for the title */
  rapport_reminder_store_list_async (store, T0 + 15 * DAY, NULL, test_store_result_cb, &result);
  listed = rapport_reminder_store_list_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  title = rapport_reminder_dup_title (g_ptr_array_index (listed, 0));
  g_assert_cmpstr (title, ==, "Follow up with Ada Lovelace");
}

/* The Today page's groups (rapport_reminder_sql_list_due()): each counted
 * and read up to its limit, earliest first by when it is to be shown (a
 * snoozed one by its snooze), without what is done, dismissed, later or of
 * a contact in the trash. The query names its index, so running at all
 * says the index is there and usable. */
static gpointer
groups_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  static const gint64 bounds[RAPPORT_N_DUE_GROUPS] = { 1000, 2000, 3000 };
  static const guint limits[RAPPORT_N_DUE_GROUPS] = { 1, 5, 5 };

  if (!rapport_database_exec (db,
        "INSERT INTO contact (id, display_name, sort_key, created_at, updated_at) VALUES (1, 'Ada', 'ada', 0, 0);"
        "INSERT INTO contact (id, display_name, sort_key, trashed, created_at, updated_at) "
        "  VALUES (2, 'Bob', 'bob', 1, 0, 0);"
        "DELETE FROM reminder;"
        "INSERT INTO reminder (id, kind, contact_id, due_at, state, snoozed_until, created_at, updated_at) VALUES "
        "  (1, 0, 1, 100, 0, NULL, 0, 0), (2, 0, 1, 200, 0, NULL, 0, 0), (3, 0, 2, 300, 0, NULL, 0, 0),"
        "  (4, 0, 1, 400, 1, NULL, 0, 0), (5, 0, 1, 50, 2, 1500, 0, 0), (6, 0, 1, 1200, 0, NULL, 0, 0),"
        "  (7, 0, 1, 2500, 0, NULL, 0, 0), (8, 0, 1, 3500, 0, NULL, 0, 0), (9, 0, 1, 150, 3, NULL, 0, 0);",
        error))
    return NULL;
  return rapport_reminder_sql_list_due (db, bounds, limits, error);
}

static void
test_today_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RapportDueList) list = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 expected[] = { 1, 6, 5, 7 };

  list = rapport_database_run_sync (fixture->db, groups_func, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->counts[RAPPORT_DUE_OVERDUE], ==, 2);
  g_assert_cmpuint (list->counts[RAPPORT_DUE_TODAY], ==, 2);
  g_assert_cmpuint (list->counts[RAPPORT_DUE_THIS_WEEK], ==, 1);
  g_assert_cmpint (list->bounds[RAPPORT_DUE_TODAY], ==, 2000);
  g_assert_cmpuint (list->reminders->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (rapport_reminder_get_id (g_ptr_array_index (list->reminders, i)), ==, expected[i]);
  g_assert_cmpint (rapport_reminder_get_when (g_ptr_array_index (list->reminders, 2)), ==, 1500);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  /* The expected due times and dates below are Berlin's wall clock (a day
   * before at 10:00, a meeting shown at 10:30), so the test sets the zone
   * itself rather than trust the caller's. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/reminder-rules/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("follow-up/series", test_follow_up_series);
  ADD ("follow-up/done", test_follow_up_done);
  ADD ("follow-up/cap", test_follow_up_cap);
  ADD ("follow-up/ends-on-meeting", test_follow_up_ends_on_meeting);
  ADD ("3b7/derived", test_3b7);
  ADD ("3b7/stops", test_3b7_stops);
  ADD ("3b7/per-contact", test_3b7_per_contact);
  ADD ("meeting/scheduled-moved-cancelled", test_meeting_scheduled);
  ADD ("meeting/short-notice", test_meeting_short_notice);
  ADD ("meeting/held", test_meeting_held);
  ADD ("meeting/referrer-told", test_referrer_told);
  ADD ("contact/trashed-and-deleted", test_contact_trashed_and_deleted);
  ADD ("settings", test_settings_move_due_times);
  ADD ("hooked-into-stores", test_hooked_into_stores);
  ADD ("today-groups", test_today_groups);

  return g_test_run ();
}
