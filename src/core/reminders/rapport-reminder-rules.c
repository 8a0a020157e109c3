/* rapport-reminder-rules.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder"

#include "config.h"

#include <stdio.h>

#include "rapport-sql.h"
#include "rapport-business-days.h"
#include "rapport-contact.h"
#include "rapport-interaction.h"
#include "rapport-meeting.h"
#include "rapport-reminder-sql.h"

/* Which reminders a contact should have, from its stage, timeline and
 * meetings alone, and making the reminder table say so.
 *
 * Derivation is hooked into the stores' transactions, not into their
 * "changed" signals: triggers (migration 4) note each contact a write may
 * concern in reminder_dirty, and a commit hook on the database
 * (rapport_reminder_rules_attach()) derives those contacts just before
 * COMMIT. So a reminder can never
 * disagree with the data it comes from, not even after a crash, and no write
 * path (import, merge, the meeting sheet, a later one) can forget it.
 *
 * A derived reminder's key names its cause, so re-deriving finds the same
 * row and keeps its state:
 *
 *   followup:<contact>:<series>:<n>   n-th follow-up of a series of requests
 *   noreply:<contact>:<series>        the follow-ups ran out
 *   confirm:<meeting>  soon:<meeting>  thanks:<meeting>  referrer:<meeting>
 *   keep:<meeting>
 *
 * A series is named by the id of its first request. Rows whose cause is
 * gone are deleted while still open (pending or snoozed); done and dismissed
 * ones stay as history. A row whose due time moves (a meeting moved, a new
 * keep-in-touch date) is pending and unshown again: it is news. */

#define DAY (24 * 60 * 60)

/* Settings live with the database: cached on the object, set through its
 * worker (rapport_reminder_sql_set_settings), so the commit hook reads them
 * without a lock of its own; and kept in the meta table, so that a start
 * with the same settings as last time derives nothing again. */
#define SETTINGS_KEY "rapport-reminder-settings"
G_STATIC_ASSERT (RAPPORT_DAYS_OFF_SIZE == 512);  /* the %511[ of the sscanf () below */

typedef struct
{
  char                *key;
  RapportReminderKind  kind;
  gint64               meeting_id;
  gint64               series;
  guint                sequence;
  gint64               due_at;
} Wanted;

static void
wanted_clear (gpointer data)
{
  Wanted *wanted = data;

  g_free (wanted->key);
}

static void
want (GArray               *wanted,
      RapportReminderKind   kind,
      gint64                meeting_id,
      gint64                series,
      guint                 sequence,
      gint64                due_at,
      char                 *key)
{
  Wanted item = { key, kind, meeting_id, series, sequence, due_at };

  g_array_append_val (wanted, item);
}

static char *
settings_to_string (const RapportReminderSettings *settings)
{
  /* the days off last: the only field with commas in it */
  return g_strdup_printf ("%u,%u,%u,%u,%u,%u,%u,%s", settings->follow_up_days, settings->follow_up_cap,
                          settings->confirm_minute, settings->soon_minutes, settings->thank_you_hours,
                          settings->keep_in_touch_days, settings->playbook, settings->days_off);
}

static char *
read_stored_settings (RapportDatabase *db)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "SELECT value FROM meta WHERE key = 'reminder-settings'", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

void
rapport_reminder_sql_get_settings (RapportDatabase         *db,
                                   RapportReminderSettings *settings)
{
  const RapportReminderSettings *cached = g_object_get_data (G_OBJECT (db), SETTINGS_KEY);
  g_autofree char *stored = NULL;

  rapport_reminder_settings_init_default (settings);
  if (cached != NULL)
    {
      *settings = *cached;
      return;
    }

  stored = read_stored_settings (db);
  /* Those stored before the playbooks had six fields: the defaults then,
   * which derive everything again once the application sets its own. */
  if (stored != NULL &&
      sscanf (stored, "%u,%u,%u,%u,%u,%u,%u,%511[^\n]", &settings->follow_up_days, &settings->follow_up_cap,
              &settings->confirm_minute, &settings->soon_minutes, &settings->thank_you_hours,
              &settings->keep_in_touch_days, &settings->playbook, settings->days_off) < 7)
    rapport_reminder_settings_init_default (settings);
  settings->playbook = MIN (settings->playbook, RAPPORT_N_PLAYBOOKS - 1);
}

