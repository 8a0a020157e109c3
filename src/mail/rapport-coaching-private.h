/* rapport-coaching-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-coaching.h"

G_BEGIN_DECLS

/* Shared by rapport-coaching.c and rapport-coaching-first.c. */
void _rapport_coaching_add               (GPtrArray  *checks,
                                          const char *id,
                                          gboolean    passed,
                                          char       *label,
                                          char       *hint);
void _rapport_coaching_add_first_request (GPtrArray  *checks,
                                          const char *body,
                                          const char *referrer,
                                          guint       word_limit);

G_END_DECLS
