/* rapport-target-text.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-target.h"

G_BEGIN_DECLS

char       *rapport_target_step_text    (RapportTarget      *target,
                                         gboolean            with_name);
char       *rapport_target_people_text  (RapportTarget      *target);
char       *rapport_target_ratings_text (RapportTarget      *target);
const char *rapport_target_stage_label  (RapportTargetStage  stage);

G_END_DECLS