/* Stores @settings and, if they differ from those the reminders were
 * derived with, derives every contact again: all due times may move. */
gboolean
rapport_reminder_sql_set_settings (RapportDatabase                *db,
                                   const RapportReminderSettings  *settings,
                                   gint64                          now,
                                   GError                        **error)
{
  RapportReminderSettings old;
  g_autofree char *value = settings_to_string (settings);
  sqlite3_stmt *stmt;
  gboolean ok;

  rapport_reminder_sql_get_settings (db, &old);
  g_object_set_data_full (G_OBJECT (db), SETTINGS_KEY,
                          g_memdup2 (settings, sizeof *settings), g_free);
  if (rapport_reminder_settings_equal (&old, settings))
    return TRUE;

  if (!rapport_sql_begin (db, error))
    return FALSE;
  stmt = rapport_database_prepare (db,
    "INSERT INTO meta (key, value) VALUES ('reminder-settings', ?1) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  ok = stmt != NULL;
  if (ok)
    {
      rapport_sql_bind_text (stmt, 1, value);
      ok = rapport_sql_step_done (db, stmt, error) &&
           rapport_database_exec (db, "INSERT INTO reminder_dirty (contact_id) SELECT id FROM contact", error);
    }
  if (!rapport_sql_commit_or_rollback (db, ok, error))
    {
      /* the reminders still follow the old ones */
      g_object_set_data_full (G_OBJECT (db), SETTINGS_KEY, g_memdup2 (&old, sizeof old), g_free);
      return FALSE;
    }
  return TRUE;
}

/* SQL helpers {{{ */

/* The first column of the one row of @sql (with ?1 = @id, ?2 = @other), or
 * @fallback if there is no row or it is NULL. */
static gboolean
query_int64 (RapportDatabase  *db,
             const char       *sql,
             gint64            id,
             gint64            other,
             gint64            fallback,
             gint64           *out,
             GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, other);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 0) : fallback;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, sql, error);
  return TRUE;
}

/* }}} */
/* Follow-ups {{{ */

/* An entry tied to a meeting of another contact (a note to a referrer about
 * the meeting they brought about) is neither a request to this contact nor
 * a reply from them. */
#define OWN_ENTRY "(meeting_id IS NULL OR meeting_id IN (SELECT id FROM meeting WHERE contact_id = ?1))"

/* The 3B7 routine: with no reply three business days after the request,
 * write to a second person at the same organisation (the row suggests
 * whom); after seven, follow up once with the first. Once that follow-up
 * is logged or ticked off, the last word, seven business days on, is to
 * mark them "No reply" (sequence 0 says which wording): no further
 * follow-ups, whatever the cap. Business days are counted in the user's
 * zone, as contacts have none of their own yet. @n is the follow-up due
 * next, 1 for the first; @followed_at when the first was sent or ticked. */
