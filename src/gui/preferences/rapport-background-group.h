/* rapport-background-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BACKGROUND_GROUP (rapport_background_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportBackgroundGroup, rapport_background_group, RAPPORT, BACKGROUND_GROUP, AdwPreferencesGroup)

G_END_DECLS
