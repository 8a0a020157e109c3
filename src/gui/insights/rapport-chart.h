/* rapport-chart.h -- what the Insights charts share
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void         rapport_chart_append_bar    (GtkSnapshot           *snapshot,
                                          const graphene_rect_t *rect,
                                          const GdkRGBA         *color,
                                          float                  radius);
void         rapport_chart_append_text   (GtkSnapshot           *snapshot,
                                          PangoLayout           *layout,
                                          const GdkRGBA         *color,
                                          float                  x,
                                          float                  y);
void         rapport_chart_get_foreground (GtkWidget            *widget,
                                          GdkRGBA               *color);
PangoLayout *rapport_chart_layout        (GtkWidget             *widget,
                                          const char            *text,
                                          gboolean               small,
                                          int                   *width,
                                          int                   *height);
char        *rapport_chart_format_percent (double                share);

G_END_DECLS
