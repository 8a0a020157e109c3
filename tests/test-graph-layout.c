/* test-graph-layout.c -- the layout through rapport-graph.so: a person
 * added to a network already laid out does not move the others
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rapport-graph.h"

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
layout (RapportNetworkGraph *graph,
        double              *xy,
        const gboolean      *known)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_graph_layout_async (graph, xy, known, NULL, layout_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rapport_graph_layout_finish (result, &error));
  g_assert_no_error (error);
}

/* n people: each referred by someone before them, or by nobody. */
static RapportNetworkGraph *
make_graph (guint n)
{
  RapportNetworkGraph *graph = rapport_network_graph_new ("Me");

  for (gint64 id = 1; id <= n; id++)
    rapport_network_graph_add_person (graph, id, "Person", 0, NULL, id % 4 == 1 ? 0 : (id + 1) / 2);
  rapport_network_graph_finish (graph);
  return graph;
}

static void
check_one_more (guint n)
{
  g_autoptr(RapportNetworkGraph) before = make_graph (n);
  g_autoptr(RapportNetworkGraph) after = make_graph (n + 1);
  g_autofree double *xy = g_new0 (double, 2 * (n + 2));
  g_autofree double *first = NULL;
  g_autofree gboolean *known = g_new0 (gboolean, n + 2);
  double spread = 0;

  layout (before, xy, known);
  first = g_memdup2 (xy, sizeof (double) * 2 * (n + 1));
  for (guint i = 1; i <= n; i++)
    spread = MAX (spread, fabs (first[2 * i] - first[0]) + fabs (first[2 * i + 1] - first[1]));
  g_assert_cmpfloat (spread, >, 10.0);   /* a real layout, not everyone on one spot */

  /* Everyone but the newcomer keeps a known place (the node indices of the
   * two graphs agree: the same people, in the same order). */
  for (guint i = 0; i <= n; i++)
    known[i] = TRUE;
  known[n + 1] = FALSE;
  layout (after, xy, known);
  for (guint i = 0; i <= n; i++)
    {
      g_assert_cmpfloat_with_epsilon (xy[2 * i], first[2 * i], 0.5);
      g_assert_cmpfloat_with_epsilon (xy[2 * i + 1], first[2 * i + 1], 0.5);
    }
  /* and the newcomer lands somewhere of its own */
  for (guint i = 0; i <= n; i++)
    g_assert_true (fabs (xy[2 * (n + 1)] - first[2 * i]) + fabs (xy[2 * (n + 1) + 1] - first[2 * i + 1]) > 1.0);
}

static void
test_small_tree (void)
{
  check_one_more (12);
}

static void
test_larger (void)
{
  check_one_more (400);
}

/* past what neato can do in time: the newcomers are placed by Rapport */
static void
test_large (void)
{
  check_one_more (2100);
}

/* Grouped by organisation: each organisation's people end up nearer one
 * another than to the rest, in a network that referrals alone would lay
 * out as one star around the user (n a multiple of 3: three
 * organisations, each person at the next one round). */
static double
mean_distances (guint    n,
                gboolean grouped,
                double  *within)
{
  static const char *organisations[] = { "Acme", "Globex", "Initech" };
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new ("Me");
  g_autofree double *xy = g_new0 (double, 2 * (n + 1));
  g_autofree gboolean *known = g_new0 (gboolean, n + 1);
  double sum_in = 0, sum_out = 0;
  guint count_in = 0, count_out = 0;

  for (gint64 id = 1; id <= n; id++)
    rapport_network_graph_add_person (graph, id, "Person", 0, organisations[id % 3], 0);
  rapport_network_graph_set_grouped (graph, grouped);
  rapport_network_graph_finish (graph);
  g_assert_cmpuint (rapport_network_graph_n_groups (graph), ==, grouped ? 3 : 0);
  layout (graph, xy, known);

  for (guint i = 1; i <= n; i++)
    for (guint j = i + 1; j <= n; j++)
      {
        double d = hypot (xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);

        if (i % 3 == j % 3)
          sum_in += d, count_in++;
        else
          sum_out += d, count_out++;
      }
  *within = sum_in / count_in;
  return sum_out / count_out;
}

static void
test_grouped (void)
{
  double within, between;

  /* referrals alone: no pull together (a star, each organisation all round) */
  between = mean_distances (30, FALSE, &within);
  g_assert_cmpfloat (within, >, 0.8 * between);
  /* grouped: well apart */
  between = mean_distances (30, TRUE, &within);
  g_assert_cmpfloat (within, <, 0.6 * between);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/graph/layout/pinned/small-tree", test_small_tree);
  g_test_add_func ("/graph/layout/pinned/larger", test_larger);
  g_test_add_func ("/graph/layout/pinned/large", test_large);
  g_test_add_func ("/graph/layout/grouped", test_grouped);
  return g_test_run ();
}
