/* test-countdown.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting clock against a fake monotonic clock: the ticks come when the
 * test says, at irregular times, as they would from a busy main loop.
 */

#include "config.h"

#include "rapport-countdown.h"

#define USEC G_GINT64_CONSTANT (1000000)

typedef struct
{
  gint64            now;
  RapportCountdown *countdown;
  GArray           *alerts;     /* Fired */
  GArray           *shown;      /* gint64, each notified remaining */
  guint             n_state;
  guint             n_overtime;
} Fixture;

typedef struct
{
  RapportCountdownAlert alert;
  int                   minutes;
  gint64                remaining;
} Fired;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static void
alert_cb (RapportCountdown      *countdown,
          RapportCountdownAlert  alert,
          int                    minutes,
          Fixture               *fixture)
{
  Fired fired = { alert, minutes, rapport_countdown_get_remaining (countdown) };

  g_array_append_val (fixture->alerts, fired);
}

static void
remaining_cb (RapportCountdown *countdown,
              GParamSpec       *pspec,
              Fixture          *fixture)
{
  gint64 shown = rapport_countdown_get_remaining (countdown);

  g_array_append_val (fixture->shown, shown);
}

static void
state_cb (RapportCountdown *countdown,
          GParamSpec       *pspec,
          Fixture          *fixture)
{
  fixture->n_state++;
}

static void
overtime_cb (RapportCountdown *countdown,
             GParamSpec       *pspec,
             Fixture          *fixture)
{
  fixture->n_overtime++;
}

static void
fixture_setup (Fixture *fixture,
               gint64   duration)
{
  /* Not zero: a real monotonic clock is far from it. */
  fixture->now = 123456789;
  fixture->alerts = g_array_new (FALSE, FALSE, sizeof (Fired));
  fixture->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->countdown = rapport_countdown_new_with_clock (duration, fake_clock, fixture);
  g_signal_connect (fixture->countdown, "alert", G_CALLBACK (alert_cb), fixture);
  g_signal_connect (fixture->countdown, "notify::remaining", G_CALLBACK (remaining_cb), fixture);
  g_signal_connect (fixture->countdown, "notify::state", G_CALLBACK (state_cb), fixture);
  g_signal_connect (fixture->countdown, "notify::overtime", G_CALLBACK (overtime_cb), fixture);
}

static void
fixture_teardown (Fixture *fixture)
{
  g_clear_object (&fixture->countdown);
  g_clear_pointer (&fixture->alerts, g_array_unref);
  g_clear_pointer (&fixture->shown, g_array_unref);
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  fixture->now += usec;
  rapport_countdown_tick (fixture->countdown);
}

/* Ticks every @step until @usec have passed. */
static void
advance_by_steps (Fixture *fixture,
                  gint64   usec,
                  gint64   step)
{
  while (usec > 0)
    {
      gint64 gap = MIN (step, usec);

      advance (fixture, gap);
      usec -= gap;
    }
}

static Fired *
alert_at (Fixture *fixture,
          guint    i)
{
  g_assert_cmpuint (i, <, fixture->alerts->len);
  return &g_array_index (fixture->alerts, Fired, i);
}

