/* test-calendar-sync.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-calendar-sync.h"
#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "test-util.h"

/* Meetings kept in a calendar of evolution-data-server's own, run by its
 * real services on the session bus of tests/session/headless-session (D-Bus
 * starts evolution-source-registry and evolution-calendar-factory; their
 * data lives in the session's scratch HOME). "system-calendar" is the local
 * "Personal" calendar every EDS has. What Rapport wrote is read back, and
 * changed "elsewhere", through a second ECalClient of the test's own, as
 * GNOME Calendar would. */

/* libical-glib 3.0 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)

#define CALENDAR "system-calendar"
#define HOUR 3600
#define DAY 86400

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *contacts;
  RapportMeetingStore *meetings;
  RapportCalendarSync *sync;
  ECalClient          *other;   /* "GNOME Calendar" */
  gint64               contact_id;
} Fixture;

/* Helpers {{{ */

static gboolean
timeout_cb (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static void
wait_until (Fixture       *fixture,
            Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, (gpointer) what);

  while (!condition (fixture, data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
is_idle (Fixture       *fixture,
         gconstpointer  data)
{
  /* Let what the view reports arrive before calling it idle. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  return rapport_calendar_sync_is_idle (fixture->sync) &&
         rapport_calendar_sync_get_state (fixture->sync) != RAPPORT_CALENDAR_STATE_CONNECTING;
}

static void
wait_idle (Fixture *fixture)
{
  wait_until (fixture, is_idle, NULL, "the calendar link to finish");
  g_assert_null (rapport_calendar_sync_get_message (fixture->sync));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autofree char *text = test_query_text (fixture->db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gint64
save_meeting (Fixture        *fixture,
              RapportMeeting *meeting)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_meeting_store_save_async (fixture->meetings, meeting, NULL, test_store_result_cb, &result);
  id = rapport_meeting_store_save_finish (fixture->meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static RapportMeeting *
load_meeting (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting;

  rapport_meeting_store_load_async (fixture->meetings, id, NULL, test_store_result_cb, &result);
  meeting = rapport_meeting_store_load_finish (fixture->meetings, test_wait_for (&result), NULL, &error);
  g_assert_no_error (error);
  return meeting;
}

static gint64
new_meeting (Fixture *fixture,
             gint64   starts_at)
{
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (fixture->contact_id, starts_at, 30);

  rapport_meeting_set_status (meeting, RAPPORT_MEETING_CONFIRMED);
  rapport_meeting_set_place (meeting, "Café Einstein, Berlin");
  rapport_meeting_set_purpose (meeting, "Learn how product teams hire");
  return save_meeting (fixture, meeting);
}

static char *
event_uid (Fixture *fixture,
           gint64   meeting_id)
{
  g_autoptr(RapportMeeting) meeting = load_meeting (fixture, meeting_id);

  return g_strdup (rapport_meeting_get_event_uid (meeting));
}

/* The event as the calendar has it, or NULL. */
static ICalComponent *
get_event (Fixture    *fixture,
           const char *uid)
{
  ICalComponent *comp = NULL;
  g_autoptr(GError) error = NULL;

  if (!e_cal_client_get_object_sync (fixture->other, uid, NULL, &comp, NULL, &error))
    {
      g_assert_error (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND);
      return NULL;
    }
  return comp;
}

static gint64
event_start (ICalComponent *comp)
{
  ICalTime *start = i_cal_component_get_dtstart (comp);
  gint64 t = i_cal_time_as_timet_with_zone (start, i_cal_timezone_get_utc_timezone ());

  g_object_unref (start);
  return t;
}

static guint
count_events (Fixture *fixture)
{
  GSList *objects = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  e_cal_client_get_object_list_sync (fixture->other, "#t", &objects, NULL, &error);
  g_assert_no_error (error);
  for (GSList *l = objects; l != NULL; l = l->next)
    n += g_str_has_suffix (i_cal_component_get_uid (l->data), "@rapport");
  g_slist_free_full (objects, g_object_unref);
  return n;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  const char *emails[] = { "ana.ruiz@example.org", NULL };
  /* one registry for the process, as the module keeps */
  static ESourceRegistry *registry;
  g_autoptr(ESource) source = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->db = test_open_database ();
  fixture->contacts = rapport_contact_store_new (fixture->db);
  fixture->meetings = rapport_meeting_store_new (fixture->contacts);

  rapport_contact_set_display_name (contact, "Ana Ruiz");
  rapport_contact_set_emails (contact, emails);
  rapport_contact_store_save_async (fixture->contacts, contact, NULL, test_store_result_cb, &result);
  fixture->contact_id = rapport_contact_store_save_finish (fixture->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);

  if (registry == NULL)
    registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = e_source_registry_ref_source (registry, CALENDAR);
  g_assert_nonnull (source);
  fixture->other = E_CAL_CLIENT (e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS,
                                                            (guint32) -1, NULL, &error));
  g_assert_no_error (error);

  fixture->sync = rapport_calendar_sync_new (fixture->meetings);
  rapport_calendar_sync_set_alarm_minutes (fixture->sync, 15);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->sync);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->meetings);
  g_clear_object (&fixture->contacts);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

/* }}} */
/* Tests {{{ */

static void
test_calendars_listed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  gboolean personal = FALSE;

  rapport_calendar_sync_list_calendars_async (NULL, test_store_result_cb, &result);
  calendars = rapport_calendar_sync_list_calendars_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < calendars->len; i++)
    {
      RapportEdsSource *info = g_ptr_array_index (calendars, i);

      /* the birthdays calendar takes no events */
      g_assert_cmpstr (info->uid, !=, "birthdays");
      personal |= g_str_equal (info->uid, CALENDAR);
    }
  g_assert_true (personal);
}

