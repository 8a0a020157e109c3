/* rapport-contact-sync-db.h — the sync state of rapport-contact-sync.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-book-card.h"
#include "rapport-contact-store.h"

G_BEGIN_DECLS

/* A row of eds_contact_link. */
typedef struct
{
  gint64  contact_id;
  char   *eds_uid;
  char   *rev;
  char   *synced;               /* rapport_book_fields_serialize() */
  char   *rapport_fingerprint;
  char   *book_fingerprint;
  char   *conflict;             /* the book's fields; NULL when none */
} RapportContactLink;

void                rapport_contact_link_free (RapportContactLink *link);

/* What the sync needs of the database for one pass over @source_uid. */
typedef struct
{
  GHashTable *links;        /* eds_uid → RapportContactLink */
  GHashTable *by_email;     /* eds_uid → contact id (gint64 *), for cards not linked yet */
} RapportContactSyncState;

void                rapport_contact_sync_state_free (RapportContactSyncState *state);

/* Reads the links of the book, and finds an unlinked contact by email for
 * each of @cards (of RapportBookCard) that has no link. */
void                     rapport_contact_sync_db_read_async   (RapportContactStore  *store,
                                                               const char           *source_uid,
                                                               GPtrArray            *cards,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
RapportContactSyncState *rapport_contact_sync_db_read_finish  (RapportContactStore  *store,
                                                               GAsyncResult         *result,
                                                               GError              **error);
/* Writes @links (of RapportContactLink) and forgets those of @gone (EDS
 * UIDs of contacts no longer in the book), in one transaction. */
void                     rapport_contact_sync_db_write_async  (RapportContactStore  *store,
                                                               const char           *source_uid,
                                                               GPtrArray            *links,
                                                               GStrv                 gone,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
gboolean                 rapport_contact_sync_db_write_finish (RapportContactStore  *store,
                                                               GAsyncResult         *result,
                                                               GError              **error);
/* Ends the conflict of @contact_id: the last-synced fields become @synced,
 * or the book's conflicting fields when @synced is NULL. */
void                     rapport_contact_sync_db_resolve_async  (RapportContactStore *store,
                                                                 gint64               contact_id,
                                                                 const char          *synced,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean                 rapport_contact_sync_db_resolve_finish (RapportContactStore *store,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

G_END_DECLS
