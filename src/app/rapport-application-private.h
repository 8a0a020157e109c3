/* rapport-application-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-application.h"
#include "rapport-clock.h"
#include "rapport-reminder-scheduler.h"

G_BEGIN_DECLS

typedef struct _RapportAppReminders  RapportAppReminders;
typedef struct _RapportAppBackground RapportAppBackground;
typedef struct _RapportAppMailbox    RapportAppMailbox;

/* rapport-application.c, for the rapport-application-*.c files */
GCancellable *_rapport_application_get_cancellable      (RapportApplication *self);
GtkWindow    *_rapport_application_present_window      (RapportApplication *self);
RapportAppReminders  *_rapport_application_get_reminders  (RapportApplication *self);
RapportAppBackground *_rapport_application_get_background (RapportApplication *self);
RapportAppMailbox    *_rapport_application_get_mailbox    (RapportApplication *self);

/* rapport-application-backups.c */
void          _rapport_application_add_backup_actions   (RapportApplication *self);

/* rapport-application-reminders.c: notifications and their app.* actions */
RapportAppReminders *_rapport_app_reminders_new         (RapportApplication  *app);
void                 _rapport_app_reminders_free        (RapportAppReminders *self);
gboolean             _rapport_app_reminders_is_waiting  (RapportAppReminders *self,
                                                         gboolean            *known);
void                 _rapport_application_write_reminder (RapportApplication *app,
                                                          RapportReminder    *reminder);
void                 _rapport_application_show_contact  (RapportApplication  *app,
                                                         gint64               contact_id);

/* rapport-application-mailbox.c: reading the mailbox, the replies' notification */
RapportAppMailbox   *_rapport_app_mailbox_new           (RapportApplication  *app);
void                 _rapport_app_mailbox_start         (RapportAppMailbox   *self);
void                 _rapport_app_mailbox_resumed       (RapportAppMailbox   *self);
RapportMailboxSync  *_rapport_app_mailbox_get_sync      (RapportAppMailbox   *self);
void                 _rapport_app_mailbox_free          (RapportAppMailbox   *self);

/* rapport-application-background.c: running without a window, autostart */
RapportAppBackground *_rapport_app_background_new       (RapportApplication   *app,
                                                         gboolean              started_hidden);
void                 _rapport_app_background_free       (RapportAppBackground *self);
void                 _rapport_application_update_hold   (RapportApplication   *app);

G_END_DECLS
