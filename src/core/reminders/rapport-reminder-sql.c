/* rapport-reminder-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-store.h"
#include "rapport-second-person.h"
#include "rapport-sql.h"
#include "rapport-reminder-sql.h"

/* Reading the reminder table and the user's actions on it. The scheduler's
 * two questions, "when is the next one?" and "which are due?", both walk the
 * partial index on next_at from its start and stop at once: the cost does
 * not grow with the number of reminders. Reminders of trashed contacts are
 * skipped, not deleted, so that Undo brings them back as they were. */

#define REMINDER_FIELDS \
  "r.id, r.kind, r.state, r.due_at, coalesce (r.snoozed_until, 0), coalesce (r.notified_at, 0), " \
  "coalesce (r.contact_id, 0), coalesce (c.display_name, ''), coalesce (ref.display_name, ''), " \
  "coalesce (r.meeting_id, 0), coalesce (m.starts_at, 0), r.sequence, r.text, coalesce (c.organisation_id, 0) "
#define REMINDER_JOINS \
  "LEFT JOIN contact c ON c.id = r.contact_id " \
  "LEFT JOIN contact ref ON ref.id = c.referred_by LEFT JOIN meeting m ON m.id = r.meeting_id "
#define REMINDER_COLUMNS REMINDER_FIELDS "FROM reminder r " REMINDER_JOINS

/* When an open reminder is to be shown: the expression of the index
 * reminder_open_by_when (rapport-migrations.c), which it must match. */
#define OPEN_WHEN "(CASE r.state WHEN 2 THEN r.snoozed_until ELSE r.due_at END)"
/* Named, as without statistics (no ANALYZE) the planner prefers the index
 * on (state, due_at), and then sorts every open reminder. */
#define OPEN_BY_WHEN "FROM reminder r INDEXED BY reminder_open_by_when "

static RapportReminder *
reminder_from_row (RapportDatabase *db,
                   sqlite3_stmt    *stmt)
{
  RapportReminder *reminder;

  reminder = rapport_reminder_new (sqlite3_column_int64 (stmt, 0),
                                   CLAMP (sqlite3_column_int (stmt, 1), 0, RAPPORT_N_REMINDER_KINDS - 1),
                                   sqlite3_column_int64 (stmt, 3));
  rapport_reminder_set_state (reminder, CLAMP (sqlite3_column_int (stmt, 2), 0, RAPPORT_REMINDER_DISMISSED));
  rapport_reminder_set_snoozed_until (reminder, sqlite3_column_int64 (stmt, 4));
  rapport_reminder_set_notified_at (reminder, sqlite3_column_int64 (stmt, 5));
  rapport_reminder_set_contact_id (reminder, sqlite3_column_int64 (stmt, 6));
  rapport_reminder_set_names (reminder, rapport_sql_column_text (stmt, 7),
                              rapport_sql_column_text (stmt, 8));
  rapport_reminder_set_meeting (reminder, sqlite3_column_int64 (stmt, 9), sqlite3_column_int64 (stmt, 10));
  rapport_reminder_set_sequence (reminder, sqlite3_column_int (stmt, 11));
  rapport_reminder_set_text (reminder, rapport_sql_column_text (stmt, 12));
  /* A 3B7 reminder names whom to ask next at the contact's organisation. */
  if (rapport_reminder_get_kind (reminder) == RAPPORT_REMINDER_SECOND_CONTACT)
    {
      g_autofree char *name = rapport_second_person_suggest (db, sqlite3_column_int64 (stmt, 13), rapport_sql_now ());

      rapport_reminder_set_suggested_name (reminder, name);
    }
  return reminder;
}

static GPtrArray *
select_reminders (RapportDatabase  *db,
                  const char       *sql,
                  gint64            value,
                  GError          **error)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reminders, reminder_from_row (db, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "reminders", error);
      return NULL;
    }
  return g_steal_pointer (&reminders);
}

/**
 * rapport_reminder_sql_next_at:
 * @next_at: (out): when the next reminder is to be shown, or 0 for none
 *
 * One step down the index on next_at.
 */
gboolean
rapport_reminder_sql_next_at (RapportDatabase  *db,
                              gint64           *next_at,
                              GError          **error)
{
  static const char sql[] =
    "SELECT r.next_at FROM reminder r LEFT JOIN contact c ON c.id = r.contact_id "
    "WHERE r.next_at IS NOT NULL AND coalesce (c.trashed, 0) = 0 ORDER BY r.next_at LIMIT 1";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *next_at = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "next reminder", error);
  return TRUE;
}

