/* rapport-imap-idle.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-imap-client.h"

G_BEGIN_DECLS

gboolean rapport_imap_idle_wait (RapportImapClient  *client,
                                 guint               seconds,
                                 GError            **error);

G_END_DECLS
