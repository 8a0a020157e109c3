/* rapport-incoming-mail-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-mailbox-sync.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INCOMING_MAIL_GROUP (rapport_incoming_mail_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportIncomingMailGroup, rapport_incoming_mail_group, RAPPORT, INCOMING_MAIL_GROUP,
                      AdwPreferencesGroup)

void rapport_incoming_mail_group_set_sync (RapportIncomingMailGroup *self,
                                           GSettings                *settings,
                                           RapportMailboxSync       *sync);

G_END_DECLS
