/* test-insights.c -- the funnel and the weekly rhythm on a real database file
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "rapport-insights.h"
#include "test-util.h"

/* Kinds and stages as stored (RapportInteractionKind, RapportStage). */
enum { SENT = 0, RECEIVED = 1, CALL = 2, VOICEMAIL = 3, MEETING = 4, THANKS = 6 };

static gint64
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static gint64
add_contact (RapportDatabase *db,
             const char      *name,
             gint64           created_at,
             int              stage,
             gint64           referrer)
{
  g_autofree char *referred = referrer ? g_strdup_printf ("%" G_GINT64_FORMAT, referrer) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO contact (display_name, sort_key, stage, referred_by, created_at, updated_at) "
    "VALUES ('%s', '%s', %d, %s, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    name, name, stage, referred, created_at, created_at);

  return test_exec (db, sql);
}

static gint64
add_entry (RapportDatabase *db,
           gint64           contact_id,
           int              kind,
           gint64           at,
           gint64           meeting_id)
{
  g_autofree char *meeting = meeting_id ? g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id) : g_strdup ("NULL");
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, meeting_id, created_at, updated_at) "
    "VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", 'entry', %s, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    contact_id, kind, at, meeting, at, at);

  return test_exec (db, sql);
}

static gint64
add_meeting (RapportDatabase *db,
             gint64           contact_id,
             gint64           at)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO meeting (contact_id, starts_at, duration, created_at, updated_at) "
    "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 20, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
    contact_id, at, at, at);

  return test_exec (db, sql);
}

static void exec_printf (RapportDatabase *db, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (RapportDatabase *db,
             const char      *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  test_exec (db, sql);
}

static RapportInsights *
load (RapportDatabase *db,
      gint64           from,
      gint64           to,
      GDateTime       *now)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportInsights *insights;

  rapport_insights_load_async (db, from, to, now, NULL, test_store_result_cb, &result);
  insights = rapport_insights_load_finish (db, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (insights);
  return insights;
}

static void
assert_funnel (const RapportInsights *insights,
               guint identified, guint requested, guint replied, guint met, guint introduced)
{
  g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_IDENTIFIED], ==, identified);
  g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_REQUESTED], ==, requested);
  g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_REPLIED], ==, replied);
  g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_MET], ==, met);
  g_assert_cmpuint (insights->funnel.counts[RAPPORT_FUNNEL_INTRODUCED], ==, introduced);
}

/* The summary rows that disagree with the timeline and referrals they sum:
 * the triggers must keep this at zero through every kind of write. */
static void
assert_summary_true (RapportDatabase *db)
{
  g_autofree char *n = test_query_text (db,
    "SELECT count (*) FROM contact c LEFT JOIN insights_contact s ON s.contact_id = c.id "
    "WHERE s.contact_id IS NULL OR s.identified_at != c.created_at OR s.trashed != c.trashed "
    "OR s.stage != c.stage "
    "OR s.requests != (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id "
    "                  AND i.kind IN (0, 2, 3) AND i.meeting_id IS NULL) "
    "OR s.replies != (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id AND i.kind = 1) "
    "OR s.meetings != (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id AND i.kind = 4) "
    "OR s.introduced != (SELECT count (*) FROM contact r WHERE r.referred_by = c.id AND r.trashed = 0)");
  g_autofree char *orphans = test_query_text (db,
    "SELECT count (*) FROM insights_contact WHERE contact_id NOT IN (SELECT id FROM contact)");

  g_assert_cmpstr (n, ==, "0");
  g_assert_cmpstr (orphans, ==, "0");
}

