/* rapport-shortcut.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rapport_widget_add_ctrl_return (GtkWidget  *widget,
                                     const char *action_name);

G_END_DECLS
