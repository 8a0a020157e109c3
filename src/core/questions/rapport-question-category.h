/* rapport-question-category.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-question.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION_CATEGORY (rapport_question_category_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestionCategory, rapport_question_category, RAPPORT, QUESTION_CATEGORY, GObject)

RapportQuestionCategory *rapport_question_category_new           (gint64                   id,
                                                                  const char              *seed_key,
                                                                  const char              *name,
                                                                  int                      position);
gint64                   rapport_question_category_get_id        (RapportQuestionCategory *self);
const char              *rapport_question_category_get_seed_key  (RapportQuestionCategory *self);
const char              *rapport_question_category_get_name      (RapportQuestionCategory *self);
int                      rapport_question_category_get_position  (RapportQuestionCategory *self);
GListModel              *rapport_question_category_get_questions (RapportQuestionCategory *self);

G_END_DECLS
