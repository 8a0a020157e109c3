/* test-reminder-scheduler.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-sql.h"
#include "rapport-reminder-sql.h"
#include "rapport-reminder-scheduler.h"
#include "test-util.h"

/* The scheduler with clocks the test moves. The armed timeout itself is
 * GLib's; its callback is a recheck, which the tests call where the
 * timeout (or a resume, or a clock change) would. */

#define T0 G_GINT64_CONSTANT (1772442000)

typedef struct
{
  RapportDatabase          *db;
  RapportReminderStore     *store;
  RapportReminderScheduler *scheduler;
  gint64                    mono;    /* µs */
  gint64                    real;    /* µs */
  GString                  *fired;   /* "a b | c" : one | between signals */
  GString                  *caught_up;
} Fixture;

static gint64
fake_mono (gpointer user_data)
{
  return ((Fixture *) user_data)->mono;
}

static gint64
fake_real (gpointer user_data)
{
  return ((Fixture *) user_data)->real;
}

static void
append_titles (GString   *out,
               GPtrArray *reminders)
{
  if (out->len > 0)
    g_string_append (out, " | ");
  for (guint i = 0; i < reminders->len; i++)
    {
      g_autofree char *title = rapport_reminder_dup_title (g_ptr_array_index (reminders, i));

      g_string_append_printf (out, i > 0 ? " %s" : "%s", title);
    }
}

static void
fire_cb (RapportReminderScheduler *scheduler,
         GPtrArray                *reminders,
         Fixture                  *fixture)
{
  append_titles (fixture->fired, reminders);
}

static void
catch_up_cb (RapportReminderScheduler *scheduler,
             GPtrArray                *reminders,
             Fixture                  *fixture)
{
  g_autofree char *title = rapport_reminder_dup_catch_up_title (reminders);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_cmpuint (fixture->caught_up->len, ==, 0);   /* once per start */
  append_titles (titles, reminders);
  g_string_append_printf (fixture->caught_up, "%s: %s", title, titles->str);
}

static void
new_scheduler (Fixture *fixture)
{
  RapportReminderClock clock = { fake_mono, fake_real, fixture };

  g_clear_object (&fixture->scheduler);
  fixture->scheduler = rapport_reminder_scheduler_new (fixture->store, &clock);
  g_signal_connect (fixture->scheduler, "fire", G_CALLBACK (fire_cb), fixture);
  g_signal_connect (fixture->scheduler, "catch-up", G_CALLBACK (catch_up_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database ();
  fixture->store = rapport_reminder_store_new (fixture->db, NULL, NULL);
  fixture->mono = 1000 * G_USEC_PER_SEC;
  fixture->real = T0 * G_USEC_PER_SEC;
  fixture->fired = g_string_new (NULL);
  fixture->caught_up = g_string_new (NULL);
  new_scheduler (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_clear_object (&fixture->store);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
  g_string_free (fixture->fired, TRUE);
  g_string_free (fixture->caught_up, TRUE);
}

/* Helpers {{{ */

static void
wait_idle (Fixture *fixture)
{
  while (rapport_reminder_scheduler_is_busy (fixture->scheduler))
    g_main_context_iteration (NULL, TRUE);
}

static gint64
add (Fixture    *fixture,
     const char *text,
     gint64      due_at)
{
  g_autoptr(RapportReminder) reminder = rapport_reminder_new_custom (text, due_at, 0);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_reminder_store_save_async (fixture->store, reminder, NULL, test_store_result_cb, &result);
  id = rapport_reminder_store_save_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  wait_idle (fixture);
  return id;
}

static void
set_state (Fixture              *fixture,
           gint64                id,
           RapportReminderState  state,
           gint64                snoozed_until)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_reminder_store_set_state_async (fixture->store, id, state, snoozed_until, NULL,
                                          test_store_result_cb, &result);
  g_assert_true (rapport_reminder_store_set_state_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
  wait_idle (fixture);
}

/* Moves the wall clock to @seconds; the monotonic one by @mono_seconds. */
static void
set_clock (Fixture *fixture,
           gint64   seconds,
           gint64   mono_seconds)
{
  fixture->real = seconds * G_USEC_PER_SEC;
  fixture->mono += mono_seconds * G_USEC_PER_SEC;
}

static void
recheck (Fixture *fixture)
{
  rapport_reminder_scheduler_recheck (fixture->scheduler);
  wait_idle (fixture);
}

static void
start (Fixture *fixture)
{
  rapport_reminder_scheduler_start (fixture->scheduler);
  wait_idle (fixture);
}

#define assert_fired(fixture, expected) \
  g_assert_cmpstr ((fixture)->fired->str, ==, expected)

/* }}} */
/* Tests {{{ */

static void
test_ordering (Fixture       *fixture,
               gconstpointer  data)
{
  add (fixture, "b", T0 + 20);
  add (fixture, "a", T0 + 10);
  add (fixture, "c", T0 + 30);
  start (fixture);
  assert_fired (fixture, "");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 10);
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 10000);

  set_clock (fixture, T0 + 10, 10);
  recheck (fixture);
  assert_fired (fixture, "a");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 20);

  /* late: both at once, in order, and nothing after */
  set_clock (fixture, T0 + 60, 50);
  recheck (fixture);
  assert_fired (fixture, "a | b c");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, 0);
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 0);
  g_assert_cmpstr (fixture->caught_up->str, ==, "");
}