static void
test_meeting_written (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / HOUR + 2 * 24) * HOUR;
  gint64 id, before;
  g_autofree char *uid = NULL;
  g_autoptr(ICalComponent) comp = NULL;
  g_autoptr(ICalComponent) alarm = NULL;
  g_autoptr(ICalProperty) attendee = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autofree char *reminders_before = NULL;
  g_autofree char *reminders_after = NULL;
  guint n_before = count_events (fixture);

  rapport_calendar_sync_set_calendar (fixture->sync, CALENDAR);
  id = new_meeting (fixture, start);
  wait_idle (fixture);
  g_assert_cmpint (rapport_calendar_sync_get_state (fixture->sync), ==, RAPPORT_CALENDAR_STATE_READY);

  /* created, with Rapport's UID, the time, the place, the contact and an alarm */
  uid = event_uid (fixture, id);
  g_assert_true (g_str_has_suffix (uid, "@rapport"));
  comp = get_event (fixture, uid);
  g_assert_nonnull (comp);
  g_assert_cmpstr (i_cal_component_get_summary (comp), ==, "Informational meeting with Ana Ruiz");
  g_assert_cmpstr (i_cal_component_get_location (comp), ==, "Café Einstein, Berlin");
  g_assert_cmpint (event_start (comp), ==, start);
  g_assert_cmpint (i_cal_component_get_status (comp), ==, I_CAL_STATUS_CONFIRMED);
  attendee = i_cal_component_get_first_property (comp, I_CAL_ATTENDEE_PROPERTY);
  g_assert_nonnull (attendee);
  g_assert_cmpstr (i_cal_property_get_attendee (attendee), ==, "mailto:ana.ruiz@example.org");
  alarm = i_cal_component_get_first_component (comp, I_CAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  g_assert_cmpuint (count_events (fixture), ==, n_before + 1);
  g_clear_object (&comp);

  /* rescheduled in Rapport: the same event moves */
  meeting = load_meeting (fixture, id);
  rapport_meeting_set_starts_at (meeting, start + DAY);
  save_meeting (fixture, meeting);
  wait_idle (fixture);
  comp = get_event (fixture, uid);
  g_assert_cmpint (event_start (comp), ==, start + DAY);
  g_assert_cmpuint (count_events (fixture), ==, n_before + 1);

  /* moved in the calendar: the meeting follows, on the timeline and in
   * its reminders */
  before = query_int (fixture, "SELECT count (*) FROM interaction WHERE meeting_id IS NOT NULL");
  reminders_before = test_query_text (fixture->db, "SELECT group_concat (due_at) FROM reminder WHERE meeting_id IS NOT NULL");
  g_assert_nonnull (reminders_before);
  {
    g_autoptr(ICalTime) t = i_cal_time_new_from_timet_with_zone (start + DAY + 2 * HOUR, FALSE,
                                                                 i_cal_timezone_get_utc_timezone ());
    g_autoptr(ICalTime) e = i_cal_time_new_from_timet_with_zone (start + DAY + 3 * HOUR, FALSE,
                                                                 i_cal_timezone_get_utc_timezone ());
    g_autoptr(GError) error = NULL;

    i_cal_component_set_dtstart (comp, t);
    i_cal_component_set_dtend (comp, e);
    e_cal_client_modify_object_sync (fixture->other, comp, E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                                     NULL, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&meeting);
  for (;;)
    {
      meeting = load_meeting (fixture, id);
      if (rapport_meeting_get_starts_at (meeting) != start + DAY)
        break;
      g_clear_object (&meeting);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (rapport_meeting_get_starts_at (meeting), ==, start + DAY + 2 * HOUR);
  g_assert_cmpint (rapport_meeting_get_duration (meeting), ==, 60);
  wait_idle (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM interaction WHERE meeting_id IS NOT NULL"), >, before);
  reminders_after = test_query_text (fixture->db, "SELECT group_concat (due_at) FROM reminder WHERE meeting_id IS NOT NULL");
  g_assert_cmpstr (reminders_after, !=, reminders_before);
  g_assert_cmpuint (count_events (fixture), ==, n_before + 1);
  g_clear_object (&comp);

  /* cancelled in Rapport: the event says so */
  rapport_meeting_set_status (meeting, RAPPORT_MEETING_CANCELLED);
  save_meeting (fixture, meeting);
  wait_idle (fixture);
  comp = get_event (fixture, uid);
  g_assert_cmpint (i_cal_component_get_status (comp), ==, I_CAL_STATUS_CANCELLED);
}

static void
test_meeting_deleted (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / HOUR + 3 * 24) * HOUR;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(ICalComponent) comp = NULL;
  gint64 id;

  rapport_calendar_sync_set_calendar (fixture->sync, CALENDAR);
  id = new_meeting (fixture, start);
  wait_idle (fixture);
  uid = event_uid (fixture, id);
  comp = get_event (fixture, uid);
  g_assert_nonnull (comp);

  rapport_meeting_store_delete_async (fixture->meetings, id, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_meeting_store_delete_finish (fixture->meetings, test_wait_for (&result), &error));
  g_assert_no_error (error);
  wait_idle (fixture);
  g_assert_null (get_event (fixture, uid));
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM calendar_removal"), ==, 0);
}

static gboolean
is_cancelled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RapportMeeting) meeting = load_meeting (fixture, *(const gint64 *) data);

  return rapport_meeting_get_status (meeting) == RAPPORT_MEETING_CANCELLED;
}

