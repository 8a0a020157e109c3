/* rapport-eds-book.h — inside rapport-eds.so only
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-eds-backend.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EDS_BOOK (rapport_eds_book_get_type ())

G_DECLARE_FINAL_TYPE (RapportEdsBook, rapport_eds_book, RAPPORT, EDS_BOOK, GObject)

void       rapport_eds_book_open_async   (const char              *source_uid,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
GObject   *rapport_eds_book_open_finish  (GAsyncResult            *result,
                                          GError                 **error);
void       rapport_eds_book_read_async   (GObject                 *book,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
GPtrArray *rapport_eds_book_read_finish  (GObject                 *book,
                                          GAsyncResult            *result,
                                          GError                 **error);
void       rapport_eds_book_write_async  (GObject                 *book,
                                          const RapportBookCard   *card,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
gboolean   rapport_eds_book_write_finish (GObject                 *book,
                                          GAsyncResult            *result,
                                          GError                 **error);

G_END_DECLS
