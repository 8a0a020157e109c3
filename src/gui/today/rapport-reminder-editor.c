/* rapport-reminder-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-contact-picker.h"
#include "rapport-date-time-group.h"
#include "rapport-accessible.h"
#include "rapport-reminder-editor.h"
#include "rapport-toast.h"
#include "rapport-clock.h"
#include "rapport-shortcut.h"

/* The user's own reminder: what to do, when, and optionally for whom. As in
 * the meeting editor, the date and time are local and become an instant
 * only on saving. The text is kept as one string: its first line is the
 * title, the rest the details (rapport_reminder_dup_title()). */
struct _RapportReminderEditor
{
  AdwWindow             parent_instance;

  RapportReminderStore *store;
  RapportContactStore  *contacts;
  RapportReminder      *reminder;   /* NULL for a new one */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *message_group;
  GtkLabel             *message_label;
  AdwEntryRow          *text_row;
  AdwEntryRow          *details_row;
  RapportContactPicker *contact_picker;
  RapportDateTimeGroup *when_group;
};

G_DEFINE_FINAL_TYPE (RapportReminderEditor, rapport_reminder_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
show_message (RapportReminderEditor *self,
              const char            *message,
              const char            *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), style);
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (self->message_group, message != NULL && message[0] != '\0');
}

static char *
dup_text (RapportReminderEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  g_autofree char *details = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->details_row))));

  if (details[0] == '\0')
    return g_steal_pointer (&title);
  return g_strconcat (title, "\n", details, NULL);
}

static gboolean
validate (RapportReminderEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GDateTime) when = rapport_date_time_group_dup_date_time (self->when_group);
  gboolean ok = stripped[0] != '\0' && when != NULL;

  if (stripped[0] == '\0')
    show_message (self, _("Say what you want to be reminded of."), "dim-label");
  else if (when != NULL && g_date_time_to_unix (when) < rapport_clock_get_now ())
    show_message (self, _("This time has already passed: the reminder will be due at once."), "warning");
  else
    show_message (self, NULL, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ok);
  return ok;
}

/* }}} */
/* Callbacks {{{ */

static void
validate_cb (RapportReminderEditor *self)
{
  validate (self);
}

static void
picker_error_cb (RapportReminderEditor *self,
                 const char            *message)
{
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (message));
}

