/* rapport-network-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rapport-network-sql.h"

#include <string.h>

#include "rapport-sql.h"

/* Contacts in the bin are not in the network; a referrer in the bin leaves
 * the people they referred hanging off the user (the graph does that). */
RapportNetworkGraph *
rapport_network_sql_load (RapportDatabase  *db,
                          const char       *user_name,
                          gboolean          grouped,
                          GError          **error)
{
  g_autoptr(RapportNetworkGraph) graph = rapport_network_graph_new (user_name);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT c.id, c.display_name, c.stage, coalesce (o.name, ''), coalesce (c.referred_by, 0) "
    "FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
    "WHERE c.trashed = 0 ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_network_graph_add_person (graph, sqlite3_column_int64 (stmt, 0),
                                      rapport_sql_column_text (stmt, 1),
                                      sqlite3_column_int (stmt, 2),
                                      rapport_sql_column_text (stmt, 3),
                                      sqlite3_column_int64 (stmt, 4));
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "reading the referral network", error);
      return NULL;
    }
  rapport_network_graph_set_grouped (graph, grouped);
  rapport_network_graph_finish (graph);
  return g_steal_pointer (&graph);
}

/* Fills xy (two doubles per node) and known (one per node) with the cached
 * positions of the graph's people; same_key tells whether they were computed
 * for this very graph, in which case no layout is needed at all. */
gboolean
rapport_network_sql_load_positions (RapportDatabase      *db,
                                    RapportNetworkGraph  *graph,
                                    double               *xy,
                                    gboolean             *known,
                                    gboolean             *same_key,
                                    GError              **error)
{
  const char *key = rapport_network_graph_key (graph);
  sqlite3_stmt *stmt;
  int rc;

  *same_key = FALSE;
  memset (known, 0, sizeof (gboolean) * rapport_network_graph_n_nodes (graph));

  stmt = rapport_database_prepare (db, "SELECT graph_key FROM network_layout WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *cached = rapport_sql_column_text (stmt, 0);

      /* Grouped by organisation or not, the drawings have little in common:
       * a change of the one to the other lays everyone out afresh. */
      if (g_str_has_prefix (cached, RAPPORT_NETWORK_GROUPED_KEY_PREFIX) !=
          g_str_has_prefix (key, RAPPORT_NETWORK_GROUPED_KEY_PREFIX))
        return TRUE;
      *same_key = g_strcmp0 (cached, key) == 0;
    }
  else if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reading the network layout", error);

  stmt = rapport_database_prepare (db, "SELECT contact_id, x, y FROM network_position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = rapport_network_graph_find (graph, sqlite3_column_int64 (stmt, 0));

      if (i < 0)
        continue;
      xy[2 * i] = sqlite3_column_double (stmt, 1);
      xy[2 * i + 1] = sqlite3_column_double (stmt, 2);
      known[i] = TRUE;
    }
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reading the network layout", error);

  /* A graph whose people are not all placed needs a layout, whatever the key. */
  for (guint i = 0; i < rapport_network_graph_n_nodes (graph); i++)
    *same_key = *same_key && known[i];
  return TRUE;
}

/* Replaces the cache with the graph's positions; the caller runs it in a
 * transaction (RAPPORT_DB_RUN_TRANSACTION). */
gboolean
rapport_network_sql_save_positions (RapportDatabase      *db,
                                    RapportNetworkGraph  *graph,
                                    const double         *xy,
                                    GError              **error)
{
  sqlite3_stmt *stmt;

  if (!rapport_database_exec (db, "DELETE FROM network_position", error))
    return FALSE;
  stmt = rapport_database_prepare (db,
    "INSERT INTO network_position (contact_id, x, y) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rapport_network_graph_n_nodes (graph); i++)
    {
      sqlite3_bind_int64 (stmt, 1, rapport_network_graph_node (graph, i)->contact_id);
      sqlite3_bind_double (stmt, 2, xy[2 * i]);
      sqlite3_bind_double (stmt, 3, xy[2 * i + 1]);
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }
  stmt = rapport_database_prepare (db,
    "INSERT INTO network_layout (id, graph_key) VALUES (1, ?1) "
    "ON CONFLICT (id) DO UPDATE SET graph_key = excluded.graph_key", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, rapport_network_graph_key (graph));
  return rapport_sql_step_done (db, stmt, error);
}
