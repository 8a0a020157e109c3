/* rapport-graph-layout.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rapport-graph.h"

#include "rapport-module.h"

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-graph.so", RAPPORT_GRAPH_SYMBOL);

typedef struct
{
  RapportNetworkGraph *graph;
  double              *xy;
  const gboolean      *known;
} LayoutJob;

/* Both the module's loading and the layout itself read or compute for a
 * while (seconds at 5,000 people): never on the main thread. */
static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutJob *job = task_data;
  const RapportGraph *table;
  GError *error = NULL;

  table = rapport_module_get_table (&module, &error);
  if (table == NULL || !table->layout (job->graph, job->xy, job->known, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rapport_graph_layout_async (RapportNetworkGraph  *graph,
                            double               *xy,
                            const gboolean       *known,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  LayoutJob *job = g_new0 (LayoutJob, 1);

  job->graph = graph;
  job->xy = xy;
  job->known = known;
  g_task_set_source_tag (task, rapport_graph_layout_async);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, layout_thread);
}

gboolean
rapport_graph_layout_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
