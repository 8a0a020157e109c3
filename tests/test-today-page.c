/* test-today-page.c -- the Today page over a real reminder store: groups,
 * the count, the cap with "Show All", Done and Undo, and rows kept on a
 * refill
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-reminder-store.h"
#include "rapport-clock.h"
#include "rapport-due.h"
#include "rapport-reminder-row.h"
#include "rapport-today-page.h"
#include "test-util.h"

#define HOUR 3600
#define DAY  (24 * HOUR)

typedef struct
{
  RapportDatabase      *db;
  RapportContactStore  *contacts;
  RapportMeetingStore  *meetings;
  RapportReminderStore *store;
  GtkWidget            *window;
  RapportTodayPage     *page;
  guint                 fills;
} Fixture;

static void
filled_cb (RapportTodayPage *page,
           Fixture          *f)
{
  f->fills++;
}

static void
wait_fill (Fixture *f)
{
  guint fills = f->fills;

  while (f->fills == fills)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
save (Fixture    *f,
      const char *text,
      gint64      due_at)
{
  g_autoptr(RapportReminder) reminder = rapport_reminder_new_custom (text, due_at, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_reminder_store_save_async (f->store, reminder, NULL, test_store_result_cb, &result);
  id = rapport_reminder_store_save_finish (f->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static void
nothing_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
}

static const GActionEntry win_actions[] = {
  { "show-contact", nothing_action, "x" },
  { "edit-reminder", nothing_action, "x" },
  { "write-reminder", nothing_action, "x" },
  { "new-reminder", nothing_action, "x" },
};

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = NULL;

  f->db = test_open_database ();
  /* one file for the whole program: each test starts without reminders */
  g_free (test_query_text (f->db, "DELETE FROM reminder"));
  f->contacts = rapport_contact_store_new (f->db);
  f->meetings = rapport_meeting_store_new (f->contacts);
  f->store = rapport_reminder_store_new (f->db, f->contacts, f->meetings);
  f->window = gtk_window_new ();
  /* The window's actions that rows name (done by RapportWindow in the
   * app): without them the rows would be insensitive. */
  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions, G_N_ELEMENTS (win_actions), NULL);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  f->page = RAPPORT_TODAY_PAGE (rapport_today_page_new ());
  g_signal_connect (f->page, "filled", G_CALLBACK (filled_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&f->store);
  g_clear_object (&f->meetings);
  g_clear_object (&f->contacts);
  rapport_database_close (f->db);
  g_clear_object (&f->db);
}

static void
test_groups_and_count (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 now = rapport_clock_get_now ();
  gint64 today = rapport_due_day_start (now, tz, 0);

  save (f, "Two days ago", today - 2 * DAY + HOUR);
  save (f, "Earlier today", today + 1);
  save (f, "In three days", rapport_due_day_start (now, tz, 3) + 9 * HOUR);
  save (f, "In two weeks", rapport_due_day_start (now, tz, 14));

  rapport_today_page_set_store (f->page, f->store);
  wait_fill (f);
  /* the one in two weeks is not listed */
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 3);
  g_assert_cmpuint (rapport_today_page_get_badge_number (f->page), ==, 2);
  g_assert_true (rapport_today_page_get_needs_attention (f->page));
}

static void
test_done_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 now = rapport_clock_get_now ();
  gint64 today = rapport_due_day_start (now, tz, 0);
  gint64 overdue = save (f, "Overdue", today - DAY);
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;

  save (f, "Today", today + 1);
  rapport_today_page_set_store (f->page, f->store);
  wait_fill (f);
  g_assert_cmpuint (rapport_today_page_get_badge_number (f->page), ==, 2);

  /* Done: the store says "changed", the page fills again without it. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "today.done", "x", overdue);
  wait_fill (f);
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 1);
  g_assert_cmpuint (rapport_today_page_get_badge_number (f->page), ==, 1);
  g_assert_false (rapport_today_page_get_needs_attention (f->page));
  sql = g_strdup_printf ("SELECT state FROM reminder WHERE id = %" G_GINT64_FORMAT, overdue);
  state = test_query_text (f->db, sql);
  g_assert_cmpstr (state, ==, "1");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "today.undo", "x", overdue);
  wait_fill (f);
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 2);
  g_assert_true (rapport_today_page_get_needs_attention (f->page));
  g_clear_pointer (&state, g_free);
  state = test_query_text (f->db, sql);
  g_assert_cmpstr (state, ==, "0");
}

/* Many overdue: 20 rows and one "Show All", which adds the rest. */
static void
test_cap (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 today = rapport_due_day_start (rapport_clock_get_now (), tz, 0);

  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *text = g_strdup_printf ("Overdue %u", i);

      save (f, text, today - DAY - i * HOUR);
    }

  rapport_today_page_set_store (f->page, f->store);
  wait_fill (f);
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 20);
  g_assert_cmpuint (rapport_today_page_get_badge_number (f->page), ==, 45);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "today.show-more", "i", RAPPORT_DUE_OVERDUE);
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 45);
}

/* A refill with one row gone keeps the other rows themselves, and the
 * focus on the row that took the place of the one done. */
static void
test_rows_kept (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 today = rapport_due_day_start (rapport_clock_get_now (), tz, 0);
  gint64 first = save (f, "First", today - 3 * DAY);
  GtkWidget *second_row = NULL;
  GtkWidget *row;
  GtkWidget *focus;

  save (f, "Second", today - 2 * DAY);
  save (f, "Third", today - DAY);
  rapport_today_page_set_store (f->page, f->store);
  wait_fill (f);

  /* the rows in order: find them through the widget tree */
  for (row = GTK_WIDGET (f->page); row != NULL; )
    {
      GtkWidget *next = gtk_widget_get_first_child (row);

      if (RAPPORT_IS_REMINDER_ROW (row))
        break;
      while (next == NULL && row != GTK_WIDGET (f->page))
        {
          next = gtk_widget_get_next_sibling (row);
          row = gtk_widget_get_parent (row);
        }
      row = next;
    }
  g_assert_nonnull (row);
  g_assert_cmpint (rapport_reminder_row_get_id (RAPPORT_REMINDER_ROW (row)), ==, first);
  second_row = gtk_widget_get_next_sibling (row);
  g_assert_true (RAPPORT_IS_REMINDER_ROW (second_row));
  g_object_ref (second_row);
  while (!gtk_widget_get_mapped (row))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == row);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "today.done", "x", first);
  wait_fill (f);
  g_assert_cmpuint (rapport_today_page_get_n_rows (f->page), ==, 2);
  /* the same widget, still in the list */
  g_assert_nonnull (gtk_widget_get_parent (second_row));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == second_row);
  g_object_unref (second_row);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/today-page/groups-and-count", Fixture, NULL, setup, test_groups_and_count, teardown);
  g_test_add ("/today-page/done-and-undo", Fixture, NULL, setup, test_done_and_undo, teardown);
  g_test_add ("/today-page/cap", Fixture, NULL, setup, test_cap, teardown);
  g_test_add ("/today-page/rows-kept", Fixture, NULL, setup, test_rows_kept, teardown);

  return g_test_run ();
}
