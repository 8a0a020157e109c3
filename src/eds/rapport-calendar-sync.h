/* rapport-calendar-sync.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-calendar-event.h"
#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALENDAR_SYNC (rapport_calendar_sync_get_type ())

G_DECLARE_FINAL_TYPE (RapportCalendarSync, rapport_calendar_sync, RAPPORT, CALENDAR_SYNC, GObject)

RapportCalendarSync  *rapport_calendar_sync_new             (RapportMeetingStore  *meetings);
/* The EDS source to keep the meetings in; "" for none. */
const char           *rapport_calendar_sync_get_calendar    (RapportCalendarSync  *self);
void                  rapport_calendar_sync_set_calendar    (RapportCalendarSync  *self,
                                                             const char           *source_uid);
void                  rapport_calendar_sync_set_alarm_minutes (RapportCalendarSync *self,
                                                             int                   minutes);
RapportCalendarState  rapport_calendar_sync_get_state       (RapportCalendarSync  *self);
/* Why the state is FAILED; NULL otherwise. */
const char           *rapport_calendar_sync_get_message     (RapportCalendarSync  *self);
/* TRUE once every change so far has reached the calendar: for tests. */
gboolean              rapport_calendar_sync_is_idle         (RapportCalendarSync  *self);

/* The calendars one can choose, of RapportEdsSource; fails when
 * evolution-data-server is not installed or not running. */
void                  rapport_calendar_sync_list_calendars_async  (GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
GPtrArray            *rapport_calendar_sync_list_calendars_finish (GAsyncResult         *result,
                                                                   GError              **error);

G_END_DECLS
