/* rapport-meeting-window-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-countdown.h"
#include "rapport-meeting-window.h"

G_BEGIN_DECLS

RapportCountdown *_rapport_meeting_window_use_clock (RapportMeetingWindow *self,
                                                     RapportClockFunc      clock,
                                                     gpointer              clock_data);

G_END_DECLS