static void
test_funnel (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 18, 12, 0, 0);
  g_autoptr(RapportInsights) insights = NULL;
  gint64 from = local_time (2026, 3, 1, 0), to = local_time (2026, 4, 1, 0);
  gint64 day = local_time (2026, 3, 5, 10);
  gint64 ana, ben, cleo, dan, eva, finn, gus, hana, ivo, jo, reply, meeting;

  ana = add_contact (db, "Ana", day, 0, 0);
  ben = add_contact (db, "Ben", day, 1, 0);
  add_entry (db, ben, SENT, day, 0);
  cleo = add_contact (db, "Cleo", day, 1, 0);
  add_entry (db, cleo, SENT, day, 0);
  reply = add_entry (db, cleo, RECEIVED, day + 3600, 0);
  dan = add_contact (db, "Dan", day, 3, 0);                  /* met, set by hand */
  eva = add_contact (db, "Eva", day, 4, 0);
  add_entry (db, eva, CALL, day, 0);
  add_entry (db, eva, RECEIVED, day + 60, 0);
  add_entry (db, eva, MEETING, day + 120, 0);
  finn = add_contact (db, "Finn", day, 6, eva);              /* declined: an answer */
  gus = add_contact (db, "Gus", day, 7, eva);                /* no reply: asked */
  hana = add_contact (db, "Hana", local_time (2026, 2, 27, 9), 3, 0);   /* before the period */
  ivo = add_contact (db, "Ivo", day, 3, dan);
  exec_printf (db, "UPDATE contact SET trashed = 1 WHERE id = %" G_GINT64_FORMAT, ivo);
  jo = add_contact (db, "Jo", day, 0, 0);
  meeting = add_meeting (db, cleo, day);
  add_entry (db, jo, SENT, day, meeting);                    /* news about Cleo's meeting, not a request */
  (void) ana;
  (void) hana;
  assert_summary_true (db);

  insights = load (db, from, to, now);
  assert_funnel (insights, 8, 6, 4, 2, 1);
  g_assert_cmpfloat_with_epsilon (rapport_funnel_get_reply_rate (&insights->funnel), 4.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_funnel_get_conversion (&insights->funnel, RAPPORT_FUNNEL_MET),
                                  0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_funnel_get_conversion (&insights->funnel, RAPPORT_FUNNEL_INTRODUCED),
                                  0.5, 1e-9);
  g_assert_cmpuint (insights->n_people, ==, 9);   /* Hana too, Ivo not */
  g_clear_pointer (&insights, rapport_insights_free);

  /* February and March: Hana too. */
  insights = load (db, local_time (2026, 2, 1, 0), to, now);
  assert_funnel (insights, 9, 7, 5, 3, 1);
  g_clear_pointer (&insights, rapport_insights_free);

  /* Finn to the bin: Eva still introduced Gus. Cleo's reply deleted. */
  exec_printf (db, "UPDATE contact SET trashed = 1 WHERE id = %" G_GINT64_FORMAT, finn);
  exec_printf (db, "DELETE FROM interaction WHERE id = %" G_GINT64_FORMAT, reply);
  assert_summary_true (db);
  insights = load (db, from, to, now);
  assert_funnel (insights, 7, 5, 2, 2, 1);
  g_clear_pointer (&insights, rapport_insights_free);

  /* Gus now referred by Dan instead: Eva introduced nobody outside the bin,
   * Dan did. Ivo back from the bin; then Dan deleted for good, which frees
   * Gus and Ivo of their referrer. */
  exec_printf (db, "UPDATE contact SET referred_by = %" G_GINT64_FORMAT " WHERE display_name = 'Gus'", dan);
  assert_summary_true (db);
  insights = load (db, from, to, now);
  assert_funnel (insights, 7, 5, 2, 2, 1);
  g_clear_pointer (&insights, rapport_insights_free);
  exec_printf (db, "UPDATE contact SET trashed = 0 WHERE id = %" G_GINT64_FORMAT, ivo);
  exec_printf (db, "DELETE FROM contact WHERE id = %" G_GINT64_FORMAT, dan);
  assert_summary_true (db);
  insights = load (db, from, to, now);
  /* Ana Ben Cleo Eva Gus Ivo Jo; asked: Ben Cleo Eva Gus Ivo; replied and met: Eva, Ivo */
  assert_funnel (insights, 7, 5, 2, 2, 0);
  g_clear_pointer (&insights, rapport_insights_free);

  /* An entry moved to another contact, and its kind changed. */
  exec_printf (db, "UPDATE interaction SET contact_id = %" G_GINT64_FORMAT
               " WHERE kind = 0 AND contact_id = (SELECT id FROM contact WHERE display_name = 'Ben')", jo);
  exec_printf (db, "UPDATE interaction SET kind = 1 WHERE contact_id = %" G_GINT64_FORMAT " AND kind = 0", cleo);
  (void) gus;
  assert_summary_true (db);
  insights = load (db, from, to, now);
  /* Ben has no request left but is at Request Sent; Jo now asked; Cleo replied */
  assert_funnel (insights, 7, 6, 3, 2, 0);
}

