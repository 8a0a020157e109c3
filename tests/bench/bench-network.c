/* bench-network.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-graph.h"

/* network_layout_ms_5k: 5,000 people and 6,000 edges (a referral tree plus
 * 1,000 rings of two), laid out from nothing through
 * the module and its worker thread, as the Network page does. */
static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

int
main (void)
{
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new ("Me");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *xy = NULL;
  g_autofree gboolean *known = NULL;
  GRand *rand = g_rand_new_with_seed (17);
  gint64 start;
  guint n;

  /* 4,999 people, each referred by someone before them or by nobody; the
   * last 2,000 in pairs who referred each other, each pair's ring closed
   * through the user by one more edge: 5,000 nodes, about 6,000 edges. */
  for (gint64 id = 1; id < 5000; id++)
    {
      gint64 referrer = id > 1 && g_rand_int_range (rand, 0, 10) != 0 ? g_rand_int_range (rand, 1, (gint32) id) : 0;

      if (id >= 3000)
        referrer = id % 2 == 0 ? id + 1 : id - 1;   /* 1,000 pairs who referred each other */
      rapport_network_graph_add_person (graph, id, "Person", (int) (id % 8), "", referrer);
    }
  rapport_network_graph_finish (graph);
  g_rand_free (rand);

  n = rapport_network_graph_n_nodes (graph);
  xy = g_new0 (double, 2 * n);
  known = g_new0 (gboolean, n);
  g_printerr ("%u nodes, %u edges\n", n, rapport_network_graph_n_edges (graph));

  start = g_get_monotonic_time ();
  rapport_graph_layout_async (graph, xy, known, NULL, layout_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!rapport_graph_layout_finish (result, &error))
    g_error ("%s", error->message);
  g_print ("BENCH network_layout_ms_5k %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  return 0;
}
