/* test-network-graph.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-network-graph.h"
#include "rapport-network-sql.h"
#include "test-util.h"

/* Whether the graph has an edge from the person `from` (0: the user) to `to`. */
static gboolean
has_edge (RapportNetworkGraph *graph,
          gint64               from,
          gint64               to)
{
  for (guint i = 0; i < rapport_network_graph_n_edges (graph); i++)
    {
      const RapportNetworkEdge *e = rapport_network_graph_edge (graph, i);

      if (rapport_network_graph_node (graph, e->from)->contact_id == from &&
          rapport_network_graph_node (graph, e->to)->contact_id == to)
        return TRUE;
    }
  return FALSE;
}

static guint
introduced (RapportNetworkGraph *graph,
            gint64               id)
{
  return rapport_network_graph_node (graph, (guint) rapport_network_graph_find (graph, id))->introduced;
}

static void
test_tree (void)
{
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new ("Me");

  /* Ana referred Ben and Cleo; Dan has no referrer; Eva's referrer is not a contact. */
  rapport_network_graph_add_person (graph, 1, "Ana Ruiz", 3, "Acme", 0);
  rapport_network_graph_add_person (graph, 2, "Ben", 1, NULL, 1);
  rapport_network_graph_add_person (graph, 3, "Cleo", 1, "Acme", 1);
  rapport_network_graph_add_person (graph, 4, "Dan", 0, NULL, 0);
  rapport_network_graph_add_person (graph, 5, "Eva", 0, NULL, 99);
  rapport_network_graph_finish (graph);

  g_assert_cmpuint (rapport_network_graph_n_nodes (graph), ==, 6);
  g_assert_cmpuint (rapport_network_graph_n_edges (graph), ==, 5);
  g_assert_true (has_edge (graph, 0, 1));
  g_assert_true (has_edge (graph, 1, 2));
  g_assert_true (has_edge (graph, 1, 3));
  g_assert_true (has_edge (graph, 0, 4));
  g_assert_true (has_edge (graph, 0, 5));
  g_assert_false (has_edge (graph, 0, 2));
  g_assert_cmpuint (introduced (graph, 1), ==, 2);
  g_assert_cmpuint (introduced (graph, 2), ==, 0);
  g_assert_cmpstr (rapport_network_graph_node (graph, 0)->name, ==, "Me");
  g_assert_cmpstr (rapport_network_graph_node (graph, 3)->organisation, ==, "Acme");
  g_assert_cmpint (rapport_network_graph_find (graph, 42), ==, -1);
}

static void
test_self_reference (void)
{
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new ("Me");

  rapport_network_graph_add_person (graph, 7, "Ana", 0, NULL, 7);
  rapport_network_graph_finish (graph);

  g_assert_cmpuint (rapport_network_graph_n_edges (graph), ==, 1);
  g_assert_true (has_edge (graph, 0, 7));
  g_assert_false (has_edge (graph, 7, 7));
  g_assert_cmpuint (introduced (graph, 7), ==, 0);
}

static void
test_cycles (void)
{
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new ("Me");

  /* Zoe is referred by a ring A → B → C → A that nobody outside referred. */
  rapport_network_graph_add_person (graph, 9, "Zoe", 0, NULL, 1);
  rapport_network_graph_add_person (graph, 1, "A", 0, NULL, 3);
  rapport_network_graph_add_person (graph, 2, "B", 0, NULL, 1);
  rapport_network_graph_add_person (graph, 3, "C", 0, NULL, 2);
  rapport_network_graph_finish (graph);

  /* The ring's three referrals and Zoe's stay, and the user gets exactly one
   * edge into the ring so everyone reaches the centre. */
  g_assert_true (has_edge (graph, 1, 9));
  g_assert_true (has_edge (graph, 3, 1));
  g_assert_true (has_edge (graph, 1, 2));
  g_assert_true (has_edge (graph, 2, 3));
  g_assert_cmpuint (rapport_network_graph_n_edges (graph), ==, 5);
  g_assert_true (has_edge (graph, 0, 1) || has_edge (graph, 0, 2) || has_edge (graph, 0, 3));
  g_assert_cmpuint (introduced (graph, 1), ==, 2);
  g_assert_cmpuint (introduced (graph, 3), ==, 1);
}

