/* rapport-network-scene.h -- what the network view and its export draw:
 * each person's colour and size, and the static scene in tiles
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-contact.h"
#include "rapport-network.h"

G_BEGIN_DECLS

/* The colours of a drawing, read from the widget's style (so they follow
 * the accent and the dark style) on the main thread, then usable anywhere. */
typedef struct
{
  GdkRGBA stage[RAPPORT_N_STAGES];
  GdkRGBA user;
  GdkRGBA edge;
  GdkRGBA text;
  GdkRGBA background;
} RapportNetworkColors;

void     rapport_network_colors_lookup (GtkWidget                  *widget,
                                        RapportNetworkColors       *colors);
gboolean rapport_network_colors_equal  (const RapportNetworkColors *a,
                                        const RapportNetworkColors *b);

/* A person's radius in points: larger for those who introduced more. */
float    rapport_network_node_radius   (const RapportNetworkNode   *node,
                                        guint                       index);
const GdkRGBA *rapport_network_node_color (const RapportNetworkColors *colors,
                                           const RapportNetworkNode   *node,
                                           guint                       index);

/* Whom the view shows in full: one stage (a RapportStage, or -1 for all)
 * and one organisation (NULL for all); the others are drawn faint. */
typedef struct
{
  int         stage;
  const char *organisation;
} RapportNetworkFilter;

static inline gboolean
rapport_network_filter_passes (const RapportNetworkFilter *filter,
                               const RapportNetworkNode   *node)
{
  return (filter->stage < 0 || node->stage == filter->stage) &&
         (filter->organisation == NULL || g_strcmp0 (node->organisation, filter->organisation) == 0);
}

/* The whole network as render nodes in a grid of tiles, in the layout's
 * points: a frame appends only the tiles it sees, under its pan and zoom
 * transform, and never builds a node. */
typedef struct _RapportNetworkScene RapportNetworkScene;

RapportNetworkScene *rapport_network_scene_new      (RapportNetworkLoad         *load,
                                                     const RapportNetworkColors *colors,
                                                     const RapportNetworkFilter *filter);
void                 rapport_network_scene_append   (RapportNetworkScene        *self,
                                                     GtkSnapshot                *snapshot,
                                                     const graphene_rect_t      *visible);
void                 rapport_network_scene_free     (RapportNetworkScene        *self);
const graphene_rect_t *rapport_network_scene_group_rect (RapportNetworkScene      *self,
                                                       guint                     index);

/* The layout's bounds, in points, with room for the largest node. */
void                 rapport_network_load_bounds    (RapportNetworkLoad         *load,
                                                     graphene_rect_t            *bounds);
void                 rapport_network_load_group_rect (RapportNetworkLoad        *load,
                                                      guint                      index,
                                                      graphene_rect_t           *rect);

G_END_DECLS
