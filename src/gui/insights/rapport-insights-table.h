/* rapport-insights-table.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget  *rapport_insights_table_new      (const char * const *titles);
void        rapport_insights_table_set_rows (GtkColumnView      *view,
                                             GPtrArray          *rows);
guint       rapport_insights_table_n_rows   (GtkColumnView      *view);
const char *rapport_insights_table_get_cell (GtkColumnView      *view,
                                             guint               row,
                                             guint               column);

G_END_DECLS
