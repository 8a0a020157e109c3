/* rapport-category-name-dialog.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-question-store.h"

G_BEGIN_DECLS

void rapport_category_name_dialog_present (GtkWindow            *parent,
                                           RapportQuestionStore *store,
                                           gint64                category_id,
                                           const char           *current_name,
                                           AdwToastOverlay      *toasts);

G_END_DECLS
