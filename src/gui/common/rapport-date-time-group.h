/* rapport-date-time-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_DATE_TIME_GROUP (rapport_date_time_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportDateTimeGroup, rapport_date_time_group, RAPPORT, DATE_TIME_GROUP, AdwPreferencesGroup)

GDateTime *rapport_date_time_group_dup_date_time (RapportDateTimeGroup *self);
void       rapport_date_time_group_set_date_time (RapportDateTimeGroup *self,
                                                  GDateTime            *local);

G_END_DECLS
