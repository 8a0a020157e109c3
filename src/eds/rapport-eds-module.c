/* rapport-eds-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "rapport-eds-book.h"
#include "rapport-eds-books.h"
#include "rapport-eds-calendar.h"

/* The module's one entry point; everything else in it is hidden. */
G_MODULE_EXPORT const RapportEdsBackend *rapport_eds_backend_get (void);

const RapportEdsBackend *
rapport_eds_backend_get (void)
{
  static const RapportEdsBackend backend = {
    rapport_eds_calendar_list_async,
    rapport_eds_calendar_list_finish,
    rapport_eds_calendar_open_async,
    rapport_eds_calendar_open_finish,
    rapport_eds_calendar_write_async,
    rapport_eds_calendar_write_finish,
    rapport_eds_calendar_read_async,
    rapport_eds_calendar_read_finish,
    rapport_eds_calendar_remove_async,
    rapport_eds_calendar_remove_finish,
    rapport_eds_books_list_async,
    rapport_eds_books_list_finish,
    rapport_eds_books_read_async,
    rapport_eds_books_read_finish,
    rapport_eds_book_open_async,
    rapport_eds_book_open_finish,
    rapport_eds_book_read_async,
    rapport_eds_book_read_finish,
    rapport_eds_book_write_async,
    rapport_eds_book_write_finish,
  };

  return &backend;
}
