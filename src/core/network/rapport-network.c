/* rapport-network.c -- reading the referral network and keeping its layout,
 * as jobs on the database thread
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rapport-network.h"

#include "rapport-db-run.h"
#include "rapport-network-sql.h"

static void
load_clear (gpointer data)
{
  RapportNetworkLoad *load = data;

  g_clear_pointer (&load->graph, rapport_network_graph_free);
  g_free (load->xy);
  g_free (load->known);
}

RapportNetworkLoad *
rapport_network_load_ref (RapportNetworkLoad *load)
{
  return g_atomic_rc_box_acquire (load);
}

void
rapport_network_load_unref (RapportNetworkLoad *load)
{
  if (load != NULL)
    g_atomic_rc_box_release_full (load, load_clear);
}

typedef struct
{
  char     *user_name;
  gboolean  grouped;
} LoadArgs;

static void
load_args_free (LoadArgs *args)
{
  g_free (args->user_name);
  g_free (args);
}

static gpointer
load_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  g_autoptr(RapportNetworkLoad) load = g_atomic_rc_box_new0 (RapportNetworkLoad);
  LoadArgs *args = data;
  guint n;

  load->graph = rapport_network_sql_load (db, args->user_name, args->grouped, error);
  if (load->graph == NULL)
    return NULL;
  n = rapport_network_graph_n_nodes (load->graph);
  load->xy = g_new0 (double, 2 * n);
  load->known = g_new0 (gboolean, n);
  if (!rapport_network_sql_load_positions (db, load->graph, load->xy, load->known, &load->same_key, error))
    return NULL;
  return g_steal_pointer (&load);
}

/**
 * rapport_network_load_async:
 * @user_name: the name of the node in the centre
 *
 * Reads the network and the positions cached for it.
 */
/**
 * rapport_network_load_async:
 * @grouped: keep each organisation's people together (and tell the
 *   layout so, rapport_network_graph_get_grouped())
 */
void
rapport_network_load_async (RapportDatabase     *db,
                            const char          *user_name,
                            gboolean             grouped,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  LoadArgs *args;

  g_return_if_fail (RAPPORT_IS_DATABASE (db));

  args = g_new0 (LoadArgs, 1);
  args->user_name = g_strdup (user_name);
  args->grouped = !!grouped;
  rapport_db_run (db, rapport_network_load_async, db, RAPPORT_DB_RUN_READ, load_func, args,
                  (GDestroyNotify) load_args_free, (GDestroyNotify) rapport_network_load_unref, NULL, cancellable,
                  callback, user_data);
}

/**
 * rapport_network_load_finish:
 *
 * Returns: (transfer full): the network, or %NULL with @error set
 */
RapportNetworkLoad *
rapport_network_load_finish (RapportDatabase  *db,
                             GAsyncResult     *result,
                             GError          **error)
{
  return rapport_db_run_finish (db, result, rapport_network_load_async, error);
}

static gpointer
save_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  RapportNetworkLoad *load = data;

  return rapport_network_sql_save_positions (db, load->graph, load->xy, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/**
 * rapport_network_save_positions_async:
 * @load: (transfer full): a network and its new positions
 *
 * @load: a network and its new positions (kept until saved)
 *
 * Replaces the cached layout by @load's, in one transaction.
 */
void
rapport_network_save_positions_async (RapportDatabase     *db,
                                      RapportNetworkLoad  *load,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (db));
  g_return_if_fail (load != NULL && load->graph != NULL);

  rapport_db_run (db, rapport_network_save_positions_async, db, RAPPORT_DB_RUN_TRANSACTION, save_func,
                  rapport_network_load_ref (load),
                  (GDestroyNotify) rapport_network_load_unref, NULL, NULL, cancellable, callback, user_data);
}

gboolean
rapport_network_save_positions_finish (RapportDatabase  *db,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  return rapport_db_run_finish_boolean (db, result, rapport_network_save_positions_async, error);
}
