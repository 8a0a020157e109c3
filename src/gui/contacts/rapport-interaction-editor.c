/* rapport-interaction-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-interaction-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-interaction-editor.h"
#include "rapport-toast.h"
#include "rapport-shortcut.h"

/* Adds or edits one timeline entry. The stage changes are written by the
 * store itself, so they are not offered as a kind to add by hand. */
struct _RapportInteractionEditor
{
  AdwWindow            parent_instance;

  RapportContactStore *store;
  RapportInteraction  *entry;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwComboRow         *kind_row;
  AdwEntryRow         *when_row;
  AdwEntryRow         *summary_row;
  GtkTextView         *body_view;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RapportInteractionEditor, rapport_interaction_editor, ADW_TYPE_WINDOW)

#define N_EDITABLE_KINDS RAPPORT_INTERACTION_STAGE_CHANGE

static GDateTime *
parse_when (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  char extra;
  int n = sscanf (text, "%d-%d-%d %d:%d %c", &year, &month, &day, &hour, &minute, &extra);

  if (n != 3 && n != 5)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static gboolean
validate (RapportInteractionEditor *self)
{
  const char *when = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autofree char *summary = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->summary_row))));
  g_autoptr(GDateTime) parsed = parse_when (when);
  const char *message = NULL;

  if (parsed == NULL)
    message = _("Enter the date as year-month-day and the time as hours:minutes, e.g. 2026-03-14 09:30.");
  else if (summary[0] == '\0')
    message = _("Say in a few words what happened.");

  if (parsed == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->when_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->when_row), "error");

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", message == NULL);

  return message == NULL;
}

static void
validate_cb (RapportInteractionEditor *self)
{
  validate (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportInteractionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_contact_store_save_interaction_finish (RAPPORT_CONTACT_STORE (object), result, &error) == 0)
    {
      rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (error->message));
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
  RapportInteractionEditor *self = RAPPORT_INTERACTION_EDITOR (widget);
  g_autoptr(RapportInteraction) entry = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  if (!validate (self))
    return;

  when = parse_when (gtk_editable_get_text (GTK_EDITABLE (self->when_row)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* A stage change keeps its kind: only its words and time can be edited. */
  entry = rapport_interaction_new (rapport_interaction_get_contact_id (self->entry),
                                   gtk_widget_get_sensitive (GTK_WIDGET (self->kind_row))
                                     ? adw_combo_row_get_selected (self->kind_row)
                                     : rapport_interaction_get_kind (self->entry),
                                   when,
                                   gtk_editable_get_text (GTK_EDITABLE (self->summary_row)), body);
  rapport_interaction_set_id (entry, rapport_interaction_get_id (self->entry));

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rapport_contact_store_save_interaction_async (self->store, entry, NULL, saved_cb, g_object_ref (self));
}

static void
entry_activated_cb (RapportInteractionEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
rapport_interaction_editor_dispose (GObject *object)
{
  RapportInteractionEditor *self = RAPPORT_INTERACTION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INTERACTION_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (rapport_interaction_editor_parent_class)->dispose (object);
}

static void
rapport_interaction_editor_class_init (RapportInteractionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_interaction_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-interaction-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, summary_row);
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, RapportInteractionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
}

static void
rapport_interaction_editor_init (RapportInteractionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "editor.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));

  for (guint i = 0; i < N_EDITABLE_KINDS; i++)
    gtk_string_list_append (kinds, rapport_interaction_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * rapport_interaction_editor_new:
 * @entry: the entry to edit, or a new one (id 0) with its contact and kind
 */
GtkWidget *
rapport_interaction_editor_new (RapportContactStore *store,
                                RapportInteraction  *entry)
{
  RapportInteractionEditor *self;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  RapportInteractionKind kind;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_INTERACTION (entry), NULL);

  self = g_object_new (RAPPORT_TYPE_INTERACTION_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->entry = g_object_ref (entry);

  gtk_window_set_title (GTK_WINDOW (self), rapport_interaction_get_id (entry) == 0 ? _("New Timeline Entry")
                                                                                   : _("Edit Timeline Entry"));
  local = g_date_time_to_local (rapport_interaction_get_happened_at (entry));
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  kind = rapport_interaction_get_kind (entry);

  adw_combo_row_set_selected (self->kind_row, kind < N_EDITABLE_KINDS ? kind : RAPPORT_INTERACTION_NOTE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), kind < N_EDITABLE_KINDS);
  gtk_editable_set_text (GTK_EDITABLE (self->when_row), when);
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), rapport_interaction_get_summary (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), rapport_interaction_get_body (entry), -1);
  validate (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
  return GTK_WIDGET (self);
}
