/* rapport-contact-sync.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-book-card.h"
#include "rapport-contact-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_CONTACT_SYNC_KEEP_RAPPORT,
  RAPPORT_CONTACT_SYNC_KEEP_BOOK,
} RapportContactSyncKeep;

/* A contact changed differently in Rapport and in the book: its first
 * such field, with both values (lists one value a line). */
typedef struct
{
  gint64            contact_id;
  char             *name;
  RapportBookField  field;
  char             *ours;
  char             *theirs;
} RapportContactConflict;

void rapport_contact_conflict_free (RapportContactConflict *conflict);

#define RAPPORT_TYPE_CONTACT_SYNC (rapport_contact_sync_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactSync, rapport_contact_sync, RAPPORT, CONTACT_SYNC, GObject)

/* Keeps the contacts linked to the address book @source_uid (an ESource
 * UID) in sync with it, both ways, from rapport_contact_sync_start() on
 * until the object is let go. Emits "synced" after each pass. */
RapportContactSync *rapport_contact_sync_new            (RapportContactStore     *store,
                                                         const char              *source_uid);
void                rapport_contact_sync_start          (RapportContactSync      *self);
/* Runs a pass now (or once the running one is done). */
void                rapport_contact_sync_sync_now       (RapportContactSync      *self);
/* Why the last pass failed; NULL when it did not. */
const char         *rapport_contact_sync_get_message    (RapportContactSync      *self);
/* The contacts with a field changed differently in Rapport and in the
 * book, as of the last pass, of RapportContactConflict: both values are
 * kept until rapport_contact_sync_resolve_async() chooses one. */
GPtrArray          *rapport_contact_sync_get_conflicts  (RapportContactSync      *self);
void                rapport_contact_sync_resolve_async  (RapportContactSync      *self,
                                                         gint64                   contact_id,
                                                         RapportContactSyncKeep   keep,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
gboolean            rapport_contact_sync_resolve_finish (RapportContactSync      *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);
/* TRUE when the book is open, no pass runs and none is waiting: for tests. */
gboolean            rapport_contact_sync_is_idle        (RapportContactSync      *self);

G_END_DECLS
