/* rapport-reminder-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-reminder.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REMINDER_ROW (rapport_reminder_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminderRow, rapport_reminder_row, RAPPORT, REMINDER_ROW, AdwActionRow)

GtkWidget       *rapport_reminder_row_new          (RapportReminder    *reminder,
                                                    const char         *when);
void             rapport_reminder_row_set_overdue  (RapportReminderRow *self,
                                                    gboolean            overdue);
RapportReminder *rapport_reminder_row_get_reminder (RapportReminderRow *self);
gint64           rapport_reminder_row_get_id       (RapportReminderRow *self);

G_END_DECLS
