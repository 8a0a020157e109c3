/* rapport-meeting-ics.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How long before a meeting a calendar reminds of it. */
#define RAPPORT_MEETING_ICS_ALARM_MINUTES 30

char *rapport_meeting_ics_write (GPtrArray  *meetings,
                                 GError    **error);

G_END_DECLS