static void
entry_activated_cb (RapportReminderEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportReminderEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rapport_reminder_store_save_finish (RAPPORT_REMINDER_STORE (object), result, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if (id == 0)
    {
      /* Nothing typed is lost: the form stays open with the reason. */
      show_message (self, error->message, "error");
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportReminderEditor *self = RAPPORT_REMINDER_EDITOR (widget);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(RapportReminder) reminder = NULL;
  g_autofree char *text = NULL;
  gint64 contact_id;

  if (!validate (self))
    return;

  when = rapport_date_time_group_dup_date_time (self->when_group);
  text = dup_text (self);
  contact_id = rapport_contact_picker_get_contact_id (self->contact_picker);

  if (self->reminder == NULL)
    reminder = rapport_reminder_new_custom (text, g_date_time_to_unix (when), contact_id);
  else
    {
      reminder = g_object_ref (self->reminder);
      rapport_reminder_set_text (reminder, text);
      rapport_reminder_set_due_at (reminder, g_date_time_to_unix (when));
      rapport_reminder_set_contact_id (reminder, contact_id);
      /* A new time is a new start: no longer snoozed, to be shown again. */
      rapport_reminder_set_state (reminder, RAPPORT_REMINDER_PENDING);
      rapport_reminder_set_snoozed_until (reminder, 0);
      rapport_reminder_set_notified_at (reminder, 0);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rapport_reminder_store_save_async (self->store, reminder, NULL, saved_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
rapport_reminder_editor_dispose (GObject *object)
{
  RapportReminderEditor *self = RAPPORT_REMINDER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_REMINDER_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->contacts);
  g_clear_object (&self->reminder);

  G_OBJECT_CLASS (rapport_reminder_editor_parent_class)->dispose (object);
}

static void
rapport_reminder_editor_class_init (RapportReminderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_reminder_editor_dispose;

  /**
   * RapportReminderEditor::saved:
   * @reminder_id: the saved reminder
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RAPPORT_TYPE_CONTACT_PICKER);
  g_type_ensure (RAPPORT_TYPE_DATE_TIME_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-reminder-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, message_group);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, details_row);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, contact_picker);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderEditor, when_group);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
}

static void
rapport_reminder_editor_init (RapportReminderEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "editor.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));

  rapport_contact_picker_set_labels (self->contact_picker, _("Contact"), _("Search for a Contact"));
  rapport_contact_picker_set_none_label (self->contact_picker, _("Nobody"), _("A reminder for yourself alone"));
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_reminder_editor_new:
 * @contacts: for choosing the contact
 * @reminder: (nullable): one of the user's own reminders to edit, or %NULL
 *   for a new one
 */
GtkWidget *
rapport_reminder_editor_new (RapportReminderStore *store,
                             RapportContactStore  *contacts,
                             RapportReminder      *reminder)
{
  RapportReminderEditor *self;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (RAPPORT_IS_REMINDER_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (contacts), NULL);
  g_return_val_if_fail (!reminder || RAPPORT_IS_REMINDER (reminder), NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDER_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->contacts = g_object_ref (contacts);
  rapport_contact_picker_set_store (self->contact_picker, contacts);

  if (reminder != NULL)
    {
      const char *text = rapport_reminder_get_text (reminder);
      const char *newline = strchr (text, '\n');
      g_autofree char *title = newline ? g_strndup (text, newline - text) : g_strdup (text);

      self->reminder = g_object_ref (reminder);
      gtk_editable_set_text (GTK_EDITABLE (self->text_row), title);
      gtk_editable_set_text (GTK_EDITABLE (self->details_row), newline ? newline + 1 : "");
      rapport_contact_picker_set_contact (self->contact_picker, rapport_reminder_get_contact_id (reminder),
                                          rapport_reminder_get_contact_name (reminder));
      local = g_date_time_new_from_unix_local (rapport_reminder_get_when (reminder));
    }
  else
    {
      /* Tomorrow at nine: a reminder is mostly for a later day. */
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rapport_clock_get_now ());
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

      local = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                     g_date_time_get_day_of_month (tomorrow), 9, 0, 0);
    }

  rapport_date_time_group_set_date_time (self->when_group, local);

  gtk_window_set_title (GTK_WINDOW (self), reminder == NULL ? _("New Reminder") : _("Edit Reminder"));
  validate (self);
  return GTK_WIDGET (self);
}

static void
contact_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RapportReminderEditor) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  RapportContact *contact;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, NULL);
  if (contacts == NULL || contacts->len == 0)
    return;

  contact = g_ptr_array_index (contacts, 0);
  if (rapport_contact_get_id (contact) == rapport_contact_picker_get_contact_id (self->contact_picker))
    rapport_contact_picker_set_contact (self->contact_picker, rapport_contact_get_id (contact),
                                        rapport_contact_get_display_name (contact));
}

/**
 * rapport_reminder_editor_set_contact:
 * @name: (nullable): the contact's name, or %NULL to look it up
 *
 * Chooses the contact, as when the reminder is made from their page.
 */
void
rapport_reminder_editor_set_contact (RapportReminderEditor *self,
                                     gint64                 contact_id,
                                     const char            *name)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_EDITOR (self));

  rapport_contact_picker_set_contact (self->contact_picker, contact_id, name);
  if (name == NULL && contact_id != 0)
    rapport_contact_store_load_async (self->contacts, &contact_id, 1, NULL, contact_loaded_cb, g_object_ref (self));
}

/* }}} */