static void
test_rhythm (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 18, 12, 0, 0);
  g_autoptr(RapportInsights) insights = NULL;
  gint64 ana, ben, cleo, eva, ivo, jo, meeting;
  gint64 created = local_time (2025, 12, 1, 9), tie = local_time (2026, 3, 4, 10);
  static const guint expected[RAPPORT_RHYTHM_WEEKS][RAPPORT_N_RHYTHM_SERIES] = {
    { 0, 1, 0, 0 }, { 0, 0, 1, 1 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 }, { 0 },
    { 2, 1, 0, 0 }, { 2, 0, 0, 1 }, { 0, 1, 0, 0 },
  };

  ana = add_contact (db, "Ana", created, 1, 0);
  ben = add_contact (db, "Ben", created, 1, 0);
  cleo = add_contact (db, "Cleo", created, 1, 0);
  eva = add_contact (db, "Eva", created, 4, 0);
  ivo = add_contact (db, "Ivo", created, 1, 0);
  jo = add_contact (db, "Jo", created, 1, 0);

  /* Eva: a voicemail before the twelve weeks makes the call after it a follow-up. */
  add_entry (db, eva, VOICEMAIL, local_time (2025, 12, 28, 18), 0);
  add_entry (db, eva, CALL, local_time (2025, 12, 30, 9), 0);
  add_entry (db, eva, MEETING, local_time (2026, 1, 5, 15), 0);
  add_entry (db, eva, THANKS, local_time (2026, 1, 5, 20), 0);
  /* Ana: two mails at the same second, the first the request. */
  add_entry (db, ana, SENT, tie, 0);
  add_entry (db, ana, SENT, tie, 0);
  /* Cleo: a request, a reply, a new request, a thank-you. */
  add_entry (db, cleo, SENT, local_time (2026, 3, 2, 8), 0);
  add_entry (db, cleo, RECEIVED, local_time (2026, 3, 3, 8), 0);
  add_entry (db, cleo, SENT, local_time (2026, 3, 11, 8), 0);
  add_entry (db, cleo, THANKS, local_time (2026, 3, 12, 8), 0);
  /* Ben: a request, a follow-up this week, another next week (not counted). */
  add_entry (db, ben, SENT, local_time (2026, 3, 10, 10), 0);
  add_entry (db, ben, CALL, local_time (2026, 3, 17, 10), 0);
  add_entry (db, ben, CALL, local_time (2026, 3, 23, 10), 0);
  /* Neither news about a meeting nor anyone in the bin counts. */
  meeting = add_meeting (db, cleo, local_time (2026, 3, 14, 10));
  add_entry (db, jo, SENT, local_time (2026, 3, 17, 11), meeting);
  add_entry (db, ivo, SENT, local_time (2026, 3, 17, 11), 0);
  exec_printf (db, "UPDATE contact SET trashed = 1 WHERE id = %" G_GINT64_FORMAT, ivo);

  insights = load (db, 0, G_MAXINT64, now);
  g_assert_cmpint (insights->weeks[0].starts_at, ==, local_time (2025, 12, 29, 0));
  g_assert_cmpint (insights->weeks[11].starts_at, ==, local_time (2026, 3, 16, 0));
  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
      {
        if (insights->weeks[w].counts[s] != expected[w][s])
          g_test_message ("week %u, %s", w, rapport_rhythm_series_get_label (s));
        g_assert_cmpuint (insights->weeks[w].counts[s], ==, expected[w][s]);
      }
}

