/* rapport-reminder-editor.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"
#include "rapport-reminder-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REMINDER_EDITOR (rapport_reminder_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminderEditor, rapport_reminder_editor, RAPPORT, REMINDER_EDITOR, AdwWindow)

GtkWidget *rapport_reminder_editor_new         (RapportReminderStore  *store,
                                                RapportContactStore   *contacts,
                                                RapportReminder       *reminder);
void       rapport_reminder_editor_set_contact (RapportReminderEditor *self,
                                                gint64                 contact_id,
                                                const char            *name);

G_END_DECLS
