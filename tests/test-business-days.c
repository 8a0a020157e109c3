/* test-business-days.c -- business days for the playbooks: weekends, days
 * off, the changes to and from summer time, a request sent on a Friday
 * evening or on a holiday
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-business-days.h"

static GTimeZone *
zone (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (tz);
  return tz;
}

static gint64
at (GTimeZone *tz,
    int        year,
    int        month,
    int        day,
    int        hour,
    int        minute)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
test_weekdays (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  /* Monday 16 November 2026, 10:00 */
  gint64 monday = at (tz, 2026, 11, 16, 10, 0);

  g_assert_cmpint (rapport_business_days_add (monday, 0, tz, NULL), ==, monday);
  g_assert_cmpint (rapport_business_days_add (monday, 1, tz, NULL), ==, at (tz, 2026, 11, 17, 10, 0));
  g_assert_cmpint (rapport_business_days_add (monday, 3, tz, NULL), ==, at (tz, 2026, 11, 19, 10, 0));
  /* over the weekend: Tue..Fri, Mon */
  g_assert_cmpint (rapport_business_days_add (monday, 5, tz, NULL), ==, at (tz, 2026, 11, 23, 10, 0));
  g_assert_cmpint (rapport_business_days_add (monday, 7, tz, NULL), ==, at (tz, 2026, 11, 25, 10, 0));
  g_assert_cmpint (rapport_business_days_add (monday, 10, tz, NULL), ==, at (tz, 2026, 11, 30, 10, 0));
}

static void
test_friday_evening_and_weekend (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  gint64 friday = at (tz, 2026, 11, 20, 19, 30);
  gint64 saturday = at (tz, 2026, 11, 21, 19, 30);
  gint64 sunday = at (tz, 2026, 11, 22, 19, 30);

  /* Monday, Tuesday, Wednesday */
  g_assert_cmpint (rapport_business_days_add (friday, 3, tz, NULL), ==, at (tz, 2026, 11, 25, 19, 30));
  g_assert_cmpint (rapport_business_days_add (saturday, 3, tz, NULL), ==, at (tz, 2026, 11, 25, 19, 30));
  g_assert_cmpint (rapport_business_days_add (sunday, 3, tz, NULL), ==, at (tz, 2026, 11, 25, 19, 30));
  g_assert_cmpint (rapport_business_days_add (friday, 7, tz, NULL), ==, at (tz, 2026, 12, 1, 19, 30));
}

static void
test_days_off (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  const char * const days_off[] = { "2026-12-24", "2026-12-25", "2026-12-31", NULL };
  /* Tuesday 22 December */
  gint64 tuesday = at (tz, 2026, 12, 22, 9, 0);
  /* sent on a holiday, Christmas Day */
  gint64 holiday = at (tz, 2026, 12, 25, 11, 0);
  g_autoptr(GDate) christmas = g_date_new_dmy (25, 12, 2026);
  g_autoptr(GDate) monday = g_date_new_dmy (28, 12, 2026);
  g_autoptr(GDate) saturday = g_date_new_dmy (26, 12, 2026);

  g_assert_false (rapport_business_day_is_working (christmas, days_off));
  g_assert_true (rapport_business_day_is_working (christmas, NULL));
  g_assert_true (rapport_business_day_is_working (monday, days_off));
  g_assert_false (rapport_business_day_is_working (saturday, NULL));

  /* Wed 23, (24, 25 off, weekend), Mon 28, Tue 29 */
  g_assert_cmpint (rapport_business_days_add (tuesday, 3, tz, days_off), ==, at (tz, 2026, 12, 29, 9, 0));
  g_assert_cmpint (rapport_business_days_add (tuesday, 3, tz, NULL), ==, at (tz, 2026, 12, 25, 9, 0));
  /* Mon 28, Tue 29, Wed 30, (31 off), Fri 1 January, Mon 4, Tue 5, Wed 6 */
  g_assert_cmpint (rapport_business_days_add (tuesday, 7, tz, days_off), ==, at (tz, 2027, 1, 5, 9, 0));
  /* Mon 28, Tue 29, Wed 30 */
  g_assert_cmpint (rapport_business_days_add (holiday, 3, tz, days_off), ==, at (tz, 2026, 12, 30, 11, 0));
}