static void
test_rearm_on_change (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id;

  start (fixture);
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 0);

  id = add (fixture, "call back", T0 + 5);
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 5);
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 5000);

  /* snoozed: due (and shown) again later */
  set_state (fixture, id, RAPPORT_REMINDER_SNOOZED, T0 + 100);
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 100);
  set_clock (fixture, T0 + 100, 100);
  recheck (fixture);
  assert_fired (fixture, "call back");

  set_state (fixture, id, RAPPORT_REMINDER_SNOOZED, T0 + 200);
  set_state (fixture, id, RAPPORT_REMINDER_DONE, 0);
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, 0);

  /* something due already fires at once */
  add (fixture, "now", T0);
  assert_fired (fixture, "call back | now");
}

static void
test_wall_clock_forward (Fixture       *fixture,
                         gconstpointer  data)
{
  add (fixture, "later", T0 + 3600);
  start (fixture);
  /* never more than a minute without looking at the wall clock */
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 60000);

  /* the clock is set two hours ahead; within the minute, the tick sees it */
  set_clock (fixture, T0 + 7200, 60);
  recheck (fixture);
  assert_fired (fixture, "later");
  g_assert_cmpstr (fixture->caught_up->str, ==, "");
}

static void
test_wall_clock_back (Fixture       *fixture,
                      gconstpointer  data)
{
  add (fixture, "soon", T0 + 600);
  start (fixture);

  set_clock (fixture, T0 - 3600, 60);
  recheck (fixture);
  assert_fired (fixture, "");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 600);
  g_assert_cmpuint (rapport_reminder_scheduler_get_sleep_ms (fixture->scheduler), ==, 60000);

  /* and at the (wall-clock) time, it fires, once */
  set_clock (fixture, T0 + 600, 4200);
  recheck (fixture);
  recheck (fixture);
  assert_fired (fixture, "soon");
}

static void
test_suspend_gap (Fixture       *fixture,
                  gconstpointer  data)
{
  add (fixture, "during", T0 + 300);
  add (fixture, "after", T0 + 3 * 3600);
  start (fixture);

  /* two hours asleep: the monotonic clock did not move */
  set_clock (fixture, T0 + 2 * 3600, 0);
  recheck (fixture);   /* PrepareForSleep (false) */
  /* shown on its own: Rapport was running, not away */
  assert_fired (fixture, "during");
  g_assert_cmpstr (fixture->caught_up->str, ==, "");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 3 * 3600);
}

static gpointer
mark_due_func (RapportDatabase  *db,
               gpointer          data,
               GError          **error)
{
  return rapport_reminder_sql_mark_due (db, T0 + 20, T0 + 20, error);
}

static void
test_fire_once_across_crash (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) marked = NULL;
  g_autoptr(GError) error = NULL;

  add (fixture, "first", T0 + 10);
  start (fixture);
  set_clock (fixture, T0 + 10, 10);
  recheck (fixture);
  assert_fired (fixture, "first");

  /* a restart does not show it again */
  new_scheduler (fixture);
  start (fixture);
  assert_fired (fixture, "first");
  g_assert_cmpstr (fixture->caught_up->str, ==, "");

  /* killed between marking and showing: lost, never shown twice */
  add (fixture, "second", T0 + 20);
  rapport_reminder_scheduler_stop (fixture->scheduler);
  marked = rapport_database_run_sync (fixture->db, mark_due_func, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marked->len, ==, 1);
  new_scheduler (fixture);
  set_clock (fixture, T0 + 3600, 3600);
  start (fixture);
  assert_fired (fixture, "first");
  g_assert_cmpstr (fixture->caught_up->str, ==, "");
}

