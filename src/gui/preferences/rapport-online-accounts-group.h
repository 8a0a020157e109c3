/* rapport-online-accounts-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_ONLINE_ACCOUNTS_GROUP (rapport_online_accounts_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportOnlineAccountsGroup, rapport_online_accounts_group, RAPPORT, ONLINE_ACCOUNTS_GROUP,
                      AdwPreferencesGroup)

void rapport_online_accounts_group_set_settings (RapportOnlineAccountsGroup *self,
                                                 GSettings                  *settings);

G_END_DECLS
