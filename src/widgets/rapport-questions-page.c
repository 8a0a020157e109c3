/* rapport-questions-page.c
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
#include "rapport-questions-page.h"
#include "rapport-toast.h"
#include "storage/rapport-text.h"

/* The question bank: one boxed list per category, searched as the user
 * types. The bank is small (hundreds of rows at most), so every change
 * reloads all of it; rows and groups are matched up by id and kept, so the
 * focus and scroll position survive a reload. */
struct _RapportQuestionsPage
{
  GtkWidget             parent_instance;

  RapportQuestionStore *store;
  GCancellable         *cancellable;    /* the listing in flight */
  GPtrArray            *categories;     /* the latest listing */
  GHashTable           *groups;         /* category id → Group */
  GHashTable           *rows;           /* question id → RapportQuestionRow (borrowed) */
  GHashTable           *deleted;        /* question id → its tombstone, while Undo is offered */
  gboolean              reload_again;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *starred_toggle;
  GtkStack             *content_stack;
  GtkBox               *groups_box;
};

G_DEFINE_FINAL_TYPE (RapportQuestionsPage, rapport_questions_page, GTK_TYPE_WIDGET)

typedef struct
{
  RapportQuestionsPage *page;
  GtkWidget            *box;
  GtkLabel             *title;
  GtkWidget            *rename_button;
  GtkListBox           *list;
} Group;

static void edit_question (RapportQuestionsPage *self, gint64 id, gboolean focus_category);

/* Helpers {{{ */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static void
show_error (RapportQuestionsPage *self,
            const GError         *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, rapport_toast_new (error->message));
}

static void
group_free (gpointer data)
{
  Group *group = data;

  gtk_box_remove (group->page->groups_box, group->box);
  g_free (group);
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  RapportQuestion *qa = rapport_question_row_get_question (RAPPORT_QUESTION_ROW (a));
  RapportQuestion *qb = rapport_question_row_get_question (RAPPORT_QUESTION_ROW (b));
  int pa = rapport_question_get_position (qa), pb = rapport_question_get_position (qb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return rapport_question_get_id (qa) < rapport_question_get_id (qb) ? -1 : 1;
}

static void
row_activated_cb (GtkListBox           *list,
                  GtkListBoxRow        *row,
                  RapportQuestionsPage *self)
{
  edit_question (self, rapport_question_get_id (rapport_question_row_get_question (RAPPORT_QUESTION_ROW (row))),
                 FALSE);
}

static Group *
group_new (RapportQuestionsPage *self)
{
  Group *group = g_new0 (Group, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *placeholder = gtk_label_new (_("No questions in this category yet"));

  group->page = self;
  group->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  group->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (group->title, 0);
  gtk_label_set_wrap (group->title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (group->title), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (group->title), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);

  group->rename_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (group->rename_button, "flat");
  gtk_widget_set_valign (group->rename_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (group->rename_button, _("Rename Category"));

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (group->title));
  gtk_box_append (GTK_BOX (header), group->rename_button);
  gtk_widget_set_margin_start (header, 6);

  group->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (group->list, GTK_SELECTION_NONE);
  gtk_list_box_set_sort_func (group->list, sort_rows, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (group->list), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (group->list, placeholder);
  g_signal_connect_object (group->list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);

  gtk_box_append (GTK_BOX (group->box), header);
  gtk_box_append (GTK_BOX (group->box), GTK_WIDGET (group->list));
  gtk_box_append (self->groups_box, group->box);
  return group;
}

static void
group_update (Group                   *group,
              RapportQuestionCategory *category)
{
  const char *name = rapport_question_category_get_name (category);
  g_autofree char *rename = g_strdup_printf (_("Rename “%s”"), name);

  gtk_label_set_label (group->title, name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (group->rename_button),
                                          g_variant_new_int64 (rapport_question_category_get_id (category)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (group->rename_button), "questions.rename-category");
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->rename_button), GTK_ACCESSIBLE_PROPERTY_LABEL, rename, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static RapportQuestion *
find_question (RapportQuestionsPage *self,
               gint64                id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, &id);

  return row != NULL ? rapport_question_row_get_question (RAPPORT_QUESTION_ROW (row)) : NULL;
}

static void
apply_filter (RapportQuestionsPage *self)
{
  g_autofree char *folded = rapport_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gboolean starred_only = gtk_toggle_button_get_active (self->starred_toggle);
  gboolean filtering = starred_only || folded[0] != '\0';
  gboolean any = FALSE;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Group *group = value;
      gboolean group_any = FALSE;

      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (group->list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          gboolean visible;

          if (!RAPPORT_IS_QUESTION_ROW (row))
            continue;
          visible = rapport_question_row_matches (RAPPORT_QUESTION_ROW (row), folded, starred_only);
          gtk_widget_set_visible (row, visible);
          group_any |= visible;
        }

      /* An empty category is shown, with its placeholder, unless searching. */
      gtk_widget_set_visible (group->box, group_any || !filtering);
      any |= group_any;
    }

  gtk_stack_set_visible_child_name (self->content_stack, any || !filtering ? "list" : "empty");
}

/* Matches the widgets to a new listing, keeping those of the same ids. */
static void
apply_listing (RapportQuestionsPage *self,
               GPtrArray            *categories)
{
  g_autoptr(GHashTable) seen_groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GtkWidget *previous = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (categories, i);
      gint64 category_id = rapport_question_category_get_id (category);
      GListModel *questions = rapport_question_category_get_questions (category);
      Group *group = g_hash_table_lookup (self->groups, &category_id);

      if (group == NULL)
        {
          group = group_new (self);
          g_hash_table_insert (self->groups, id_key (category_id), group);
        }
      group_update (group, category);
      gtk_box_reorder_child_after (self->groups_box, group->box, previous);
      previous = group->box;
      g_hash_table_add (seen_groups, id_key (category_id));

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);
          gint64 id = rapport_question_get_id (question);
          GtkWidget *row = g_hash_table_lookup (self->rows, &id);

          if (row != NULL && gtk_widget_get_parent (row) != GTK_WIDGET (group->list))
            {
              gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
              row = NULL;
            }
          if (row == NULL)
            {
              row = rapport_question_row_new (question);
              gtk_list_box_append (group->list, row);
              g_hash_table_insert (self->rows, id_key (id), row);
            }
          else
            rapport_question_row_set_question (RAPPORT_QUESTION_ROW (row), question);
          g_hash_table_add (seen_rows, id_key (id));
        }
      gtk_list_box_invalidate_sort (group->list);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (seen_rows, key))
        {
          GtkWidget *parent = gtk_widget_get_parent (value);

          if (GTK_IS_LIST_BOX (parent))
            gtk_list_box_remove (GTK_LIST_BOX (parent), value);
          g_hash_table_iter_remove (&iter);
        }
    }

  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (seen_groups, key))
        g_hash_table_iter_remove (&iter);
    }

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_ptr_array_ref (categories);
  apply_filter (self);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportQuestionsPage *self;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = rapport_question_store_list_finish (RAPPORT_QUESTION_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->cancellable);

  if (categories == NULL)
    show_error (self, error);
  else
    apply_listing (self, categories);

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      rapport_questions_page_reload (self);
    }
}