static void
test_event_deleted_elsewhere (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / HOUR + 4 * 24) * HOUR;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  gint64 id;

  rapport_calendar_sync_set_calendar (fixture->sync, CALENDAR);
  id = new_meeting (fixture, start);
  wait_idle (fixture);
  uid = event_uid (fixture, id);

  e_cal_client_remove_object_sync (fixture->other, uid, NULL, E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                                   NULL, &error);
  g_assert_no_error (error);
  wait_until (fixture, is_cancelled, &id, "the meeting to be cancelled");
  wait_idle (fixture);
  /* and the event is not brought back to say so */
  g_assert_null (get_event (fixture, uid));
}

static void
test_changed_while_away (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 start = (g_get_real_time () / G_USEC_PER_SEC / HOUR + 5 * 24) * HOUR;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_uid = NULL;
  g_autofree char *deleted_uid = NULL;
  g_autoptr(ICalComponent) comp = NULL;
  g_autoptr(ICalTime) t = i_cal_time_new_from_timet_with_zone (start + HOUR, FALSE,
                                                               i_cal_timezone_get_utc_timezone ());
  g_autoptr(RapportMeeting) moved = NULL;
  gint64 moved_id, deleted_id, later_id;

  rapport_calendar_sync_set_calendar (fixture->sync, CALENDAR);
  moved_id = new_meeting (fixture, start);
  deleted_id = new_meeting (fixture, start + 2 * HOUR);
  wait_idle (fixture);
  moved_uid = event_uid (fixture, moved_id);
  deleted_uid = event_uid (fixture, deleted_id);

  /* Rapport is closed; one event is moved, another deleted; a meeting is
   * planned while no calendar is chosen */
  rapport_calendar_sync_set_calendar (fixture->sync, "");
  comp = get_event (fixture, moved_uid);
  i_cal_component_set_dtstart (comp, t);
  e_cal_client_modify_object_sync (fixture->other, comp, E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                                   NULL, &error);
  g_assert_no_error (error);
  e_cal_client_remove_object_sync (fixture->other, deleted_uid, NULL, E_CAL_OBJ_MOD_ALL,
                                   E_CAL_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
  later_id = new_meeting (fixture, start + 4 * HOUR);

  /* back: each meeting is brought up to date */
  rapport_calendar_sync_set_calendar (fixture->sync, CALENDAR);
  wait_until (fixture, is_cancelled, &deleted_id, "the meeting to be cancelled");
  wait_idle (fixture);
  moved = load_meeting (fixture, moved_id);
  g_assert_cmpint (rapport_meeting_get_starts_at (moved), ==, start + HOUR);
  g_assert_null (get_event (fixture, deleted_uid));
  {
    g_autofree char *later_uid = event_uid (fixture, later_id);
    g_autoptr(ICalComponent) later = get_event (fixture, later_uid);

    g_assert_nonnull (later);
  }
}

/* Without evolution-data-server (here: without the module), choosing a
 * calendar says why it cannot work, and listing fails with the reason. */
static void
test_without_eds (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(RapportDatabase) db = NULL;
      g_autoptr(RapportContactStore) contacts = NULL;
      g_autoptr(RapportMeetingStore) meetings = NULL;
      g_autoptr(RapportCalendarSync) sync = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) calendars = NULL;

      /* the loader's warning says which file is missing; it is expected */
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
      db = test_open_database ();
      contacts = rapport_contact_store_new (db);
      meetings = rapport_meeting_store_new (contacts);
      sync = rapport_calendar_sync_new (meetings);

      rapport_calendar_sync_list_calendars_async (NULL, test_store_result_cb, &result);
      calendars = rapport_calendar_sync_list_calendars_finish (test_wait_for (&result), &error);
      g_assert_null (calendars);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "Calendars need evolution-data-server"));

      rapport_calendar_sync_set_calendar (sync, CALENDAR);
      while (rapport_calendar_sync_get_state (sync) == RAPPORT_CALENDAR_STATE_CONNECTING)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (rapport_calendar_sync_get_state (sync), ==, RAPPORT_CALENDAR_STATE_FAILED);
      g_assert_true (g_str_has_prefix (rapport_calendar_sync_get_message (sync), "Calendars need"));
      rapport_database_close (db);
      return;
    }

  {
    g_autofree char *real = g_strdup (g_getenv ("RAPPORT_MODULE_DIR"));
    g_autofree char *empty = g_dir_make_tmp ("rapport-no-modules-XXXXXX", NULL);

    g_setenv ("RAPPORT_MODULE_DIR", empty, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_setenv ("RAPPORT_MODULE_DIR", real, TRUE);
    g_rmdir (empty);
    g_test_trap_assert_passed ();
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: EDS needs the system's schemas and services; the
   * session (headless-session) already gives HOME and XDG folders of its own. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar-sync/without-eds", test_without_eds);
#define ADD(path, func) \
  g_test_add ("/calendar-sync/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("calendars-listed", test_calendars_listed);
  ADD ("meeting-written", test_meeting_written);
  ADD ("meeting-deleted", test_meeting_deleted);
  ADD ("event-deleted-elsewhere", test_event_deleted_elsewhere);
  ADD ("changed-while-away", test_changed_while_away);
#undef ADD

  return g_test_run ();
}
