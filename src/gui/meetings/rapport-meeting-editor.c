/* rapport-meeting-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-picker.h"
#include "rapport-date-time-group.h"
#include "rapport-accessible.h"
#include "rapport-meeting-editor.h"
#include "rapport-toast.h"
#include "rapport-shortcut.h"

/* Schedules a meeting or edits one. The date and time are the user's local
 * ones, turned into a UTC instant only on saving, so that a meeting set
 * across a change to or from summer time still starts at the hour typed. */
struct _RapportMeetingEditor
{
  AdwWindow             parent_instance;

  RapportMeetingStore  *store;
  RapportMeeting       *meeting;   /* a copy: edited here, saved on Save */
  gboolean              setting_length;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *message_group;
  GtkLabel             *message_label;
  AdwActionRow         *contact_row;
  RapportContactPicker *contact_picker;
  RapportDateTimeGroup *when_group;
  GtkToggleButton      *length_15;
  GtkToggleButton      *length_20;
  GtkToggleButton      *length_30;
  GtkSpinButton        *length_spin;
  AdwEntryRow          *place_row;
  AdwEntryRow          *purpose_row;
  GtkWidget            *status_group;
  AdwComboRow          *status_row;
};

G_DEFINE_FINAL_TYPE (RapportMeetingEditor, rapport_meeting_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static gboolean
is_new (RapportMeetingEditor *self)
{
  return rapport_meeting_get_id (self->meeting) == 0;
}

static void
show_message (RapportMeetingEditor *self,
              const char           *message,
              const char           *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), style);
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (self->message_group, message != NULL && message[0] != '\0');
}

static gboolean
validate (RapportMeetingEditor *self)
{
  g_autoptr(GDateTime) start = rapport_date_time_group_dup_date_time (self->when_group);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean has_contact = rapport_contact_picker_get_contact_id (self->contact_picker) != 0;

  if (!has_contact)
    show_message (self, _("Choose whom you are meeting."), "dim-label");
  else if (is_new (self) && start != NULL && g_date_time_compare (start, now) < 0)
    show_message (self, _("This time has already passed. You can still save it, for instance to record a "
                          "meeting that took place."), "warning");
  else
    show_message (self, NULL, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", has_contact && start != NULL);
  return has_contact && start != NULL;
}

static void
set_length (RapportMeetingEditor *self,
            int                   minutes)
{
  self->setting_length = TRUE;
  gtk_spin_button_set_value (self->length_spin, minutes);
  gtk_toggle_button_set_active (self->length_15, minutes == 15);
  gtk_toggle_button_set_active (self->length_20, minutes == 20);
  gtk_toggle_button_set_active (self->length_30, minutes == 30);
  self->setting_length = FALSE;
}

/* }}} */
/* Callbacks {{{ */

static void
validate_cb (RapportMeetingEditor *self)
{
  validate (self);
}

static void
picker_error_cb (RapportMeetingEditor *self,
                 const char           *message)
{
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (message));
}

/* "09:05" reads as a time; "9:5" does not. */
static void
quick_length_cb (RapportMeetingEditor *self,
                 GtkToggleButton      *button)
{
  if (self->setting_length || !gtk_toggle_button_get_active (button))
    return;
  set_length (self, button == self->length_15 ? 15 : button == self->length_20 ? 20 : 30);
}

static void
length_changed_cb (RapportMeetingEditor *self)
{
  if (!self->setting_length)
    set_length (self, gtk_spin_button_get_value_as_int (self->length_spin));
}

