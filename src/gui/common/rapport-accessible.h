/* rapport-accessible.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rapport_accessible_set_clean_name (GtkWidget *widget);
void rapport_accessible_clean_names    (GtkWidget *root);

G_END_DECLS
