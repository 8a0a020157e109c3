/* rapport-network-graph.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The referral network: people as nodes, "introduced" as edges from the
 * referrer to the person referred, the user as node 0 in the centre. */
typedef struct
{
  gint64  contact_id;   /* 0 for the user */
  char   *name;
  int     stage;
  char   *organisation;
  guint   introduced;   /* how many people this node referred */
} RapportNetworkNode;

typedef struct
{
  guint from;           /* node indices */
  guint to;
} RapportNetworkEdge;

/* The people of one organisation, when the graph is grouped: the layout
 * keeps them together and the view draws the group behind them. Only
 * organisations with two people or more are groups. */
typedef struct
{
  char   *organisation;
  GArray *members;      /* guint node indices, in the graph's order */
} RapportNetworkGroup;

typedef struct _RapportNetworkGraph RapportNetworkGraph;

#define RAPPORT_NETWORK_GROUPED_KEY_PREFIX "grouped:"

RapportNetworkGraph      *rapport_network_graph_new        (const char          *user_name);
void                      rapport_network_graph_add_person (RapportNetworkGraph *self,
                                                            gint64               contact_id,
                                                            const char          *name,
                                                            int                  stage,
                                                            const char          *organisation,
                                                            gint64               referred_by);
void                      rapport_network_graph_set_grouped (RapportNetworkGraph *self,
                                                             gboolean             grouped);
void                      rapport_network_graph_finish     (RapportNetworkGraph *self);
gboolean                  rapport_network_graph_get_grouped (RapportNetworkGraph *self);
guint                     rapport_network_graph_n_groups   (RapportNetworkGraph *self);
const RapportNetworkGroup *rapport_network_graph_group     (RapportNetworkGraph *self,
                                                            guint                index);
guint                     rapport_network_graph_n_nodes    (RapportNetworkGraph *self);
guint                     rapport_network_graph_n_edges    (RapportNetworkGraph *self);
const RapportNetworkNode *rapport_network_graph_node       (RapportNetworkGraph *self,
                                                            guint                index);
const RapportNetworkEdge *rapport_network_graph_edge       (RapportNetworkGraph *self,
                                                            guint                index);
int                       rapport_network_graph_find       (RapportNetworkGraph *self,
                                                            gint64               contact_id);
const char               *rapport_network_graph_key        (RapportNetworkGraph *self);
void                      rapport_network_graph_free       (RapportNetworkGraph *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportNetworkGraph, rapport_network_graph_free)

G_END_DECLS
