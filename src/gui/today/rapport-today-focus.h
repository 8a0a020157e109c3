/* rapport-today-focus.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-targets.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TODAY_FOCUS (rapport_today_focus_get_type ())

G_DECLARE_FINAL_TYPE (RapportTodayFocus, rapport_today_focus, RAPPORT, TODAY_FOCUS, GtkWidget)

GtkWidget *rapport_today_focus_new       (void);
void       rapport_today_focus_set_targets (RapportTodayFocus *self,
                                            RapportTargets    *list);
gboolean   rapport_today_focus_is_empty    (RapportTodayFocus *self);

G_END_DECLS
