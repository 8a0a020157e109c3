/* test-due.c -- the Today page's days: groups, snooze times and labels
 * around midnight and the changes to and from summer time
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-due.h"

static GTimeZone *
berlin (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/Berlin");

  g_assert_nonnull (tz);
  return tz;
}

static gint64
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute,
    int        second)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, second);

  return g_date_time_to_unix (time);
}

static void
test_day_start (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 noon = at (tz, 2026, 3, 29, 12, 0, 0);   /* summer time began at 02:00 */

  g_assert_cmpint (rapport_due_day_start (noon, tz, 0), ==, at (tz, 2026, 3, 29, 0, 0, 0));
  /* a 23-hour day */
  g_assert_cmpint (rapport_due_day_start (noon, tz, 1) - rapport_due_day_start (noon, tz, 0), ==, 23 * 3600);
  g_assert_cmpint (rapport_due_day_start (noon, tz, -1), ==, at (tz, 2026, 3, 28, 0, 0, 0));

  /* and a 25-hour one when it ends */
  noon = at (tz, 2026, 10, 25, 12, 0, 0);
  g_assert_cmpint (rapport_due_day_start (noon, tz, 1) - rapport_due_day_start (noon, tz, 0), ==, 25 * 3600);

  /* across a year */
  g_assert_cmpint (rapport_due_day_start (at (tz, 2026, 12, 31, 23, 59, 59), tz, 1), ==, at (tz, 2027, 1, 1, 0, 0, 0));
}

static void
test_groups_around_midnight (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 before = at (tz, 2026, 11, 22, 23, 59, 59);
  gint64 after = before + 1;

  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 21, 23, 59, 59), before, tz), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 22, 0, 0, 0), before, tz), ==, RAPPORT_DUE_TODAY);
  /* passed today is still today, not overdue */
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 22, 9, 0, 0), before, tz), ==, RAPPORT_DUE_TODAY);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 23, 0, 0, 0), before, tz), ==, RAPPORT_DUE_THIS_WEEK);

  /* one second on, the day has moved */
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 22, 9, 0, 0), after, tz), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 11, 23, 0, 0, 0), after, tz), ==, RAPPORT_DUE_TODAY);
}

static void
test_week_across_dst (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 now = at (tz, 2026, 3, 25, 10, 0, 0);   /* Wednesday; the clocks go forward on Sunday */

  g_assert_cmpint (rapport_due_until (now, tz), ==, at (tz, 2026, 4, 2, 0, 0, 0));
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 4, 1, 23, 59, 59), now, tz), ==, RAPPORT_DUE_THIS_WEEK);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 4, 2, 0, 0, 0), now, tz), ==, RAPPORT_DUE_LATER);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2026, 3, 26, 0, 0, 0), now, tz), ==, RAPPORT_DUE_THIS_WEEK);
}

static void
test_snooze (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 saturday_evening = at (tz, 2026, 3, 28, 20, 0, 0);
  gint64 sunday = at (tz, 2026, 11, 22, 15, 0, 0);
  gint64 monday = at (tz, 2026, 11, 23, 10, 0, 0);

  g_assert_cmpint (rapport_due_snooze_time (RAPPORT_SNOOZE_LATER_TODAY, sunday, tz), ==, sunday + 3 * 3600);
  /* nine o'clock of summer time, the night the clocks change */
  g_assert_cmpint (rapport_due_snooze_time (RAPPORT_SNOOZE_TOMORROW_MORNING, saturday_evening, tz), ==,
                   at (tz, 2026, 3, 29, 9, 0, 0));
  g_assert_cmpint (rapport_due_snooze_time (RAPPORT_SNOOZE_NEXT_WEEK, sunday, tz), ==, at (tz, 2026, 11, 23, 9, 0, 0));
  /* from a Monday, the next one */
  g_assert_cmpint (rapport_due_snooze_time (RAPPORT_SNOOZE_NEXT_WEEK, monday, tz), ==, at (tz, 2026, 11, 30, 9, 0, 0));
}

static void
assert_when (GTimeZone  *tz,
             gint64      when,
             gint64      now,
             const char *expected)
{
  g_autofree char *text = rapport_due_format_when (when, now, tz);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  g_autoptr(GTimeZone) tz = berlin ();
  gint64 now = at (tz, 2026, 11, 22, 0, 30, 0);   /* Sunday, just after midnight */

  assert_when (tz, at (tz, 2026, 11, 21, 23, 0, 0), now, "Yesterday");
  assert_when (tz, at (tz, 2026, 11, 19, 12, 0, 0), now, "3 days ago");
  assert_when (tz, at (tz, 2025, 11, 1, 12, 0, 0), now, "Over a year ago");
  assert_when (tz, at (tz, 2026, 11, 22, 14, 30, 0), now, "14:30");
  assert_when (tz, at (tz, 2026, 11, 23, 9, 0, 0), now, "Tomorrow, 09:00");
  assert_when (tz, at (tz, 2026, 11, 25, 9, 0, 0), now, "Wednesday, 09:00");
  assert_when (tz, at (tz, 2026, 12, 24, 9, 0, 0), now, "24 December, 09:00");

  /* "3 days ago" counts calendar days, also over the 25-hour day */
  now = at (tz, 2026, 10, 27, 0, 10, 0);
  assert_when (tz, at (tz, 2026, 10, 24, 23, 0, 0), now, "3 days ago");
}

/* Where a zone skipped midnight itself (Brazil's summer time began at
 * 00:00), the day starts at the first instant that exists. */
static void
test_missing_midnight (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("America/Sao_Paulo");
  gint64 noon;

  if (tz == NULL)
    {
      g_test_skip ("no America/Sao_Paulo in the time zone database");
      return;
    }

  noon = at (tz, 2018, 11, 4, 12, 0, 0);
  g_assert_cmpint (rapport_due_day_start (noon, tz, 0), ==, at (tz, 2018, 11, 4, 1, 0, 0));
  g_assert_cmpint (rapport_due_group_for (at (tz, 2018, 11, 3, 23, 30, 0), noon, tz), ==, RAPPORT_DUE_OVERDUE);
  g_assert_cmpint (rapport_due_group_for (at (tz, 2018, 11, 4, 1, 0, 0), noon, tz), ==, RAPPORT_DUE_TODAY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/due/day-start", test_day_start);
  g_test_add_func ("/due/groups-around-midnight", test_groups_around_midnight);
  g_test_add_func ("/due/week-across-dst", test_week_across_dst);
  g_test_add_func ("/due/snooze", test_snooze);
  g_test_add_func ("/due/format", test_format);
  g_test_add_func ("/due/missing-midnight", test_missing_midnight);

  return g_test_run ();
}
