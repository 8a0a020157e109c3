/* rapport-insights.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-db-run.h"
#include "rapport-insights.h"
#include "rapport-insights-sql.h"

const char *
rapport_funnel_step_get_label (RapportFunnelStep step)
{
  switch (step)
    {
    case RAPPORT_FUNNEL_IDENTIFIED: return C_("funnel", "Identified");
    case RAPPORT_FUNNEL_REQUESTED:  return C_("funnel", "Request Sent");
    case RAPPORT_FUNNEL_REPLIED:    return C_("funnel", "Replied");
    case RAPPORT_FUNNEL_MET:        return C_("funnel", "Met");
    case RAPPORT_FUNNEL_INTRODUCED: return C_("funnel", "Introduced Others");
    default: g_return_val_if_reached ("");
    }
}

const char *
rapport_rhythm_series_get_label (RapportRhythmSeries series)
{
  switch (series)
    {
    case RAPPORT_RHYTHM_REQUESTS:   return C_("rhythm", "Requests");
    case RAPPORT_RHYTHM_FOLLOW_UPS: return C_("rhythm", "Follow-Ups");
    case RAPPORT_RHYTHM_MEETINGS:   return C_("rhythm", "Meetings");
    case RAPPORT_RHYTHM_THANK_YOUS: return C_("rhythm", "Thank-Yous");
    default: g_return_val_if_reached ("");
    }
}

/* The share of the step before that reached @step, or -1 when nobody
 * reached the step before (no share to speak of). */
double
rapport_funnel_get_conversion (const RapportFunnel *funnel,
                               RapportFunnelStep    step)
{
  g_return_val_if_fail (funnel != NULL, -1);
  g_return_val_if_fail (step > RAPPORT_FUNNEL_IDENTIFIED && step < RAPPORT_N_FUNNEL_STEPS, -1);

  if (funnel->counts[step - 1] == 0)
    return -1;
  return (double) funnel->counts[step] / funnel->counts[step - 1];
}

/* Replies per request sent, or -1 before the first request. */
double
rapport_funnel_get_reply_rate (const RapportFunnel *funnel)
{
  return rapport_funnel_get_conversion (funnel, RAPPORT_FUNNEL_REPLIED);
}

/* The share of those asked who replied, or -1 before the first request. */
double
rapport_reply_times_get_rate (const RapportReplyTimes *times)
{
  g_return_val_if_fail (times != NULL, -1);

  return times->asked > 0 ? (double) times->replied / times->asked : -1;
}

void
rapport_insights_free (RapportInsights *insights)
{
  if (insights == NULL)
    return;
  g_clear_pointer (&insights->referrers, g_ptr_array_unref);
  g_free (insights);
}

/**
 * rapport_insights_week_starts:
 * @now: the time whose week is the last one, in the zone of the weeks
 * @starts: (out caller-allocates) (array fixed-size=13): the starts of the
 *   RAPPORT_RHYTHM_WEEKS weeks, the oldest first, and the end of the last
 *
 * Weeks start on Monday at midnight in @now's zone; counted in calendar
 * days, so that a week with a change of summer time is still one week.
 */
void
rapport_insights_week_starts (GDateTime *now,
                              gint64    *starts)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  int y, m, d;

  g_return_if_fail (now != NULL);
  g_return_if_fail (starts != NULL);

  g_date_time_get_ymd (now, &y, &m, &d);
  tz = g_time_zone_ref (g_date_time_get_timezone (now));
  midnight = g_date_time_new (tz, y, m, d, 0, 0, 0);

  for (int w = 0; w <= RAPPORT_RHYTHM_WEEKS; w++)
    {
      int days = (w - (RAPPORT_RHYTHM_WEEKS - 1)) * 7 - (g_date_time_get_day_of_week (midnight) - 1);
      g_autoptr(GDateTime) day = g_date_time_add_days (midnight, days);
      g_autoptr(GDateTime) start = NULL;

      /* add_days keeps the wall-clock time, midnight, across a change of offset */
      g_date_time_get_ymd (day, &y, &m, &d);
      start = g_date_time_new (tz, y, m, d, 0, 0, 0);
      starts[w] = g_date_time_to_unix (start);
    }
}

/* Loading */

typedef struct
{
  gint64 from;
  gint64 to;
  gint64 starts[RAPPORT_RHYTHM_WEEKS + 1];
} Load;

static gpointer
load_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Load *load = data;
  g_autoptr(RapportInsights) insights = g_new0 (RapportInsights, 1);

  if (!rapport_insights_sql_funnel (db, load->from, load->to, &insights->funnel, &insights->n_people, error) ||
      !rapport_insights_sql_rhythm (db, load->starts, insights->weeks, error) ||
      !rapport_insights_sql_replies (db, load->from, load->to, insights, error))
    return NULL;
  return g_steal_pointer (&insights);
}

/**
 * rapport_insights_load_async:
 * @db: an open database
 * @from: the start of the funnel's period (Unix seconds), inclusive
 * @to: its end, exclusive
 * @now: the time whose week is the last of the rhythm
 *
 * Reads the funnel, the weekly rhythm and the reply times, one query each,
 * on the database thread.
 */
void
rapport_insights_load_async (RapportDatabase     *db,
                             gint64               from,
                             gint64               to,
                             GDateTime           *now,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Load *load;

  g_return_if_fail (RAPPORT_IS_DATABASE (db));
  g_return_if_fail (now != NULL);

  load = g_new0 (Load, 1);
  load->from = from;
  load->to = to;
  rapport_insights_week_starts (now, load->starts);
  rapport_db_run (db, rapport_insights_load_async, db, RAPPORT_DB_RUN_READ, load_func, load, g_free,
                  (GDestroyNotify) rapport_insights_free,
                  NULL, cancellable, callback, user_data);
}

/**
 * rapport_insights_load_finish:
 *
 * Returns: (transfer full): the figures, freed with rapport_insights_free(), or %NULL
 *   with @error set
 */
RapportInsights *
rapport_insights_load_finish (RapportDatabase  *db,
                              GAsyncResult     *result,
                              GError          **error)
{
  return rapport_db_run_finish (db, result, rapport_insights_load_async, error);
}