/* A week with the change to summer time is 167 hours, and still one week. */
static void
test_week_starts (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 4, 1, 23, 30, 0);   /* a Wednesday */
  g_autoptr(GDateTime) monday = g_date_time_new_local (2026, 3, 30, 0, 0, 0);
  gint64 starts[RAPPORT_RHYTHM_WEEKS + 1];

  rapport_insights_week_starts (now, starts);
  g_assert_cmpint (starts[11], ==, g_date_time_to_unix (monday));
  g_assert_cmpint (starts[12] - starts[11], ==, 7 * 24 * 3600);
  g_assert_cmpint (starts[11] - starts[10], ==, 7 * 24 * 3600 - 3600);
  g_assert_cmpint (starts[0], ==, local_time (2026, 1, 12, 0));
}

static void
test_empty (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 18, 12, 0, 0);
  g_autoptr(RapportInsights) insights = load (db, 0, G_MAXINT64, now);

  assert_funnel (insights, 0, 0, 0, 0, 0);
  g_assert_cmpuint (insights->n_people, ==, 0);
  g_assert_cmpfloat (rapport_funnel_get_reply_rate (&insights->funnel), ==, -1);
}

static const RapportReferrerReplies *
referrer_row (const RapportInsights *insights,
              guint                  i)
{
  g_assert_cmpuint (i, <, insights->referrers->len);
  return g_ptr_array_index (insights->referrers, i);
}

/* The time from the first request to the first reply or meeting, all of
 * them and by referrer, the people asked "cold" first; a reply before the
 * request, a person not asked, one in the bin or of another period left out. */
