/* rapport-network-view.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-network.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NETWORK_VIEW (rapport_network_view_get_type ())
G_DECLARE_FINAL_TYPE (RapportNetworkView, rapport_network_view, RAPPORT, NETWORK_VIEW, GtkWidget)

GtkWidget          *rapport_network_view_new              (void);
void                rapport_network_view_set_network      (RapportNetworkView *self,
                                                           RapportNetworkLoad *load);
RapportNetworkLoad *rapport_network_view_get_network      (RapportNetworkView *self);
void                rapport_network_view_set_stage_filter (RapportNetworkView *self,
                                                           int                 stage);
void                rapport_network_view_set_organisation_filter (RapportNetworkView *self,
                                                                  const char         *organisation);
GStrv               rapport_network_view_dup_organisations (RapportNetworkView *self);
gboolean            rapport_network_view_search           (RapportNetworkView *self,
                                                           const char         *text);
void                rapport_network_view_zoom             (RapportNetworkView *self,
                                                           double              factor);
void                rapport_network_view_pan              (RapportNetworkView *self,
                                                           double              dx,
                                                           double              dy);
void                rapport_network_view_fit              (RapportNetworkView *self);
void                rapport_network_view_focus_person     (RapportNetworkView *self);
int                 rapport_network_view_get_cursor       (RapportNetworkView *self);
int                 rapport_network_view_get_highlight    (RapportNetworkView *self);
char               *rapport_network_view_describe         (RapportNetworkView *self,
                                                           guint               index);
double              rapport_network_view_get_scale        (RapportNetworkView *self);

G_END_DECLS
