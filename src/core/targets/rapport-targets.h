/* rapport-targets.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-target.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TARGETS (rapport_targets_get_type ())

G_DECLARE_FINAL_TYPE (RapportTargets, rapport_targets, RAPPORT, TARGETS, GObject)

RapportTargets      *rapport_targets_new       (RapportContactStore *store);
RapportContactStore *rapport_targets_get_store (RapportTargets      *self);
GPtrArray           *rapport_targets_get_list  (RapportTargets      *self);
void                 rapport_targets_refresh   (RapportTargets      *self);

G_END_DECLS
