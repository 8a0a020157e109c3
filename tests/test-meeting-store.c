/* test-meeting-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "test-util.h"

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *contacts;
  RapportMeetingStore *meetings;
  guint                n_changed;
} Fixture;

/* Helpers {{{ */

static void
changed_cb (RapportMeetingStore *store,
            gint64               id,
            Fixture             *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database ();
  fixture->contacts = rapport_contact_store_new (fixture->db);
  fixture->meetings = rapport_meeting_store_new (fixture->contacts);
  g_signal_connect (fixture->meetings, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->meetings);
  g_clear_object (&fixture->contacts);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

static gint64
add_contact (Fixture    *fixture,
             const char *name,
             const char *organisation)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_organisation (contact, organisation);
  rapport_contact_store_save_async (fixture->contacts, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (fixture->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
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
  g_assert_cmpint (id, >, 0);
  rapport_meeting_set_id (meeting, id);
  return id;
}

static RapportMeeting *
load_meeting (Fixture    *fixture,
              gint64      id,
              GPtrArray **questions)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting;

  rapport_meeting_store_load_async (fixture->meetings, id, NULL, test_store_result_cb, &result);
  meeting = rapport_meeting_store_load_finish (fixture->meetings, test_wait_for (&result), questions, &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting);
  return meeting;
}

static GPtrArray *
list_meetings (Fixture            *fixture,
               RapportMeetingList  which,
               gint64              contact_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *meetings;

  rapport_meeting_store_list_async (fixture->meetings, which, contact_id, NULL, test_store_result_cb, &result);
  meetings = rapport_meeting_store_list_finish (fixture->meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (meetings);
  return meetings;
}

static RapportStage
contact_stage (Fixture *fixture,
               gint64   contact_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stage FROM contact WHERE id = %" G_GINT64_FORMAT, contact_id);
  g_autofree char *stage = test_query_text (fixture->db, sql);

  return atoi (stage);
}

static guint
count (Fixture    *fixture,
       const char *sql)
{
  g_autofree char *text = test_query_text (fixture->db, sql);

  return text != NULL ? atoi (text) : 0;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* }}} */
/* Tests {{{ */

static void
test_schedule_moves_stage (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Zoë Ødegård", "Fjord Analytics");
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now () + 86400, 20);
  g_autoptr(RapportMeeting) loaded = NULL;
  g_autofree char *summary = NULL;
  gint64 id;

  rapport_meeting_set_place (meeting, "  https://meet.example.org/abc  ");
  rapport_meeting_set_purpose (meeting, "Learn how data teams hire");
  id = save_meeting (fixture, meeting);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = load_meeting (fixture, id, NULL);
  g_assert_cmpstr (rapport_meeting_get_contact_name (loaded), ==, "Zoë Ødegård");
  g_assert_cmpstr (rapport_meeting_get_organisation (loaded), ==, "Fjord Analytics");
  g_assert_cmpstr (rapport_meeting_get_place (loaded), ==, "https://meet.example.org/abc");
  g_assert_cmpint (rapport_meeting_get_duration (loaded), ==, 20);
  g_assert_cmpint (rapport_meeting_get_status (loaded), ==, RAPPORT_MEETING_PROPOSED);

  g_assert_cmpint (contact_stage (fixture, contact), ==, RAPPORT_STAGE_SCHEDULED);
  /* scheduled, and the stage change, both tied to the meeting */
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction WHERE meeting_id IS NOT NULL"), ==, 2);
  summary = test_query_text (fixture->db, "SELECT summary FROM interaction WHERE kind = 5");
  g_assert_true (g_str_has_prefix (summary, "Meeting scheduled for "));
}

