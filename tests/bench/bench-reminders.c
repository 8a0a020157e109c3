/* bench-reminders.c -- re-arming the scheduler with 100,000 pending reminders
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-sql.h"
#include "rapport-database.h"
#include "rapport-reminder-sql.h"

/* What the scheduler does on every change of the reminders (its "check"
 * job): mark what is due by now (nothing, here) in a transaction and find
 * the next due time, against a real file holding 100,000 pending
 * reminders, 1,000 contacts of them in the trash. Reported: the median of
 * many, in ms. Prints "BENCH scheduler_rearm_ms_100k <ms> ms". */

#define N_REMINDERS 100000
#define N_CONTACTS  10000
#define N_RUNS      501
#define NOW         G_GINT64_CONSTANT (1772442000)

static gpointer
fill_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  ok = rapport_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
    "INSERT INTO contact (id, display_name, sort_key, trashed, created_at, updated_at) "
    "SELECT i, 'Contact ' || i, 'contact ' || i, i % 10 = 0, 0, 0 FROM n;"
    "DELETE FROM reminder_dirty;", error);
  stmt = ok ? rapport_database_prepare (db,
    "INSERT INTO reminder (kind, contact_id, due_at, text, created_at, updated_at) "
    "VALUES (7, ?1, ?2, 'Reminder', 0, 0)", error) : NULL;
  ok = stmt != NULL;
  for (guint i = 0; ok && i < N_REMINDERS; i++)
    {
      /* due over the next year, in no order */
      sqlite3_bind_int64 (stmt, 1, 1 + g_random_int_range (0, N_CONTACTS));
      sqlite3_bind_int64 (stmt, 2, NOW + 60 + g_random_int_range (0, 365 * 24 * 3600));
      ok = rapport_sql_step_done (db, stmt, error);
    }
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
rearm_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  gint64 *next_at = data;
  g_autoptr(GPtrArray) due = NULL;

  /* as the scheduler's check does: derive what is pending (nothing), mark
   * what is due (nothing), find the next */
  if (!rapport_sql_begin (db, error) || !rapport_sql_commit_or_rollback (db, TRUE, error))
    return NULL;
  due = rapport_reminder_sql_mark_due (db, NOW, NOW, error);
  if (due == NULL || !rapport_reminder_sql_next_at (db, next_at, error))
    return NULL;
  g_assert_cmpuint (due->len, ==, 0);
  return GINT_TO_POINTER (TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-reminders-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  double times[N_RUNS];
  gint64 next_at = 0;

  rapport_reminder_rules_attach (db);
  g_assert_true (rapport_database_open (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_database_run_sync (db, fill_func, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_assert_nonnull (rapport_database_run_sync (db, rearm_func, &next_at, &error));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_assert_cmpint (next_at, >, NOW);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);

  g_print ("BENCH scheduler_rearm_ms_100k %.3f ms\n", times[N_RUNS / 2]);
  g_print ("# max %.3f ms over %d runs\n", times[N_RUNS - 1], N_RUNS);

  rapport_database_close (db);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
  return 0;
}
