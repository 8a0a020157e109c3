/* rapport-tooltip.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rapport_widget_set_tooltip (GtkWidget  *widget,
                                 const char *text);

G_END_DECLS