static void
test_reply_times (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 18, 12, 0, 0);
  g_autoptr(RapportInsights) insights = NULL;
  gint64 from = local_time (2026, 3, 1, 0), to = local_time (2026, 4, 1, 0);
  gint64 day = local_time (2026, 3, 5, 10), hour = 3600, days = 24 * hour;
  gint64 ana, ben, cleo, dan, eva, finn, gus, old, gone;

  ana = add_contact (db, "Ana", local_time (2026, 2, 1, 9), 3, 0);   /* the referrer, of another period */
  ben = add_contact (db, "Ben", day, 2, 0);
  add_entry (db, ben, RECEIVED, day - days, 0);                      /* before the request: not an answer */
  add_entry (db, ben, SENT, day, 0);
  add_entry (db, ben, SENT, day + 2 * days, 0);                      /* a follow-up: the first request counts */
  add_entry (db, ben, RECEIVED, day + 4 * days, 0);                  /* 4 days */
  cleo = add_contact (db, "Cleo", day, 1, 0);
  add_entry (db, cleo, SENT, day, 0);                                /* no answer yet */
  dan = add_contact (db, "Dan", day, 4, ana);
  add_entry (db, dan, CALL, day, 0);
  add_entry (db, dan, MEETING, day + 2 * days, 0);                   /* 2 days: a meeting answers too */
  eva = add_contact (db, "Eva", day, 2, ana);
  add_entry (db, eva, SENT, day, 0);
  add_entry (db, eva, RECEIVED, day + 1 * days, 0);                  /* 1 day */
  add_entry (db, eva, RECEIVED, day + 9 * days, 0);
  finn = add_contact (db, "Finn", day, 1, ana);
  add_entry (db, finn, VOICEMAIL, day, 0);                           /* no answer */
  gus = add_contact (db, "Gus", day, 0, ana);                        /* not asked */
  add_entry (db, gus, RECEIVED, day, 0);
  old = add_contact (db, "Old", local_time (2026, 2, 27, 9), 2, 0);  /* before the period */
  add_entry (db, old, SENT, day, 0);
  add_entry (db, old, RECEIVED, day + hour, 0);
  gone = add_contact (db, "Gone", day, 2, ana);
  add_entry (db, gone, SENT, day, 0);
  add_entry (db, gone, RECEIVED, day + hour, 0);
  exec_printf (db, "UPDATE contact SET trashed = 1 WHERE id = %" G_GINT64_FORMAT, gone);

  insights = load (db, from, to, now);
  g_assert_cmpuint (insights->replies.asked, ==, 5);
  g_assert_cmpuint (insights->replies.replied, ==, 3);
  g_assert_cmpfloat_with_epsilon (insights->replies.median_days, 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rapport_reply_times_get_rate (&insights->replies), 0.6, 1e-9);

  g_assert_cmpuint (insights->referrers->len, ==, 2);
  g_assert_cmpint (referrer_row (insights, 0)->referrer_id, ==, 0);
  g_assert_cmpuint (referrer_row (insights, 0)->times.asked, ==, 2);
  g_assert_cmpuint (referrer_row (insights, 0)->times.replied, ==, 1);
  g_assert_cmpfloat_with_epsilon (referrer_row (insights, 0)->times.median_days, 4.0, 1e-9);
  g_assert_cmpint (referrer_row (insights, 1)->referrer_id, ==, ana);
  g_assert_cmpstr (referrer_row (insights, 1)->name, ==, "Ana");
  g_assert_cmpuint (referrer_row (insights, 1)->times.asked, ==, 3);
  g_assert_cmpuint (referrer_row (insights, 1)->times.replied, ==, 2);
  g_assert_cmpfloat_with_epsilon (referrer_row (insights, 1)->times.median_days, 1.5, 1e-9);
  g_clear_pointer (&insights, rapport_insights_free);

  /* The triggers follow the timeline and the referral: Eva now asked cold,
   * Ben's answer gone, Finn's voicemail moved after a reply he sent. */
  exec_printf (db, "UPDATE contact SET referred_by = NULL WHERE id = %" G_GINT64_FORMAT, eva);
  exec_printf (db, "DELETE FROM interaction WHERE contact_id = %" G_GINT64_FORMAT " AND kind = %d AND happened_at > %"
               G_GINT64_FORMAT, ben, RECEIVED, day);
  add_entry (db, finn, RECEIVED, day + 3 * days, 0);
  exec_printf (db, "UPDATE interaction SET happened_at = %" G_GINT64_FORMAT " WHERE contact_id = %" G_GINT64_FORMAT
               " AND kind = %d", day + 4 * days, finn, VOICEMAIL);
  insights = load (db, from, to, now);
  g_assert_cmpuint (insights->replies.asked, ==, 5);
  g_assert_cmpuint (insights->replies.replied, ==, 2);              /* Dan 2 days, Eva 1 day */
  g_assert_cmpuint (referrer_row (insights, 0)->times.asked, ==, 3);  /* Ben, Cleo, Eva */
  g_assert_cmpuint (referrer_row (insights, 0)->times.replied, ==, 1);
  g_assert_cmpuint (referrer_row (insights, 1)->times.asked, ==, 2);  /* Dan, Finn */
  g_assert_cmpuint (referrer_row (insights, 1)->times.replied, ==, 1);
  g_clear_pointer (&insights, rapport_insights_free);

  /* Nobody asked: no median, no rate, no rows. */
  insights = load (db, local_time (2025, 1, 1, 0), local_time (2025, 2, 1, 0), now);
  g_assert_cmpuint (insights->replies.asked, ==, 0);
  g_assert_cmpfloat (insights->replies.median_days, ==, -1);
  g_assert_cmpfloat (rapport_reply_times_get_rate (&insights->replies), ==, -1);
  g_assert_cmpuint (insights->referrers->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/insights/funnel", test_funnel);
  g_test_add_func ("/insights/rhythm", test_rhythm);
  g_test_add_func ("/insights/week-starts", test_week_starts);
  g_test_add_func ("/insights/empty", test_empty);
  g_test_add_func ("/insights/reply-times", test_reply_times);
  return g_test_run ();
}
