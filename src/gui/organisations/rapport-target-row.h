/* rapport-target-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-target.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TARGET_ROW (rapport_target_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportTargetRow, rapport_target_row, RAPPORT, TARGET_ROW, GtkWidget)

GtkWidget     *rapport_target_row_new        (void);
void           rapport_target_row_set_target (RapportTargetRow *self,
                                              RapportTarget    *target,
                                              gboolean          in_focus);
RapportTarget *rapport_target_row_get_target (RapportTargetRow *self);
int            rapport_target_row_get_focused_field (RapportTargetRow   *self,
                                                     GtkWidget          *focus);
gboolean       rapport_target_row_focus_field       (RapportTargetRow   *self,
                                                     RapportTargetField  field);

G_END_DECLS
