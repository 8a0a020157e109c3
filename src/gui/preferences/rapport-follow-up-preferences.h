/* rapport-follow-up-preferences.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOW_UP_PREFERENCES (rapport_follow_up_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowUpPreferences, rapport_follow_up_preferences, RAPPORT, FOLLOW_UP_PREFERENCES,
                      AdwPreferencesPage)

G_END_DECLS
