/* rapport-questions-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-questions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-question-row.h"
#include "rapport-questions-page-private.h"
#include "rapport-toast.h"
#include "rapport-text.h"

/* The question bank: one boxed list per category, searched as the user
 * types. The bank is small (hundreds of rows at most), so every change
 * reloads all of it; rows and groups are matched up by id and kept, so the
 * focus and scroll position survive a reload. */
G_DEFINE_FINAL_TYPE (RapportQuestionsPage, rapport_questions_page, GTK_TYPE_WIDGET)

typedef struct
{
  RapportQuestionsPage *page;
  GtkWidget            *box;
  GtkLabel             *title;
  GtkWidget            *rename_button;
  GtkListBox           *list;
} Group;

/* Helpers {{{ */

gint64 *
_rapport_questions_page_id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

void
_rapport_questions_page_show_error (RapportQuestionsPage *self,
                                    const GError         *error)
{
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (error->message));
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
  _rapport_questions_page_edit (self, rapport_question_get_id (rapport_question_row_get_question (RAPPORT_QUESTION_ROW (row))),
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

RapportQuestion *
_rapport_questions_page_find_question (RapportQuestionsPage *self,
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
          g_hash_table_insert (self->groups, _rapport_questions_page_id_key (category_id), group);
        }
      group_update (group, category);
      gtk_box_reorder_child_after (self->groups_box, group->box, previous);
      previous = group->box;
      g_hash_table_add (seen_groups, _rapport_questions_page_id_key (category_id));

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
              g_hash_table_insert (self->rows, _rapport_questions_page_id_key (id), row);
            }
          else
            rapport_question_row_set_question (RAPPORT_QUESTION_ROW (row), question);
          g_hash_table_add (seen_rows, _rapport_questions_page_id_key (id));
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
    _rapport_questions_page_show_error (self, error);
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
/* Search {{{ */

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
              _rapport_questions_page_edit (self, id, FALSE);
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

  _rapport_questions_page_install_actions (widget_class);
}

static void
rapport_questions_page_init (RapportQuestionsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

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
