/* bench-stalls.c -- the main thread's stalls in the real window while a task runs
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application and its main window (under Xvfb, inside
 * tests/session/headless-session, so the database is the session's own),
 * and one task, while tests/stall-counter.c counts the gaps of over 16 ms
 * in the main loop: each is a frame the window could not have drawn.
 *
 *   bench-stalls import-vcard-10k   importing 10,000 vCards through the
 *                                   import dialog, from the file's reading
 *                                   to the dialog's "done"
 *   bench-stalls search-100k        typing "anna" into the contacts search
 *                                   at 100,000 contacts, a key every 150 ms,
 *                                   until the list has settled
 *   bench-stalls today-refresh-100k the Today page at 100,000 contacts
 *                                   (5,300 due or overdue) refreshing after
 *                                   a reminder is marked done
 *   bench-stalls contact-timeline-1k opening a contact with 1,000 timeline
 *                                   entries, until the page has settled
 *
 * Prints "BENCH main_thread_stalls_<task> <n> frames", and the longest gap.
 * The data is written by SQL into the database before the application
 * opens it (the stores' own inserts are measured by bench-contacts). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-application.h"
#include "rapport-database.h"
#include "rapport-reminder-sql.h"
#include "rapport-sql.h"
#include "rapport-today-page.h"
#include "rapport-window.h"
#include "rapport-window-private.h"
#include "stall-counter.h"

#define DAY           (24 * 60 * 60)
#define SETTLE_MS     1500
/* Before the task: the window builds its other pages on idle after the
 * start, and they read the database; none of that is the task's. */
#define START_MS      3000
#define KEY_MS        150

static RapportApplication *app;
static const char *task;
static int status = EXIT_FAILURE;

/* Data {{{ */

static gpointer
fill_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *sql = NULL;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  /* 100,000 contacts in the search index; 60,000 follow-ups, 5,000 of them
   * overdue and 300 due today, as bench-today has them. */
  sql = g_strdup_printf (
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000), "
    "given (k, name) AS (VALUES (0, 'Anna'), (1, 'Zoë'), (2, 'Jürgen'), (3, 'Priya'), (4, 'Kwame'), "
    "  (5, 'Søren'), (6, 'María'), (7, 'Yuki'), (8, 'Ada'), (9, 'Grace'), (10, 'Omar')), "
    "family (k, name) AS (VALUES (0, 'Lovelace'), (1, 'Hopper'), (2, 'Becker'), (3, 'Raman'), "
    "  (4, 'Mensah'), (5, 'Kierkegaard'), (6, 'García'), (7, 'Tanaka'), (8, 'Okafor'), (9, 'Novak'), "
    "  (10, 'Silva'), (11, 'Nguyen'), (12, 'Dubois')) "
    "INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) "
    "SELECT i, g.name || ' ' || f.name || ' ' || i, lower (g.name || ' ' || f.name), 1, 0, 0 "
    "FROM n JOIN given g ON g.k = i %% 11 JOIN family f ON f.k = i %% 13;"
    "INSERT INTO contact_search (rowid, name) SELECT id, display_name FROM contact;"
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59999) "
    "INSERT INTO reminder (kind, contact_id, sequence, due_at, created_at, updated_at) "
    "SELECT 0, 1 + (i * 7919) %% 100000, 1, CASE "
    "  WHEN i < 5000 THEN %" G_GINT64_FORMAT " - %d - (i * 104729) %% (60 * %d) "
    "  WHEN i < 5300 THEN %" G_GINT64_FORMAT " + 60 "
    "  WHEN i < 7300 THEN %" G_GINT64_FORMAT " + 2 * %d + (i * 104729) %% (5 * %d) "
    "  ELSE %" G_GINT64_FORMAT " + 10 * %d + (i * 104729) %% (355 * %d) END, 0, 0 FROM n;"
    /* Contact 1's timeline: 1,000 entries over three years. */
    "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, body, created_at, updated_at) "
    "SELECT 1, i %% 5, %" G_GINT64_FORMAT " - i * %d, 'Entry ' || i, "
    "  'Talked about the team, the role and who else to ask; entry ' || i || ' of the timeline.', 0, 0 FROM n;"
    "DELETE FROM reminder_dirty;",
    now, DAY, DAY, now, now, DAY, DAY, now, DAY, DAY, now, DAY);
  ok = rapport_database_exec (db, sql, error);
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
fill_database (void)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));   /* the session's own, never a real one */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = rapport_database_new (path);
  rapport_reminder_rules_attach (db);
  g_assert_true (rapport_database_open (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_database_run_sync (db, fill_func, NULL, &error));
  g_assert_no_error (error);
  rapport_database_close (db);
}

