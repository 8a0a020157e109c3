/* rapport-calendar-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-calendar-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALENDAR_GROUP (rapport_calendar_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportCalendarGroup, rapport_calendar_group, RAPPORT, CALENDAR_GROUP, AdwPreferencesGroup)

void rapport_calendar_group_set_sync (RapportCalendarGroup *self,
                                      GSettings            *settings,
                                      RapportCalendarSync  *sync);

G_END_DECLS
