/* test-meeting-window.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting window with the real application, database and session bus,
 * and the clock in the test's hands: an hour passes in a moment. With the
 * window in the background, each alert reaches the notification daemon on
 * the bus (python-dbusmock, started by headless-session) exactly once. And
 * "Add to Calendar" writes the meeting for the user's calendar.
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-window.h"
#include "rapport-meeting-window-private.h"
#include "test-util.h"

static RapportApplication *app;
static gint64 fake_now = 1000 * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
advance (RapportCountdown *countdown,
         gint64            seconds)
{
  fake_now += seconds * G_USEC_PER_SEC;
  rapport_countdown_tick (countdown);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The summaries of the Notify calls the daemon has had, oldest first. */
static GPtrArray *
notified_summaries (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) calls = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *summaries = g_ptr_array_new_with_free_func (g_free);
  const char *method;
  GVariant *args;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                       "org.freedesktop.DBus.Mock", "GetCalls", NULL,
                                       G_VARIANT_TYPE ("(a(tsav))"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(a(tsav))", &calls);
  while (g_variant_iter_next (calls, "(t&s@av)", NULL, &method, &args))
    {
      if (g_str_equal (method, "Notify"))
        {
          g_autoptr(GVariant) summary = g_variant_get_child_value (args, 3);
          g_autoptr(GVariant) inner = g_variant_get_variant (summary);

          g_ptr_array_add (summaries, g_variant_dup_string (inner, NULL));
        }
      g_variant_unref (args);
    }
  return summaries;
}

static guint
wait_for_notifications (guint n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint len = 0;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) summaries = notified_summaries ();

      len = summaries->len;
      if (len >= n)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  return len;
}

static gint64
schedule (void)
{
  RapportMeetingStore *meetings = rapport_context_get_meeting_store (rapport_application_get_context (app));
  RapportContactStore *contacts = rapport_context_get_contact_store (rapport_application_get_context (app));
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact_id, meeting_id;

  while (!rapport_context_get_ready (rapport_application_get_context (app)))
    g_main_context_iteration (NULL, TRUE);

  rapport_contact_set_display_name (contact, "Zoë Ødegård");
  rapport_contact_store_save_async (contacts, contact, NULL, test_store_result_cb, &result);
  contact_id = rapport_contact_store_save_finish (contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  meeting = rapport_meeting_new (contact_id, g_get_real_time () / G_USEC_PER_SEC, 20);
  rapport_meeting_store_save_async (meetings, meeting, NULL, test_store_result_cb, &result);
  meeting_id = rapport_meeting_store_save_finish (meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return meeting_id;
}

static void
test_alerts_notify_once (void)
{
  RapportMeetingStore *meetings = rapport_context_get_meeting_store (rapport_application_get_context (app));
  GSettings *settings = rapport_context_get_settings (rapport_application_get_context (app));
  RapportMeetingWindow *window;
  RapportCountdown *countdown;
  g_autoptr(GPtrArray) summaries = NULL;
  gint64 meeting_id = schedule ();
  gint64 remaining;

  window = rapport_meeting_window_new (GTK_APPLICATION (app), meetings, settings, meeting_id);
  countdown = _rapport_meeting_window_use_clock (window, fake_clock, NULL);
  /* Never presented, so never the active window: alerts go to the desktop. */
  while (g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), "Meeting with Zoë Ødegård") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (rapport_countdown_get_duration (countdown), ==, 20 * 60);

  gtk_widget_activate_action (GTK_WIDGET (window), "meeting.toggle", NULL);
  g_assert_cmpint (rapport_countdown_get_state (countdown), ==, RAPPORT_COUNTDOWN_RUNNING);

  advance (countdown, 15 * 60 + 1);    /* 5 minutes left */
  g_assert_cmpuint (wait_for_notifications (1), ==, 1);

  /* a pause stops the clock, and Resume goes on where it stopped */
  gtk_widget_activate_action (GTK_WIDGET (window), "meeting.toggle", NULL);
  g_assert_cmpint (rapport_countdown_get_state (countdown), ==, RAPPORT_COUNTDOWN_PAUSED);
  remaining = rapport_countdown_get_remaining (countdown);
  advance (countdown, 30 * 60);
  g_assert_cmpint (rapport_countdown_get_remaining (countdown), ==, remaining);
  gtk_widget_activate_action (GTK_WIDGET (window), "meeting.toggle", NULL);

  advance (countdown, 3 * 60);         /* 2 minutes left: wrap up */
  advance (countdown, 2 * 60);         /* time's up */
  advance (countdown, 60);             /* overtime: nothing new */
  g_assert_true (rapport_countdown_get_overtime (countdown));
  g_assert_cmpuint (wait_for_notifications (3), ==, 3);
  g_usleep (300000);

  summaries = notified_summaries ();
  g_assert_cmpuint (summaries->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (summaries, 0), "5"));
  g_assert_nonnull (strstr (g_ptr_array_index (summaries, 1), "2"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Add to Calendar" writes the meeting as iCalendar, with its reminder, and
 * hands the file to the desktop (which has no calendar here, and says so). */
static void
test_add_to_calendar (void)
{
  RapportWindow *window = rapport_window_new (app, rapport_application_get_context (app));
  gint64 meeting_id = schedule ();
  g_autofree char *name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT ".ics", meeting_id);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "rapport", name, NULL);
  g_autofree char *text = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-meeting-to-calendar", "x", meeting_id));
  /* A new file is written in place (GLib renames over existing ones only):
   * wait for all of it. */
  while (g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&text, g_free);
      if (g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "END:VCALENDAR\r\n") != NULL)
        break;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (text);

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Informational interview with Zoë Ødegård\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VALARM\r\n"));
  g_assert_nonnull (strstr (text, "TRIGGER:-PT30M\r\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static int test_status;

static void
activate_cb (GApplication *application)
{
  g_signal_stop_emission_by_name (application, "activate");
  test_status = g_test_run ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-window/alerts-notify-once", test_alerts_notify_once);
  g_test_add_func ("/meeting-window/add-to-calendar", test_add_to_calendar);

  app = rapport_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);

  return test_status;
}
