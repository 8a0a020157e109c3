/* rapport-palette.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rapport_palette_lookup (GtkWidget  *widget,
                             const char *name,
                             const char *fallback,
                             GdkRGBA    *color);

G_END_DECLS
