/* rapport-questions-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-question-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTIONS_PAGE (rapport_questions_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestionsPage, rapport_questions_page, RAPPORT, QUESTIONS_PAGE, GtkWidget)

GtkWidget *rapport_questions_page_new          (void);
void       rapport_questions_page_set_store    (RapportQuestionsPage *self,
                                                RapportQuestionStore *store);
void       rapport_questions_page_reload       (RapportQuestionsPage *self);
void       rapport_questions_page_focus_search (RapportQuestionsPage *self);

G_END_DECLS