static void
test_catch_up (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;

  /* written while Rapport was not running */
  rapport_reminder_scheduler_stop (fixture->scheduler);
  add (fixture, "three hours ago", T0 - 3 * 3600);
  add (fixture, "an hour ago", T0 - 3600);
  add (fixture, "two hours ago", T0 - 2 * 3600);
  add (fixture, "a minute ago", T0 - 60);
  add (fixture, "in an hour", T0 + 3600);

  start (fixture);
  g_assert_cmpstr (fixture->caught_up->str, ==,
                   "While you were away: 3 reminders due: three hours ago two hours ago an hour ago");
  /* within the grace period: as if on time */
  assert_fired (fixture, "a minute ago");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 3600);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (follow_ups, rapport_reminder_new (i + 1, RAPPORT_REMINDER_FOLLOW_UP, T0));
  title = rapport_reminder_dup_catch_up_title (follow_ups);
  g_assert_cmpstr (title, ==, "While you were away: 3 follow-ups due");
}

static gpointer
trash_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  return rapport_database_exec (db,
    "INSERT INTO contact (id, display_name, sort_key, trashed, created_at, updated_at) VALUES (7, 'Ada', 'ada', 1, 0, 0);"
    "INSERT INTO reminder (kind, contact_id, due_at, text, created_at, updated_at) "
    "VALUES (7, 7, 1772441000, 'about the trashed', 0, 0)", error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
test_trashed_contact (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rapport_database_run_sync (fixture->db, trash_func, NULL, &error));
  g_assert_no_error (error);
  add (fixture, "mine", T0 + 60);
  start (fixture);
  assert_fired (fixture, "");
  g_assert_cmpstr (fixture->caught_up->str, ==, "");
  g_assert_cmpint (rapport_reminder_scheduler_get_next_at (fixture->scheduler), ==, T0 + 60);
}

static gpointer
upgrade_func (RapportDatabase  *db,
              gpointer          data,
              GError          **error)
{
  /* outside a transaction, as an upgraded database's contacts are: marked
   * for derivation, not yet derived */
  return rapport_database_exec (db,
    "INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) VALUES (3, 'Ada', 'ada', 1, 0, 0);"
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) "
    "VALUES (3, 0, 1772442000 - 30 * 86400, 'Request', 0, 0)", error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
test_derived_before_catch_up (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (rapport_database_run_sync (fixture->db, upgrade_func, NULL, &error));
  g_assert_no_error (error);
  start (fixture);
  g_assert_cmpstr (fixture->caught_up->str, ==, "While you were away: 1 follow-up due: Follow up with Ada");
  assert_fired (fixture, "");
}

/* The real clock and the real timeout, once. */
static void
test_timeout_fires (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RapportReminderScheduler) scheduler = rapport_reminder_scheduler_new (fixture->store, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  rapport_reminder_scheduler_stop (fixture->scheduler);
  g_signal_connect (scheduler, "fire", G_CALLBACK (fire_cb), fixture);
  rapport_reminder_scheduler_start (scheduler);
  add (fixture, "in a second", now + 1);
  while (fixture->fired->len == 0)
    g_main_context_iteration (NULL, TRUE);
  assert_fired (fixture, "in a second");
  g_assert_cmpint (g_get_real_time () / G_USEC_PER_SEC, >=, now + 1);
}

/* }}} */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The application keeps running without a window while next-at is not 0;
 * it learns that the first check is done from the first notification. */
static void
test_next_at_notified (Fixture       *fixture,
                       gconstpointer  data)
{
  guint notified = 0;
  gint64 next_at = -1;

  g_signal_connect (fixture->scheduler, "notify::next-at", G_CALLBACK (count_notify_cb), &notified);
  start (fixture);
  g_assert_cmpuint (notified, ==, 1);   /* after every check, also with nothing to wait for */
  g_object_get (fixture->scheduler, "next-at", &next_at, NULL);
  g_assert_cmpint (next_at, ==, 0);

  add (fixture, "later", T0 + 50);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (fixture->scheduler, "next-at", &next_at, NULL);
  g_assert_cmpint (next_at, ==, T0 + 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/reminder-scheduler/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ordering", test_ordering);
  ADD ("rearm-on-change", test_rearm_on_change);
  ADD ("wall-clock-forward", test_wall_clock_forward);
  ADD ("wall-clock-back", test_wall_clock_back);
  ADD ("suspend-gap", test_suspend_gap);
  ADD ("fire-once-across-crash", test_fire_once_across_crash);
  ADD ("catch-up", test_catch_up);
  ADD ("trashed-contact", test_trashed_contact);
  ADD ("derived-before-catch-up", test_derived_before_catch_up);
  ADD ("timeout-fires", test_timeout_fires);
  ADD ("next-at-notified", test_next_at_notified);

  return g_test_run ();
}