static void
test_invalid_meetings_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada", NULL);
  g_autoptr(RapportMeeting) too_long = rapport_meeting_new (contact, now (), 24 * 60 + 1);
  g_autoptr(RapportMeeting) nobody = rapport_meeting_new (0, now (), 20);
  RapportMeeting *bad[] = { too_long, nobody };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      rapport_meeting_store_save_async (fixture->meetings, bad[i], NULL, test_store_result_cb, &result);
      g_assert_cmpint (rapport_meeting_store_save_finish (fixture->meetings, test_wait_for (&result), &error), ==, 0);
      g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
    }
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM meeting"), ==, 0);
  g_assert_cmpint (contact_stage (fixture, contact), ==, RAPPORT_STAGE_TO_CONTACT);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  gint64 ada = add_contact (fixture, "Ada", NULL);
  gint64 bob = add_contact (fixture, "Bob", NULL);
  g_autoptr(RapportMeeting) later = rapport_meeting_new (ada, now () + 7200, 30);
  g_autoptr(RapportMeeting) soon = rapport_meeting_new (bob, now () + 600, 15);
  g_autoptr(RapportMeeting) running = rapport_meeting_new (bob, now () - 300, 20);
  g_autoptr(RapportMeeting) old = rapport_meeting_new (ada, now () - 86400 * 3, 20);
  g_autoptr(RapportMeeting) cancelled = rapport_meeting_new (ada, now () + 86400, 20);
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GPtrArray) adas = NULL;

  save_meeting (fixture, later);
  save_meeting (fixture, soon);
  save_meeting (fixture, running);
  save_meeting (fixture, old);
  rapport_meeting_set_status (cancelled, RAPPORT_MEETING_CANCELLED);
  save_meeting (fixture, cancelled);

  upcoming = list_meetings (fixture, RAPPORT_MEETING_LIST_UPCOMING, 0);
  g_assert_cmpuint (upcoming->len, ==, 3);
  /* a meeting going on now is still upcoming: it is not over */
  g_assert_cmpint (rapport_meeting_get_id (g_ptr_array_index (upcoming, 0)), ==, rapport_meeting_get_id (running));
  g_assert_cmpint (rapport_meeting_get_id (g_ptr_array_index (upcoming, 1)), ==, rapport_meeting_get_id (soon));
  g_assert_cmpint (rapport_meeting_get_id (g_ptr_array_index (upcoming, 2)), ==, rapport_meeting_get_id (later));

  past = list_meetings (fixture, RAPPORT_MEETING_LIST_PAST, 0);
  g_assert_cmpuint (past->len, ==, 2);
  g_assert_cmpint (rapport_meeting_get_id (g_ptr_array_index (past, 0)), ==, rapport_meeting_get_id (cancelled));
  g_assert_cmpint (rapport_meeting_get_id (g_ptr_array_index (past, 1)), ==, rapport_meeting_get_id (old));

  adas = list_meetings (fixture, RAPPORT_MEETING_LIST_CONTACT, ada);
  g_assert_cmpuint (adas->len, ==, 3);
}

/* A meeting is one instant in UTC: set in Berlin on the first day of summer
 * time, it is at 08:00 UTC, and shows at the right hour in New York. */
static void
test_utc_across_dst (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) before = g_date_time_new (berlin, 2026, 3, 28, 10, 0, 0);
  g_autoptr(GDateTime) after = g_date_time_new (berlin, 2026, 3, 29, 10, 0, 0);
  g_autoptr(GDateTime) expected_after = g_date_time_new_utc (2026, 3, 29, 8, 0, 0);
  g_autoptr(GDateTime) expected_before = g_date_time_new_utc (2026, 3, 28, 9, 0, 0);
  gint64 contact = add_contact (fixture, "李雷", NULL);
  g_autoptr(RapportMeeting) a = rapport_meeting_new (contact, g_date_time_to_unix (before), 20);
  g_autoptr(RapportMeeting) b = rapport_meeting_new (contact, g_date_time_to_unix (after), 20);
  g_autoptr(RapportMeeting) loaded = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) in_new_york = NULL;

  save_meeting (fixture, a);
  save_meeting (fixture, b);

  loaded = load_meeting (fixture, rapport_meeting_get_id (a), NULL);
  g_assert_cmpint (rapport_meeting_get_starts_at (loaded), ==, g_date_time_to_unix (expected_before));
  g_clear_object (&loaded);

  loaded = load_meeting (fixture, rapport_meeting_get_id (b), NULL);
  g_assert_cmpint (rapport_meeting_get_starts_at (loaded), ==, g_date_time_to_unix (expected_after));

  /* Shown at 10:00 in Berlin (the zone the tests run in) … */
  local = rapport_meeting_dup_local_start (loaded);
  start = g_date_time_to_timezone (local, berlin);
  g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
  /* … and at 04:00 in New York, which changed its clocks two weeks before */
  in_new_york = g_date_time_to_timezone (start, new_york);
  g_assert_cmpint (g_date_time_get_hour (in_new_york), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (in_new_york), ==, 29);
}

static void
test_changes_on_timeline (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now () + 86400, 20);

  save_meeting (fixture, meeting);
  rapport_meeting_set_starts_at (meeting, now () + 2 * 86400);
  save_meeting (fixture, meeting);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction WHERE summary LIKE 'Meeting moved to %'"), ==, 1);

  rapport_meeting_set_status (meeting, RAPPORT_MEETING_CONFIRMED);
  save_meeting (fixture, meeting);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction WHERE summary = 'Meeting confirmed'"), ==, 1);

  /* saving again without a change writes nothing */
  save_meeting (fixture, meeting);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction"), ==, 4);

  rapport_meeting_set_status (meeting, RAPPORT_MEETING_CANCELLED);
  save_meeting (fixture, meeting);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction WHERE summary = 'Meeting cancelled'"), ==, 1);
  /* cancelling leaves the stage to the user */
  g_assert_cmpint (contact_stage (fixture, contact), ==, RAPPORT_STAGE_SCHEDULED);
}

