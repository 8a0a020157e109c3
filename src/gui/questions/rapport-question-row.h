/* rapport-question-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-question.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION_ROW (rapport_question_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestionRow, rapport_question_row, RAPPORT, QUESTION_ROW, AdwActionRow)

GtkWidget       *rapport_question_row_new          (RapportQuestion    *question);
RapportQuestion *rapport_question_row_get_question (RapportQuestionRow *self);
void             rapport_question_row_set_question (RapportQuestionRow *self,
                                                    RapportQuestion    *question);
gboolean         rapport_question_row_matches      (RapportQuestionRow *self,
                                                    const char         *folded_search,
                                                    gboolean            starred_only);

G_END_DECLS
