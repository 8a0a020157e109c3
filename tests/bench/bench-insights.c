/* bench-insights.c -- the Insights page's queries on 100,000 contacts
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-insights.h"
#include "rapport-sql.h"

/* All that the Insights page reads (the funnel over all time and the
 * weekly rhythm of the last 12 weeks), through the job runner as the page
 * does, against a real file of 100,000 contacts added over two years, one
 * in five introduced by an earlier one, one in fifty in the bin, and about
 * 170,000 timeline entries: requests, replies, follow-ups, meetings and
 * thank-yous, about 15,000 of them in the twelve weeks. Reported: the
 * median of 21 runs, in ms. Prints "BENCH insights_funnel_ms_100k <ms> ms". */

#define N_RUNS 21
#define DAY    (24 * 3600)

static gpointer
fill_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  gint64 now = *(gint64 *) data;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  stmt = rapport_database_prepare (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
    "INSERT INTO contact (id, display_name, sort_key, stage, referred_by, trashed, created_at, updated_at) "
    "SELECT i, 'Contact ' || i, 'contact ' || i, i % 9, CASE WHEN i % 5 = 0 THEN i / 3 END, i % 50 = 0,"
    "  ?1 - (i * 7919) % (730 * 86400), ?1 FROM n", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      ok = rapport_sql_step_done (db, stmt, error);
    }
  /* (kind, days after being added, which tenths of the contacts) */
  stmt = ok ? rapport_database_prepare (db,
    "WITH steps (kind, days, share) AS (VALUES (0, 1, 7), (1, 5, 3), (2, 15, 5), (4, 10, 2), (6, 11, 2)) "
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) "
    "SELECT c.id, s.kind, c.created_at + s.days * 86400 + c.id % 3600, 'Entry', ?1, ?1 "
    "FROM contact c JOIN steps s ON c.id % 10 < s.share AND (s.kind != 2 OR c.id % 10 >= 3) "
    "WHERE c.created_at + s.days * 86400 < ?1", error) : NULL;
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, now);
      ok = rapport_sql_step_done (db, stmt, error);
    }
  ok = ok && rapport_database_exec (db, "DELETE FROM reminder_dirty", error);
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
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
  g_autofree char *dir = g_dir_make_tmp ("bench-insights-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gint64 now_unix = g_date_time_to_unix (now);
  double times[N_RUNS];
  guint in_weeks = 0;

  g_assert_true (rapport_database_open (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_database_run_sync (db, fill_func, &now_unix, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RapportInsights) insights = NULL;
      gint64 start = g_get_monotonic_time ();

      rapport_insights_load_async (db, 0, G_MAXINT64, now, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      insights = rapport_insights_load_finish (db, result, &error);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      /* the figures are real: about 98,000 people, a tenth of the entries in the weeks */
      g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_IDENTIFIED], ==, 98000);
      g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_INTRODUCED], >, 0);
      in_weeks = 0;
      for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
        for (guint k = 0; k < RAPPORT_N_RHYTHM_SERIES; k++)
          in_weeks += insights->weeks[w].counts[k];
    }
  g_assert_cmpuint (in_weeks, >, 10000);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  g_print ("BENCH insights_funnel_ms_100k %.1f ms\n", times[N_RUNS / 2]);
  g_print ("# max %.1f ms over %d runs; %u entries in the last %d weeks\n", times[N_RUNS - 1], N_RUNS,
           in_weeks, RAPPORT_RHYTHM_WEEKS);

  rapport_database_close (db);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
  return 0;
}
