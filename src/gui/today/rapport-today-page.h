/* rapport-today-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-reminder-store.h"
#include "rapport-today-focus.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TODAY_PAGE (rapport_today_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportTodayPage, rapport_today_page, RAPPORT, TODAY_PAGE, GtkWidget)

GtkWidget *rapport_today_page_new               (void);
void       rapport_today_page_set_store         (RapportTodayPage     *self,
                                                 RapportReminderStore *store);
void       rapport_today_page_refresh           (RapportTodayPage     *self);
guint      rapport_today_page_get_badge_number  (RapportTodayPage     *self);
gboolean   rapport_today_page_get_needs_attention (RapportTodayPage   *self);
guint      rapport_today_page_get_n_rows        (RapportTodayPage     *self);
RapportTodayFocus *rapport_today_page_get_focus (RapportTodayPage     *self);

G_END_DECLS
