/* rapport-mail-preferences.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-mailbox-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MAIL_PREFERENCES (rapport_mail_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RapportMailPreferences, rapport_mail_preferences, RAPPORT, MAIL_PREFERENCES, AdwPreferencesPage)

void rapport_mail_preferences_set_settings (RapportMailPreferences *self,
                                            GSettings              *settings,
                                            RapportMailboxSync     *sync);

G_END_DECLS
