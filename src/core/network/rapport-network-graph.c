/* rapport-network-graph.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "rapport-network-graph.h"

struct _RapportNetworkGraph
{
  GArray     *nodes;        /* RapportNetworkNode; [0] is the user */
  GArray     *edges;        /* RapportNetworkEdge */
  GArray     *referred_by;  /* gint64 per node, until finish () */
  GHashTable *index_of;     /* contact id → node index + 1 */
  GPtrArray  *groups;       /* RapportNetworkGroup, when grouped */
  char       *key;
  gboolean    grouped;
};

static void
group_free (RapportNetworkGroup *group)
{
  g_free (group->organisation);
  g_array_unref (group->members);
  g_free (group);
}

/* Each organisation of two people or more, in the order of its first. */
static void
find_groups (RapportNetworkGraph *self)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 1; i < self->nodes->len; i++)
    {
      const RapportNetworkNode *node = rapport_network_graph_node (self, i);
      RapportNetworkGroup *group;

      if (node->organisation[0] == '\0')
        continue;
      group = g_hash_table_lookup (by_name, node->organisation);
      if (group == NULL)
        {
          group = g_new0 (RapportNetworkGroup, 1);
          group->organisation = g_strdup (node->organisation);
          group->members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_name, group->organisation, group);
          g_ptr_array_add (all, group);
        }
      g_array_append_val (group->members, i);
    }
  for (guint k = 0; k < all->len; k++)
    {
      RapportNetworkGroup *group = all->pdata[k];

      if (group->members->len >= 2)
        g_ptr_array_add (self->groups, group);
      else
        group_free (group);
    }
}

static void
node_clear (gpointer data)
{
  RapportNetworkNode *node = data;

  g_free (node->name);
  g_free (node->organisation);
}

RapportNetworkGraph *
rapport_network_graph_new (const char *user_name)
{
  RapportNetworkGraph *self = g_new0 (RapportNetworkGraph, 1);
  RapportNetworkNode user = { 0, g_strdup (user_name), 0, g_strdup (""), 0 };
  gint64 none = 0;

  self->nodes = g_array_new (FALSE, FALSE, sizeof (RapportNetworkNode));
  g_array_set_clear_func (self->nodes, node_clear);
  self->edges = g_array_new (FALSE, FALSE, sizeof (RapportNetworkEdge));
  self->referred_by = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_array_append_val (self->nodes, user);
  g_array_append_val (self->referred_by, none);
  return self;
}

void
rapport_network_graph_add_person (RapportNetworkGraph *self,
                                  gint64               contact_id,
                                  const char          *name,
                                  int                  stage,
                                  const char          *organisation,
                                  gint64               referred_by)
{
  RapportNetworkNode node = { contact_id, g_strdup (name), stage,
                              g_strdup (organisation != NULL ? organisation : ""), 0 };

  g_return_if_fail (self->key == NULL);
  g_return_if_fail (contact_id > 0);
  g_return_if_fail (!g_hash_table_contains (self->index_of, &contact_id));

  g_array_append_val (self->nodes, node);
  /* A contact marked as its own referrer is refused: it hangs off the user. */
  if (referred_by == contact_id)
    referred_by = 0;
  g_array_append_val (self->referred_by, referred_by);
  g_hash_table_insert (self->index_of, g_memdup2 (&contact_id, sizeof contact_id),
                       GUINT_TO_POINTER (self->nodes->len));
}

int
rapport_network_graph_find (RapportNetworkGraph *self,
                            gint64               contact_id)
{
  if (contact_id == 0)
    return 0;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->index_of, &contact_id)) - 1;
}

static void
add_edge (RapportNetworkGraph *self,
          guint                from,
          guint                to)
{
  RapportNetworkEdge edge = { from, to };

  g_array_append_val (self->edges, edge);
  g_array_index (self->nodes, RapportNetworkNode, from).introduced += from != 0 ? 1 : 0;
}

/* Every person reaches the user: one without a (known) referrer is attached
 * to the user, and a ring of people who referred each other, which reaches
 * nobody, gets one edge from the user to its first member. The ring's own
 * edges stay: they are what happened. */
