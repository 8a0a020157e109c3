/* rapport-insights-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-insights.h"

G_BEGIN_DECLS

/* For the database thread only (inside a RapportDatabaseFunc). */
gboolean rapport_insights_sql_funnel (RapportDatabase   *db,
                                      gint64             from,
                                      gint64             to,
                                      RapportFunnel     *funnel,
                                      guint             *n_people,
                                      GError           **error);
gboolean rapport_insights_sql_rhythm (RapportDatabase   *db,
                                      const gint64      *starts,
                                      RapportRhythmWeek *weeks,
                                      GError           **error);
gboolean rapport_insights_sql_replies (RapportDatabase  *db,
                                       gint64            from,
                                       gint64            to,
                                       RapportInsights  *insights,
                                       GError          **error);

G_END_DECLS
