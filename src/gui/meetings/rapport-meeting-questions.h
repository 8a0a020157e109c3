/* rapport-meeting-questions.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"
#include "rapport-question-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_QUESTIONS (rapport_meeting_questions_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingQuestions, rapport_meeting_questions, RAPPORT, MEETING_QUESTIONS, AdwBin)

GtkWidget *rapport_meeting_questions_new         (RapportMeetingStore     *meetings,
                                                  RapportQuestionStore    *bank);
void       rapport_meeting_questions_set_meeting (RapportMeetingQuestions *self,
                                                  gint64                   meeting_id);

G_END_DECLS
