/* rapport-due.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The groups of the Today page, in the order shown. */
typedef enum
{
  RAPPORT_DUE_OVERDUE,    /* before the start of today */
  RAPPORT_DUE_TODAY,      /* any time today, passed or not */
  RAPPORT_DUE_THIS_WEEK,  /* tomorrow to the end of the seventh day */
  RAPPORT_DUE_LATER,      /* not shown */
} RapportDueGroup;

#define RAPPORT_N_DUE_GROUPS RAPPORT_DUE_LATER

/* The snooze choices of the Today page. */
typedef enum
{
  RAPPORT_SNOOZE_LATER_TODAY,      /* three hours on */
  RAPPORT_SNOOZE_TOMORROW_MORNING, /* 09:00 tomorrow */
  RAPPORT_SNOOZE_NEXT_WEEK,        /* 09:00 next Monday */
} RapportSnooze;

/* What the Today page shows: for each group, how many open reminders it
 * holds and the first of them (rapport_reminder_sql_list_due()). */
typedef struct
{
  gint64     bounds[RAPPORT_N_DUE_GROUPS];   /* each group ends before its bound */
  guint      counts[RAPPORT_N_DUE_GROUPS];
  GPtrArray *reminders;                      /* of every group, earliest first */
} RapportDueList;

void rapport_due_list_free (RapportDueList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDueList, rapport_due_list_free)

gint64           rapport_due_day_start   (gint64         now,
                                          GTimeZone     *tz,
                                          int            days);
RapportDueGroup  rapport_due_group_for   (gint64         when,
                                          gint64         now,
                                          GTimeZone     *tz);
gint64           rapport_due_until       (gint64         now,
                                          GTimeZone     *tz);
gint64           rapport_due_snooze_time (RapportSnooze  snooze,
                                          gint64         now,
                                          GTimeZone     *tz);
char            *rapport_due_format_when (gint64         when,
                                          gint64         now,
                                          GTimeZone     *tz);

G_END_DECLS