/**
 * rapport_reminder_sql_mark_due:
 * @due_before: take the reminders to be shown at or before this time
 * @now: the time to record as notified_at
 *
 * Marks the reminders due by @due_before as shown and returns them, in one
 * transaction of its own. Marking comes first: once it has committed, no
 * crash or restart can show them again (at worst one is lost, never shown
 * twice).
 *
 * Returns: (transfer container) (element-type RapportReminder): the
 *   reminders, earliest first, possibly none; %NULL on error
 */
GPtrArray *
rapport_reminder_sql_mark_due (RapportDatabase  *db,
                               gint64            due_before,
                               gint64            now,
                               GError          **error)
{
  g_autoptr(GPtrArray) due = NULL;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;

  due = select_reminders (db,
    "SELECT " REMINDER_COLUMNS
    "WHERE r.next_at IS NOT NULL AND r.next_at <= ?1 AND coalesce (c.trashed, 0) = 0 "
    "ORDER BY r.next_at, r.id", due_before, error);
  ok = due != NULL;

  for (guint i = 0; ok && i < due->len; i++)
    {
      RapportReminder *reminder = g_ptr_array_index (due, i);
      sqlite3_stmt *stmt = rapport_database_prepare (db,
        "UPDATE reminder SET notified_at = ?2 WHERE id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, rapport_reminder_get_id (reminder));
          sqlite3_bind_int64 (stmt, 2, now);
          ok = rapport_sql_step_done (db, stmt, error);
          rapport_reminder_set_notified_at (reminder, now);
        }
    }

  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return NULL;
  return g_steal_pointer (&due);
}

/**
 * rapport_reminder_sql_list:
 * @until: the latest time to list
 *
 * The open reminders (pending or snoozed, shown or not) of contacts not in
 * the trash, to be shown by @until, earliest first: the Today page.
 */
GPtrArray *
rapport_reminder_sql_list (RapportDatabase  *db,
                           gint64            until,
                           GError          **error)
{
  return select_reminders (db,
    "SELECT " REMINDER_COLUMNS
    "WHERE r.state IN (0, 2) AND coalesce (c.trashed, 0) = 0 "
    "  AND (CASE r.state WHEN 2 THEN r.snoozed_until ELSE r.due_at END) <= ?1 "
    "ORDER BY CASE r.state WHEN 2 THEN r.snoozed_until ELSE r.due_at END, r.id", until, error);
}

/* One group: a range of the index, counted, then read up to @limit rows. */
static gboolean
list_group (RapportDatabase  *db,
            gint64            from,
            gint64            to,
            guint             limit,
            guint            *count,
            GPtrArray        *reminders,
            GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT count (*) " OPEN_BY_WHEN "LEFT JOIN contact c ON c.id = r.contact_id "
    "WHERE r.state IN (0, 2) AND " OPEN_WHEN " >= ?1 AND " OPEN_WHEN " < ?2 AND coalesce (c.trashed, 0) = 0",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rapport_sql_fail (db, rc, "reminders", error);
  if (*count == 0 || limit == 0)
    return TRUE;

  stmt = rapport_database_prepare (db,
    "SELECT " REMINDER_FIELDS OPEN_BY_WHEN REMINDER_JOINS
    "WHERE r.state IN (0, 2) AND " OPEN_WHEN " >= ?1 AND " OPEN_WHEN " < ?2 AND coalesce (c.trashed, 0) = 0 "
    "ORDER BY " OPEN_WHEN ", r.id LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (reminders, reminder_from_row (db, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reminders", error);
  return TRUE;
}

/**
 * rapport_reminder_sql_list_due:
 * @bounds: (array fixed-size=3): where each group of #RapportDueGroup
 *   ends (the first starts with the earliest reminder)
 * @limits: (array fixed-size=3): how many of each group to read
 *
 * The Today page's groups of open reminders (pending or snoozed, shown or
 * not) of contacts not in the trash: how many each holds, and its first
 * @limits, earliest first. Each group is a range of an index, so the cost
 * is that of the rows read (and of counting), not of every reminder.
 */
RapportDueList *
rapport_reminder_sql_list_due (RapportDatabase  *db,
                               const gint64     *bounds,
                               const guint      *limits,
                               GError          **error)
{
  g_autoptr(RapportDueList) list = g_new0 (RapportDueList, 1);
  gint64 from = G_MININT64;

  list->reminders = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    {
      list->bounds[g] = bounds[g];
      if (!list_group (db, from, bounds[g], limits[g], &list->counts[g], list->reminders, error))
        return NULL;
      from = MAX (from, bounds[g]);
    }
  return g_steal_pointer (&list);
}

