/* rapport-templates-preferences.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-templates-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-template-render.h"
#include "rapport-accessible.h"
#include "rapport-templates-preferences.h"

/* Preferences → Templates: each template an expander row holding its
 * editor (name, subject, body), with Save, and Reset for an edited
 * built-in one or Delete for one of the user's own; the placeholders with
 * what they stand for below. */

struct _RapportTemplatesPreferences
{
  AdwPreferencesPage    parent_instance;

  RapportTemplateStore *store;
  GCancellable         *cancellable;
  GPtrArray            *templates;
  char                 *expand_name;   /* to open after the next listing */

  /* Template children */
  GtkListBox           *list;
  AdwPreferencesGroup  *placeholders_group;
};

G_DEFINE_FINAL_TYPE (RapportTemplatesPreferences, rapport_templates_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void reload (RapportTemplatesPreferences *self);

/* Editing {{{ */

typedef struct
{
  RapportTemplatesPreferences *self;
  RapportTemplate             *template;
  GtkEntry                    *name;
  GtkEntry                    *subject;
  GtkTextView                 *body;
  GtkLabel                    *status;
} Editor;

static void
editor_free (gpointer data)
{
  Editor *editor = data;

  g_clear_object (&editor->template);
  g_free (editor);
}

static void
show_status (Editor     *editor,
             const char *text)
{
  gtk_label_set_text (editor->status, text);
  gtk_widget_set_visible (GTK_WIDGET (editor->status), text != NULL && text[0] != '\0');
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GtkWidget) row = user_data;
  Editor *editor = g_object_get_data (G_OBJECT (row), "editor");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_async_result_is_tagged (result, rapport_template_store_save_async))
    ok = rapport_template_store_save_finish (RAPPORT_TEMPLATE_STORE (object), result, &error) != 0;
  else if (g_async_result_is_tagged (result, rapport_template_store_reset_async))
    ok = rapport_template_store_reset_finish (RAPPORT_TEMPLATE_STORE (object), result, &error);
  else
    ok = rapport_template_store_delete_finish (RAPPORT_TEMPLATE_STORE (object), result, &error);

  /* On success the store's "changed" lists the templates again. */
  if (!ok && editor != NULL)
    {
      /* Translators: %s is an error message */
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), error->message);

      show_status (editor, text);
    }
}

static void
save_clicked_cb (GtkButton *button,
                 Editor    *editor)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  g_autoptr(RapportTemplate) edited = rapport_template_copy (editor->template);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor->body);
  g_autofree char *body = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  rapport_template_set_name (edited, gtk_editable_get_text (GTK_EDITABLE (editor->name)));
  rapport_template_set_subject (edited, gtk_editable_get_text (GTK_EDITABLE (editor->subject)));
  rapport_template_set_body (edited, body);
  g_free (editor->self->expand_name);
  editor->self->expand_name = g_strdup (rapport_template_get_name (edited));
  show_status (editor, NULL);
  rapport_template_store_save_async (editor->self->store, edited, NULL, written_cb, g_object_ref (row));
}

