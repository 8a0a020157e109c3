/* rapport-category-name-dialog.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-category-name-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-category-name-dialog.h"
#include "rapport-toast.h"

/* Asks for the name of a new question category, or a new name for one: a
 * message dialog with an entry, since one line is all there is to fill in. */

typedef struct
{
  RapportQuestionStore *store;
  AdwToastOverlay      *toasts;
  gint64                category_id;   /* 0 for a new category */
} NameDialog;

static void
name_dialog_free (gpointer data,
                  GClosure *closure)
{
  NameDialog *dialog = data;

  g_clear_object (&dialog->store);
  g_clear_object (&dialog->toasts);
  g_free (dialog);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  g_autoptr(GError) error = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == rapport_question_store_add_category_async)
    rapport_question_store_add_category_finish (RAPPORT_QUESTION_STORE (object), result, &error);
  else
    rapport_question_store_rename_category_finish (RAPPORT_QUESTION_STORE (object), result, &error);

  if (error != NULL)
    rapport_widget_add_toast (GTK_WIDGET (toasts), rapport_toast_new (error->message));
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             NameDialog       *data)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));

  if (!g_str_equal (response, "save"))
    return;

  if (data->category_id == 0)
    rapport_question_store_add_category_async (data->store, name, NULL, saved_cb, g_object_ref (data->toasts));
  else
    rapport_question_store_rename_category_async (data->store, data->category_id, name, NULL,
                                                  saved_cb, g_object_ref (data->toasts));
}

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

/**
 * rapport_category_name_dialog_present:
 * @category_id: the category to rename, or 0 to add one
 * @toasts: where a refusal (an empty or taken name) is shown
 */
void
rapport_category_name_dialog_present (GtkWindow            *parent,
                                      RapportQuestionStore *store,
                                      gint64                category_id,
                                      const char           *current_name,
                                      AdwToastOverlay      *toasts)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  NameDialog *data = g_new0 (NameDialog, 1);

  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (store));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data->store = g_object_ref (store);
  data->toasts = g_object_ref (toasts);
  data->category_id = category_id;

  dialog = adw_message_dialog_new (parent, category_id == 0 ? _("New Category") : _("Rename Category"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", category_id == 0 ? _("_Add") : _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), current_name ? current_name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Category Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), data, name_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
