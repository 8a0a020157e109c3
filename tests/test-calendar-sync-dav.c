/* test-calendar-sync-dav.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-calendar-sync.h"
#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "test-radicale.h"
#include "test-util.h"

/* Meetings kept in a calendar on a real CalDAV server: radicale on
 * 127.0.0.1 (tests/test-radicale.c), and an EDS calendar of the webdav
 * backend ("caldav") pointing at it, added to the private session's
 * registry. A meeting saved in Rapport is read back from the file radicale
 * stores, with Rapport's UID; the event moved by another device (a PUT to
 * the server) comes into the meeting once the calendar is refreshed, as
 * GNOME Calendar's refresh or EDS's own timer would. */

/* libical-glib 3.0 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

#define HOUR 3600

static RapportDatabase *db;
static RapportContactStore *contacts;
static RapportMeetingStore *meetings;

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
wait_idle (RapportCalendarSync *sync)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer) "the calendar link to finish");

  for (;;)
    {
      /* Let what the view reports arrive before calling it idle. */
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      if (rapport_calendar_sync_is_idle (sync) &&
          rapport_calendar_sync_get_state (sync) != RAPPORT_CALENDAR_STATE_CONNECTING)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  g_assert_null (rapport_calendar_sync_get_message (sync));
}

static RapportMeeting *
load_meeting (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting;

  rapport_meeting_store_load_async (meetings, id, NULL, test_store_result_cb, &result);
  meeting = rapport_meeting_store_load_finish (meetings, test_wait_for (&result), NULL, &error);
  g_assert_no_error (error);
  return meeting;
}

static gint64
new_meeting (gint64 starts_at)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *emails[] = { "ana.ruiz@example.org", NULL };
  gint64 contact_id, id;

  rapport_contact_set_display_name (contact, "Ana Ruiz");
  rapport_contact_set_emails (contact, emails);
  rapport_contact_store_save_async (contacts, contact, NULL, test_store_result_cb, &result);
  contact_id = rapport_contact_store_save_finish (contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);

  meeting = rapport_meeting_new (contact_id, starts_at, 30);
  rapport_meeting_set_status (meeting, RAPPORT_MEETING_CONFIRMED);
  rapport_meeting_set_place (meeting, "Café Einstein, Berlin");
  g_clear_object (&result);
  rapport_meeting_store_save_async (meetings, meeting, NULL, test_store_result_cb, &result);
  id = rapport_meeting_store_save_finish (meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

/* The server's item that holds the event UID, its file name in *ITEM, or
 * NULL; a folded line is unfolded, as a reader of iCalendar does. */
static ICalComponent *
server_event (const char  *uid,
              char       **item)
{
  g_autoptr(GHashTable) items = test_radicale_dup_items ();
  GHashTableIter iter;
  gpointer name, text;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &name, &text))
    {
      g_autoptr(ICalComponent) calendar = i_cal_component_new_from_string (text);
      ICalComponent *event = NULL;

      if (calendar == NULL)
        continue;
      event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
      if (event != NULL && g_strcmp0 (i_cal_component_get_uid (event), uid) == 0)
        {
          g_object_unref (event);
          if (item != NULL)
            *item = g_strdup (name);
          return g_steal_pointer (&calendar);
        }
      g_clear_object (&event);
    }
  return NULL;
}

static guint
server_events (void)
{
  g_autoptr(GHashTable) items = test_radicale_dup_items ();

  return g_hash_table_size (items);
}

static gint64
event_start (ICalComponent *event)
{
  g_autoptr(ICalTime) start = i_cal_component_get_dtstart (event);

  return i_cal_time_as_timet_with_zone (start, i_cal_timezone_get_utc_timezone ());
}

static ESource *
add_source (ESourceRegistry *registry)
{
  return test_radicale_add_source (registry, E_SOURCE_EXTENSION_CALENDAR, "caldav");
}

/* What Preferences offers: the new calendar among those one can choose. */
static gboolean
listed (const char *uid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = NULL;

  rapport_calendar_sync_list_calendars_async (NULL, test_store_result_cb, &result);
  calendars = rapport_calendar_sync_list_calendars_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < calendars->len; i++)
    if (g_str_equal (((RapportEdsSource *) g_ptr_array_index (calendars, i))->uid, uid))
      return TRUE;
  return FALSE;
}