static void
test_format (void)
{
  static const struct { gint64 remaining; const char *text; } cases[] = {
    { 20 * 60, "20:00" },
    { 19 * 60 + 59, "19:59" },
    { 5, "0:05" },
    { 0, "0:00" },
    { -(3 * 60 + 12), "3:12" },
    { 59 * 60 + 59, "59:59" },
    { 3600, "1:00:00" },
    { 3600 + 61, "1:01:01" },
    { -(2 * 3600 + 5), "2:00:05" },
    { G_MININT64, "2562047788015215:30:08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rapport_countdown_format (cases[i].remaining);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_initial (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);

  g_assert_cmpint (rapport_countdown_get_state (fixture.countdown), ==, RAPPORT_COUNTDOWN_READY);
  g_assert_cmpint (rapport_countdown_get_duration (fixture.countdown), ==, 20 * 60);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 20 * 60);
  g_assert_false (rapport_countdown_get_overtime (fixture.countdown));
  g_assert_cmpfloat (rapport_countdown_get_fraction (fixture.countdown), ==, 1.0);
  g_assert_cmpint (rapport_countdown_get_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_FIRST), ==, 5);
  g_assert_cmpint (rapport_countdown_get_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_WRAP_UP), ==, 2);
  g_assert_cmpint (rapport_countdown_get_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_TIME_UP), ==, 0);

  /* Time passing before the start does not count, and a tick does nothing. */
  advance (&fixture, 90 * USEC);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 20 * 60);

  /* The length can change until the start, and only then. */
  rapport_countdown_set_duration (fixture.countdown, 15 * 60);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 15 * 60);
  g_assert_cmpuint (fixture.shown->len, ==, 1);

  rapport_countdown_start (fixture.countdown);
  g_assert_cmpint (rapport_countdown_get_state (fixture.countdown), ==, RAPPORT_COUNTDOWN_RUNNING);
  g_assert_cmpuint (fixture.n_state, ==, 1);

  g_test_expect_message ("rapport-countdown", G_LOG_LEVEL_CRITICAL, "*READY*");
  rapport_countdown_set_duration (fixture.countdown, 30 * 60);
  g_test_assert_expected_messages ();
  g_assert_cmpint (rapport_countdown_get_duration (fixture.countdown), ==, 15 * 60);

  g_test_expect_message ("rapport-countdown", G_LOG_LEVEL_CRITICAL, "*READY*");
  rapport_countdown_start (fixture.countdown);
  g_test_assert_expected_messages ();

  fixture_teardown (&fixture);
}

/* An hour of ticks at random gaps from 1 ms to 5 s: the time left is read
 * from the clock, so it is exact however the ticks fall, and the second shown
 * is never more than the rounding behind. */
static void
test_no_drift (void)
{
  Fixture fixture = { 0 };
  gint64 start;
  gint64 passed = 0;
  guint n_ticks = 0;

  fixture_setup (&fixture, 2 * 3600);
  start = fixture.now;
  rapport_countdown_start (fixture.countdown);

  while (passed < 3600 * USEC)
    {
      /* drawn first: MIN() would draw twice */
      gint64 drawn = g_test_rand_int_range (1000, 5 * USEC + 1);
      gint64 gap = MIN (drawn, 3600 * USEC - passed);
      gint64 truth;

      advance (&fixture, gap);
      passed += gap;
      n_ticks++;

      truth = 2 * 3600 * USEC - (fixture.now - start);
      g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, truth);
      /* Shown rounded up: at most a second ahead of the truth, never behind. */
      g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown) * USEC - truth, >=, 0);
      g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown) * USEC - truth, <, USEC);
    }

  g_test_message ("%u ticks", n_ticks);
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 3600 * USEC);
  g_assert_cmpint (ABS (rapport_countdown_get_remaining_usec (fixture.countdown) - 3600 * USEC), <, USEC / 5);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 3600);
  g_assert_cmpfloat_with_epsilon (rapport_countdown_get_fraction (fixture.countdown), 0.5, 1e-9);

  /* Each notification showed a new second, always fewer than before. */
  for (guint i = 1; i < fixture.shown->len; i++)
    g_assert_cmpint (g_array_index (fixture.shown, gint64, i), <, g_array_index (fixture.shown, gint64, i - 1));

  fixture_teardown (&fixture);
}

static void
test_second_changed (void)
{
  Fixture fixture = { 0 };
  guint before;

  fixture_setup (&fixture, 60);
  rapport_countdown_start (fixture.countdown);
  before = fixture.shown->len;

  /* Rounded up: 60 is shown until a whole second has passed, then 59. */
  advance (&fixture, 1);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 60);
  g_assert_cmpuint (fixture.shown->len, ==, before);

  for (guint i = 0; i < 9; i++)
    advance (&fixture, 100 * 1000);
  advance (&fixture, 100 * 1000 - 2);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 60);
  g_assert_cmpuint (fixture.shown->len, ==, before);

  advance (&fixture, 1);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 59);
  g_assert_cmpuint (fixture.shown->len, ==, before + 1);

  advance (&fixture, 999 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 59);
  g_assert_cmpuint (fixture.shown->len, ==, before + 1);

  advance (&fixture, 1000);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 58);
  g_assert_cmpuint (fixture.shown->len, ==, before + 2);

  /* A jump of many seconds is one change, not one per second. */
  advance (&fixture, 30 * USEC);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 28);
  g_assert_cmpuint (fixture.shown->len, ==, before + 3);

  /* Ticks with no time passed, many of them, as from a busy loop. */
  for (guint i = 0; i < 100; i++)
    rapport_countdown_tick (fixture.countdown);
  g_assert_cmpuint (fixture.shown->len, ==, before + 3);

  fixture_teardown (&fixture);
}

