/* rapport-graph.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-network-graph.h"

G_BEGIN_DECLS

#define RAPPORT_GRAPH_SYMBOL "rapport_graph_module_get"

/* The table of rapport-graph.so, which links Graphviz (libgvc). */
typedef struct
{
  /* Lays out the graph into xy (two doubles per node, points); a node whose
   * known[] is TRUE keeps the position it has in xy. Runs on any thread. */
  gboolean (*layout) (RapportNetworkGraph  *graph,
                      double               *xy,
                      const gboolean       *known,
                      GError              **error);
} RapportGraph;

/* Loads the module on first use and lays the graph out on a worker thread;
 * graph, xy and known must stay untouched until the callback. */
void     rapport_graph_layout_async  (RapportNetworkGraph  *graph,
                                      double               *xy,
                                      const gboolean       *known,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean rapport_graph_layout_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
