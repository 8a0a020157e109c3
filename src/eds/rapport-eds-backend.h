/* rapport-eds-backend.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-book-card.h"
#include "rapport-calendar-event.h"

G_BEGIN_DECLS

/* evolution-data-server's client libraries (libecal, libedataserver, and
 * with them libical-glib, libsoup and some twenty more) live in
 * rapport-eds.so, loaded the first time a calendar is chosen; this is its
 * table. A calendar is a GObject of the module that emits
 *   "event-changed" (const char *uid, gint64 starts_at, gint64 ends_at)
 *     for an event of Rapport's added or changed in the calendar (also one
 *     it has just written: compare before acting), and
 *   "event-removed" (const char *uid),
 * and has a boolean "online" property. An address book kept in sync is a
 * GObject of the module that emits "changed" when any of its contacts was
 * added, changed or removed (by Rapport too). All calls are asynchronous
 * and return in the caller's thread-default main context. */

#define RAPPORT_EDS_BACKEND_SYMBOL "rapport_eds_backend_get"

typedef enum
{
  RAPPORT_CALENDAR_WRITE_UPDATE_ONLY,   /* an event that is gone stays gone */
  RAPPORT_CALENDAR_WRITE_CREATE,        /* create it when it is not there */
} RapportCalendarWrite;

typedef struct
{
  void                  (*list_calendars_async)  (GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* of RapportEdsSource: the calendars one can add events to */
  GPtrArray            *(*list_calendars_finish) (GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*open_async)            (const char                  *source_uid,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  GObject              *(*open_finish)           (GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*write_async)           (GObject                     *calendar,
                                                  const RapportCalendarEvent  *event,
                                                  RapportCalendarWrite         how,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* TRUE if the event is now in the calendar, FALSE (no error) if it was
   * gone and stays gone */
  gboolean              (*write_finish)          (GObject                     *calendar,
                                                  GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*read_async)            (GObject                     *calendar,
                                                  const char                  *uid,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* the event's times and status, or NULL (no error) when it is gone */
  RapportCalendarEvent *(*read_finish)           (GObject                     *calendar,
                                                  GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*remove_async)          (GObject                     *calendar,
                                                  const char                  *uid,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* TRUE also when there was nothing to remove */
  gboolean              (*remove_finish)         (GObject                     *calendar,
                                                  GAsyncResult                *result,
                                                  GError                     **error);

  void                  (*list_books_async)      (GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* of RapportEdsSource: the address books one can import from */
  GPtrArray            *(*list_books_finish)     (GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*read_book_async)       (const char                  *source_uid,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* every contact of the book, as vCard 3.0 text */
  GBytes               *(*read_book_finish)      (GAsyncResult                *result,
                                                  GError                     **error);

  void                  (*open_book_async)       (const char                  *source_uid,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  GObject              *(*open_book_finish)      (GAsyncResult                *result,
                                                  GError                     **error);
  void                  (*read_cards_async)      (GObject                     *book,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  /* of RapportBookCard: every contact of the book */
  GPtrArray            *(*read_cards_finish)     (GObject                     *book,
                                                  GAsyncResult                *result,
                                                  GError                     **error);
  /* Sets the standard fields of the book's contact card->uid, in place:
   * every other property of it (NICKNAME, X-…) stays as it is. */
  void                  (*write_card_async)      (GObject                     *book,
                                                  const RapportBookCard       *card,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
  gboolean              (*write_card_finish)     (GObject                     *book,
                                                  GAsyncResult                *result,
                                                  GError                     **error);
} RapportEdsBackend;

G_END_DECLS