static void
test_pause_resume (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);

  advance_by_steps (&fixture, 10 * 60 * USEC + 250 * 1000, 700 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 10 * 60 * USEC - 250 * 1000);

  rapport_countdown_pause (fixture.countdown);
  g_assert_cmpint (rapport_countdown_get_state (fixture.countdown), ==, RAPPORT_COUNTDOWN_PAUSED);

  /* An hour of pause counts nothing, ticks or not. */
  advance_by_steps (&fixture, 3600 * USEC, 999 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 10 * 60 * USEC - 250 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 10 * 60);

  rapport_countdown_resume (fixture.countdown);
  g_assert_cmpint (rapport_countdown_get_state (fixture.countdown), ==, RAPPORT_COUNTDOWN_RUNNING);
  advance (&fixture, 250 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 10 * 60 * USEC - 500 * 1000);

  /* Several pauses add up. */
  for (guint i = 0; i < 10; i++)
    {
      advance (&fixture, 30 * USEC);
      rapport_countdown_pause (fixture.countdown);
      advance (&fixture, 77 * USEC);
      rapport_countdown_resume (fixture.countdown);
    }
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 5 * 60 * USEC - 500 * 1000);

  g_test_expect_message ("rapport-countdown", G_LOG_LEVEL_CRITICAL, "*PAUSED*");
  rapport_countdown_resume (fixture.countdown);
  g_test_assert_expected_messages ();

  rapport_countdown_end (fixture.countdown);
  g_assert_cmpint (rapport_countdown_get_state (fixture.countdown), ==, RAPPORT_COUNTDOWN_ENDED);
  advance (&fixture, 60 * USEC);
  g_assert_cmpint (rapport_countdown_get_remaining_usec (fixture.countdown), ==, 5 * 60 * USEC - 500 * 1000);

  /* ready → running, and ten pauses and resumes, and the end */
  g_assert_cmpuint (fixture.n_state, ==, 1 + 1 + 1 + 20 + 1);

  fixture_teardown (&fixture);
}

static void
test_overtime (void)
{
  Fixture fixture = { 0 };
  g_autofree char *text = NULL;

  fixture_setup (&fixture, 60);
  rapport_countdown_start (fixture.countdown);

  advance (&fixture, 60 * USEC - 1);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 1);
  g_assert_false (rapport_countdown_get_overtime (fixture.countdown));
  g_assert_cmpuint (fixture.n_overtime, ==, 0);

  advance (&fixture, 1);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 0);
  g_assert_true (rapport_countdown_get_overtime (fixture.countdown));
  g_assert_cmpfloat (rapport_countdown_get_fraction (fixture.countdown), ==, 0.0);
  g_assert_cmpuint (fixture.n_overtime, ==, 1);

  advance_by_steps (&fixture, (3 * 60 + 12) * USEC, 333 * 1000);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, -(3 * 60 + 12));
  g_assert_true (rapport_countdown_get_overtime (fixture.countdown));
  g_assert_cmpuint (fixture.n_overtime, ==, 1);
  text = rapport_countdown_format (rapport_countdown_get_remaining (fixture.countdown));
  g_assert_cmpstr (text, ==, "3:12");

  /* Overtime goes on counting up from where it was after a pause. */
  rapport_countdown_pause (fixture.countdown);
  advance (&fixture, 600 * USEC);
  rapport_countdown_resume (fixture.countdown);
  advance (&fixture, 8 * USEC);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, -(3 * 60 + 20));

  /* Time's up came once, for all of it. */
  g_assert_cmpuint (fixture.alerts->len, ==, 1);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);

  fixture_teardown (&fixture);
}

static void
test_alerts_once (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);

  advance_by_steps (&fixture, 25 * 60 * USEC, 100 * 1000);

  g_assert_cmpuint (fixture.alerts->len, ==, 3);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_FIRST);
  g_assert_cmpint (alert_at (&fixture, 0)->minutes, ==, 5);
  g_assert_cmpint (alert_at (&fixture, 0)->remaining, ==, 5 * 60);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_assert_cmpint (alert_at (&fixture, 1)->minutes, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 1)->remaining, ==, 2 * 60);
  g_assert_cmpint (alert_at (&fixture, 2)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);
  g_assert_cmpint (alert_at (&fixture, 2)->minutes, ==, 0);
  g_assert_cmpint (alert_at (&fixture, 2)->remaining, ==, 0);

  fixture_teardown (&fixture);
}

