/* rapport-reminder-store.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"
#include "rapport-due.h"
#include "rapport-meeting-store.h"
#include "rapport-reminder.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_REMINDER_STORE (rapport_reminder_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminderStore, rapport_reminder_store, RAPPORT, REMINDER_STORE, GObject)

/* The reminders, over the database's worker. Derived reminders follow the
 * contacts and meetings by themselves (inside the stores' own writes); this
 * store lists them, records the user's answers and keeps the user's own.
 * "changed" is emitted after any write that may have changed a reminder:
 * its own and those of the contact and meeting stores given to _new(). */

RapportReminderStore *rapport_reminder_store_new            (RapportDatabase                *database,
                                                             RapportContactStore            *contacts,
                                                             RapportMeetingStore            *meetings);
RapportDatabase      *rapport_reminder_store_get_database   (RapportReminderStore           *self);

/* Open reminders (pending or snoozed, shown or not) to be shown by @until,
 * earliest first, with the names their texts need: the Today page passes
 * the end of the seventh day and groups by rapport_reminder_get_when()
 * into overdue, today and the next seven days. */
void        rapport_reminder_store_list_async         (RapportReminderStore           *self,
                                                       gint64                          until,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
GPtrArray  *rapport_reminder_store_list_finish        (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
void        rapport_reminder_store_list_due_async     (RapportReminderStore           *self,
                                                       const gint64                   *bounds,
                                                       const guint                    *limits,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
RapportDueList *rapport_reminder_store_list_due_finish (RapportReminderStore          *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
void        rapport_reminder_store_load_async         (RapportReminderStore           *self,
                                                       gint64                          id,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
RapportReminder *rapport_reminder_store_load_finish   (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
/* Done, dismissed, snoozed until @snoozed_until, or pending again. */
void        rapport_reminder_store_set_state_async    (RapportReminderStore           *self,
                                                       gint64                          id,
                                                       RapportReminderState            state,
                                                       gint64                          snoozed_until,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
gboolean    rapport_reminder_store_set_state_finish   (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
/* Adds (id 0) or edits one of the user's own (rapport_reminder_new_custom()). */
void        rapport_reminder_store_save_async         (RapportReminderStore           *self,
                                                       RapportReminder                *reminder,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
gint64      rapport_reminder_store_save_finish        (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
/* Deletes one of the user's own; derived ones can only be dismissed. */
void        rapport_reminder_store_delete_async       (RapportReminderStore           *self,
                                                       gint64                          id,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
gboolean    rapport_reminder_store_delete_finish      (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);
/* New intervals (from Preferences): every due time is derived again. */
void        rapport_reminder_store_set_settings_async (RapportReminderStore           *self,
                                                       const RapportReminderSettings  *settings,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
gboolean    rapport_reminder_store_set_settings_finish (RapportReminderStore          *self,
                                                        GAsyncResult                  *result,
                                                        GError                       **error);
/* Derives every contact again, e.g. after the time zone changed (the
 * day-before reminder is at a local time of day). */
void        rapport_reminder_store_rederive_async     (RapportReminderStore           *self,
                                                       GCancellable                   *cancellable,
                                                       GAsyncReadyCallback             callback,
                                                       gpointer                        user_data);
gboolean    rapport_reminder_store_rederive_finish    (RapportReminderStore           *self,
                                                       GAsyncResult                   *result,
                                                       GError                        **error);

G_END_DECLS