static void
remove_clicked_cb (GtkButton *button,
                   Editor    *editor)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_EXPANDER_ROW);
  const char *key = rapport_template_get_key (editor->template);

  if (key != NULL)
    rapport_template_store_reset_async (editor->self->store, key, NULL, written_cb, g_object_ref (row));
  else
    rapport_template_store_delete_async (editor->self->store, rapport_template_get_id (editor->template),
                                         NULL, written_cb, g_object_ref (row));
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
template_row (RapportTemplatesPreferences *self,
              RapportTemplate             *template)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *remove = NULL;
  Editor *editor = g_new0 (Editor, 1);
  const char *key = rapport_template_get_key (template);

  rapport_accessible_set_clean_name (save);

  editor->self = self;
  editor->template = g_object_ref (template);
  editor->name = GTK_ENTRY (gtk_entry_new ());
  editor->subject = GTK_ENTRY (gtk_entry_new ());
  editor->body = GTK_TEXT_VIEW (gtk_text_view_new ());
  editor->status = GTK_LABEL (gtk_label_new (NULL));
  g_object_set_data_full (G_OBJECT (row), "editor", editor, editor_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_template_get_name (template));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row),
                                 key == NULL ? _("Your own")
                                 : rapport_template_get_modified (template) ? _("Built-in, edited")
                                 : _("Built-in"));

  gtk_editable_set_text (GTK_EDITABLE (editor->name), rapport_template_get_name (template));
  gtk_editable_set_text (GTK_EDITABLE (editor->subject), rapport_template_get_subject (template));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->body), rapport_template_get_body (template), -1);
  gtk_text_view_set_wrap_mode (editor->body, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (editor->body, FALSE);
  gtk_text_view_set_left_margin (editor->body, 6);
  gtk_text_view_set_right_margin (editor->body, 6);
  gtk_text_view_set_top_margin (editor->body, 6);
  gtk_text_view_set_bottom_margin (editor->body, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->subject), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Subject"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->body), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (editor->body));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, -1, 220);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_label_set_wrap (editor->status, TRUE);
  gtk_label_set_xalign (editor->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (editor->status), "error");
  gtk_widget_set_visible (GTK_WIDGET (editor->status), FALSE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  /* a built-in template keeps its name, which follows the language */
  if (key == NULL)
    gtk_box_append (GTK_BOX (box), labelled (_("_Name"), GTK_WIDGET (editor->name)));
  gtk_box_append (GTK_BOX (box), labelled (_("S_ubject"), GTK_WIDGET (editor->subject)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Message"), scrolled));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->status));

  if (key == NULL)
    remove = gtk_button_new_with_mnemonic (_("_Delete"));
  else if (rapport_template_get_modified (template))
    remove = gtk_button_new_with_mnemonic (_("_Reset to Built-in"));
  if (remove != NULL)
    {
      rapport_accessible_set_clean_name (remove);
      gtk_widget_add_css_class (remove, key == NULL ? "destructive-action" : "flat");
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), editor);
      gtk_box_append (GTK_BOX (buttons), remove);
    }
  gtk_widget_set_hexpand (save, TRUE);
  gtk_widget_set_halign (save, GTK_ALIGN_END);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (save_clicked_cb), editor);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
  return row;
}

/* }}} */
/* Listing {{{ */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportTemplatesPreferences *self = user_data;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  templates = rapport_template_store_list_finish (RAPPORT_TEMPLATE_STORE (object), result, &error);
  if (templates == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the templates: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < templates->len; i++)
    {
      RapportTemplate *template = g_ptr_array_index (templates, i);
      GtkWidget *row = template_row (self, template);

      if (g_strcmp0 (self->expand_name, rapport_template_get_name (template)) == 0)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_list_box_append (self->list, row);
    }
  g_clear_pointer (&self->expand_name, g_free);
}

static void
reload (RapportTemplatesPreferences *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  rapport_template_store_list_async (self->store, self->cancellable, listed_cb, self);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (rapport_template_store_save_finish (RAPPORT_TEMPLATE_STORE (object), result, &error) == 0)
    g_warning ("Could not add a template: %s", error->message);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportTemplatesPreferences *self = RAPPORT_TEMPLATES_PREFERENCES (widget);
  g_autoptr(RapportTemplate) template = NULL;

  template = rapport_template_new (_("New Template"), "", _("Dear {first_name},\n\n\n\nKind regards,\n{my_name}"));
  g_free (self->expand_name);
  self->expand_name = g_strdup (rapport_template_get_name (template));
  rapport_template_store_save_async (self->store, template, NULL, added_cb, NULL);
}

static void
fill_placeholders (RapportTemplatesPreferences *self)
{
  const char * const *names = rapport_placeholder_get_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("{%s}", names[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_placeholder_get_description (names[i]));
      adw_preferences_group_add (self->placeholders_group, row);
    }
}

/* }}} */
/* GObject {{{ */

static void
rapport_templates_preferences_dispose (GObject *object)
{
  RapportTemplatesPreferences *self = RAPPORT_TEMPLATES_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->expand_name, g_free);

  G_OBJECT_CLASS (rapport_templates_preferences_parent_class)->dispose (object);
}

static void
rapport_templates_preferences_class_init (RapportTemplatesPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_templates_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-templates-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTemplatesPreferences, list);
  gtk_widget_class_bind_template_child (widget_class, RapportTemplatesPreferences, placeholders_group);
  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_action);
}

static void
rapport_templates_preferences_init (RapportTemplatesPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  fill_placeholders (self);
}

/* }}} */

void
rapport_templates_preferences_set_store (RapportTemplatesPreferences *self,
                                         RapportTemplateStore        *store)
{
  g_return_if_fail (RAPPORT_IS_TEMPLATES_PREFERENCES (self));
  g_return_if_fail (RAPPORT_IS_TEMPLATE_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}
