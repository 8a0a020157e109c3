/* rapport-search-provider.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_PROVIDER (rapport_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, RAPPORT, SEARCH_PROVIDER, GObject)

RapportSearchProvider *rapport_search_provider_new        (GApplication           *application);
gboolean               rapport_search_provider_register   (RapportSearchProvider  *self,
                                                           GDBusConnection        *connection,
                                                           const char             *object_path,
                                                           GError                **error);
void                   rapport_search_provider_unregister (RapportSearchProvider  *self);

G_END_DECLS