/* A stalled main loop: one tick crosses every mark. Each fires once, in the
 * order of the meeting, and the clock already shows the time of the tick. */
static void
test_alerts_jump (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);

  advance (&fixture, 14 * 60 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 0);

  advance (&fixture, 7 * 60 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 3);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_FIRST);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_assert_cmpint (alert_at (&fixture, 2)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);
  g_assert_cmpint (alert_at (&fixture, 2)->remaining, ==, -60);

  advance_by_steps (&fixture, 10 * 60 * USEC, 3 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 3);
  fixture_teardown (&fixture);

  /* Two of three at once, the third later. */
  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);
  advance (&fixture, 18 * 60 * USEC + 1);
  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_FIRST);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  advance (&fixture, 2 * 60 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 3);
  fixture_teardown (&fixture);

  /* Marks set in an unusual order fire in the order of the meeting. */
  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_set_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_FIRST, 3);
  rapport_countdown_set_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_WRAP_UP, 10);
  rapport_countdown_start (fixture.countdown);
  advance (&fixture, 19 * 60 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_FIRST);
  fixture_teardown (&fixture);
}

/* A pause cannot cross a mark, since no time passes; but a mark passed
 * between the last tick and the pause is real and fires at the pause, and
 * none fires a second time after a resume. */
static void
test_alerts_pause (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);

  /* Paused just before the mark: nothing while paused, the alert comes when
   * the clock reaches the mark after the resume. */
  advance (&fixture, 15 * 60 * USEC - 500 * 1000);
  rapport_countdown_pause (fixture.countdown);
  advance_by_steps (&fixture, 120 * USEC, USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 0);
  rapport_countdown_resume (fixture.countdown);
  advance (&fixture, 499 * 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 0);
  advance (&fixture, 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 1);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_FIRST);

  /* Paused and resumed right at it: no second alert. */
  rapport_countdown_pause (fixture.countdown);
  advance (&fixture, 60 * USEC);
  rapport_countdown_resume (fixture.countdown);
  advance (&fixture, USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 1);

  /* The wrap-up mark passed with no tick since: the pause fires it. */
  fixture.now += 3 * 60 * USEC;
  rapport_countdown_pause (fixture.countdown);
  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  rapport_countdown_resume (fixture.countdown);
  advance_by_steps (&fixture, 5 * 60 * USEC, 250 * 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 3);
  g_assert_cmpint (alert_at (&fixture, 2)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);

  fixture_teardown (&fixture);
}

static void
test_alerts_beyond_duration (void)
{
  Fixture fixture = { 0 };

  /* A 3 minute meeting has no 5 minute alert. */
  fixture_setup (&fixture, 3 * 60);
  rapport_countdown_start (fixture.countdown);
  advance_by_steps (&fixture, 4 * 60 * USEC, 500 * 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);
  fixture_teardown (&fixture);

  /* Nor does a 5 minute one: an alert as it starts would say nothing. */
  fixture_setup (&fixture, 5 * 60);
  rapport_countdown_start (fixture.countdown);
  advance_by_steps (&fixture, 6 * 60 * USEC, 500 * 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  fixture_teardown (&fixture);

  /* A 90 second meeting keeps only time's up. */
  fixture_setup (&fixture, 90);
  rapport_countdown_start (fixture.countdown);
  advance (&fixture, 91 * USEC);
  g_assert_cmpuint (fixture.alerts->len, ==, 1);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);
  fixture_teardown (&fixture);
}

static void
test_alerts_off (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  g_object_set (fixture.countdown, "first-alert-minutes", 0, "wrap-up-alert-minutes", 0, NULL);
  rapport_countdown_start (fixture.countdown);
  advance_by_steps (&fixture, 21 * 60 * USEC, 900 * 1000);
  g_assert_cmpuint (fixture.alerts->len, ==, 1);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);
  fixture_teardown (&fixture);

  /* Time's up cannot be turned off. */
  fixture_setup (&fixture, 60);
  g_test_expect_message ("rapport-countdown", G_LOG_LEVEL_CRITICAL, "*alert*");
  rapport_countdown_set_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_TIME_UP, 1);
  g_test_assert_expected_messages ();
  fixture_teardown (&fixture);
}

