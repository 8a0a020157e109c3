/* rapport-mailbox-sync.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MAILBOX_SYNC (rapport_mailbox_sync_get_type ())

G_DECLARE_FINAL_TYPE (RapportMailboxSync, rapport_mailbox_sync, RAPPORT, MAILBOX_SYNC, GObject)

RapportMailboxSync *rapport_mailbox_sync_new          (GSettings            *settings,
                                                       RapportContactStore  *store);
void                rapport_mailbox_sync_check        (RapportMailboxSync   *self);
void                rapport_mailbox_sync_check_async  (RapportMailboxSync   *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray          *rapport_mailbox_sync_check_finish (RapportMailboxSync   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                rapport_mailbox_sync_test_async   (RapportMailboxSync   *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            rapport_mailbox_sync_test_finish  (RapportMailboxSync   *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void                rapport_mailbox_sync_set_interval (RapportMailboxSync   *self,
                                                       guint                 seconds);
void                rapport_mailbox_sync_shutdown     (RapportMailboxSync   *self);
const char         *rapport_mailbox_sync_get_status   (RapportMailboxSync   *self);
gboolean            rapport_mailbox_sync_get_failed   (RapportMailboxSync   *self);
gboolean            rapport_mailbox_sync_get_busy     (RapportMailboxSync   *self);

G_END_DECLS
