/* bare-window.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toolkit's floor for the startup benchmark: an empty AdwApplicationWindow
 * with a header bar, built the same way and reporting the same line as
 * `rapport --exit-after-startup`.
 */

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  return line != NULL ? strtol (line + strlen ("\nVmRSS:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_print ("startup first-frame-monotonic-us=%" G_GINT64_FORMAT " rss-kb=%ld database=none\n",
           g_get_monotonic_time (), read_rss_kb ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.rapport.BareWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
