/* rapport-eds-books.h — inside rapport-eds.so only
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-eds-backend.h"

G_BEGIN_DECLS

void       rapport_eds_books_list_async  (GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *rapport_eds_books_list_finish (GAsyncResult         *result,
                                          GError              **error);
void       rapport_eds_books_read_async  (const char           *source_uid,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GBytes    *rapport_eds_books_read_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
