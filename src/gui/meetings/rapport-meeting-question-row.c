/* rapport-meeting-question-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-meeting-question-row.h"

/* One question during a meeting, with a field for what the contact said. It
 * says when its answer changed ("answer-changed") and when the user turned to
 * it ("focused"), which is what the compact mode shows as the current one. */
struct _RapportMeetingQuestionRow
{
  GtkBox                  parent_instance;

  RapportMeetingQuestion *question;

  GtkLabel               *question_label;
  GtkTextView            *answer_view;
};

G_DEFINE_FINAL_TYPE (RapportMeetingQuestionRow, rapport_meeting_question_row, GTK_TYPE_BOX)

enum {
  ANSWER_CHANGED,
  FOCUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
buffer_changed_cb (RapportMeetingQuestionRow *self)
{
  g_signal_emit (self, signals[ANSWER_CHANGED], 0);
}

static void
focus_enter_cb (RapportMeetingQuestionRow *self)
{
  g_signal_emit (self, signals[FOCUSED], 0);
}

static void
rapport_meeting_question_row_dispose (GObject *object)
{
  RapportMeetingQuestionRow *self = RAPPORT_MEETING_QUESTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_QUESTION_ROW);
  g_clear_object (&self->question);

  G_OBJECT_CLASS (rapport_meeting_question_row_parent_class)->dispose (object);
}

static void
rapport_meeting_question_row_class_init (RapportMeetingQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_question_row_dispose;

  signals[ANSWER_CHANGED] = g_signal_new ("answer-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FOCUSED] = g_signal_new ("focused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-meeting-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestionRow, question_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestionRow, answer_view);
}

static void
rapport_meeting_question_row_init (RapportMeetingQuestionRow *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->answer_view), focus);
}

GtkWidget *
rapport_meeting_question_row_new (RapportMeetingQuestion *question)
{
  RapportMeetingQuestionRow *self;
  GtkTextBuffer *buffer;
  g_autofree char *name = NULL;

  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION (question), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_QUESTION_ROW, NULL);
  self->question = g_object_ref (question);
  gtk_label_set_label (self->question_label, rapport_meeting_question_get_text (question));

  buffer = gtk_text_view_get_buffer (self->answer_view);
  gtk_text_buffer_set_text (buffer, rapport_meeting_question_get_answer (question), -1);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);

  /* Translators: the accessible name of the notes field under a question; %s is the question */
  name = g_strdup_printf (_("Notes on “%s”"), rapport_meeting_question_get_text (question));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}

RapportMeetingQuestion *
rapport_meeting_question_row_get_question (RapportMeetingQuestionRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION_ROW (self), NULL);
  return self->question;
}

char *
rapport_meeting_question_row_dup_answer (RapportMeetingQuestionRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->answer_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
