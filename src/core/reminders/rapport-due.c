/* rapport-due.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-due"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-due.h"

/* Day arithmetic for the Today page, apart from the widgets so that it can
 * be tested around midnight and summer time. Times are Unix seconds; @tz is
 * the user's zone (g_time_zone_new_local()), passed in for the tests. Days
 * are counted on the calendar, never as 24 hours: the day summer time
 * starts has 23 of them. */

static GDateTime *
local_midnight (gint64     now,
                GTimeZone *tz,
                int        days)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                          g_date_time_get_month (local),
                                          g_date_time_get_year (local));

  if (days > 0)
    g_date_add_days (date, days);
  else if (days < 0)
    g_date_subtract_days (date, -days);

  /* Where a zone skips midnight itself, GLib moves on to the first
   * instant that exists. */
  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
}

/**
 * rapport_due_day_start:
 * @days: 0 for today, 1 for tomorrow, -1 for yesterday
 *
 * The instant of local midnight at the start of that day.
 */
gint64
rapport_due_day_start (gint64     now,
                       GTimeZone *tz,
                       int        days)
{
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (tz != NULL, 0);

  midnight = local_midnight (now, tz, days);
  return g_date_time_to_unix (midnight);
}

RapportDueGroup
rapport_due_group_for (gint64     when,
                       gint64     now,
                       GTimeZone *tz)
{
  g_return_val_if_fail (tz != NULL, RAPPORT_DUE_LATER);

  if (when < rapport_due_day_start (now, tz, 0))
    return RAPPORT_DUE_OVERDUE;
  if (when < rapport_due_day_start (now, tz, 1))
    return RAPPORT_DUE_TODAY;
  if (when < rapport_due_until (now, tz))
    return RAPPORT_DUE_THIS_WEEK;
  return RAPPORT_DUE_LATER;
}

/**
 * rapport_due_until:
 *
 * The end of the seventh day after today: what the Today page lists.
 */
gint64
rapport_due_until (gint64     now,
                   GTimeZone *tz)
{
  return rapport_due_day_start (now, tz, 8);
}

static gint64
morning (gint64     now,
         GTimeZone *tz,
         int        days)
{
  g_autoptr(GDateTime) midnight = local_midnight (now, tz, days);
  g_autoptr(GDateTime) nine = g_date_time_new (tz, g_date_time_get_year (midnight),
                                               g_date_time_get_month (midnight),
                                               g_date_time_get_day_of_month (midnight), 9, 0, 0);

  return g_date_time_to_unix (nine);
}

gint64
rapport_due_snooze_time (RapportSnooze  snooze,
                         gint64         now,
                         GTimeZone     *tz)
{
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (tz != NULL, now);

  switch (snooze)
    {
    case RAPPORT_SNOOZE_LATER_TODAY:
      return now + 3 * 60 * 60;

    case RAPPORT_SNOOZE_TOMORROW_MORNING:
      return morning (now, tz, 1);

    case RAPPORT_SNOOZE_NEXT_WEEK:
      instant = g_date_time_new_from_unix_utc (now);
      local = g_date_time_to_timezone (instant, tz);
      /* Monday is 1: from a Monday, the one a week on. */
      return morning (now, tz, 8 - g_date_time_get_day_of_week (local));

    default:
      g_return_val_if_reached (now);
    }
}

/**
 * rapport_due_format_when:
 *
 * When a reminder is due, said the short way for its row: "3 days ago",
 * "Yesterday", "14:30", "Tomorrow, 09:00", "Wednesday, 09:00".
 */
char *
rapport_due_format_when (gint64     when,
                         gint64     now,
                         GTimeZone *tz)
{
  g_autoptr(GDateTime) instant = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;
  gint64 today;
  int days;

  g_return_val_if_fail (tz != NULL, NULL);

  instant = g_date_time_new_from_unix_utc (when);
  local = g_date_time_to_timezone (instant, tz);
  /* Translators: the time of day a reminder is due (strftime format) */
  time = g_date_time_format (local, _("%H:%M"));
  today = rapport_due_day_start (now, tz, 0);

  if (when < today)
    {
      /* Whole calendar days back, counted from midnight to midnight. */
      for (days = 1; days < 366 && when < rapport_due_day_start (now, tz, -days); days++)
        ;
      if (days == 1)
        return g_strdup (_("Yesterday"));
      if (days >= 366)
        return g_strdup (_("Over a year ago"));
      /* Translators: when an overdue reminder was due */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
    }

  if (when < rapport_due_day_start (now, tz, 1))
    return g_steal_pointer (&time);

  if (when < rapport_due_day_start (now, tz, 2))
    /* Translators: %s is a time of day, e.g. "Tomorrow, 09:00" */
    return g_strdup_printf (_("Tomorrow, %s"), time);

  if (when < rapport_due_until (now, tz))
    {
      g_autofree char *weekday = g_date_time_format (local, "%A");

      /* Translators: a weekday and a time of day, e.g. "Wednesday, 09:00" */
      return g_strdup_printf (_("%s, %s"), weekday, time);
    }

  /* Translators: a date and a time, e.g. "24 December, 09:00" (strftime format) */
  return g_date_time_format (local, _("%-d %B, %H:%M"));
}

void
rapport_due_list_free (RapportDueList *list)
{
  if (list == NULL)
    return;
  g_clear_pointer (&list->reminders, g_ptr_array_unref);
  g_free (list);
}
