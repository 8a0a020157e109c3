/* rapport-interaction-editor.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_INTERACTION_EDITOR (rapport_interaction_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportInteractionEditor, rapport_interaction_editor, RAPPORT, INTERACTION_EDITOR, AdwWindow)

GtkWidget *rapport_interaction_editor_new (RapportContactStore *store,
                                           RapportInteraction  *entry);

G_END_DECLS