static char *
write_vcards (guint n)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), "bench-10k.vcf", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u Example\r\nN:Example;Person %u;;;\r\n"
                            "ORG:Company %u\r\nTITLE:Engineer\r\nEMAIL;TYPE=WORK:person%u@example.com\r\n"
                            "TEL;TYPE=CELL:+47 912 %05u\r\nNOTE:Met at a meetup\\, talked about mentoring.\r\n"
                            "END:VCARD\r\n", i, i, i % 500, i, i);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return path;
}

/* }}} */
/* Frames {{{ */

/* Where a long gap went, when it was a frame: the frame clock's layout
 * (measuring and allocating) or its paint (snapshot and render). The
 * window's own handlers run before these, connected later. */
typedef struct
{
  gint64 start;
  gint64 layout_end;
  double longest_layout_ms;
  double longest_paint_ms;
} Frames;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->start = g_get_monotonic_time ();
  frames->layout_end = frames->start;   /* a frame may have no layout phase */
}

static void
layout_cb (GdkFrameClock *clock,
           Frames        *frames)
{
  frames->layout_end = g_get_monotonic_time ();
  frames->longest_layout_ms = MAX (frames->longest_layout_ms, (frames->layout_end - frames->start) / 1000.0);
}

static void
paint_cb (GdkFrameClock *clock,
          Frames        *frames)
{
  frames->longest_paint_ms = MAX (frames->longest_paint_ms, (g_get_monotonic_time () - frames->layout_end) / 1000.0);
}

/* }}} */
/* Waiting {{{ */

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_flag (gboolean *flag,
           guint     timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!*flag)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* }}} */
/* Tasks {{{ */

static void
import_vcards (RapportWindow *window)
{
  g_autofree char *path = write_vcards (10000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  GtkWidget *dialog;

  GtkWidget *button;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  dialog = _rapport_window_import_file (window, file);
  g_signal_connect_swapped (dialog, "done", G_CALLBACK (flag_cb), &done);
  button = find_action_button (dialog, "import.import");
  g_assert_nonnull (button);
  /* "Import" is enabled once the file is read and its duplicates found. */
  while (!gtk_widget_get_sensitive (button))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      run_for (20);
    }
  gtk_widget_activate (button);
  wait_flag (&done, 120);
  g_remove (path);
}

static void
type_search (RapportWindow *window)
{
  GtkWidget *text;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  run_for (SETTLE_MS);
  text = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_EDITABLE (text));
}

static void
type_keys (RapportWindow *window)
{
  GtkEditable *text = GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (window)));

  for (const char *key = "anna"; *key != '\0'; key++)
    {
      int position = -1;

      gtk_editable_insert_text (text, key, 1, &position);
      run_for (KEY_MS);
    }
  g_assert_cmpstr (gtk_editable_get_text (text), ==, "anna");
}

static void
filled_cb (RapportTodayPage *page,
           gboolean         *filled)
{
  *filled = TRUE;
}

static void
state_set_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_reminder_store_set_state_finish (RAPPORT_REMINDER_STORE (object), result, &error));
  g_assert_no_error (error);
}