/* Settings change during a meeting: a mark moved behind the clock stays
 * silent, one moved ahead of it fires when reached. */
static void
test_alerts_changed_while_running (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);
  advance (&fixture, 12 * 60 * USEC);

  rapport_countdown_set_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_FIRST, 10);
  rapport_countdown_set_alert_minutes (fixture.countdown, RAPPORT_COUNTDOWN_ALERT_WRAP_UP, 3);
  advance_by_steps (&fixture, 9 * 60 * USEC, USEC);

  g_assert_cmpuint (fixture.alerts->len, ==, 2);
  g_assert_cmpint (alert_at (&fixture, 0)->alert, ==, RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_assert_cmpint (alert_at (&fixture, 0)->minutes, ==, 3);
  g_assert_cmpint (alert_at (&fixture, 0)->remaining, ==, 3 * 60);
  g_assert_cmpint (alert_at (&fixture, 1)->alert, ==, RAPPORT_COUNTDOWN_ALERT_TIME_UP);

  fixture_teardown (&fixture);
}

static void
test_end_early (void)
{
  Fixture fixture = { 0 };

  fixture_setup (&fixture, 20 * 60);
  rapport_countdown_start (fixture.countdown);
  advance (&fixture, 10 * 60 * USEC);
  rapport_countdown_end (fixture.countdown);
  advance_by_steps (&fixture, 20 * 60 * USEC, 10 * USEC);

  g_assert_cmpuint (fixture.alerts->len, ==, 0);
  g_assert_cmpint (rapport_countdown_get_remaining (fixture.countdown), ==, 10 * 60);
  g_assert_false (rapport_countdown_get_overtime (fixture.countdown));

  fixture_teardown (&fixture);
}

/* With the real clock, the countdown ticks itself from the main loop, at the
 * change of each shown second. */
static void
test_real_clock (void)
{
  g_autoptr(RapportCountdown) countdown = rapport_countdown_new (2);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 started;
  gint64 took;

  g_signal_connect_swapped (countdown, "notify::overtime", G_CALLBACK (g_main_loop_quit), loop);
  started = g_get_monotonic_time ();
  rapport_countdown_start (countdown);
  g_main_loop_run (loop);
  took = g_get_monotonic_time () - started;

  g_assert_true (rapport_countdown_get_overtime (countdown));
  g_assert_cmpint (took, >=, 2 * USEC);
  /* Loose: the machine may be busy; drift is tested above with a fake clock. */
  g_assert_cmpint (took, <, 3 * USEC);
}

static void
test_alert_texts (void)
{
  g_autofree char *first = rapport_countdown_alert_dup_title (RAPPORT_COUNTDOWN_ALERT_FIRST, 5);
  g_autofree char *time_up = rapport_countdown_alert_dup_title (RAPPORT_COUNTDOWN_ALERT_TIME_UP, 0);

  g_assert_cmpstr (first, ==, "5 minutes left");
  g_assert_cmpstr (time_up, ==, "Time’s up");

  for (guint i = 0; i < RAPPORT_N_COUNTDOWN_ALERTS; i++)
    g_assert_nonnull (rapport_countdown_alert_get_body (i));
  g_assert_nonnull (strstr (rapport_countdown_alert_get_body (RAPPORT_COUNTDOWN_ALERT_WRAP_UP), "who else"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/countdown/format", test_format);
  g_test_add_func ("/countdown/initial", test_initial);
  g_test_add_func ("/countdown/no-drift", test_no_drift);
  g_test_add_func ("/countdown/second-changed", test_second_changed);
  g_test_add_func ("/countdown/pause-resume", test_pause_resume);
  g_test_add_func ("/countdown/overtime", test_overtime);
  g_test_add_func ("/countdown/alerts/once", test_alerts_once);
  g_test_add_func ("/countdown/alerts/jump", test_alerts_jump);
  g_test_add_func ("/countdown/alerts/pause", test_alerts_pause);
  g_test_add_func ("/countdown/alerts/beyond-duration", test_alerts_beyond_duration);
  g_test_add_func ("/countdown/alerts/off", test_alerts_off);
  g_test_add_func ("/countdown/alerts/changed-while-running", test_alerts_changed_while_running);
  g_test_add_func ("/countdown/end-early", test_end_early);
  g_test_add_func ("/countdown/real-clock", test_real_clock);
  g_test_add_func ("/countdown/alert-texts", test_alert_texts);

  return g_test_run ();
}