static void
test_summer_time (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  /* Friday evening before summer time begins (Sunday 29 March 2026) */
  gint64 march = at (tz, 2026, 3, 27, 18, 0);
  /* and before it ends (Sunday 25 October 2026) */
  gint64 october = at (tz, 2026, 10, 23, 18, 0);
  gint64 due;

  due = rapport_business_days_add (march, 3, tz, NULL);
  g_assert_cmpint (due, ==, at (tz, 2026, 4, 1, 18, 0));
  /* five calendar days, one of them an hour short */
  g_assert_cmpint (due - march, ==, 5 * 24 * 3600 - 3600);

  due = rapport_business_days_add (october, 3, tz, NULL);
  g_assert_cmpint (due, ==, at (tz, 2026, 10, 28, 18, 0));
  g_assert_cmpint (due - october, ==, 5 * 24 * 3600 + 3600);

  /* a time of day the next day does not have moves on to one that exists */
  g_assert_cmpint (rapport_business_days_add (at (tz, 2026, 3, 27, 2, 30), 1, tz, NULL), ==,
                   at (tz, 2026, 3, 30, 2, 30));
}

static void
test_time_zones (void)
{
  g_autoptr(GTimeZone) berlin = zone ("Europe/Berlin");
  g_autoptr(GTimeZone) tokyo = zone ("Asia/Tokyo");
  /* Friday 20 November, 20:00 in Berlin is already Saturday 04:00 in Tokyo */
  gint64 sent = at (berlin, 2026, 11, 20, 20, 0);

  g_assert_cmpint (rapport_business_days_add (sent, 1, berlin, NULL), ==, at (berlin, 2026, 11, 23, 20, 0));
  g_assert_cmpint (rapport_business_days_add (sent, 1, tokyo, NULL), ==, at (tokyo, 2026, 11, 23, 4, 0));
}

static void
test_between (void)
{
  g_autoptr(GTimeZone) tz = zone ("Europe/Berlin");
  gint64 friday = at (tz, 2026, 11, 20, 19, 30);

  g_assert_cmpuint (rapport_business_days_between (friday, friday - 60, tz, NULL), ==, 0);
  g_assert_cmpuint (rapport_business_days_between (friday, at (tz, 2026, 11, 23, 19, 29), tz, NULL), ==, 0);
  g_assert_cmpuint (rapport_business_days_between (friday, at (tz, 2026, 11, 23, 19, 30), tz, NULL), ==, 1);
  g_assert_cmpuint (rapport_business_days_between (friday, at (tz, 2026, 11, 26, 8, 0), tz, NULL), ==, 3);
}

static void
test_parse (void)
{
  g_autofree char *invalid = NULL;
  g_auto(GStrv) dates = rapport_business_days_parse ("2026-12-25, 2026-12-24\n2026-12-25 24.12. 2026-02-30", &invalid);

  g_assert_cmpuint (g_strv_length (dates), ==, 2);
  g_assert_cmpstr (dates[0], ==, "2026-12-24");
  g_assert_cmpstr (dates[1], ==, "2026-12-25");
  g_assert_cmpstr (invalid, ==, "24.12.");

  g_strfreev (g_steal_pointer (&dates));
  g_clear_pointer (&invalid, g_free);
  dates = rapport_business_days_parse ("", &invalid);
  g_assert_cmpuint (g_strv_length (dates), ==, 0);
  g_assert_null (invalid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/business-days/weekdays", test_weekdays);
  g_test_add_func ("/business-days/friday-evening", test_friday_evening_and_weekend);
  g_test_add_func ("/business-days/days-off", test_days_off);
  g_test_add_func ("/business-days/summer-time", test_summer_time);
  g_test_add_func ("/business-days/time-zones", test_time_zones);
  g_test_add_func ("/business-days/between", test_between);
  g_test_add_func ("/business-days/parse", test_parse);

  return g_test_run ();
}
