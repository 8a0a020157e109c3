/* bench-calendar.c -- how long a meeting takes to reach the user's calendar
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the meeting's save to its event committed in EDS's local calendar
 * (evolution-data-server's real services on the private session bus of
 * tests/session/headless-session), for 40 meetings one after another:
 *   BENCH eds_meeting_write_ms  the 95th percentile (target: 500 ms)
 */

#include "config.h"

#include "rapport-calendar-sync.h"
#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "test-util.h"

#define N_MEETINGS 40

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
wait_idle (RapportCalendarSync *sync)
{
  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (!rapport_calendar_sync_is_idle (sync) ||
          rapport_calendar_sync_get_state (sync) == RAPPORT_CALENDAR_STATE_CONNECTING)
        g_main_context_iteration (NULL, TRUE);
    }
  while (!rapport_calendar_sync_is_idle (sync) ||
         rapport_calendar_sync_get_state (sync) == RAPPORT_CALENDAR_STATE_CONNECTING);
  g_assert_cmpint (rapport_calendar_sync_get_state (sync), ==, RAPPORT_CALENDAR_STATE_READY);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(RapportContactStore) contacts = rapport_contact_store_new (db);
  g_autoptr(RapportMeetingStore) meetings = rapport_meeting_store_new (contacts);
  g_autoptr(RapportCalendarSync) sync = rapport_calendar_sync_new (meetings);
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 contact_id, start = (g_get_real_time () / G_USEC_PER_SEC / 3600 + 48) * 3600;
  double times[N_MEETINGS];

  rapport_contact_set_display_name (contact, "Ana Ruiz");
  rapport_contact_store_save_async (contacts, contact, NULL, test_store_result_cb, &result);
  contact_id = rapport_contact_store_save_finish (contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);

  rapport_calendar_sync_set_alarm_minutes (sync, 30);
  rapport_calendar_sync_set_calendar (sync, "system-calendar");
  wait_idle (sync);

  for (guint i = 0; i < N_MEETINGS; i++)
    {
      g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact_id, start + i * 3600, 30);
      gint64 t0 = g_get_monotonic_time ();

      rapport_meeting_set_status (meeting, RAPPORT_MEETING_CONFIRMED);
      g_clear_object (&result);
      rapport_meeting_store_save_async (meetings, meeting, NULL, test_store_result_cb, &result);
      rapport_meeting_store_save_finish (meetings, test_wait_for (&result), &error);
      g_assert_no_error (error);
      wait_idle (sync);
      times[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  qsort (times, N_MEETINGS, sizeof times[0], compare);
  g_print ("# median %.1f ms, slowest %.1f ms\n", times[N_MEETINGS / 2], times[N_MEETINGS - 1]);
  g_print ("BENCH eds_meeting_write_ms %.1f ms\n", times[(N_MEETINGS * 95) / 100]);

  g_clear_object (&sync);
  rapport_database_close (db);
  return 0;
}
