/* rapport-questions-page-actions.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-questions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-category-name-dialog.h"
#include "rapport-question-editor.h"
#include "rapport-question-row.h"
#include "rapport-questions-page-private.h"
#include "rapport-toast.h"

/* What the user does to the bank from the questions page: the "questions.*"
 * actions, the editor and the Undo of a deletion. */

/* Editing {{{ */

static void
delete_requested_cb (RapportQuestionsPage *self,
                     gint64                id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "questions.delete", "x", id);
}

void
_rapport_questions_page_edit (RapportQuestionsPage *self,
                              gint64                id,
                              gboolean              focus_category)
{
  RapportQuestion *question = _rapport_questions_page_find_question (self, id);
  GtkWidget *editor;

  if (question == NULL || self->categories == NULL)
    return;

  editor = rapport_question_editor_new (self->store, self->categories, question);
  g_signal_connect_object (editor, "delete-requested", G_CALLBACK (delete_requested_cb), self, G_CONNECT_SWAPPED);
  if (focus_category)
    rapport_question_editor_focus_category (RAPPORT_QUESTION_EDITOR (editor));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (editor));
}

/* }}} */
/* Deleting, with Undo {{{ */

static gboolean
forget_deleted (gpointer data)
{
  AdwToast *toast = data;
  RapportQuestionsPage *self = g_object_get_data (G_OBJECT (toast), "page");
  gint64 *id = g_object_get_data (G_OBJECT (toast), "question-id");

  if (self != NULL)
    g_hash_table_remove (self->deleted, id);
  return G_SOURCE_REMOVE;
}

static void
toast_dismissed_cb (AdwToast             *toast,
                    RapportQuestionsPage *self)
{
  /* The toast is dismissed as its Undo button is pressed, possibly before
   * the action runs: the tombstone is kept until the next idle. */
  g_idle_add_full (G_PRIORITY_LOW, forget_deleted, g_object_ref (toast), g_object_unref);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportQuestionsPage) self = user_data;
  g_autoptr(RapportQuestion) deleted = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gint64 id;

  deleted = rapport_question_store_delete_finish (RAPPORT_QUESTION_STORE (object), result, &error);
  if (deleted == NULL)
    {
      _rapport_questions_page_show_error (self, error);
      return;
    }

  id = rapport_question_get_id (deleted);
  g_hash_table_insert (self->deleted, _rapport_questions_page_id_key (id), g_object_ref (deleted));

  toast = rapport_toast_new (_("Question deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_action_name (toast, "questions.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  g_object_set_data (G_OBJECT (toast), "page", self);
  g_object_set_data_full (G_OBJECT (toast), "question-id", _rapport_questions_page_id_key (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportQuestionsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_question_store_restore_finish (RAPPORT_QUESTION_STORE (object), result, &error) == 0)
    _rapport_questions_page_show_error (self, error);
}

/* }}} */
/* Actions {{{ */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);
  g_autoptr(RapportQuestion) question = NULL;
  GtkWidget *editor;

  if (self->categories == NULL || self->categories->len == 0)
    return;

  question = rapport_question_new (rapport_question_category_get_id (g_ptr_array_index (self->categories, 0)), "");
  editor = rapport_question_editor_new (self->store, self->categories, question);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);

  rapport_category_name_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, 0, NULL,
                                        self->toast_overlay);
}

static void
rename_category_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (self->categories, i);

      if (rapport_question_category_get_id (category) == id)
        rapport_category_name_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, id,
                                              rapport_question_category_get_name (category), self->toast_overlay);
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rapport_questions_page_edit (RAPPORT_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rapport_questions_page_edit (RAPPORT_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);

  rapport_question_store_delete_async (self->store, g_variant_get_int64 (parameter), NULL,
                                       deleted_cb, g_object_ref (self));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  RapportQuestion *deleted = g_hash_table_lookup (self->deleted, &id);

  if (deleted == NULL)
    return;

  rapport_question_store_restore_async (self->store, deleted, NULL, restored_cb, g_object_ref (self));
  g_hash_table_remove (self->deleted, &id);
}

static void
starred_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportQuestionsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_question_store_set_starred_finish (RAPPORT_QUESTION_STORE (object), result, &error))
    {
      _rapport_questions_page_show_error (self, error);
      rapport_questions_page_reload (self);
    }
}

static void
set_starred_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (widget);
  gint64 id;
  gboolean starred;

  g_variant_get (parameter, "(xb)", &id, &starred);
  rapport_question_store_set_starred_async (self->store, id, starred, NULL, starred_cb, g_object_ref (self));
}

/* Delete on a focused row, as in a file manager. */
static gboolean
delete_focused_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  if (!RAPPORT_IS_QUESTION_ROW (focus))
    return FALSE;

  gtk_widget_activate_action (widget, "questions.delete", "x",
                              rapport_question_get_id (rapport_question_row_get_question (RAPPORT_QUESTION_ROW (focus))));
  return TRUE;
}

/* }}} */

void
_rapport_questions_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "questions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "questions.new-category", NULL, new_category_action);
  gtk_widget_class_install_action (widget_class, "questions.rename-category", "x", rename_category_action);
  gtk_widget_class_install_action (widget_class, "questions.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "questions.move", "x", move_action);
  gtk_widget_class_install_action (widget_class, "questions.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "questions.undo-delete", "x", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "questions.set-starred", "(xb)", set_starred_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, delete_focused_cb, NULL);
}
