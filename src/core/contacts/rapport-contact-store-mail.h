/* rapport-contact-store-mail.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-draft.h"
#include "rapport-contact-store.h"
#include "rapport-interaction.h"

G_BEGIN_DECLS

/* The composer's side of the contact store: drafts kept on a contact, and
 * a message that went out put on a timeline. Each write emits "changed"
 * for the contact whose page shows it. */

void        rapport_contact_store_list_drafts_async   (RapportContactStore  *self,
                                                       gint64                contact_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray  *rapport_contact_store_list_drafts_finish  (RapportContactStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_contact_store_save_draft_async    (RapportContactStore  *self,
                                                       RapportDraft         *draft,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gint64      rapport_contact_store_save_draft_finish   (RapportContactStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_contact_store_delete_draft_async  (RapportContactStore  *self,
                                                       gint64                draft_id,
                                                       gint64                contact_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    rapport_contact_store_delete_draft_finish (RapportContactStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_contact_store_record_mail_async   (RapportContactStore  *self,
                                                       RapportDraft         *message,
                                                       gint64                timeline_contact_id,
                                                       RapportInteractionKind kind,
                                                       const char           *summary,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gint64      rapport_contact_store_record_mail_finish  (RapportContactStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