static GArray *
set_questions (Fixture   *fixture,
               gint64     meeting_id,
               GPtrArray *questions)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  rapport_meeting_store_set_questions_async (fixture->meetings, meeting_id, questions, NULL,
                                             test_store_result_cb, &result);
  ids = rapport_meeting_store_set_questions_finish (fixture->meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, questions->len);
  for (guint i = 0; i < ids->len; i++)
    rapport_meeting_question_set_id (g_ptr_array_index (questions, i), g_array_index (ids, gint64, i));
  return ids;
}

static void
test_questions_and_notes (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now (), 20);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded_questions = NULL;
  g_autoptr(RapportMeeting) loaded = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_meeting (fixture, meeting);
  RapportMeetingQuestion *first;

  g_ptr_array_add (questions, rapport_meeting_question_new (0, "What does a typical day look like?"));
  g_ptr_array_add (questions, rapport_meeting_question_new (0, "Whom else should I talk to?"));
  g_ptr_array_add (questions, rapport_meeting_question_new (0, "How did you start?"));
  ids = set_questions (fixture, id, questions);

  /* an answer typed during the meeting … */
  rapport_meeting_store_save_answer_async (fixture->meetings, g_array_index (ids, gint64, 0), "Mostly reviews",
                                           NULL, test_store_result_cb, &result);
  g_assert_true (rapport_meeting_store_save_answer_finish (fixture->meetings, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* … survives a reorder that drops another question */
  first = g_object_ref (g_ptr_array_index (questions, 0));
  g_ptr_array_remove_index (questions, 0);
  g_ptr_array_remove_index (questions, 0);
  g_ptr_array_add (questions, first);
  g_clear_pointer (&ids, g_array_unref);
  ids = set_questions (fixture, id, questions);

  rapport_meeting_store_save_notes_async (fixture->meetings, id, "Hiring is slow this year",
                                          (1 << RAPPORT_AGENDA_GREET) | (1 << RAPPORT_AGENDA_PURPOSE),
                                          NULL, test_store_result_cb, &result);
  g_assert_true (rapport_meeting_store_save_notes_finish (fixture->meetings, test_wait_for (&result), &error));
  g_assert_no_error (error);

  loaded = load_meeting (fixture, id, &loaded_questions);
  g_assert_cmpstr (rapport_meeting_get_notes (loaded), ==, "Hiring is slow this year");
  g_assert_cmpuint (rapport_meeting_get_agenda_done (loaded), ==, 3);
  g_assert_cmpuint (loaded_questions->len, ==, 2);
  g_assert_cmpstr (rapport_meeting_question_get_text (g_ptr_array_index (loaded_questions, 0)), ==, "How did you start?");
  g_assert_cmpstr (rapport_meeting_question_get_text (g_ptr_array_index (loaded_questions, 1)), ==,
                   "What does a typical day look like?");
  g_assert_cmpstr (rapport_meeting_question_get_answer (g_ptr_array_index (loaded_questions, 1)), ==, "Mostly reviews");
}

static void
test_outcome_creates_referrals (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada Lovelace", "Analytical Engines");
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now () - 1800, 20);
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_referral_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) new_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RapportMeeting) held = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *referrer = NULL;
  g_autofree char *body = NULL;
  gint64 id = save_meeting (fixture, meeting);

  g_ptr_array_add (questions, rapport_meeting_question_new (0, "How did you start?"));
  ids = set_questions (fixture, id, questions);
  g_clear_object (&result);
  rapport_meeting_store_save_answer_async (fixture->meetings, g_array_index (ids, gint64, 0),
                                           "By accident, in 1843", NULL, test_store_result_cb, &result);
  g_assert_true (rapport_meeting_store_save_answer_finish (fixture->meetings, test_wait_for (&result), &error));
  g_clear_object (&result);

  g_ptr_array_add (referrals, rapport_referral_new ("Charles Babbage", "Difference Ltd", "charles@example.org", TRUE));
  g_ptr_array_add (referrals, rapport_referral_new ("Mary Somerville", "", "", FALSE));
  rapport_meeting_store_finish_async (fixture->meetings, id, "Very kind", "Send the paper", now () + 90 * 86400,
                                      referrals, NULL, test_store_result_cb, &result);
  new_ids = rapport_meeting_store_finish_finish (fixture->meetings, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (new_ids->len, ==, 2);

  held = load_meeting (fixture, id, NULL);
  g_assert_cmpint (rapport_meeting_get_status (held), ==, RAPPORT_MEETING_HELD);
  g_assert_cmpint (rapport_meeting_get_ended_at (held), >, 0);
  g_assert_cmpint (rapport_meeting_get_keep_in_touch_at (held), >, now ());
  g_assert_cmpint (contact_stage (fixture, contact), ==, RAPPORT_STAGE_MET);

  /* the new contacts were referred by Ada */
  sql = g_strdup_printf ("SELECT r.display_name FROM contact c JOIN contact r ON r.id = c.referred_by "
                         "WHERE c.id = %" G_GINT64_FORMAT, g_array_index (new_ids, gint64, 0));
  referrer = test_query_text (fixture->db, sql);
  g_assert_cmpstr (referrer, ==, "Ada Lovelace");
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM contact WHERE referred_by IS NOT NULL"), ==, 2);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM contact_email WHERE address = 'charles@example.org'"), ==, 1);

  /* the timeline holds the meeting with what was heard, and the referrals */
  body = test_query_text (fixture->db, "SELECT body FROM interaction WHERE kind = 4 AND meeting_id IS NOT NULL");
  g_assert_nonnull (strstr (body, "Very kind"));
  g_assert_nonnull (strstr (body, "By accident, in 1843"));
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM interaction WHERE kind = 7 AND meeting_id IS NOT NULL"), ==, 2);

  /* and it can be found by what was said */
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM contact_search WHERE contact_search MATCH 'accident'"), ==, 1);

  /* a meeting is held once */
  g_clear_object (&result);
  g_clear_error (&error);
  rapport_meeting_store_finish_async (fixture->meetings, id, "", "", 0, NULL, NULL, test_store_result_cb, &result);
  g_assert_null (rapport_meeting_store_finish_finish (fixture->meetings, test_wait_for (&result), &error));
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
}