static void
store_changed_cb (RapportQuestionsPage *self)
{
  rapport_questions_page_reload (self);
}

/* }}} */
/* Editing {{{ */

static void
delete_requested_cb (RapportQuestionsPage *self,
                     gint64                id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "questions.delete", "x", id);
}

static void
edit_question (RapportQuestionsPage *self,
               gint64                id,
               gboolean              focus_category)
{
  RapportQuestion *question = find_question (self, id);
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
      show_error (self, error);
      return;
    }

  id = rapport_question_get_id (deleted);
  g_hash_table_insert (self->deleted, id_key (id), g_object_ref (deleted));

  toast = rapport_toast_new (_("Question deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_action_name (toast, "questions.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  g_object_set_data (G_OBJECT (toast), "page", self);
  g_object_set_data_full (G_OBJECT (toast), "question-id", id_key (id), g_free);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportQuestionsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_question_store_restore_finish (RAPPORT_QUESTION_STORE (object), result, &error) == 0)
    show_error (self, error);
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
  edit_question (RAPPORT_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edit_question (RAPPORT_QUESTIONS_PAGE (widget), g_variant_get_int64 (parameter), TRUE);
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
      show_error (self, error);
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

static void
filter_changed_cb (RapportQuestionsPage *self)
{
  apply_filter (self);
}

/* Enter in the search opens the first question found, as in Contacts. */
static void
search_activate_cb (RapportQuestionsPage *self)
{
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      GListModel *questions = rapport_question_category_get_questions (g_ptr_array_index (self->categories, i));

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);
          gint64 id = rapport_question_get_id (question);
          GtkWidget *row = g_hash_table_lookup (self->rows, &id);

          if (row != NULL && gtk_widget_get_visible (row))
            {
              edit_question (self, id, FALSE);
              return;
            }
        }
    }
}

static void
stop_search_cb (RapportQuestionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* }}} */
/* GObject {{{ */

static void
rapport_questions_page_dispose (GObject *object)
{
  RapportQuestionsPage *self = RAPPORT_QUESTIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Rows and groups go with the template. */
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUESTIONS_PAGE);
  g_clear_pointer (&self->deleted, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_questions_page_parent_class)->dispose (object);
}

static void
rapport_questions_page_class_init (RapportQuestionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_questions_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-questions-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionsPage, starred_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionsPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

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

static void
rapport_questions_page_init (RapportQuestionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, group_free);
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_questions_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_QUESTIONS_PAGE, NULL);
}

/**
 * rapport_questions_page_set_store:
 *
 * Shows the bank of @store, and follows its changes.
 */
void
rapport_questions_page_set_store (RapportQuestionsPage *self,
                                  RapportQuestionStore *store)
{
  g_return_if_fail (RAPPORT_IS_QUESTIONS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rapport_questions_page_reload (self);
}

/**
 * rapport_questions_page_reload:
 *
 * Reads the bank again, e.g. once the database has been reopened.
 */
void
rapport_questions_page_reload (RapportQuestionsPage *self)
{
  g_return_if_fail (RAPPORT_IS_QUESTIONS_PAGE (self));

  if (self->store == NULL)
    return;

  /* One listing at a time, and one more after it if something changed
   * meanwhile: the newest state always wins. */
  if (self->cancellable != NULL)
    {
      self->reload_again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  rapport_question_store_list_async (self->store, self->cancellable, listed_cb, self);
}

void
rapport_questions_page_focus_search (RapportQuestionsPage *self)
{
  g_return_if_fail (RAPPORT_IS_QUESTIONS_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* }}} */
