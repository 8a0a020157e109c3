/* rapport-rhythm-chart.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-insights.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_RHYTHM_CHART (rapport_rhythm_chart_get_type ())

G_DECLARE_FINAL_TYPE (RapportRhythmChart, rapport_rhythm_chart, RAPPORT, RHYTHM_CHART, GtkWidget)

GtkWidget  *rapport_rhythm_chart_new             (void);
void        rapport_rhythm_chart_set_weeks       (RapportRhythmChart      *self,
                                                  const RapportRhythmWeek *weeks);
int         rapport_rhythm_chart_get_goal        (RapportRhythmChart      *self);
void        rapport_rhythm_chart_set_goal        (RapportRhythmChart      *self,
                                                  int                      goal);
const char *rapport_rhythm_chart_get_description (RapportRhythmChart      *self);
char       *rapport_rhythm_format_week           (gint64                   starts_at);

G_END_DECLS
