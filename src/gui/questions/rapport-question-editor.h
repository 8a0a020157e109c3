/* rapport-question-editor.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-question-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION_EDITOR (rapport_question_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestionEditor, rapport_question_editor, RAPPORT, QUESTION_EDITOR, AdwWindow)

GtkWidget *rapport_question_editor_new            (RapportQuestionStore  *store,
                                                   GPtrArray             *categories,
                                                   RapportQuestion       *question);
void       rapport_question_editor_focus_category (RapportQuestionEditor *self);

G_END_DECLS
