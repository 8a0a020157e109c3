/* rapport-network-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-contact-store.h"
#include "rapport-network-view.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NETWORK_PAGE (rapport_network_page_get_type ())
G_DECLARE_FINAL_TYPE (RapportNetworkPage, rapport_network_page, RAPPORT, NETWORK_PAGE, GtkWidget)

GtkWidget          *rapport_network_page_new       (void);
void                rapport_network_page_set_store (RapportNetworkPage  *self,
                                                    RapportContactStore *contacts);
void                rapport_network_page_refresh   (RapportNetworkPage  *self);
const char         *rapport_network_page_get_shown (RapportNetworkPage  *self);
RapportNetworkView *rapport_network_page_get_view  (RapportNetworkPage  *self);

G_END_DECLS