RapportReminder *
rapport_reminder_sql_load (RapportDatabase  *db,
                           gint64            id,
                           GError          **error)
{
  g_autoptr(GPtrArray) found = select_reminders (db, "SELECT " REMINDER_COLUMNS "WHERE r.id = ?1", id, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                   _("The reminder no longer exists."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
check_changed (RapportDatabase  *db,
               GError          **error)
{
  if (sqlite3_changes (rapport_database_get_connection (db)) > 0)
    return TRUE;
  g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
               _("The reminder no longer exists."));
  return FALSE;
}

/**
 * rapport_reminder_sql_set_state:
 * @state: done, dismissed, snoozed, or pending to reopen it
 * @snoozed_until: for %RAPPORT_REMINDER_SNOOZED, when to show it again
 *
 * The user's answer to a reminder. Snoozing makes it due again (and shown
 * again) at @snoozed_until. A follow-up marked done or dismissed moves its
 * series on, so the contact is derived again when the caller commits.
 */
gboolean
rapport_reminder_sql_set_state (RapportDatabase       *db,
                                gint64                 id,
                                RapportReminderState   state,
                                gint64                 snoozed_until,
                                gint64                 now,
                                GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (state <= RAPPORT_REMINDER_DISMISSED, FALSE);

  stmt = rapport_database_prepare (db,
    "UPDATE reminder SET state = ?2, snoozed_until = CASE WHEN ?2 = 2 THEN ?3 END, "
    "  notified_at = CASE WHEN ?2 = 2 THEN NULL ELSE notified_at END, updated_at = ?4 "
    "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, state);
  sqlite3_bind_int64 (stmt, 3, snoozed_until);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!rapport_sql_step_done (db, stmt, error) || !check_changed (db, error))
    return FALSE;

  stmt = rapport_database_prepare (db,
    "INSERT INTO reminder_dirty (contact_id) "
    "SELECT contact_id FROM reminder WHERE id = ?1 AND kind = 0 AND contact_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rapport_sql_step_done (db, stmt, error);
}

/**
 * rapport_reminder_sql_save_custom:
 * @reminder: one of the user's own (%RAPPORT_REMINDER_CUSTOM); id 0 adds it
 *
 * Adds or edits one of the user's own reminders. An edit opens it again,
 * and a new time makes it due (and shown) again.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
rapport_reminder_sql_save_custom (RapportDatabase  *db,
                                  RapportReminder  *reminder,
                                  gint64            now,
                                  GError          **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rapport_reminder_get_text (reminder)));
  gint64 id = rapport_reminder_get_id (reminder);
  sqlite3_stmt *stmt;

  if (rapport_reminder_get_kind (reminder) != RAPPORT_REMINDER_CUSTOM || *text == '\0')
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A reminder needs a text."));
      return 0;
    }

  if (id == 0)
    stmt = rapport_database_prepare (db,
      "INSERT INTO reminder (kind, contact_id, due_at, text, created_at, updated_at) "
      "VALUES (7, nullif (?2, 0), ?3, ?4, ?5, ?5)", error);
  else
    stmt = rapport_database_prepare (db,
      "UPDATE reminder SET contact_id = nullif (?2, 0), text = ?4, state = 0, snoozed_until = NULL, "
      "  notified_at = CASE WHEN due_at = ?3 THEN notified_at END, due_at = ?3, updated_at = ?5 "
      "WHERE id = ?1 AND kind = 7", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rapport_reminder_get_contact_id (reminder));
  sqlite3_bind_int64 (stmt, 3, rapport_reminder_get_due_at (reminder));
  rapport_sql_bind_text (stmt, 4, text);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!rapport_sql_step_done (db, stmt, error) || !check_changed (db, error))
    return 0;

  return id != 0 ? id : sqlite3_last_insert_rowid (rapport_database_get_connection (db));
}

/* Only the user's own: derived reminders are dismissed, never deleted, or
 * the next derivation would bring them back. */
gboolean
rapport_reminder_sql_delete_custom (RapportDatabase  *db,
                                    gint64            id,
                                    GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "DELETE FROM reminder WHERE id = ?1 AND kind = 7", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rapport_sql_step_done (db, stmt, error) && check_changed (db, error);
}
