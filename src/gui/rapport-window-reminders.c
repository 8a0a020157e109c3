/* rapport-window-reminders.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-template.h"
#include "rapport-application.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"
#include "rapport-reminder-editor.h"

/* The window's actions on reminders, with a reminder's or a contact's id as
 * target, for the Today page, a contact's page and notifications alike:
 * make one of one's own, edit it, and write the message a reminder asks
 * for. */

static void
show_editor (RapportWindow   *self,
             RapportReminder *reminder,
             gint64           contact_id)
{
  GtkWidget *editor;

  editor = rapport_reminder_editor_new (rapport_context_get_reminder_store (_rapport_window_get_context (self)),
                                        rapport_context_get_contact_store (_rapport_window_get_context (self)), reminder);
  if (contact_id != 0)
    rapport_reminder_editor_set_contact (RAPPORT_REMINDER_EDITOR (editor), contact_id, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

/* The target is the contact the reminder is about; 0 for none yet. */
static void
new_reminder_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  show_editor (user_data, NULL, g_variant_get_int64 (parameter));
}

static RapportReminder *
finish_load (RapportWindow *self,
             GObject       *object,
             GAsyncResult  *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RapportReminder *reminder;

  reminder = rapport_reminder_store_load_finish (RAPPORT_REMINDER_STORE (object), result, &error);
  if (reminder == NULL)
    {
      /* Translators: %s is an error message */
      message = g_strdup_printf (_("Could not open the reminder: %s"), error->message);
      _rapport_window_add_toast (self, rapport_toast_new (message));
    }
  return reminder;
}

static void
loaded_for_edit_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(RapportReminder) reminder = finish_load (self, object, result);

  if (reminder != NULL && rapport_reminder_get_kind (reminder) == RAPPORT_REMINDER_CUSTOM)
    show_editor (self, reminder, 0);
}

static void
loaded_for_write_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(RapportReminder) reminder = finish_load (self, object, result);

  const char *key;

  /* The contact's page, and over it the composer with the fitting message. */
  if (reminder == NULL || rapport_reminder_get_contact_id (reminder) == 0)
    return;
  key = rapport_template_key_for_reminder (rapport_reminder_get_kind (reminder));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-contact", "x",
                              rapport_reminder_get_contact_id (reminder));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.write", "(xxs)", rapport_reminder_get_contact_id (reminder),
                              rapport_reminder_get_meeting_id (reminder), key != NULL ? key : "");
}

/* Only one of the user's own can be edited. */
static void
edit_reminder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RapportWindow *self = user_data;

  rapport_reminder_store_load_async (rapport_context_get_reminder_store (_rapport_window_get_context (self)),
                                     g_variant_get_int64 (parameter), NULL, loaded_for_edit_cb,
                                     g_object_ref (self));
}

/* Writes the message the reminder asks for (a follow-up, a thank-you).
 * The composer is to be wired here. */
static void
write_reminder_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RapportWindow *self = user_data;

  rapport_reminder_store_load_async (rapport_context_get_reminder_store (_rapport_window_get_context (self)),
                                     g_variant_get_int64 (parameter), NULL, loaded_for_write_cb,
                                     g_object_ref (self));
}

static const GActionEntry reminder_actions[] = {
  { "new-reminder", new_reminder_action, "x" },
  { "edit-reminder", edit_reminder_action, "x" },
  { "write-reminder", write_reminder_action, "x" },
};

void
_rapport_window_add_reminder_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), reminder_actions, G_N_ELEMENTS (reminder_actions), self);
}
