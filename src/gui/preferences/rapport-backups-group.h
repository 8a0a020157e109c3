/* rapport-backups-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-context.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_BACKUPS_GROUP (rapport_backups_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportBackupsGroup, rapport_backups_group, RAPPORT, BACKUPS_GROUP, AdwPreferencesGroup)

void rapport_backups_group_set_context     (RapportBackupsGroup *self,
                                            RapportContext      *context);

G_END_DECLS
