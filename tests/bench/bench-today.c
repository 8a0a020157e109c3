/* bench-today.c -- filling the Today page with 100,000 contacts in the database
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-sql.h"
#include "rapport-contact-store.h"
#include "rapport-database.h"
#include "rapport-meeting-store.h"
#include "rapport-reminder-store.h"
#include "rapport-clock.h"
#include "rapport-today-page.h"
#include "rapport-reminder-sql.h"
#include "rapport-reminder-row.h"

/* The real page in a real window (under Xvfb), over a real file of 100,000
 * contacts, 60,000 of them with a pending follow-up: 5,000 overdue (as
 * after importing a year of sent requests), 300 due today, 2,000 in the
 * next seven days and the rest over the year. Timed: from asking the store
 * to the first frame painted with the rows (the first screenful; the page
 * makes the others over the next frames, timed too), on a new page each
 * time, the median of N_RUNS.
 * Prints "BENCH today_page_ms_100k <ms> ms". */

#define N_CONTACTS  100000
#define N_OVERDUE   5000
#define N_TODAY     300
#define N_WEEK      2000
#define N_RUNS      7
#define DAY         (24 * 60 * 60)

static gpointer
fill_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  gint64 now = *(gint64 *) data;
  gint64 today_end = now - now % DAY + DAY;  /* near enough: the groups are counted below */
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  ok = rapport_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000), "
    "given (k, name) AS (VALUES (0, 'Anna'), (1, 'Zoë'), (2, 'Jürgen'), (3, 'Priya'), (4, 'Kwame'), "
    "  (5, 'Søren'), (6, 'María'), (7, 'Yuki'), (8, 'Ada'), (9, 'Grace'), (10, 'Omar')), "
    "family (k, name) AS (VALUES (0, 'Lovelace'), (1, 'Hopper'), (2, 'Becker'), (3, 'Raman'), "
    "  (4, 'Mensah'), (5, 'Kierkegaard'), (6, 'García'), (7, 'Tanaka'), (8, 'Okafor'), (9, 'Novak'), "
    "  (10, 'Silva'), (11, 'Nguyen'), (12, 'Dubois')) "
    "INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) "
    "SELECT i, g.name || ' ' || f.name || ' ' || i, lower (g.name || ' ' || f.name), 1, 0, 0 "
    "FROM n JOIN given g ON g.k = i % 11 JOIN family f ON f.k = i % 13;"
    "DELETE FROM reminder_dirty;", error);
  stmt = ok ? rapport_database_prepare (db,
    "INSERT INTO reminder (kind, contact_id, sequence, due_at, created_at, updated_at) "
    "VALUES (0, ?1, 1, ?2, 0, 0)", error) : NULL;
  ok = stmt != NULL;
  for (guint i = 0; ok && i < N_CONTACTS * 6 / 10; i++)
    {
      gint64 due;

      if (i < N_OVERDUE)
        due = now - DAY - g_random_int_range (0, 60 * DAY);
      else if (i < N_OVERDUE + N_TODAY)
        due = now + g_random_int_range (0, MAX (1, today_end - now - 3600));
      else if (i < N_OVERDUE + N_TODAY + N_WEEK)
        due = now + 2 * DAY + g_random_int_range (0, 5 * DAY);
      else
        due = now + 10 * DAY + g_random_int_range (0, 355 * DAY);
      sqlite3_bind_int64 (stmt, 1, 1 + (i * 7919) % N_CONTACTS);
      sqlite3_bind_int64 (stmt, 2, due);
      ok = rapport_sql_step_done (db, stmt, error);
    }
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

typedef struct
{
  GMainLoop *loop;
  gboolean   filled;
  GtkWidget *page;       /* with all_rows: wait until it has made this many rows */
  guint      all_rows;
} Wait;

