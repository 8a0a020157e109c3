/* rapport-address-book.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-calendar-event.h"

G_BEGIN_DECLS

/* The address books one can import from, of RapportEdsSource; fails when
 * evolution-data-server is not installed or not running. */
void       rapport_address_book_list_async   (GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray *rapport_address_book_list_finish  (GAsyncResult         *result,
                                              GError              **error);
/* Every contact of the book, as a vCard file of the user's own (0600, in
 * their private runtime folder) named after it, for the import preview.
 * Delete it with rapport_address_book_forget_copy() once imported. */
void       rapport_address_book_copy_async   (const RapportEdsSource *book,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GFile     *rapport_address_book_copy_finish  (GAsyncResult         *result,
                                              GError              **error);
void       rapport_address_book_forget_copy  (GFile                *copy);
/* The same, and drops the reference: a GDestroyNotify for the copy. */
void       rapport_address_book_forget_copy_and_unref (GFile           *copy);

G_END_DECLS
