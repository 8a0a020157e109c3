/* rapport-show-more-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *rapport_show_more_row_new (const char *action_name,
                                      GVariant   *target,
                                      guint       remaining,
                                      guint       more);

G_END_DECLS
