/* rapport-context.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-backup.h"
#include "rapport-contact-store.h"
#include "rapport-database.h"
#include "rapport-meeting-store.h"
#include "rapport-question-store.h"
#include "rapport-reminder-store.h"
#include "rapport-targets.h"
#include "rapport-template-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTEXT (rapport_context_get_type ())

G_DECLARE_FINAL_TYPE (RapportContext, rapport_context, RAPPORT, CONTEXT, GObject)

RapportContext       *rapport_context_new                (GSettings           *settings,
                                                          const char          *database_path);

GSettings            *rapport_context_get_settings       (RapportContext      *self);
RapportDatabase      *rapport_context_get_database       (RapportContext      *self);
RapportContactStore  *rapport_context_get_contact_store  (RapportContext      *self);
RapportMeetingStore  *rapport_context_get_meeting_store  (RapportContext      *self);
RapportQuestionStore *rapport_context_get_question_store (RapportContext      *self);
RapportReminderStore *rapport_context_get_reminder_store (RapportContext      *self);
RapportTemplateStore *rapport_context_get_template_store (RapportContext      *self);
RapportTargets       *rapport_context_get_targets        (RapportContext      *self);

gboolean              rapport_context_get_ready          (RapportContext      *self);
const GError         *rapport_context_get_error          (RapportContext      *self);
gboolean              rapport_context_get_checked        (RapportContext      *self);
const char           *rapport_context_get_latest_backup  (RapportContext      *self);

void                  rapport_context_open               (RapportContext      *self);
void                  rapport_context_check              (RapportContext      *self,
                                                          gboolean             back_up_if_due);
void                  rapport_context_move_aside         (RapportContext      *self);
void                  rapport_context_close              (RapportContext      *self);
void                  rapport_context_notice             (RapportContext      *self,
                                                          const char          *message);

void                  rapport_context_back_up_async      (RapportContext      *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
RapportBackup        *rapport_context_back_up_finish     (RapportContext      *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void                  rapport_context_restore_async      (RapportContext      *self,
                                                          const char          *backup_path,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              rapport_context_restore_finish     (RapportContext      *self,
                                                          GAsyncResult        *result,
                                                          char               **kept_path,
                                                          GError             **error);

G_END_DECLS