static void
derive_3b7 (gint64                          contact_id,
            gint64                          anchor_id,
            gint64                          anchor_at,
            gint64                          n,
            gint64                          followed_at,
            const RapportReminderSettings  *settings,
            GArray                         *wanted)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_auto(GStrv) days_off = rapport_reminder_settings_dup_days_off (settings);
  const char * const *off = (const char * const *) days_off;

  want (wanted, RAPPORT_REMINDER_SECOND_CONTACT, 0, anchor_id, 0, rapport_business_days_add (anchor_at, 3, tz, off),
        g_strdup_printf ("second:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, contact_id, anchor_id));
  if (n == 1)
    want (wanted, RAPPORT_REMINDER_FOLLOW_UP, 0, anchor_id, 1, rapport_business_days_add (anchor_at, 7, tz, off),
          g_strdup_printf ("followup:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":1", contact_id, anchor_id));
  else
    want (wanted, RAPPORT_REMINDER_NO_REPLY, 0, anchor_id, 0, rapport_business_days_add (followed_at, 7, tz, off),
          g_strdup_printf ("noreply:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, contact_id, anchor_id));
}

/* A request is an email sent, a call or a voicemail. A reply (an email
 * received), a meeting (logged, or anything a meeting wrote) ends the
 * series; so does moving the contact out of the stages that wait for a
 * reply (To contact, Request sent), e.g. to Scheduled, Declined, No reply
 * or Paused. The series starts at the first request after the last reply.
 *
 * The n-th follow-up is due an interval after the latest sign of activity
 * in the series: the last request or follow-up logged, the last stage
 * change, or the previous follow-up reminder being marked done (or
 * dismissed). n counts follow-ups logged or marked done, whichever is more,
 * so logging the email and ticking the reminder count once. Past the cap,
 * the reminder suggests "No reply" instead. */
static gboolean
derive_follow_up (RapportDatabase                *db,
                  gint64                          contact_id,
                  const RapportReminderSettings  *settings,
                  GArray                         *wanted,
                  GError                        **error)
{
  gint64 last_end, anchor_id, anchor_at, n_requests, n_handled, last_activity, last_handled;
  gint64 base, n, playbook;
  sqlite3_stmt *stmt;
  int rc;

  if (!query_int64 (db,
                    "SELECT max (happened_at) FROM interaction WHERE contact_id = ?1 AND ?2 = ?2 "
                    "AND (kind IN (1, 4) OR meeting_id IN (SELECT id FROM meeting WHERE contact_id = ?1))",
                    contact_id, 0, G_MININT64, &last_end, error))
    return FALSE;

  stmt = rapport_database_prepare (db,
    "SELECT id, happened_at FROM interaction WHERE contact_id = ?1 AND kind IN (0, 2, 3) AND happened_at > ?2 "
    "AND " OWN_ENTRY " "
    "ORDER BY happened_at, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int64 (stmt, 2, last_end);
  rc = sqlite3_step (stmt);
  anchor_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  anchor_at = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "follow-up series", error);
  if (anchor_id == 0)
    return TRUE;

  if (!query_int64 (db,
                    "SELECT count (*) - 1 FROM interaction WHERE contact_id = ?1 AND kind IN (0, 2, 3) "
                    "AND happened_at >= ?2 AND " OWN_ENTRY,
                    contact_id, anchor_at, 0, &n_requests, error) ||
      !query_int64 (db,
                    "SELECT max (happened_at) FROM interaction WHERE contact_id = ?1 AND kind IN (0, 2, 3, 8) "
                    "AND happened_at >= ?2 AND " OWN_ENTRY,
                    contact_id, anchor_at, anchor_at, &last_activity, error) ||
      !query_int64 (db,
                    "SELECT count (*) FROM reminder WHERE contact_id = ?1 AND series = ?2 AND kind = 0 "
                    "AND state IN (1, 3)",
                    contact_id, anchor_id, 0, &n_handled, error) ||
      !query_int64 (db,
                    "SELECT max (updated_at) FROM reminder WHERE contact_id = ?1 AND series = ?2 AND kind = 0 "
                    "AND state IN (1, 3)",
                    contact_id, anchor_id, G_MININT64, &last_handled, error))
    return FALSE;

  base = MAX (last_activity, last_handled);
  n = MAX (n_requests, n_handled) + 1;

  if (!query_int64 (db, "SELECT coalesce (playbook, ?2) FROM contact WHERE id = ?1",
                    contact_id, settings->playbook, settings->playbook, &playbook, error))
    return FALSE;
  if (playbook == RAPPORT_PLAYBOOK_3B7)
    {
      gint64 second_request, first_handled;

      /* The last word counts from the one follow-up, not from whatever
       * came after it, so that once ticked off it stays done. */
      if (n > 1 &&
          (!query_int64 (db,
                         "SELECT happened_at FROM interaction WHERE contact_id = ?1 AND kind IN (0, 2, 3) "
                         "AND happened_at >= ?2 AND " OWN_ENTRY " ORDER BY happened_at, id LIMIT 1 OFFSET 1",
                         contact_id, anchor_at, G_MAXINT64, &second_request, error) ||
           !query_int64 (db,
                         "SELECT min (updated_at) FROM reminder WHERE contact_id = ?1 AND series = ?2 AND kind = 0 "
                         "AND state IN (1, 3)",
                         contact_id, anchor_id, G_MAXINT64, &first_handled, error)))
        return FALSE;
      derive_3b7 (contact_id, anchor_id, anchor_at, n, n > 1 ? MIN (second_request, first_handled) : base,
                  settings, wanted);
      return TRUE;
    }

  if (settings->follow_up_cap > 0 && n > settings->follow_up_cap)
    want (wanted, RAPPORT_REMINDER_NO_REPLY, 0, anchor_id, n, base + (gint64) settings->follow_up_days * DAY,
          g_strdup_printf ("noreply:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, contact_id, anchor_id));
  else
    want (wanted, RAPPORT_REMINDER_FOLLOW_UP, 0, anchor_id, n, base + (gint64) settings->follow_up_days * DAY,
          g_strdup_printf ("followup:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                           contact_id, anchor_id, n));
  return TRUE;
}

/* }}} */
/* Meetings {{{ */

typedef struct
{
  gint64               id;
  gint64               starts_at;
  gint64               ends_at;
  RapportMeetingStatus status;
  gint64               keep_in_touch_at;
  gint64               created_at;
} Meeting;

/* The day before @starts_at, at @minute after local midnight. Built from
 * the calendar date (at noon, clear of daylight saving changes), not by
 * subtracting 24 hours, so that such a change in between keeps the time. */
static gint64
day_before (gint64 starts_at,
            guint  minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (starts_at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) noon = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) at = NULL;

  minute = MIN (minute, 24 * 60 - 1);
  noon = g_date_time_new (tz, g_date_time_get_year (local), g_date_time_get_month (local),
                          g_date_time_get_day_of_month (local), 12, 0, 0);
  before = g_date_time_add_days (noon, -1);
  at = g_date_time_new (tz, g_date_time_get_year (before), g_date_time_get_month (before),
                        g_date_time_get_day_of_month (before), minute / 60, minute % 60, 0);
  return g_date_time_to_unix (at);
}

static gboolean
load_meetings (RapportDatabase  *db,
               gint64            contact_id,
               GArray           *meetings,
               GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, starts_at, coalesce (ended_at, starts_at + duration * 60), status, "
    "  coalesce (keep_in_touch_at, 0), created_at "
    "FROM meeting WHERE contact_id = ?1 ORDER BY starts_at, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Meeting meeting = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int (stmt, 3), sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 5),
      };

      g_array_append_val (meetings, meeting);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "meetings for reminders", error);
  return TRUE;
}

/* Confirm the day before and a nudge shortly before, for a meeting still
 * to come. One scheduled at shorter notice than that is due at once (at
 * its creation); one entered after it began gets neither. */
static void
derive_open (const Meeting                  *m,
             const RapportReminderSettings  *settings,
             GArray                         *wanted)
{
  if (m->starts_at <= m->created_at)
    return;

  want (wanted, RAPPORT_REMINDER_CONFIRM, m->id, 0, 0,
        MAX (day_before (m->starts_at, settings->confirm_minute), m->created_at),
        g_strdup_printf ("confirm:%" G_GINT64_FORMAT, m->id));
  want (wanted, RAPPORT_REMINDER_MEETING_SOON, m->id, 0, 0,
        MAX (m->starts_at - (gint64) settings->soon_minutes * 60, m->created_at),
        g_strdup_printf ("soon:%" G_GINT64_FORMAT, m->id));
}

/* After a meeting: the thank-you (gone once one is on the timeline, or the
 * contact is marked Thanked or Keeping in touch); telling the referrer, for
 * the first meeting only, as that is what they helped with (gone once a
 * message to them about it is on record); keeping in
 * touch, for the last meeting held only and unless another is planned. */
static gboolean
derive_held (RapportDatabase                *db,
             gint64                          contact_id,
             RapportStage                    stage,
             gboolean                        has_referrer,
             GArray                         *meetings,
             const RapportReminderSettings  *settings,
             GArray                         *wanted,
             GError                        **error)
{
  gint64 first_held = 0, last_held = 0, last_open_start = G_MININT64, last_held_start = 0;

  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *m = &g_array_index (meetings, Meeting, i);

      if (m->status == RAPPORT_MEETING_HELD)
        {
          if (first_held == 0)
            first_held = m->id;
          last_held = m->id;
          last_held_start = m->starts_at;
        }
      else if (rapport_meeting_status_is_open (m->status))
        last_open_start = MAX (last_open_start, m->starts_at);
    }

  for (guint i = 0; i < meetings->len; i++)
    {
      const Meeting *m = &g_array_index (meetings, Meeting, i);
      gint64 nudge = m->ends_at + (gint64) settings->thank_you_hours * 60 * 60;
      gint64 thanked, told = 0;

      if (m->status != RAPPORT_MEETING_HELD)
        continue;

      if (!query_int64 (db,
                        "SELECT count (*) FROM interaction WHERE contact_id = ?1 AND kind = 6 AND happened_at >= ?2",
                        contact_id, m->starts_at, 0, &thanked, error))
        return FALSE;
      if (thanked == 0 && stage != RAPPORT_STAGE_THANKED && stage != RAPPORT_STAGE_KEEPING_IN_TOUCH)
        want (wanted, RAPPORT_REMINDER_THANK_YOU, m->id, 0, 0, nudge,
              g_strdup_printf ("thanks:%" G_GINT64_FORMAT, m->id));

      /* Told once an entry tied to this meeting is on another timeline:
       * the message to the referrer (the composer puts it there). */
      if (has_referrer && m->id == first_held &&
          !query_int64 (db,
                        "SELECT count (*) FROM interaction WHERE meeting_id = ?2 AND contact_id != ?1",
                        contact_id, m->id, 0, &told, error))
        return FALSE;
      if (has_referrer && m->id == first_held && told == 0)
        want (wanted, RAPPORT_REMINDER_TELL_REFERRER, m->id, 0, 0, nudge,
              g_strdup_printf ("referrer:%" G_GINT64_FORMAT, m->id));

      if (m->id == last_held && last_open_start < last_held_start)
        want (wanted, RAPPORT_REMINDER_KEEP_IN_TOUCH, m->id, 0, 0,
              m->keep_in_touch_at != 0 ? m->keep_in_touch_at
                                       : m->ends_at + (gint64) settings->keep_in_touch_days * DAY,
              g_strdup_printf ("keep:%" G_GINT64_FORMAT, m->id));
    }

  return TRUE;
}

/* }}} */
/* Making the table agree {{{ */

static gboolean
apply (RapportDatabase  *db,
       gint64            contact_id,
       GArray           *wanted,
       gint64            now,
       GError          **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < wanted->len; i++)
    {
      const Wanted *w = &g_array_index (wanted, Wanted, i);

      g_hash_table_add (keys, w->key);
      stmt = rapport_database_prepare (db,
        "INSERT INTO reminder (key, kind, contact_id, meeting_id, series, sequence, due_at, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, nullif (?4, 0), ?5, ?6, ?7, ?8, ?8) "
        "ON CONFLICT (key) DO UPDATE SET due_at = excluded.due_at, state = 0, snoozed_until = NULL, "
        "  notified_at = NULL, updated_at = excluded.updated_at "
        "WHERE due_at != excluded.due_at", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, w->key, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, w->kind);
      sqlite3_bind_int64 (stmt, 3, contact_id);
      sqlite3_bind_int64 (stmt, 4, w->meeting_id);
      sqlite3_bind_int64 (stmt, 5, w->series);
      sqlite3_bind_int (stmt, 6, w->sequence);
      sqlite3_bind_int64 (stmt, 7, w->due_at);
      sqlite3_bind_int64 (stmt, 8, now);
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }

  stmt = rapport_database_prepare (db,
    "SELECT id, key FROM reminder WHERE contact_id = ?1 AND key IS NOT NULL AND state IN (0, 2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!g_hash_table_contains (keys, sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (stale, id);
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "stale reminders", error);

  for (guint i = 0; i < stale->len; i++)
    {
      stmt = rapport_database_prepare (db, "DELETE FROM reminder WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (stale, gint64, i));
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_reminder_sql_derive:
 * @db: the database, on its thread, inside a transaction
 * @contact_id: the contact whose reminders to derive
 * @settings: the intervals
 * @now: the time written into created_at and updated_at
 *
 * Makes the derived reminders of @contact_id what its stage, timeline and
 * meetings call for under @settings: adds those missing, moves those whose
 * due time changed and deletes open ones whose cause is gone. The user's own
 * reminders are left alone. A trashed contact has none; a contact that no
 * longer exists has none either (ON DELETE CASCADE removed them).
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
rapport_reminder_sql_derive (RapportDatabase                *db,
                             gint64                          contact_id,
                             const RapportReminderSettings  *settings,
                             gint64                          now,
                             GError                        **error)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (Wanted));
  g_autoptr(GArray) meetings = g_array_new (FALSE, FALSE, sizeof (Meeting));
  sqlite3_stmt *stmt;
  RapportStage stage = 0;
  gboolean trashed = TRUE, has_referrer = FALSE;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  g_array_set_clear_func (wanted, wanted_clear);

  stmt = rapport_database_prepare (db,
    "SELECT c.stage, c.trashed, r.id IS NOT NULL AND r.trashed = 0 "
    "FROM contact c LEFT JOIN contact r ON r.id = c.referred_by WHERE c.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stage = sqlite3_column_int (stmt, 0);
      trashed = sqlite3_column_int (stmt, 1) != 0;
      has_referrer = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "contact for reminders", error);

  if (!trashed)
    {
      if ((stage == RAPPORT_STAGE_TO_CONTACT || stage == RAPPORT_STAGE_REQUEST_SENT) &&
          !derive_follow_up (db, contact_id, settings, wanted, error))
        return FALSE;

      if (!load_meetings (db, contact_id, meetings, error))
        return FALSE;
      for (guint i = 0; i < meetings->len; i++)
        {
          const Meeting *m = &g_array_index (meetings, Meeting, i);

          if (rapport_meeting_status_is_open (m->status))
            derive_open (m, settings, wanted);
        }
      if (!derive_held (db, contact_id, stage, has_referrer, meetings, settings, wanted, error))
        return FALSE;
    }

  return apply (db, contact_id, wanted, now, error);
}

/**
 * rapport_reminder_sql_derive_dirty:
 *
 * Derives the contacts that writes since the last call have marked (the
 * triggers of migration 4), with the database's settings. Called by
 * rapport_sql_commit_or_rollback() inside each write transaction, once
 * rapport_reminder_rules_attach() has made it a commit hook.
 */
gboolean
rapport_reminder_sql_derive_dirty (RapportDatabase  *db,
                                   gint64            now,
                                   GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportReminderSettings settings;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (db), FALSE);

  stmt = rapport_database_prepare (db, "SELECT DISTINCT contact_id FROM reminder_dirty", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "dirty contacts", error);
  if (ids->len == 0)
    return TRUE;

  rapport_reminder_sql_get_settings (db, &settings);
  for (guint i = 0; i < ids->len; i++)
    if (!rapport_reminder_sql_derive (db, g_array_index (ids, gint64, i), &settings, now, error))
      return FALSE;

  return rapport_database_exec (db, "DELETE FROM reminder_dirty", error);
}

/* }}} */

static gboolean
derive_dirty_hook (RapportDatabase  *db,
                   gpointer          user_data,
                   GError          **error)
{
  return rapport_reminder_sql_derive_dirty (db, rapport_sql_now (), error);
}

/**
 * rapport_reminder_rules_attach:
 *
 * Makes every write transaction on @db derive, before it commits, the
 * reminders of the contacts it changed. Whoever sets up a database for the
 * stores calls it once, before the first write; calling it again does
 * nothing.
 */
void
rapport_reminder_rules_attach (RapportDatabase *db)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (db));

  if (g_object_get_data (G_OBJECT (db), "rapport-reminder-rules") != NULL)
    return;
  g_object_set_data (G_OBJECT (db), "rapport-reminder-rules", GINT_TO_POINTER (TRUE));
  rapport_database_add_commit_hook (db, derive_dirty_hook, NULL, NULL);
}
