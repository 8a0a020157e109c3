/* rapport-application.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "storage/rapport-contact-store.h"
#include "storage/rapport-database.h"
#include "storage/rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new                   (void);
RapportDatabase    *rapport_application_get_database          (RapportApplication *self);
RapportContactStore *rapport_application_get_contact_store    (RapportApplication *self);
RapportMeetingStore *rapport_application_get_meeting_store    (RapportApplication *self);
gboolean            rapport_application_get_database_ready    (RapportApplication *self);
const GError       *rapport_application_get_database_error    (RapportApplication *self);
GSettings          *rapport_application_get_settings          (RapportApplication *self);
int                 rapport_application_get_exit_status       (RapportApplication *self);
void                _rapport_application_mark_process_start   (void);
void                _rapport_application_window_presented     (RapportApplication *self,
                                                               GtkWindow          *window);

G_END_DECLS
