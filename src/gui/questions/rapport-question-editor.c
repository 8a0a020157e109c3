/* rapport-question-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-question-editor.h"
#include "rapport-toast.h"
#include "rapport-shortcut.h"

/* Adds or edits one question: its words, its category and its TIARA area. Deleting is
 * offered here too, so that it is one Enter and one button away from the
 * keyboard; the page does it, since the Undo toast lives there. */
struct _RapportQuestionEditor
{
  AdwWindow             parent_instance;

  RapportQuestionStore *store;
  RapportQuestion      *question;
  GPtrArray            *categories;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *text_row;
  AdwComboRow          *category_row;
  AdwComboRow          *tiara_row;
  GtkLabel             *error_label;
  GtkWidget            *delete_group;
};

G_DEFINE_FINAL_TYPE (RapportQuestionEditor, rapport_question_editor, ADW_TYPE_WINDOW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
validate (RapportQuestionEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  gboolean ok = text[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
  return ok;
}

static void
validate_cb (RapportQuestionEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  validate (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportQuestionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_question_store_save_finish (RAPPORT_QUESTION_STORE (object), result, &error) == 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportQuestionEditor *self = RAPPORT_QUESTION_EDITOR (widget);
  g_autoptr(RapportQuestion) question = NULL;
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (!validate (self) || selected >= self->categories->len)
    return;

  question = rapport_question_copy (self->question);
  rapport_question_set_text (question, gtk_editable_get_text (GTK_EDITABLE (self->text_row)));
  rapport_question_set_category_id (question,
    rapport_question_category_get_id (g_ptr_array_index (self->categories, selected)));
  rapport_question_set_tiara (question, MIN (adw_combo_row_get_selected (self->tiara_row), RAPPORT_N_TIARA - 1));

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rapport_question_store_save_async (self->store, question, NULL, saved_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportQuestionEditor *self = RAPPORT_QUESTION_EDITOR (widget);

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, rapport_question_get_id (self->question));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* What the chosen area asks about, under its name. */
static void
tiara_selected_cb (RapportQuestionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->tiara_row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tiara_row),
                               selected < RAPPORT_N_TIARA ? rapport_tiara_get_description (selected) : "");
}

static void
entry_activated_cb (RapportQuestionEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
rapport_question_editor_dispose (GObject *object)
{
  RapportQuestionEditor *self = RAPPORT_QUESTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUESTION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->question);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_question_editor_parent_class)->dispose (object);
}

static void
rapport_question_editor_class_init (RapportQuestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_question_editor_dispose;

  /**
   * RapportQuestionEditor::delete-requested:
   * @question_id: the question to delete
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-question-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, tiara_row);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionEditor, delete_group);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, tiara_selected_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
}

static void
rapport_question_editor_init (RapportQuestionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "editor.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

/**
 * rapport_question_editor_new:
 * @categories: (element-type RapportQuestionCategory): to choose from
 * @question: the question to edit, or a new one (id 0) with its category
 */
GtkWidget *
rapport_question_editor_new (RapportQuestionStore *store,
                             GPtrArray            *categories,
                             RapportQuestion      *question)
{
  RapportQuestionEditor *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  guint selected = 0;
  gboolean is_new;

  g_return_val_if_fail (RAPPORT_IS_QUESTION_STORE (store), NULL);
  g_return_val_if_fail (categories != NULL, NULL);
  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), NULL);

  self = g_object_new (RAPPORT_TYPE_QUESTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->question = g_object_ref (question);
  self->categories = g_ptr_array_ref (categories);
  is_new = rapport_question_get_id (question) == 0;

  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Question") : _("Edit Question"));
  gtk_widget_set_visible (self->delete_group, !is_new);

  for (guint i = 0; i < categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (categories, i);

      gtk_string_list_append (names, rapport_question_category_get_name (category));
      if (rapport_question_category_get_id (category) == rapport_question_get_category_id (question))
        selected = i;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, selected);

  /* The list's positions are the RapportTiara values, "none" first. */
  for (RapportTiara tiara = RAPPORT_TIARA_NONE; tiara < RAPPORT_N_TIARA; tiara++)
    gtk_string_list_append (areas, rapport_tiara_get_name (tiara));
  adw_combo_row_set_model (self->tiara_row, G_LIST_MODEL (areas));
  adw_combo_row_set_selected (self->tiara_row, rapport_question_get_tiara (question));
  tiara_selected_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), rapport_question_get_text (question));
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
  return GTK_WIDGET (self);
}

void
rapport_question_editor_focus_category (RapportQuestionEditor *self)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
}