static void
test_key (void)
{
  g_autoptr(RapportNetworkGraph) a = rapport_network_graph_new ("Me");
  g_autoptr(RapportNetworkGraph) b = rapport_network_graph_new ("Someone else");
  g_autoptr(RapportNetworkGraph) c = rapport_network_graph_new ("Me");

  rapport_network_graph_add_person (a, 1, "Ana", 0, NULL, 0);
  rapport_network_graph_add_person (a, 2, "Ben", 0, NULL, 1);
  rapport_network_graph_finish (a);
  /* Same shape, other names and stages: same key. */
  rapport_network_graph_add_person (b, 1, "Ana Ruiz", 4, "Acme", 0);
  rapport_network_graph_add_person (b, 2, "Ben B", 2, NULL, 1);
  rapport_network_graph_finish (b);
  /* Ben now without a referrer: another key. */
  rapport_network_graph_add_person (c, 1, "Ana", 0, NULL, 0);
  rapport_network_graph_add_person (c, 2, "Ben", 0, NULL, 0);
  rapport_network_graph_finish (c);

  g_assert_cmpstr (rapport_network_graph_key (a), ==, rapport_network_graph_key (b));
  g_assert_cmpstr (rapport_network_graph_key (a), !=, rapport_network_graph_key (c));
}

typedef struct
{
  const char *user;
  gboolean    grouped;
  double     *xy;
  gboolean   *known;
  gboolean    same_key;
} CacheJob;

static gpointer
load_job (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  CacheJob *job = data;
  RapportNetworkGraph *graph = rapport_network_sql_load (db, job->user, job->grouped, error);
  guint n;

  if (graph == NULL)
    return NULL;
  n = rapport_network_graph_n_nodes (graph);
  g_free (job->xy);
  g_free (job->known);
  job->xy = g_new0 (double, 2 * n);
  job->known = g_new0 (gboolean, n);
  if (!rapport_network_sql_load_positions (db, graph, job->xy, job->known, &job->same_key, error))
    g_clear_pointer (&graph, rapport_network_graph_free);
  return graph;
}

static gpointer
save_job (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  RapportNetworkGraph *graph = data;
  guint n = rapport_network_graph_n_nodes (graph);
  g_autofree double *xy = g_new0 (double, 2 * n);

  /* Each person at (10 × id, −id): easy to check on the way back. */
  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = 10.0 * rapport_network_graph_node (graph, i)->contact_id;
      xy[2 * i + 1] = -1.0 * rapport_network_graph_node (graph, i)->contact_id;
    }
  return rapport_network_sql_save_positions (db, graph, xy, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
test_positions_cached (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GError) error = NULL;
  CacheJob job = { "Me", FALSE, NULL, NULL, FALSE };
  RapportNetworkGraph *graph;
  int ben;

  test_exec (db,
    "INSERT INTO organisation (id, name, name_key, created_at, updated_at) VALUES (1, 'Acme', 'acme', 0, 0);"
    "INSERT INTO contact (id, display_name, sort_key, organisation_id, stage, created_at, updated_at)"
    "  VALUES (1, 'Ana Ruiz', 'ana', 1, 3, 0, 0);"
    "INSERT INTO contact (id, display_name, sort_key, referred_by, created_at, updated_at)"
    "  VALUES (2, 'Ben', 'ben', 1, 0, 0), (3, 'Gone', 'gone', 1, 0, 0);"
    "UPDATE contact SET trashed = 1 WHERE id = 3;");

  /* Nothing cached yet: a layout is needed. */
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_network_graph_n_nodes (graph), ==, 3);   /* the user, Ana, Ben */
  g_assert_cmpstr (rapport_network_graph_node (graph, 1)->organisation, ==, "Acme");
  g_assert_cmpuint (rapport_network_graph_node (graph, 1)->introduced, ==, 1);
  g_assert_false (job.same_key);
  g_assert_false (job.known[1]);
  g_assert_nonnull (rapport_database_run_sync (db, save_job, graph, &error));
  g_assert_no_error (error);
  rapport_network_graph_free (graph);

  /* The same graph again: every position comes back and no layout is needed. */
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_no_error (error);
  g_assert_true (job.same_key);
  ben = rapport_network_graph_find (graph, 2);
  g_assert_cmpfloat (job.xy[2 * ben], ==, 20.0);
  g_assert_cmpfloat (job.xy[2 * ben + 1], ==, -2.0);
  rapport_network_graph_free (graph);

  /* A renamed person does not change the graph's shape. */
  test_exec (db, "UPDATE contact SET display_name = 'Ben B' WHERE id = 2");
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_true (job.same_key);
  rapport_network_graph_free (graph);

  /* A new person: a layout is needed, and everyone else keeps their place. */
  test_exec (db,
    "INSERT INTO contact (id, display_name, sort_key, referred_by, created_at, updated_at)"
    "  VALUES (4, 'Cleo', 'cleo', 2, 0, 0)");
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_no_error (error);
  g_assert_false (job.same_key);
  g_assert_true (job.known[0]);
  g_assert_true (job.known[rapport_network_graph_find (graph, 1)]);
  g_assert_false (job.known[rapport_network_graph_find (graph, 4)]);
  g_assert_cmpfloat (job.xy[2 * rapport_network_graph_find (graph, 1)], ==, 10.0);
  g_assert_nonnull (rapport_database_run_sync (db, save_job, graph, &error));
  rapport_network_graph_free (graph);

  /* Grouped by organisation: a drawing of its own, laid out afresh, and
   * cached as the other was. */
  job.grouped = TRUE;
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_no_error (error);
  g_assert_false (job.same_key);
  for (guint i = 0; i < rapport_network_graph_n_nodes (graph); i++)
    g_assert_false (job.known[i]);
  g_assert_nonnull (rapport_database_run_sync (db, save_job, graph, &error));
  rapport_network_graph_free (graph);
  graph = rapport_database_run_sync (db, load_job, &job, &error);
  g_assert_true (job.same_key);
  rapport_network_graph_free (graph);

  g_free (job.xy);
  g_free (job.known);
}

