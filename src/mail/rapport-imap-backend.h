/* rapport-imap-backend.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-account.h"
#include "rapport-mail-match.h"

G_BEGIN_DECLS

/* What rapport-imap.so does with libetpan (IMAP) and GMime (headers and
 * snippets). Its functions block: the program calls them on a worker
 * thread (rapport_imap_sync_async(), rapport_imap_test_async() and
 * rapport_imap_wait_async()).
 *
 * sync: reads @folders' states (one per folder synced before; the module
 * adds the ones it finds, INBOX and Sent, and drops none) and updates
 * them; appends a RapportMailMatch to @matches for each message that
 * concerns a contact (@index decides). On an error, @folders and @matches
 * hold what was read before it, consistent with each other. */
typedef struct
{
  gboolean (*sync) (RapportMailAccount *account, const char *password, RapportMailIndex *index,
                    guint days, GPtrArray *folders, GPtrArray *matches, GCancellable *cancellable,
                    GError **error);
  gboolean (*test) (RapportMailAccount *account, const char *password, GCancellable *cancellable,
                    GError **error);
  /* TRUE when INBOX got new mail within @seconds (IDLE); FALSE when none
   * came (without @error), or with G_IO_ERROR_NOT_SUPPORTED when the server
   * cannot tell. */
  gboolean (*wait) (RapportMailAccount *account, const char *password, guint seconds,
                    GCancellable *cancellable, GError **error);
} RapportImapBackend;

#define RAPPORT_IMAP_BACKEND_SYMBOL "rapport_imap_backend_get"

/* Where each folder stands, and what concerns a contact, after a sync. */
typedef struct
{
  GPtrArray *folders;   /* RapportMailFolderState */
  GPtrArray *matches;   /* RapportMailMatch */
  GError    *error;     /* what stopped it early, or NULL */
} RapportImapSyncResult;

void rapport_imap_sync_result_free (RapportImapSyncResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImapSyncResult, rapport_imap_sync_result_free)

/* @folders is copied. The result is returned even when the sync stopped
 * early (its error field says why), so that what was read is kept. */
void                   rapport_imap_sync_async  (RapportMailAccount   *account,
                                                 const char           *password,
                                                 RapportMailIndex     *index,
                                                 guint                 days,
                                                 GPtrArray            *folders,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
RapportImapSyncResult *rapport_imap_sync_finish (GAsyncResult         *result,
                                                 GError              **error);
void                   rapport_imap_test_async  (RapportMailAccount   *account,
                                                 const char           *password,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean               rapport_imap_test_finish (GAsyncResult         *result,
                                                 GError              **error);
void                   rapport_imap_wait_async  (RapportMailAccount   *account,
                                                 const char           *password,
                                                 guint                 seconds,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean               rapport_imap_wait_finish (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