static void
entry_activated_cb (RapportMeetingEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportMeetingEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rapport_meeting_store_save_finish (RAPPORT_MEETING_STORE (object), result, &error);
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
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (widget);
  RapportMeeting *meeting = self->meeting;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *place = NULL;
  g_autofree char *purpose = NULL;

  if (!validate (self))
    return;

  start = rapport_date_time_group_dup_date_time (self->when_group);
  place = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row))));
  purpose = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row))));

  rapport_meeting_set_contact_id (meeting, rapport_contact_picker_get_contact_id (self->contact_picker));
  rapport_meeting_set_starts_at (meeting, g_date_time_to_unix (start));
  rapport_meeting_set_duration (meeting, gtk_spin_button_get_value_as_int (self->length_spin));
  rapport_meeting_set_place (meeting, place);
  rapport_meeting_set_purpose (meeting, purpose);
  if (!is_new (self) && adw_combo_row_get_selected (self->status_row) < RAPPORT_N_MEETING_STATUSES)
    rapport_meeting_set_status (meeting, adw_combo_row_get_selected (self->status_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rapport_meeting_store_save_async (self->store, meeting, NULL, saved_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
rapport_meeting_editor_dispose (GObject *object)
{
  RapportMeetingEditor *self = RAPPORT_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rapport_meeting_editor_parent_class)->dispose (object);
}

static void
rapport_meeting_editor_class_init (RapportMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_editor_dispose;

  /**
   * RapportMeetingEditor::saved:
   * @meeting_id: the saved meeting
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RAPPORT_TYPE_CONTACT_PICKER);
  g_type_ensure (RAPPORT_TYPE_DATE_TIME_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, message_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, contact_picker);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, length_15);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, length_20);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, length_30);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, status_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingEditor, status_row);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_length_cb);
  gtk_widget_class_bind_template_callback (widget_class, length_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
}

static void
rapport_meeting_editor_init (RapportMeetingEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "editor.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));

  for (guint i = 0; i < RAPPORT_N_MEETING_STATUSES; i++)
    gtk_string_list_append (statuses, rapport_meeting_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  rapport_contact_picker_set_labels (self->contact_picker, _("Contact"), _("Search for the Person You Are Meeting"));
  rapport_contact_picker_set_can_create (self->contact_picker, TRUE);
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_meeting_editor_new:
 * @meeting: (nullable): the meeting to edit, or %NULL to schedule one
 * @default_length: the length of a new meeting, in minutes
 */
GtkWidget *
rapport_meeting_editor_new (RapportMeetingStore *store,
                            RapportMeeting      *meeting,
                            int                  default_length)
{
  RapportMeetingEditor *self;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (store), NULL);
  g_return_val_if_fail (!meeting || RAPPORT_IS_MEETING (meeting), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_EDITOR, NULL);
  self->store = g_object_ref (store);
  rapport_contact_picker_set_store (self->contact_picker, rapport_meeting_store_get_contact_store (store));

  if (meeting != NULL)
    {
      self->meeting = rapport_meeting_copy (meeting);
      local = rapport_meeting_dup_local_start (meeting);
      rapport_contact_picker_set_contact (self->contact_picker, rapport_meeting_get_contact_id (meeting),
                                          rapport_meeting_get_contact_name (meeting));
      set_length (self, rapport_meeting_get_duration (meeting));
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), rapport_meeting_get_place (meeting));
      gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), rapport_meeting_get_purpose (meeting));
      adw_combo_row_set_selected (self->status_row, rapport_meeting_get_status (meeting));
    }
  else
    {
      /* Tomorrow at ten: most such meetings are asked for a few days ahead. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

      local = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                     g_date_time_get_day_of_month (tomorrow), 10, 0, 0);
      self->meeting = rapport_meeting_new (0, g_date_time_to_unix (local), CLAMP (default_length, 5, 240));
      set_length (self, CLAMP (default_length, 5, 240));
    }

  rapport_date_time_group_set_date_time (self->when_group, local);

  gtk_window_set_title (GTK_WINDOW (self), is_new (self) ? _("Schedule Meeting") : _("Edit Meeting"));
  gtk_widget_set_visible (self->status_group, !is_new (self));

  validate (self);
  return GTK_WIDGET (self);
}

static void
contact_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RapportMeetingEditor) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  RapportContact *contact;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, NULL);
  if (contacts == NULL || contacts->len == 0)
    return;

  contact = g_ptr_array_index (contacts, 0);
  if (rapport_contact_get_id (contact) == rapport_contact_picker_get_contact_id (self->contact_picker))
    rapport_meeting_editor_set_contact (self, rapport_contact_get_id (contact),
                                        rapport_contact_get_display_name (contact),
                                        !gtk_widget_get_visible (GTK_WIDGET (self->contact_picker)));
}

/**
 * rapport_meeting_editor_set_contact:
 * @name: (nullable): the contact's name, or %NULL to look it up
 * @fixed: whether the contact may no longer be changed, as when the
 *   meeting is scheduled from the contact's own page
 */
void
rapport_meeting_editor_set_contact (RapportMeetingEditor *self,
                                    gint64                contact_id,
                                    const char           *name,
                                    gboolean              fixed)
{
  g_return_if_fail (RAPPORT_IS_MEETING_EDITOR (self));

  rapport_contact_picker_set_contact (self->contact_picker, contact_id, name);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_picker), !fixed);
  adw_action_row_set_subtitle (self->contact_row, fixed && name ? name : "");
  if (fixed)
    gtk_widget_add_css_class (GTK_WIDGET (self->contact_row), "property");
  validate (self);

  if (name == NULL && contact_id != 0)
    rapport_contact_store_load_async (rapport_meeting_store_get_contact_store (self->store), &contact_id, 1,
                                      NULL, contact_loaded_cb, g_object_ref (self));
}

/* }}} */
