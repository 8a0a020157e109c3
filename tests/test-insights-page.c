/* test-insights-page.c -- the Insights page over real stores: nobody yet,
 * then a few people written through the contact store; the charts'
 * numbers, their accessible descriptions and "Show as Table" agree, and
 * the page follows the stores and the weekly goal
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-contact-store.h"
#include "rapport-insights-page.h"
#include "rapport-chart-export.h"
#include "rapport-insights-table.h"
#include "rapport-interaction.h"
#include "rapport-meeting-store.h"
#include "test-util.h"

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *contacts;
  RapportMeetingStore *meetings;
  GSettings           *settings;
  GtkWidget           *window;
  RapportInsightsPage *page;
  guint                refreshes;
} Fixture;

static void
refreshed_cb (RapportInsightsPage *page,
              Fixture             *f)
{
  f->refreshes++;
}

/* Until the page has shown an answer read after this call. */
static void
refresh_and_wait (Fixture *f)
{
  guint refreshes = f->refreshes;

  rapport_insights_page_refresh (f->page);
  while (f->refreshes == refreshes)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
save_contact (Fixture    *f,
              const char *name,
              gint64      referrer)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_referred_by_id (contact, referrer);
  rapport_contact_store_save_async (f->contacts, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (f->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static void
add_entry (Fixture                *f,
           gint64                  contact_id,
           RapportInteractionKind  kind)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(RapportInteraction) entry = rapport_interaction_new (contact_id, kind, now, "Entry", "");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_interaction_async (f->contacts, entry, NULL, test_store_result_cb, &result);
  rapport_contact_store_save_interaction_finish (f->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->db = test_open_database ();
  f->contacts = rapport_contact_store_new (f->db);
  f->meetings = rapport_meeting_store_new (f->contacts);
  f->settings = g_settings_new ("io.github.rapport.Rapport");
  f->window = gtk_window_new ();
  /* the narrowest the main window gets */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  f->page = RAPPORT_INSIGHTS_PAGE (rapport_insights_page_new ());
  g_signal_connect (f->page, "refreshed", G_CALLBACK (refreshed_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  rapport_insights_page_set_stores (f->page, f->contacts, f->meetings, f->settings);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&f->settings);
  g_clear_object (&f->meetings);
  g_clear_object (&f->contacts);
  rapport_database_close (f->db);
  g_clear_object (&f->db);
}

/* The first GtkSwitch under @widget, depth first in the order of the page. */
static GtkSwitch *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_switch (GtkSwitch *table_switch,
             gboolean   active)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gtk_switch_get_active (table_switch) != active && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gtk_switch_get_active (table_switch), ==, active);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
assert_row (GtkColumnView      *table,
            guint               row,
            const char * const *cells)
{
  for (guint c = 0; cells[c] != NULL; c++)
    g_assert_cmpstr (rapport_insights_table_get_cell (table, row, c), ==, cells[c]);
}

/* An export takes the chart as last drawn: after a frame or two. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 until = gdk_frame_clock_get_frame_counter (clock) + n;

  gtk_widget_queue_draw (widget);
  while (gdk_frame_clock_get_frame_counter (clock) < until)
    g_main_context_iteration (NULL, TRUE);
}

/* A chart as SVG (well-formed XML, its title and numbers as text) and as
 * PNG (twice its size on screen, plus the margins). */
static void
assert_exports (GtkWidget  *chart,
                const char *title,
                const char *description)
{
  g_autoptr(GMarkupParseContext) parser = NULL;
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title_element = g_strdup_printf ("<title>%s</title>", title);
  g_autofree char *desc = g_markup_escape_text (description, -1);
  const char *text;
  gsize length;
  const guint8 *data;

  wait_frames (chart, 2);
  svg = rapport_chart_render (chart, title, description, RAPPORT_IMAGE_SVG, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, &length);
  parser = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (parser, text, length, &error) &&
                 g_markup_parse_context_end_parse (parser, &error));
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (text, length, title_element));
  g_assert_nonnull (g_strstr_len (text, length, desc));
  /* drawn: cairo writes the glyphs it uses as <symbol>s */
  g_assert_nonnull (g_strstr_len (text, length, "<symbol"));

  png = rapport_chart_render (chart, title, description, RAPPORT_IMAGE_PNG, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (png, &length);
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* the width, big-endian in the IHDR chunk */
  g_assert_cmpuint (GUINT32_FROM_BE (*(const guint32 *) (gconstpointer) (data + 16)), ==,
                    (guint) ((gtk_widget_get_width (chart) + 32) * 2));
}

static void
test_nobody (Fixture       *f,
             gconstpointer  data)
{
  refresh_and_wait (f);
  g_assert_cmpstr (rapport_insights_page_get_shown (f->page), ==, "empty");
}

static void
test_some_people (Fixture       *f,
                  gconstpointer  data)
{
  RapportFunnelChart *funnel = rapport_insights_page_get_funnel_chart (f->page);
  RapportRhythmChart *rhythm = rapport_insights_page_get_rhythm_chart (f->page);
  GtkColumnView *funnel_table = rapport_insights_page_get_funnel_table (f->page);
  GtkColumnView *rhythm_table = rapport_insights_page_get_rhythm_table (f->page);
  GtkSwitch *table_switch = NULL;
  gint64 ben, cleo, dan;
  guint refreshes;
  int minimum;

  /* Ana not yet asked; Ben, Cleo and Dan asked, Cleo replied; Eva introduced by Cleo. */
  save_contact (f, "Ana Ruiz", 0);
  ben = save_contact (f, "Ben Ortiz", 0);
  cleo = save_contact (f, "Cleo Park", 0);
  dan = save_contact (f, "Dan Weiss", 0);
  save_contact (f, "Eva Lind", cleo);
  add_entry (f, ben, RAPPORT_INTERACTION_EMAIL_SENT);
  add_entry (f, cleo, RAPPORT_INTERACTION_EMAIL_SENT);
  add_entry (f, cleo, RAPPORT_INTERACTION_EMAIL_RECEIVED);
  add_entry (f, dan, RAPPORT_INTERACTION_CALL);
  refresh_and_wait (f);

  g_assert_cmpstr (rapport_insights_page_get_shown (f->page), ==, "charts");
  g_assert_cmpstr (rapport_funnel_chart_get_description (funnel), ==,
                   "Identified: 5. Request Sent: 3, 60 % of the step before. "
                   "Replied: 1, 33 % of the step before. Met: 1, 100 % of the step before. "
                   "Introduced Others: 1, 100 % of the step before.");
  /* one in three: in the normal range, and told so */
  g_assert_true (g_str_has_prefix (rapport_insights_page_get_reply_note (f->page),
                                   "33 % of your requests got a reply: that is normal"));

  /* the table: the same numbers */
  g_assert_cmpuint (rapport_insights_table_n_rows (funnel_table), ==, 5);
  assert_row (funnel_table, 0, (const char *[]) { "Identified", "5", "—", NULL });
  assert_row (funnel_table, 1, (const char *[]) { "Request Sent", "3", "60 %", NULL });
  assert_row (funnel_table, 2, (const char *[]) { "Replied", "1", "33 %", NULL });
  assert_row (funnel_table, 3, (const char *[]) { "Met", "1", "100 %", NULL });
  assert_row (funnel_table, 4, (const char *[]) { "Introduced Others", "1", "100 %", NULL });

  /* the rhythm: three requests this week, the last of the twelve */
  g_assert_cmpuint (rapport_insights_table_n_rows (rhythm_table), ==, RAPPORT_RHYTHM_WEEKS);
  g_assert_cmpstr (rapport_insights_table_get_cell (rhythm_table, RAPPORT_RHYTHM_WEEKS - 1, 1), ==, "3");
  g_assert_cmpstr (rapport_insights_table_get_cell (rhythm_table, RAPPORT_RHYTHM_WEEKS - 1, 2), ==, "0");

  /* reply times: nobody was introduced to those asked; Cleo answered at once */
  g_assert_cmpstr (rapport_insights_page_get_reply_times_note (f->page), ==,
                   "1 of the 3 people you asked answered; half of the answers came within an hour.");
  g_assert_cmpuint (rapport_insights_table_n_rows (rapport_insights_page_get_referrers_table (f->page)), ==, 1);
  assert_row (rapport_insights_page_get_referrers_table (f->page), 0,
              (const char *[]) { "No One: You Wrote First", "3", "1 (33 %)", "an hour", NULL });
  g_assert_true (g_str_has_suffix (rapport_rhythm_chart_get_description (rhythm),
                                   "Thank-Yous: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0."));
  g_assert_nonnull (strstr (rapport_rhythm_chart_get_description (rhythm),
                            "Requests: 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3. Your goal is 5 requests a week."));

  /* Show as Table swaps the chart for the table */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (funnel)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (funnel_table)));
  table_switch = find_switch (GTK_WIDGET (f->page));   /* the funnel's comes first */
  g_assert_nonnull (table_switch);
  g_assert_false (gtk_switch_get_active (table_switch));
  /* as Space on it does; the switch moves when its short animation ends */
  gtk_widget_activate (GTK_WIDGET (table_switch));
  wait_switch (table_switch, TRUE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (funnel)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (funnel_table)));
  /* the rhythm's stays a chart */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rhythm)));
  /* and back, by the page's action (as the switch's row does) */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "insights.funnel-table", NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  wait_switch (table_switch, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (funnel)));
  assert_exports (GTK_WIDGET (funnel), "Funnel", rapport_funnel_chart_get_description (funnel));
  assert_exports (GTK_WIDGET (rhythm), "Weekly Rhythm", rapport_rhythm_chart_get_description (rhythm));

  /* a follow-up to Ben, written through the store: the page follows */
  refreshes = f->refreshes;
  add_entry (f, ben, RAPPORT_INTERACTION_EMAIL_SENT);
  while (f->refreshes == refreshes)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rapport_insights_table_get_cell (rhythm_table, RAPPORT_RHYTHM_WEEKS - 1, 2), ==, "1");

  /* the weekly goal, from the settings */
  g_settings_set_int (f->settings, "weekly-request-goal", 7);
  g_assert_cmpint (rapport_rhythm_chart_get_goal (rhythm), ==, 7);
  g_assert_nonnull (strstr (rapport_rhythm_chart_get_description (rhythm), "Your goal is 7 requests a week."));

  /* it all fits the narrowest window */
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/insights-page/nobody", Fixture, NULL, setup, test_nobody, teardown);
  g_test_add ("/insights-page/some-people", Fixture, NULL, setup, test_some_people, teardown);

  return g_test_run ();
}
