/* rapport-application.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-backup.h"
#include "rapport-calendar-sync.h"
#include "rapport-contact-sync.h"
#include "rapport-contact-store.h"
#include "rapport-database.h"
#include "rapport-mailbox-sync.h"
#include "rapport-meeting-store.h"
#include "rapport-question-store.h"
#include "rapport-reminder-store.h"
#include "rapport-template-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new                   (void);
RapportDatabase    *rapport_application_get_database          (RapportApplication *self);
RapportContactStore *rapport_application_get_contact_store    (RapportApplication *self);
RapportMeetingStore *rapport_application_get_meeting_store    (RapportApplication *self);
RapportCalendarSync *rapport_application_get_calendar_sync    (RapportApplication *self);
RapportContactSync  *rapport_application_get_contact_sync     (RapportApplication *self,
                                                               const char         *source_uid);
RapportMailboxSync *rapport_application_get_mailbox_sync      (RapportApplication *self);
RapportQuestionStore *rapport_application_get_question_store  (RapportApplication *self);
RapportReminderStore *rapport_application_get_reminder_store  (RapportApplication *self);
RapportTemplateStore *rapport_application_get_template_store  (RapportApplication *self);
gboolean            rapport_application_get_database_ready    (RapportApplication *self);
const GError       *rapport_application_get_database_error    (RapportApplication *self);
GSettings          *rapport_application_get_settings          (RapportApplication *self);
const char         *rapport_application_get_latest_backup     (RapportApplication *self);
void                rapport_application_back_up_async         (RapportApplication *self,
                                                               GCancellable       *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer            user_data);
RapportBackup      *rapport_application_back_up_finish        (RapportApplication *self,
                                                               GAsyncResult       *result,
                                                               GError            **error);
void                rapport_application_restore_async         (RapportApplication *self,
                                                               const char         *backup_path,
                                                               GCancellable       *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer            user_data);
gboolean            rapport_application_restore_finish        (RapportApplication *self,
                                                               GAsyncResult       *result,
                                                               char              **kept_path,
                                                               GError            **error);
int                 rapport_application_get_exit_status       (RapportApplication *self);
void                _rapport_application_mark_process_start   (void);
void                _rapport_application_window_presented     (RapportApplication *self,
                                                               GtkWindow          *window);

G_END_DECLS
