/* rapport-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include "rapport-sql.h"
#include "rapport-database-private.h"
#include "rapport-clock.h"

/* The small SQL helpers every store's statements use, on the database
 * thread, and the transaction around a write. */

gboolean
rapport_sql_fail (RapportDatabase  *db,
                  int               rc,
                  const char       *what,
                  GError          **error)
{
  return rapport_database_set_error (error, rapport_database_get_connection (db), rc, what);
}

/* Steps a statement that returns no rows, and leaves it reset. */
gboolean
rapport_sql_step_done (RapportDatabase  *db,
                       sqlite3_stmt     *stmt,
                       GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, sqlite3_sql (stmt), error);
  return TRUE;
}

void
rapport_sql_bind_text (sqlite3_stmt *stmt,
                       int           index,
                       const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

const char *
rapport_sql_column_text (sqlite3_stmt *stmt,
                         int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

GDateTime *
rapport_sql_column_time (sqlite3_stmt *stmt,
                         int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column));
}

gint64
rapport_sql_now (void)
{
  return rapport_clock_get_now ();
}

gboolean
rapport_sql_begin (RapportDatabase  *db,
                   GError          **error)
{
  return rapport_database_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
rapport_sql_commit_or_rollback (RapportDatabase  *db,
                                gboolean          ok,
                                GError          **error)
{
  /* What must follow the transaction's changes happens inside it (the
   * reminder rules: rapport_reminder_rules_attach()). */
  if (ok && _rapport_database_run_commit_hooks (db, error) &&
      rapport_database_exec (db, "COMMIT", error))
    return TRUE;

  rapport_database_exec (db, "ROLLBACK", NULL);
  return FALSE;
}

/* With SQLite's default cache (2 MB), a transaction that changes more pages
 * than that spills them to the WAL before the commit and writes many of
 * them again there: 10,000 contacts with their search index change about
 * 30 MB. 64 MB holds that, and inserting 100,000 contacts takes about a
 * third less time (issue #18). The memory goes back at the end, so that a
 * Rapport left open keeps its small cache. */
#define BULK_CACHE_KIB 65536

gboolean
rapport_sql_begin_bulk (RapportDatabase  *db,
                        GError          **error)
{
  g_autofree char *grow = g_strdup_printf ("PRAGMA cache_size = -%d", BULK_CACHE_KIB);

  if (!rapport_database_exec (db, grow, error))
    return FALSE;
  if (rapport_sql_begin (db, error))
    {
      db->bulk = TRUE;
      return TRUE;
    }
  rapport_database_exec (db, "PRAGMA cache_size = -2000; PRAGMA shrink_memory", NULL);
  return FALSE;
}

gboolean
rapport_sql_end_bulk (RapportDatabase  *db,
                      gboolean          ok,
                      GError          **error)
{
  ok = rapport_sql_commit_or_rollback (db, ok, error);
  db->bulk = FALSE;
  /* SQLite's default size, given back to the system at once. */
  rapport_database_exec (db, "PRAGMA cache_size = -2000; PRAGMA shrink_memory", NULL);
  return ok;
}

gboolean
rapport_sql_in_bulk (RapportDatabase *db)
{
  return db->bulk;
}
