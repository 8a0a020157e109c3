/* rapport-mailbox-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-store.h"
#include "rapport-mail-match.h"

G_BEGIN_DECLS

/* What a sync of one mail account starts from: who the contacts are, what
 * Rapport sent, and where each folder's last sync stopped. */
typedef struct
{
  RapportMailIndex *index;
  GPtrArray        *folders;   /* RapportMailFolderState */
} RapportMailboxSnapshot;

void rapport_mailbox_snapshot_free (RapportMailboxSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMailboxSnapshot, rapport_mailbox_snapshot_free)

/* A contact who wrote back, in what a sync added. */
typedef struct
{
  gint64  contact_id;
  char   *name;
} RapportMailboxReply;

void rapport_mailbox_reply_free (RapportMailboxReply *reply);

void                    rapport_mailbox_load_async   (RapportContactStore    *store,
                                                      const char             *account,
                                                      const char * const     *own_addresses,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
RapportMailboxSnapshot *rapport_mailbox_load_finish  (RapportContactStore    *store,
                                                      GAsyncResult           *result,
                                                      GError                **error);
void                    rapport_mailbox_apply_async  (RapportContactStore    *store,
                                                      const char             *account,
                                                      GPtrArray              *folders,
                                                      GPtrArray              *matches,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
GPtrArray              *rapport_mailbox_apply_finish (RapportContactStore    *store,
                                                      GAsyncResult           *result,
                                                      GError                **error);

G_END_DECLS