/* Grouped, an organisation of two people or more is a group, and who works
 * where is part of the shape. */
static void
test_groups (void)
{
  g_autoptr(RapportNetworkGraph) plain = rapport_network_graph_new ("Me");
  g_autoptr(RapportNetworkGraph) grouped = rapport_network_graph_new ("Me");
  g_autoptr(RapportNetworkGraph) moved = rapport_network_graph_new ("Me");
  RapportNetworkGraph *graphs[] = { plain, grouped, moved };
  const RapportNetworkGroup *group;

  for (guint k = 0; k < G_N_ELEMENTS (graphs); k++)
    {
      rapport_network_graph_add_person (graphs[k], 1, "Ana", 0, "Acme", 0);
      rapport_network_graph_add_person (graphs[k], 2, "Ben", 0, "Globex", 1);
      rapport_network_graph_add_person (graphs[k], 3, "Cleo", 0, k == 2 ? "Globex" : "Acme", 0);
      rapport_network_graph_add_person (graphs[k], 4, "Dan", 0, "", 3);
      rapport_network_graph_set_grouped (graphs[k], k > 0);
      rapport_network_graph_finish (graphs[k]);
    }

  g_assert_false (rapport_network_graph_get_grouped (plain));
  g_assert_cmpuint (rapport_network_graph_n_groups (plain), ==, 0);
  g_assert_true (rapport_network_graph_get_grouped (grouped));
  /* Acme (Ana, Cleo); Globex has one person and Dan none: no group */
  g_assert_cmpuint (rapport_network_graph_n_groups (grouped), ==, 1);
  group = rapport_network_graph_group (grouped, 0);
  g_assert_cmpstr (group->organisation, ==, "Acme");
  g_assert_cmpuint (group->members->len, ==, 2);
  g_assert_cmpuint (g_array_index (group->members, guint, 0), ==, (guint) rapport_network_graph_find (grouped, 1));
  g_assert_cmpuint (g_array_index (group->members, guint, 1), ==, (guint) rapport_network_graph_find (grouped, 3));

  g_assert_true (g_str_has_prefix (rapport_network_graph_key (grouped), RAPPORT_NETWORK_GROUPED_KEY_PREFIX));
  g_assert_false (g_str_has_prefix (rapport_network_graph_key (plain), RAPPORT_NETWORK_GROUPED_KEY_PREFIX));
  /* the same referrals, but Cleo moved to Globex: another grouped shape */
  g_assert_cmpstr (rapport_network_graph_key (grouped), !=, rapport_network_graph_key (moved));
  g_assert_cmpstr (rapport_network_graph_group (moved, 0)->organisation, ==, "Globex");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/network/graph/tree", test_tree);
  g_test_add_func ("/network/graph/self-reference", test_self_reference);
  g_test_add_func ("/network/graph/cycles", test_cycles);
  g_test_add_func ("/network/graph/key", test_key);
  g_test_add_func ("/network/graph/groups", test_groups);
  g_test_add_func ("/network/positions/cached", test_positions_cached);
  return g_test_run ();
}
