/* rapport-network-export.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-image-export.h"
#include "rapport-network-scene.h"

G_BEGIN_DECLS

void     rapport_network_export_async  (RapportNetworkLoad         *load,
                                        const RapportNetworkColors *colors,
                                        RapportImageFormat          format,
                                        GFile                      *file,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data);
gboolean rapport_network_export_finish (GAsyncResult               *result,
                                        GError                    **error);

G_END_DECLS
