/* rapport-ics.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RapportIcsEvent:
 * @uid: a stable identifier, so that a calendar that imports the event
 *   again updates it instead of adding a copy; see rapport_ics_make_uid()
 * @starts_at: the start, in Unix seconds (UTC)
 * @duration: the length in minutes, at least 1
 * @summary: (nullable): the title
 * @description: (nullable): the notes
 * @location: (nullable): a place, or a link to a call
 * @alarm_minutes: minutes before the start for a reminder, or < 0 for none
 *
 * One meeting as plain data, so that the writer needs no model object and
 * can be fuzzed. Text is the user's own and may be anything.
 */
typedef struct
{
  const char *uid;
  gint64      starts_at;
  int         duration;
  const char *summary;
  const char *description;
  const char *location;
  int         alarm_minutes;
} RapportIcsEvent;

char *rapport_ics_make_uid (gint64                 id,
                            const char            *salt);
char *rapport_ics_write    (const RapportIcsEvent *events,
                            guint                  n_events,
                            GError               **error);

G_END_DECLS