static void
test_radicale_round_trip (void)
{
  /* Kept for the process: a registry let go leaves small allocations behind (EDS 3.46). */
  static ESourceRegistry *registry;
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / HOUR + 2 * 24) * HOUR;
  g_autoptr(GError) error = NULL;
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) other = NULL;
  g_autoptr(RapportCalendarSync) sync = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(ICalComponent) calendar = NULL;
  g_autofree char *item = NULL;
  g_autofree char *uid = NULL;
  ICalComponent *event;
  guint timeout;
  gint64 id;

  test_radicale_start ("calendar", "VCALENDAR");
  registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = add_source (registry);
  /* "GNOME Calendar", which refreshes the calendar below */
  other = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (listed (e_source_get_uid (source)));

  sync = rapport_calendar_sync_new (meetings);
  rapport_calendar_sync_set_alarm_minutes (sync, 15);
  rapport_calendar_sync_set_calendar (sync, e_source_get_uid (source));
  id = new_meeting (start);
  wait_idle (sync);
  g_assert_cmpint (rapport_calendar_sync_get_state (sync), ==, RAPPORT_CALENDAR_STATE_READY);

  /* on the server, one item, with Rapport's UID, the time and the place */
  meeting = load_meeting (id);
  uid = g_strdup (rapport_meeting_get_event_uid (meeting));
  g_assert_true (g_str_has_suffix (uid, "@rapport"));
  calendar = server_event (uid, &item);
  g_assert_nonnull (calendar);
  g_assert_cmpuint (server_events (), ==, 1);
  event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
  g_assert_cmpstr (i_cal_component_get_summary (event), ==, "Informational meeting with Ana Ruiz");
  g_assert_cmpstr (i_cal_component_get_location (event), ==, "Café Einstein, Berlin");
  g_assert_cmpint (event_start (event), ==, start);

  /* moved by another device, straight on the server, two hours later and
   * an hour long */
  {
    g_autoptr(ICalTime) t = i_cal_time_new_from_timet_with_zone (start + 2 * HOUR, FALSE,
                                                                 i_cal_timezone_get_utc_timezone ());
    g_autoptr(ICalTime) e = i_cal_time_new_from_timet_with_zone (start + 3 * HOUR, FALSE,
                                                                 i_cal_timezone_get_utc_timezone ());
    g_autofree char *text = NULL;

    i_cal_component_set_dtstart (event, t);
    i_cal_component_set_dtend (event, e);
    i_cal_component_set_sequence (event, i_cal_component_get_sequence (event) + 1);
    text = i_cal_component_as_ical_string (calendar);
    test_radicale_put (item, "text/calendar", text);
  }
  g_object_unref (event);

  /* the calendar refreshed, the meeting follows */
  e_client_refresh_sync (other, NULL, &error);
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer) "the meeting to move");
  for (;;)
    {
      g_clear_object (&meeting);
      meeting = load_meeting (id);
      if (rapport_meeting_get_starts_at (meeting) != start)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  g_assert_cmpint (rapport_meeting_get_starts_at (meeting), ==, start + 2 * HOUR);
  g_assert_cmpint (rapport_meeting_get_duration (meeting), ==, 60);
  wait_idle (sync);

  /* still one event, the server's time kept, and none added in Rapport */
  g_clear_object (&calendar);
  calendar = server_event (uid, NULL);
  event = i_cal_component_get_first_component (calendar, I_CAL_VEVENT_COMPONENT);
  g_assert_cmpint (event_start (event), ==, start + 2 * HOUR);
  g_object_unref (event);
  g_assert_cmpuint (server_events (), ==, 1);
  {
    g_autofree char *n = test_query_text (db, "SELECT count (*) FROM meeting");

    g_assert_cmpstr (n, ==, "1");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: EDS needs the system's schemas and services; the
   * session (headless-session) already gives HOME and XDG folders of its own. */
  g_test_init (&argc, &argv, NULL);
  db = test_open_database ();
  contacts = rapport_contact_store_new (db);
  meetings = rapport_meeting_store_new (contacts);

  g_test_add_func ("/calendar-sync/radicale", test_radicale_round_trip);
  status = g_test_run ();

  test_radicale_stop ();
  g_clear_object (&meetings);
  g_clear_object (&contacts);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
