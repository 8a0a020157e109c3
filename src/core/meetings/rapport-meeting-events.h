/* rapport-meeting-events.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

/* What keeping meetings in the user's calendar needs of them beyond the
 * store: a meeting found by its event's UID, with its contact's first
 * address, and the UIDs of deleted meetings whose events are still to go. */

void            rapport_meeting_events_find_async           (RapportMeetingStore  *store,
                                                             const char           *event_uid,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
/* The meeting with that event, or NULL with no error when there is none. */
RapportMeeting *rapport_meeting_events_find_finish          (RapportMeetingStore  *store,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void            rapport_meeting_events_load_async           (RapportMeetingStore  *store,
                                                             gint64                meeting_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
/* The meeting, or NULL with no error when it no longer exists; @email is
 * its contact's first address, "" when they have none, and @calendar the
 * calendar its event was last written to, "" for none. */
RapportMeeting *rapport_meeting_events_load_finish          (RapportMeetingStore  *store,
                                                             GAsyncResult         *result,
                                                             char                **email,
                                                             char                **calendar,
                                                             GError              **error);
/* Records that the meeting's event is now in @calendar (an EDS source). */
void            rapport_meeting_events_mark_written_async   (RapportMeetingStore  *store,
                                                             gint64                meeting_id,
                                                             const char           *calendar,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean        rapport_meeting_events_mark_written_finish  (RapportMeetingStore  *store,
                                                             GAsyncResult         *result,
                                                             GError              **error);
void            rapport_meeting_events_list_removed_async   (RapportMeetingStore  *store,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GStrv           rapport_meeting_events_list_removed_finish  (RapportMeetingStore  *store,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* Called once the event is gone from the calendar (or was never there). */
void            rapport_meeting_events_forget_removed_async (RapportMeetingStore  *store,
                                                             const char           *event_uid,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean        rapport_meeting_events_forget_removed_finish (RapportMeetingStore *store,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
