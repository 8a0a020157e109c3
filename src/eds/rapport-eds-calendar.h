/* rapport-eds-calendar.h — inside rapport-eds.so only
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-eds-backend.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_EDS_CALENDAR (rapport_eds_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RapportEdsCalendar, rapport_eds_calendar, RAPPORT, EDS_CALENDAR, GObject)

void                  rapport_eds_calendar_list_async   (GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
GPtrArray            *rapport_eds_calendar_list_finish  (GAsyncResult                *result,
                                                         GError                     **error);
void                  rapport_eds_calendar_open_async   (const char                  *source_uid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
GObject              *rapport_eds_calendar_open_finish  (GAsyncResult                *result,
                                                         GError                     **error);
void                  rapport_eds_calendar_write_async  (GObject                     *calendar,
                                                         const RapportCalendarEvent  *event,
                                                         RapportCalendarWrite         how,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean              rapport_eds_calendar_write_finish (GObject                     *calendar,
                                                         GAsyncResult                *result,
                                                         GError                     **error);
void                  rapport_eds_calendar_read_async   (GObject                     *calendar,
                                                         const char                  *uid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
RapportCalendarEvent *rapport_eds_calendar_read_finish  (GObject                     *calendar,
                                                         GAsyncResult                *result,
                                                         GError                     **error);
void                  rapport_eds_calendar_remove_async (GObject                     *calendar,
                                                         const char                  *uid,
                                                         GCancellable                *cancellable,
                                                         GAsyncReadyCallback          callback,
                                                         gpointer                     user_data);
gboolean              rapport_eds_calendar_remove_finish (GObject                    *calendar,
                                                         GAsyncResult                *result,
                                                         GError                     **error);

G_END_DECLS
