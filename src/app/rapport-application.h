/* rapport-application.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-calendar-sync.h"
#include "rapport-contact-sync.h"
#include "rapport-context.h"
#include "rapport-mailbox-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new                   (void);
RapportContext     *rapport_application_get_context           (RapportApplication *self);
RapportCalendarSync *rapport_application_get_calendar_sync    (RapportApplication *self);
RapportContactSync  *rapport_application_get_contact_sync     (RapportApplication *self,
                                                               const char         *source_uid);
RapportMailboxSync *rapport_application_get_mailbox_sync      (RapportApplication *self);
int                 rapport_application_get_exit_status       (RapportApplication *self);
void                _rapport_application_mark_process_start   (void);
void                _rapport_application_window_presented     (RapportApplication *self,
                                                               GtkWindow          *window);

G_END_DECLS
