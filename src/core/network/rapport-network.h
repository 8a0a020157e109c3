/* rapport-network.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-database.h"
#include "rapport-network-graph.h"

G_BEGIN_DECLS

/* The referral network as read from the database, with the positions
 * cached for its people: xy two doubles per node, known one per node,
 * same_key TRUE when the cache was made for this very graph (no layout
 * needed). Shared by reference once laid out: the view, the export and
 * the job that saves the positions only read it, from any thread. */
typedef struct
{
  RapportNetworkGraph *graph;
  double              *xy;
  gboolean            *known;
  gboolean             same_key;
} RapportNetworkLoad;

void                rapport_network_load_async            (RapportDatabase     *db,
                                                           const char          *user_name,
                                                           gboolean             grouped,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
RapportNetworkLoad *rapport_network_load_finish           (RapportDatabase     *db,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                rapport_network_save_positions_async  (RapportDatabase     *db,
                                                           RapportNetworkLoad  *load,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            rapport_network_save_positions_finish (RapportDatabase     *db,
                                                           GAsyncResult        *result,
                                                           GError             **error);
RapportNetworkLoad *rapport_network_load_ref              (RapportNetworkLoad  *load);
void                rapport_network_load_unref            (RapportNetworkLoad  *load);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportNetworkLoad, rapport_network_load_unref)

G_END_DECLS
