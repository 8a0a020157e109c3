/* rapport-network-view-private.h -- what the view's files share
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-network-scene.h"
#include "rapport-network-view.h"

G_BEGIN_DECLS

struct _RapportNetworkView
{
  GtkWidget             parent_instance;

  GtkWidget            *cursor_button;

  RapportNetworkLoad   *load;
  RapportNetworkScene  *scene;
  RapportNetworkColors  colors;
  guint                *order;      /* node indices in keyboard order */
  guint                *rank;       /* node index → position in order */
  PangoLayout         **labels;     /* per node, made when first shown */
  GPtrArray            *group_labels;   /* PangoLayout or NULL per organisation group, made when seen */
  int                   stage_filter;
  char                 *organisation_filter;
  int                   highlight;
  int                   cursor;

  double                scale;      /* pixels per point */
  double                tx, ty;     /* where the layout's origin is, in pixels */
  gboolean              fitted;     /* follow the size until the user moves */
  double                gesture_scale;
  double                drag_tx, drag_ty;
  double                pointer_x, pointer_y;
};

static inline guint
n_nodes (RapportNetworkView *self)
{
  return self->load != NULL ? rapport_network_graph_n_nodes (self->load->graph) : 0;
}

static inline const RapportNetworkNode *
node_at (RapportNetworkView *self,
         guint               index)
{
  return rapport_network_graph_node (self->load->graph, index);
}

static inline void
to_screen (RapportNetworkView *self,
           guint               index,
           double             *x,
           double             *y)
{
  *x = self->load->xy[2 * index] * self->scale + self->tx;
  *y = self->load->xy[2 * index + 1] * self->scale + self->ty;
}

static inline gboolean
passes_filter (RapportNetworkView *self,
               guint               index)
{
  RapportNetworkFilter filter = { self->stage_filter, self->organisation_filter };

  return index == 0 || rapport_network_filter_passes (&filter, node_at (self, index));
}

void _rapport_network_view_update_cursor    (RapportNetworkView *self);
void _rapport_network_view_move_cursor      (RapportNetworkView *self,
                                             guint               index);
void _rapport_network_view_zoom_at          (RapportNetworkView *self,
                                             double              x,
                                             double              y,
                                             double              scale);
void _rapport_network_view_activate         (RapportNetworkView *self,
                                             guint               index);
void _rapport_network_view_add_controllers  (RapportNetworkView *self);

G_END_DECLS