void
rapport_network_graph_finish (RapportNetworkGraph *self)
{
  guint n = self->nodes->len;
  g_autofree guint *parent = g_new0 (guint, n);
  g_autofree guint8 *state = g_new0 (guint8, n);   /* 0 unknown, 1 on path, 2 reaches user */
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (self->key == NULL);

  for (guint i = 1; i < n; i++)
    {
      int p = rapport_network_graph_find (self, g_array_index (self->referred_by, gint64, i));
      parent[i] = p < 0 ? 0 : (guint) p;
    }

  state[0] = 2;
  for (guint i = 1; i < n; i++)
    {
      guint v = i;

      /* Walk up until a node known to reach the user, or back onto the path. */
      g_array_set_size (path, 0);
      while (state[v] == 0)
        {
          state[v] = 1;
          g_array_append_val (path, v);
          v = parent[v];
        }
      if (state[v] == 1)
        parent[v] = 0;     /* v closes a ring: cut it there, at the user */
      for (guint k = 0; k < path->len; k++)
        state[g_array_index (path, guint, k)] = 2;
    }

  for (guint i = 1; i < n; i++)
    {
      gint64 referrer = g_array_index (self->referred_by, gint64, i);
      int r = rapport_network_graph_find (self, referrer);

      add_edge (self, parent[i], i);
      /* The referral that closed a ring is still drawn. */
      if (parent[i] == 0 && r > 0)
        add_edge (self, (guint) r, i);
    }

  /* The key names the graph's shape, not its labels: a renamed person or a
   * new stage keeps the cached positions. */
  for (guint i = 0; i < self->edges->len; i++)
    {
      const RapportNetworkEdge *e = &g_array_index (self->edges, RapportNetworkEdge, i);
      char buf[48];

      g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT ";",
                  rapport_network_graph_node (self, e->from)->contact_id,
                  rapport_network_graph_node (self, e->to)->contact_id);
      g_checksum_update (sum, (const guchar *) buf, -1);
    }
  /* Grouped, who works where is part of the shape too; the prefix tells a
   * grouped layout from the other (rapport_network_sql_load_positions()). */
  if (self->grouped)
    {
      find_groups (self);
      for (guint k = 0; k < self->groups->len; k++)
        {
          const RapportNetworkGroup *group = self->groups->pdata[k];

          g_checksum_update (sum, (const guchar *) group->organisation, -1);
          for (guint m = 0; m < group->members->len; m++)
            {
              char buf[24];

              g_snprintf (buf, sizeof buf, ":%" G_GINT64_FORMAT,
                          rapport_network_graph_node (self, g_array_index (group->members, guint, m))->contact_id);
              g_checksum_update (sum, (const guchar *) buf, -1);
            }
        }
    }
  self->key = g_strconcat (self->grouped ? RAPPORT_NETWORK_GROUPED_KEY_PREFIX : "", g_checksum_get_string (sum), NULL);
  g_clear_pointer (&self->referred_by, g_array_unref);
}

guint
rapport_network_graph_n_nodes (RapportNetworkGraph *self)
{
  return self->nodes->len;
}

guint
rapport_network_graph_n_edges (RapportNetworkGraph *self)
{
  return self->edges->len;
}

const RapportNetworkNode *
rapport_network_graph_node (RapportNetworkGraph *self,
                            guint                index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return &g_array_index (self->nodes, RapportNetworkNode, index);
}

const RapportNetworkEdge *
rapport_network_graph_edge (RapportNetworkGraph *self,
                            guint                index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);
  return &g_array_index (self->edges, RapportNetworkEdge, index);
}

/* Before rapport_network_graph_finish(): keep each organisation's people
 * together. */
void
rapport_network_graph_set_grouped (RapportNetworkGraph *self,
                                   gboolean             grouped)
{
  g_return_if_fail (self->key == NULL);

  self->grouped = !!grouped;
}

gboolean
rapport_network_graph_get_grouped (RapportNetworkGraph *self)
{
  return self->grouped;
}

guint
rapport_network_graph_n_groups (RapportNetworkGraph *self)
{
  return self->groups->len;
}

const RapportNetworkGroup *
rapport_network_graph_group (RapportNetworkGraph *self,
                             guint                index)
{
  g_return_val_if_fail (index < self->groups->len, NULL);
  return self->groups->pdata[index];
}

const char *
rapport_network_graph_key (RapportNetworkGraph *self)
{
  return self->key;
}

void
rapport_network_graph_free (RapportNetworkGraph *self)
{
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->edges, g_array_unref);
  g_clear_pointer (&self->referred_by, g_array_unref);
  g_clear_pointer (&self->index_of, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_free (self->key);
  g_free (self);
}
