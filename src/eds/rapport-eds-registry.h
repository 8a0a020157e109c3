/* rapport-eds-registry.h — inside rapport-eds.so only
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
#include <glib.h>
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libedataserver/libedataserver.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-calendar-event.h"

G_BEGIN_DECLS

void             rapport_eds_registry_get_async  (GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* A new reference to the process's one registry, or why there is none. */
ESourceRegistry *rapport_eds_registry_get_finish (GAsyncResult         *result,
                                                  GError              **error);
/* The enabled sources with @extension (E_SOURCE_EXTENSION_CALENDAR, …_ADDRESS_BOOK)
 * one can write to or read from, of RapportEdsSource. */
GPtrArray       *rapport_eds_registry_list       (ESourceRegistry      *registry,
                                                  const char           *extension);

/* The same, asked of the registry once it is there. */
void             rapport_eds_registry_list_async  (const char          *extension,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray       *rapport_eds_registry_list_finish (GAsyncResult        *result,
                                                   GError             **error);

void             rapport_eds_registry_find_async  (const char          *uid,
                                                   const char          *extension,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* A new reference to the source, or why there is none. */
ESource         *rapport_eds_registry_find_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
