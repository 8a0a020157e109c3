/* rapport-mailbox-ignored.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-store.h"

G_BEGIN_DECLS

void     rapport_mailbox_set_ignored_async   (RapportContactStore  *store,
                                              const char           *address,
                                              gboolean              ignored,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean rapport_mailbox_set_ignored_finish  (RapportContactStore  *store,
                                              GAsyncResult         *result,
                                              GError              **error);
void     rapport_mailbox_list_ignored_async  (RapportContactStore  *store,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GStrv    rapport_mailbox_list_ignored_finish (RapportContactStore  *store,
                                              GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