static guint
count_rows (GtkWidget *widget)
{
  guint n = RAPPORT_IS_REMINDER_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static void
filled_cb (RapportTodayPage *page,
           Wait             *wait)
{
  wait->filled = TRUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Wait          *wait)
{
  if (wait->filled && (wait->all_rows == 0 || count_rows (wait->page) >= wait->all_rows))
    g_main_loop_quit (wait->loop);
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
  g_autofree char *dir = g_dir_make_tmp ("bench-today-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(RapportContactStore) contacts = NULL;
  g_autoptr(RapportMeetingStore) meetings = NULL;
  g_autoptr(RapportReminderStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 now = rapport_clock_get_now ();
  Wait wait = { loop, FALSE };
  double times[N_RUNS];
  double all_times[N_RUNS];
  GtkWidget *window;
  GtkWidget *page = NULL;
  gulong paint_id;

  rapport_reminder_rules_attach (db);
  adw_init ();
  g_assert_true (rapport_database_open (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_database_run_sync (db, fill_func, &now, &error));
  g_assert_no_error (error);

  contacts = rapport_contact_store_new (db);
  meetings = rapport_meeting_store_new (contacts);
  store = rapport_reminder_store_new (db, contacts, meetings);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  paint_id = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &wait);

  /* Each run a new page, as at start; the first one, which also loads
   * the theme, the icons and the templates, is not counted. */
  for (int i = -1; i < N_RUNS; i++)
    {
      gint64 start;

      page = rapport_today_page_new ();
      g_signal_connect (page, "filled", G_CALLBACK (filled_cb), &wait);
      gtk_window_set_child (GTK_WINDOW (window), page);
      wait.filled = FALSE;
      start = g_get_monotonic_time ();
      rapport_today_page_set_store (RAPPORT_TODAY_PAGE (page), store);
      g_main_loop_run (loop);
      if (i >= 0)
        times[i] = (g_get_monotonic_time () - start) / 1000.0;
      /* The page makes its rows a screenful per frame: and all 60 of them. */
      wait.page = page;
      wait.all_rows = 3 * 20;
      g_main_loop_run (loop);
      wait.all_rows = 0;
      if (i >= 0)
        all_times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  /* Overdue and today are counted, 20 rows of each group shown. */
  g_assert_cmpuint (rapport_today_page_get_badge_number (RAPPORT_TODAY_PAGE (page)), ==, N_OVERDUE + N_TODAY);
  g_assert_cmpuint (rapport_today_page_get_n_rows (RAPPORT_TODAY_PAGE (page)), ==, 3 * 20);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  g_print ("BENCH today_page_ms_100k %.1f ms\n", times[N_RUNS / 2]);
  g_print ("# min %.1f ms, max %.1f ms over %d runs; %u overdue or due today\n", times[0], times[N_RUNS - 1], N_RUNS,
           rapport_today_page_get_badge_number (RAPPORT_TODAY_PAGE (page)));
  qsort (all_times, N_RUNS, sizeof all_times[0], compare_doubles);
  g_print ("# all 60 rows made and painted: median %.1f ms, min %.1f ms, max %.1f ms\n", all_times[N_RUNS / 2],
           all_times[0], all_times[N_RUNS - 1]);

  /* "Show All" on Overdue adds its next rows, Today's stay. */
  gtk_widget_activate_action (page, "today.show-more", "i", 0);
  g_assert_cmpuint (rapport_today_page_get_n_rows (RAPPORT_TODAY_PAGE (page)), ==, 3 * 20 + 200);

  /* A refresh with nothing changed (after the store's "changed"): the
   * rows are kept. */
  for (int i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      wait.filled = FALSE;
      rapport_today_page_refresh (RAPPORT_TODAY_PAGE (page));
      g_main_loop_run (loop);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  g_print ("# refresh: median %.1f ms\n", times[N_RUNS / 2]);

  g_clear_signal_handler (&paint_id, gtk_widget_get_frame_clock (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_clear_object (&meetings);
  g_clear_object (&contacts);
  rapport_database_close (db);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (dir);
  return 0;
}
