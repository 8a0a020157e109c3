/* rapport-context-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-context.h"

G_BEGIN_DECLS

/* What rapport-context.c and rapport-context-backups.c share. */
GCancellable *_rapport_context_get_cancellable    (RapportContext *self);
void          _rapport_context_set_state          (RapportContext *self,
                                                   gboolean        ready,
                                                   const GError   *error);
void          _rapport_context_restored           (RapportContext *self);
void          _rapport_context_set_latest_backup  (RapportContext *self,
                                                   const char     *path);
void          _rapport_context_backups_changed    (RapportContext *self);
void          _rapport_context_back_up_if_due     (RapportContext *self);
void          _rapport_context_find_latest_backup (RapportContext *self);

G_END_DECLS
