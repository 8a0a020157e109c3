/* rapport-business-days.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-business-days"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rapport-business-days.h"

/* Business days for the playbooks: "no reply after three business days".
 * Saturdays, Sundays and the user's days off (ISO dates, "2026-12-24") do
 * not count. Days are counted on the calendar of @tz, never as 24 hours,
 * so a change to or from summer time in between keeps the time of day.
 *
 * The n-th business day after an instant is the n-th working date strictly
 * after its local date, at the same local time of day: a request sent on a
 * Friday evening is three business days old on Wednesday evening, and one
 * sent on a Saturday or on a day off on Wednesday at that time too. */

static gboolean
is_day_off (GDate              *date,
            const char * const *days_off)
{
  char iso[16];

  if (days_off == NULL)
    return FALSE;
  g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return g_strv_contains (days_off, iso);
}

/**
 * rapport_business_day_is_working:
 * @days_off: (nullable): ISO dates that are not worked
 *
 * Whether @date is a weekday and not one of @days_off.
 */
gboolean
rapport_business_day_is_working (GDate              *date,
                                 const char * const *days_off)
{
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;
  return !is_day_off (date, days_off);
}

static GDate *
local_date (GDateTime *local)
{
  return g_date_new_dmy (g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

/**
 * rapport_business_days_add:
 * @from: Unix seconds
 * @days: business days to add
 * @tz: the zone whose calendar counts (the contact's where known)
 * @days_off: (nullable): ISO dates that are not worked
 *
 * Returns: the instant @days business days after @from, at the same local
 *   time of day (or the first instant after it that exists)
 */
gint64
rapport_business_days_add (gint64              from,
                           guint               days,
                           GTimeZone          *tz,
                           const char * const *days_off)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) result = NULL;
  g_autoptr(GDate) date = NULL;
  guint counted = 0;

  g_return_val_if_fail (tz != NULL, from);

  if (days == 0)
    return from;

  utc = g_date_time_new_from_unix_utc (from);
  local = g_date_time_to_timezone (utc, tz);
  date = local_date (local);

  /* A list of days off long enough to stop this is not a calendar. */
  for (guint guard = 0; counted < days && guard < days * 7 + 3660; guard++)
    {
      g_date_add_days (date, 1);
      if (rapport_business_day_is_working (date, days_off))
        counted++;
    }

  result = g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                            g_date_time_get_hour (local), g_date_time_get_minute (local),
                            g_date_time_get_second (local));
  return result != NULL ? g_date_time_to_unix (result) : from;
}

/**
 * rapport_business_days_between:
 *
 * How many whole business days passed from @from to @to: the largest n
 * with rapport_business_days_add (@from, n) <= @to; 0 if @to is earlier.
 * Used to class how quickly someone replied.
 */
guint
rapport_business_days_between (gint64              from,
                               gint64              to,
                               GTimeZone          *tz,
                               const char * const *days_off)
{
  guint n = 0;

  g_return_val_if_fail (tz != NULL, 0);

  /* Replies that matter come within weeks; a year is plenty. */
  while (n < 366 && rapport_business_days_add (from, n + 1, tz, days_off) <= to)
    n++;
  return n;
}

/* g_ptr_array_sort() passes pointers to the elements. */
static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * rapport_business_days_parse:
 * @text: dates separated by commas, spaces or new lines
 * @invalid: (out) (optional): the first word that is not a date
 *
 * Reads a list of days off as typed in Preferences.
 *
 * Returns: (transfer full): the valid dates, as ISO dates, sorted, once each
 */
char **
rapport_business_days_parse (const char  *text,
                             char       **invalid)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (text != NULL, NULL);

  if (invalid != NULL)
    *invalid = NULL;
  words = g_regex_split_simple ("[\\s,;]+", text, 0, 0);
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint y, m, d;
      char iso[16];

      if (words[i][0] == '\0')
        continue;
      if (strlen (words[i]) != 10 || sscanf (words[i], "%4u-%2u-%2u", &y, &m, &d) != 3 ||
          !g_date_valid_dmy (d, m, y))
        {
          if (invalid != NULL && *invalid == NULL)
            *invalid = g_strdup (words[i]);
          continue;
        }
      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u", y, m, d);
      if (!g_ptr_array_find_with_equal_func (dates, iso, g_str_equal, NULL))
        g_ptr_array_add (dates, g_strdup (iso));
    }
  g_ptr_array_sort (dates, compare_dates);
  g_ptr_array_add (dates, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&dates), FALSE);
}
