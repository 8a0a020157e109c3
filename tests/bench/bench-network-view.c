/* bench-network-view.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "rapport-contact-store.h"
#include "rapport-network-page.h"
#include "test-util.h"

/* The Network view in a real window (under Xvfb), over a real file of
 * 5,000 people and about 6,000 introductions (a referral tree, and 1,000
 * pairs who introduced each other), laid out from nothing.
 *
 * main_thread_stalls_network: from asking for the network until it is
 * shown (read, laid out on a worker, the positions saved), the frames the
 * main thread was late for: a frame clock interval over 16 ms beyond the
 * refresh interval means the main thread spent over 16 ms on something.
 *
 * network_frame_ms_5k: then 300 frames of panning and zooming (from the
 * whole network to close enough for names and back), each frame's time
 * from the frame clock's update to the end of its paint; the 95th
 * percentile, after 5 frames that build the cached scene.
 *
 * Prints "BENCH main_thread_stalls_network <n> frames" and
 * "BENCH network_frame_ms_5k <ms> ms". */

#define N_PEOPLE  5000
#define N_FRAMES  300
#define WARM_UP   5

typedef struct
{
  RapportNetworkView *view;
  gboolean            shown;
  gboolean            laying_out;
  gint64              last_frame;
  gint64              refresh_interval;
  guint               stalls;
  guint               frames_during_layout;
  gint64              frame_start;
  GArray             *frame_ms;
  guint               step;
  gboolean            done;
} Bench;

static void
refreshed_cb (RapportNetworkPage *page,
              Bench              *b)
{
  b->shown = TRUE;
  b->laying_out = FALSE;
}

static void
update_cb (GdkFrameClock *clock,
           Bench         *b)
{
  gint64 now = g_get_monotonic_time ();

  if (b->laying_out && b->last_frame > 0)
    {
      b->frames_during_layout++;
      if (now - b->last_frame > b->refresh_interval + 16000)
        b->stalls++;
    }
  b->last_frame = now;
  b->frame_start = now;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  double ms = (g_get_monotonic_time () - b->frame_start) / 1000.0;

  if (b->shown && !b->done && b->step > WARM_UP)
    g_array_append_val (b->frame_ms, ms);
}

/* Keeps the frame clock running, and once the network is shown moves it:
 * a slow pan along a circle while zooming in by up to 16× and out again. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *b = user_data;
  double phase;

  if (!b->shown || b->done)
    {
      gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }
  if (b->step == 0)
    rapport_network_view_fit (b->view);
  b->step++;
  phase = 2 * G_PI * b->step / N_FRAMES;
  rapport_network_view_pan (b->view, 6 * cos (phase), 6 * sin (phase));
  rapport_network_view_zoom (b->view, pow (16.0, 2.0 / N_FRAMES * (b->step <= N_FRAMES / 2 ? 1 : -1)));
  if (b->step >= N_FRAMES + WARM_UP)
    b->done = TRUE;
  return G_SOURCE_CONTINUE;
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
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(RapportContactStore) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bench-network-view-XXXXXX", NULL);
  Bench b = { 0, };
  GdkFrameClock *clock;
  RapportNetworkPage *page;
  GtkWidget *window;
  double p95;

  g_setenv ("XDG_DATA_HOME", home, TRUE);
  gtk_init ();
  adw_init ();

  db = test_open_database ();
  if (!rapport_database_exec (db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
    "INSERT INTO contact (id, display_name, sort_key, stage, referred_by, created_at, updated_at) "
    "SELECT i, 'Person ' || i, 'person ' || i, i % 9, "
    "       CASE WHEN i > 3000 THEN (CASE WHEN i % 2 = 1 THEN i + 1 ELSE i - 1 END) "
    "            WHEN i > 1 AND i % 10 != 0 THEN (i * 7919) % (i - 1) + 1 END, 0, 0 FROM n", &error))
    g_error ("%s", error->message);
  contacts = rapport_contact_store_new (db);

  b.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = RAPPORT_NETWORK_PAGE (rapport_network_page_new ());
  b.view = rapport_network_page_get_view (page);
  g_signal_connect (page, "refreshed", G_CALLBACK (refreshed_cb), &b);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (update_cb), &b);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), &b);
  gtk_widget_add_tick_callback (window, tick_cb, &b, NULL);
  /* a few frames first, for the refresh interval */
  for (guint i = 0; i < 10; i++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
  gdk_frame_clock_get_refresh_info (clock, 0, &b.refresh_interval, NULL);
  if (b.refresh_interval <= 0)
    b.refresh_interval = 16667;

  b.laying_out = TRUE;
  rapport_network_page_set_store (page, contacts);
  while (!b.shown)
    g_main_context_iteration (NULL, TRUE);
  if (rapport_network_graph_n_nodes (rapport_network_view_get_network (b.view)->graph) != N_PEOPLE + 1)
    g_error ("expected %d people in the network", N_PEOPLE);
  g_printerr ("%u frames while the network was read and laid out\n", b.frames_during_layout);
  g_print ("BENCH main_thread_stalls_network %u frames\n", b.stalls);

  while (!b.done)
    g_main_context_iteration (NULL, TRUE);
  g_array_sort (b.frame_ms, compare_doubles);
  p95 = g_array_index (b.frame_ms, double, (guint) (b.frame_ms->len * 0.95));
  g_printerr ("%u frames, median %.1f ms, max %.1f ms\n", b.frame_ms->len,
              g_array_index (b.frame_ms, double, b.frame_ms->len / 2),
              g_array_index (b.frame_ms, double, b.frame_ms->len - 1));
  g_print ("BENCH network_frame_ms_5k %.1f ms\n", p95);

  gtk_window_destroy (GTK_WINDOW (window));
  rapport_database_close (db);
  g_array_unref (b.frame_ms);
  return 0;
}
