/* rapport-meeting-question-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-meeting.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_QUESTION_ROW (rapport_meeting_question_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingQuestionRow, rapport_meeting_question_row, RAPPORT, MEETING_QUESTION_ROW, GtkBox)

GtkWidget              *rapport_meeting_question_row_new          (RapportMeetingQuestion    *question);
RapportMeetingQuestion *rapport_meeting_question_row_get_question (RapportMeetingQuestionRow *self);
char                   *rapport_meeting_question_row_dup_answer   (RapportMeetingQuestionRow *self);

G_END_DECLS
