/* rapport-insights-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"
#include "rapport-funnel-chart.h"
#include "rapport-meeting-store.h"
#include "rapport-rhythm-chart.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INSIGHTS_PAGE (rapport_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportInsightsPage, rapport_insights_page, RAPPORT, INSIGHTS_PAGE, GtkWidget)

GtkWidget          *rapport_insights_page_new               (void);
void                rapport_insights_page_set_stores        (RapportInsightsPage *self,
                                                             RapportContactStore *contacts,
                                                             RapportMeetingStore *meetings,
                                                             GSettings           *settings);
void                rapport_insights_page_refresh           (RapportInsightsPage *self);

/* For the tests: what the page shows. */
const char         *rapport_insights_page_get_shown         (RapportInsightsPage *self);
RapportFunnelChart *rapport_insights_page_get_funnel_chart  (RapportInsightsPage *self);
RapportRhythmChart *rapport_insights_page_get_rhythm_chart  (RapportInsightsPage *self);
GtkColumnView      *rapport_insights_page_get_funnel_table  (RapportInsightsPage *self);
GtkColumnView      *rapport_insights_page_get_rhythm_table  (RapportInsightsPage *self);
const char         *rapport_insights_page_get_reply_note    (RapportInsightsPage *self);
GtkColumnView      *rapport_insights_page_get_referrers_table (RapportInsightsPage *self);
const char         *rapport_insights_page_get_reply_times_note (RapportInsightsPage *self);

G_END_DECLS