static void
test_bad_referral_writes_nothing (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now () - 1800, 20);
  g_autoptr(GPtrArray) referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_referral_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMeeting) loaded = NULL;
  gint64 id = save_meeting (fixture, meeting);

  g_ptr_array_add (referrals, rapport_referral_new ("Charles", "", "", TRUE));
  g_ptr_array_add (referrals, rapport_referral_new ("Mary", "", "not an address", TRUE));
  rapport_meeting_store_finish_async (fixture->meetings, id, "", "", 0, referrals, NULL, test_store_result_cb, &result);
  g_assert_null (rapport_meeting_store_finish_finish (fixture->meetings, test_wait_for (&result), &error));
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);

  /* all or nothing: the meeting is still open, nobody was added */
  loaded = load_meeting (fixture, id, NULL);
  g_assert_cmpint (rapport_meeting_get_status (loaded), ==, RAPPORT_MEETING_PROPOSED);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM contact"), ==, 1);
}

static void
test_deleting_contact_deletes_meetings (Fixture       *fixture,
                                        gconstpointer  data)
{
  gint64 contact = add_contact (fixture, "Ada", NULL);
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (contact, now () + 3600, 20);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;

  save_meeting (fixture, meeting);

  /* a trashed contact's meetings leave the lists at once … */
  rapport_contact_store_trash_async (fixture->contacts, contact, TRUE, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_trash_finish (fixture->contacts, test_wait_for (&result), &error));
  upcoming = list_meetings (fixture, RAPPORT_MEETING_LIST_UPCOMING, 0);
  g_assert_cmpuint (upcoming->len, ==, 0);

  /* … and go with it for good */
  g_clear_object (&result);
  rapport_contact_store_purge_trash_async (fixture->contacts, contact, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_purge_trash_finish (fixture->contacts, test_wait_for (&result), &error));
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM meeting"), ==, 0);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/meeting-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("schedule-moves-stage", test_schedule_moves_stage);
  ADD ("invalid-meetings-refused", test_invalid_meetings_refused);
  ADD ("lists", test_lists);
  ADD ("utc-across-dst", test_utc_across_dst);
  ADD ("changes-on-timeline", test_changes_on_timeline);
  ADD ("questions-and-notes", test_questions_and_notes);
  ADD ("outcome-creates-referrals", test_outcome_creates_referrals);
  ADD ("bad-referral-writes-nothing", test_bad_referral_writes_nothing);
  ADD ("deleting-contact-deletes-meetings", test_deleting_contact_deletes_meetings);

#undef ADD

  return g_test_run ();
}
