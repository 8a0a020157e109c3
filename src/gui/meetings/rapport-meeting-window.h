/* rapport-meeting-window.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_WINDOW (rapport_meeting_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingWindow, rapport_meeting_window, RAPPORT, MEETING_WINDOW, AdwWindow)

RapportMeetingWindow *rapport_meeting_window_new            (GtkApplication       *application,
                                                             RapportMeetingStore  *store,
                                                             GSettings            *settings,
                                                             gint64                meeting_id);
gint64                rapport_meeting_window_get_meeting_id (RapportMeetingWindow *self);

G_END_DECLS
