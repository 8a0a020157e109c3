/* rapport-network-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"
#include "rapport-network-graph.h"

G_BEGIN_DECLS

/* For the database thread only (each runs inside a RapportDatabaseFunc,
 * queued with rapport_db_run()). */
RapportNetworkGraph *rapport_network_sql_load           (RapportDatabase      *db,
                                                         const char           *user_name,
                                                         gboolean              grouped,
                                                         GError              **error);
gboolean             rapport_network_sql_load_positions (RapportDatabase      *db,
                                                         RapportNetworkGraph  *graph,
                                                         double               *xy,
                                                         gboolean             *known,
                                                         gboolean             *same_key,
                                                         GError              **error);
gboolean             rapport_network_sql_save_positions (RapportDatabase      *db,
                                                         RapportNetworkGraph  *graph,
                                                         const double         *xy,
                                                         GError              **error);

G_END_DECLS