static void
refresh_today (RapportWindow    *window,
               RapportTodayPage *page)
{
  RapportReminderStore *store = rapport_context_get_reminder_store (rapport_application_get_context (app));
  gboolean filled = FALSE;
  gulong id = g_signal_connect (page, "filled", G_CALLBACK (filled_cb), &filled);

  /* The first reminder: an overdue follow-up of the generated ones. */
  rapport_reminder_store_set_state_async (store, 1, RAPPORT_REMINDER_DONE, 0, NULL, state_set_cb, NULL);
  wait_flag (&filled, 30);
  g_signal_handler_disconnect (page, id);
  g_assert_cmpuint (rapport_today_page_get_badge_number (page), ==, 5300 - 1);
}

/* }}} */

static void
activate_cb (GApplication *application)
{
  RapportWindow *window;
  StallCounter *counter;
  RapportTodayPage *today = NULL;
  g_autofree char *name = NULL;
  Frames frames = { 0, };
  GdkFrameClock *clock;
  double longest = 0;
  guint stalls;

  g_signal_stop_emission_by_name (application, "activate");
  window = rapport_window_new (app, rapport_application_get_context (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  while (!rapport_context_get_ready (rapport_application_get_context (app)))
    g_main_context_iteration (NULL, TRUE);

  /* The window as at start, its first page shown and settled. */
  if (g_str_equal (task, "today-refresh-100k"))
    {
      gboolean filled = FALSE;

      today = RAPPORT_TODAY_PAGE (find_widget (GTK_WIDGET (window), RAPPORT_TYPE_TODAY_PAGE));
      g_signal_connect (today, "filled", G_CALLBACK (filled_cb), &filled);
      rapport_window_set_page_name (window, "today");
      rapport_today_page_refresh (today);
      wait_flag (&filled, 30);
      g_signal_handlers_disconnect_by_data (today, &filled);
    }
  else if (g_str_equal (task, "search-100k"))
    type_search (window);
  else if (g_str_equal (task, "contact-timeline-1k"))
    /* The contacts page exists (its list of 100,000 loaded) and has shown
     * a contact with no timeline (its icons and styles loaded, its first
     * draw done): what is measured is a long timeline. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-contact", "x", (gint64) 2);
  run_for (START_MS);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &frames);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &frames);
  g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &frames);
  counter = stall_counter_start ();
  if (g_str_equal (task, "import-vcard-10k"))
    import_vcards (window);
  else if (g_str_equal (task, "search-100k"))
    type_keys (window);
  else if (g_str_equal (task, "today-refresh-100k"))
    refresh_today (window, today);
  else if (g_str_equal (task, "contact-timeline-1k"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-contact", "x", (gint64) 1);
  /* What the task left to lay out and draw counts too. */
  run_for (SETTLE_MS);
  stalls = stall_counter_stop (counter, &longest);
  g_signal_handlers_disconnect_by_data (clock, &frames);

  name = g_strdelimit (g_strdup (task), "-", '_');
  g_print ("BENCH main_thread_stalls_%s %u frames\n", name, stalls);
  g_print ("# longest main-loop gap %.1f ms; longest frame layout %.1f ms, paint %.1f ms\n", longest,
           frames.longest_layout_ms, frames.longest_paint_ms);
  status = EXIT_SUCCESS;
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const tasks[] = {
    "import-vcard-10k", "search-100k", "today-refresh-100k", "contact-timeline-1k",
  };
  gboolean known = FALSE;

  for (guint i = 0; argc == 2 && i < G_N_ELEMENTS (tasks); i++)
    known |= g_str_equal (argv[1], tasks[i]);
  if (!known)
    {
      g_printerr ("usage: %s import-vcard-10k|search-100k|today-refresh-100k|contact-timeline-1k\n", argv[0]);
      return EXIT_FAILURE;
    }
  task = argv[1];

  if (!g_str_equal (task, "import-vcard-10k"))
    fill_database ();

  app = rapport_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);
  return status;
}
