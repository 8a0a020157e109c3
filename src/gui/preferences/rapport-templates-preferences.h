/* rapport-templates-preferences.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-template-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TEMPLATES_PREFERENCES (rapport_templates_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RapportTemplatesPreferences, rapport_templates_preferences, RAPPORT, TEMPLATES_PREFERENCES,
                      AdwPreferencesPage)

void rapport_templates_preferences_set_store (RapportTemplatesPreferences *self,
                                              RapportTemplateStore        *store);

G_END_DECLS
