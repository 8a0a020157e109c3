/* rapport-meeting-prep.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-prep"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-meeting-editor.h"
#include "rapport-accessible.h"
#include "rapport-meeting-prep.h"
#include "rapport-meeting-research.h"
#include "rapport-meeting-row.h"
#include "rapport-text.h"

/* Everything to prepare one meeting: when and where, the questions, the
 * research on the person and their organisation, the user's own short
 * introduction, a checklist for the day and answers to the usual
 * objections. Starting the meeting, and exporting it, are the window's. */
struct _RapportMeetingPrep
{
  GtkWidget               parent_instance;

  RapportMeetingStore    *store;
  GSettings              *settings;
  RapportMeeting         *meeting;
  GCancellable           *cancellable;
  gint64                  meeting_id;
  GtkCheckButton         *checks[RAPPORT_N_CHECKLIST_ITEMS];
  gboolean                updating_checks;

  /* Template children */
  GtkWidget              *back_button;
  GtkLabel               *title_label;
  GtkLabel               *subtitle_label;
  GtkWidget              *status_tag;
  GtkWidget              *start_button;
  AdwActionRow           *contact_row;
  AdwActionRow           *when_row;
  AdwActionRow           *length_row;
  AdwActionRow           *place_row;
  GtkWidget              *place_link;
  AdwActionRow           *purpose_row;
  GtkWidget              *calendar_row;
  GtkWidget              *export_row;
  AdwBin                 *questions_bin;
  RapportMeetingResearch *research;
  GtkTextView            *introduction_view;
  GtkListBox             *checklist;
};

G_DEFINE_FINAL_TYPE (RapportMeetingPrep, rapport_meeting_prep, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEETING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const checklist_items[RAPPORT_N_CHECKLIST_ITEMS] = {
  N_("Confirm the day, time and place the day before"),
  N_("Have your questions ready, three or more"),
  N_("Dress one step smarter than their workplace"),
  N_("Bring a notebook and a pen"),
  N_("Arrive, or join the call, five minutes early"),
  N_("Ask whether you may take notes"),
  N_("Leave your résumé at home unless they ask for it"),
};

static void reload (RapportMeetingPrep *self);

/* Helpers {{{ */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  adw_action_row_set_subtitle (row, value ? value : "");
}

static void
set_target (GtkWidget *widget,
            gint64     id)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (widget), g_variant_new_int64 (id));
}

static void
fill (RapportMeetingPrep *self)
{
  RapportMeeting *meeting = self->meeting;
  const char *name = rapport_meeting_get_contact_name (meeting);
  const char *organisation = rapport_meeting_get_organisation (meeting);
  const char *place = rapport_meeting_get_place (meeting);
  g_autofree char *when = rapport_meeting_format_when (meeting);
  g_autofree char *length = rapport_meeting_format_length (rapport_meeting_get_duration (meeting));
  g_autofree char *contact = rapport_meeting_format_contact (meeting);
  g_autofree char *subtitle = NULL;
  gint64 id = rapport_meeting_get_id (meeting);
  guint done = rapport_meeting_get_agenda_done (meeting) >> RAPPORT_CHECKLIST_FIRST_BIT;
  gboolean is_link = place != NULL && rapport_text_is_web_url (place);

  if (organisation != NULL && organisation[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s", organisation, when);
  else
    subtitle = g_strdup (when);

  gtk_label_set_label (self->title_label, name && *name ? name : _("Unknown contact"));
  gtk_label_set_label (self->subtitle_label, subtitle);
  rapport_meeting_status_tag_set (self->status_tag, rapport_meeting_get_status (meeting));

  set_row (self->contact_row, contact);
  set_row (self->when_row, when);
  set_row (self->length_row, length);
  set_row (self->place_row, place);
  set_row (self->purpose_row, rapport_meeting_get_purpose (meeting));
  gtk_widget_set_visible (self->place_link, is_link);
  if (is_link)
    gtk_link_button_set_uri (GTK_LINK_BUTTON (self->place_link), place);

  gtk_widget_set_visible (self->start_button, rapport_meeting_status_is_open (rapport_meeting_get_status (meeting)));
  set_target (self->start_button, id);
  set_target (GTK_WIDGET (self->contact_row), rapport_meeting_get_contact_id (meeting));
  set_target (self->calendar_row, id);
  set_target (self->export_row, id);

  self->updating_checks = TRUE;
  for (guint i = 0; i < RAPPORT_N_CHECKLIST_ITEMS; i++)
    gtk_check_button_set_active (self->checks[i], (done & (1u << i)) != 0);
  self->updating_checks = FALSE;

  rapport_meeting_research_set_contact_id (self->research, rapport_meeting_get_contact_id (meeting));
}

static void
report_error (RapportMeetingPrep *self,
              const char         *what,
              const GError       *error)
{
  /* Translators: the first %s says what failed, the second why */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), what, error->message);

  g_warning ("%s", message);
  gtk_widget_activate_action (GTK_WIDGET (self), "meetings.toast", "s", message);
}

/* }}} */
/* Callbacks {{{ */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportMeetingPrep *self = user_data;
  g_autoptr(GError) error = NULL;
  RapportMeeting *meeting;

  meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, NULL, &error);
  if (meeting == NULL)
    {
      /* Not found: deleted meanwhile, and the page shows something else. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not load the meeting: %s", error->message);
      return;
    }

  g_clear_object (&self->meeting);
  self->meeting = meeting;
  fill (self);
}

static void
store_changed_cb (RapportMeetingPrep *self,
                  gint64              meeting_id)
{
  if (meeting_id == self->meeting_id && meeting_id != 0)
    reload (self);
}

static void
checklist_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportMeetingPrep) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_meeting_store_save_notes_finish (RAPPORT_MEETING_STORE (object), result, &error))
    report_error (self, _("The checklist could not be saved"), error);
}

/* The meeting is read afresh, so that notes taken meanwhile in the meeting
 * window are written back as they are. */
static void
checklist_reloaded_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RapportMeetingPrep) self = user_data;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  guint agenda;

  meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, NULL, &error);
  if (meeting == NULL)
    {
      if (error != NULL)
        report_error (self, _("The checklist could not be saved"), error);
      return;
    }
  if (rapport_meeting_get_id (meeting) != self->meeting_id)
    return;

  agenda = rapport_meeting_get_agenda_done (meeting) & ((1u << RAPPORT_CHECKLIST_FIRST_BIT) - 1);
  for (guint i = 0; i < RAPPORT_N_CHECKLIST_ITEMS; i++)
    if (gtk_check_button_get_active (self->checks[i]))
      agenda |= 1u << (RAPPORT_CHECKLIST_FIRST_BIT + i);

  rapport_meeting_store_save_notes_async (self->store, self->meeting_id, rapport_meeting_get_notes (meeting),
                                          agenda, NULL, checklist_saved_cb, g_object_ref (self));
}

static void
check_toggled_cb (RapportMeetingPrep *self)
{
  if (self->updating_checks || self->meeting_id == 0)
    return;
  rapport_meeting_store_load_async (self->store, self->meeting_id, NULL, checklist_reloaded_cb,
                                    g_object_ref (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportMeetingPrep) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_meeting_store_delete_finish (RAPPORT_MEETING_STORE (object), result, &error))
    report_error (self, _("The meeting could not be deleted"), error);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.toast", "s", _("Meeting deleted"));
}

static void
delete_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    RapportMeetingPrep *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "meeting-id");

  if (g_strcmp0 (response, "delete") == 0)
    rapport_meeting_store_delete_async (self->store, id, NULL, deleted_cb, g_object_ref (self));
}

/* }}} */
/* Actions {{{ */

/* A message about this meeting: the confirmation before it, the
 * thank-you after (the window's composer picks the fitting one). */
static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportMeetingPrep *self = RAPPORT_MEETING_PREP (widget);

  if (self->meeting == NULL)
    return;
  gtk_widget_activate_action (widget, "win.write", "(xxs)", rapport_meeting_get_contact_id (self->meeting),
                              rapport_meeting_get_id (self->meeting), "");
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportMeetingPrep *self = RAPPORT_MEETING_PREP (widget);
  GtkWidget *editor;

  if (self->meeting == NULL)
    return;

  editor = rapport_meeting_editor_new (self->store, self->meeting, g_settings_get_int (self->settings, "meeting-length"));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMeetingPrep *self = RAPPORT_MEETING_PREP (widget);
  g_autofree char *when = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 id;

  if (self->meeting == NULL)
    return;

  id = rapport_meeting_get_id (self->meeting);
  when = rapport_meeting_format_when (self->meeting);
  contact = rapport_meeting_format_contact (self->meeting);
  /* Translators: the first %s is a contact, the second a date and time */
  body = g_strdup_printf (_("The meeting with %s on %s, with its questions and notes, will be deleted."),
                          contact, when);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Meeting?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "meeting-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* }}} */
/* GObject {{{ */

static void
reload (RapportMeetingPrep *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->meeting_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  rapport_meeting_store_load_async (self->store, self->meeting_id, self->cancellable, loaded_cb, self);
}

static void
rapport_meeting_prep_dispose (GObject *object)
{
  RapportMeetingPrep *self = RAPPORT_MEETING_PREP (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_PREP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rapport_meeting_prep_parent_class)->dispose (object);
}

static void
rapport_meeting_prep_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportMeetingPrep *self = RAPPORT_MEETING_PREP (object);

  switch (prop_id)
    {
    case PROP_MEETING_ID:
      g_value_set_int64 (value, self->meeting_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_prep_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MEETING_ID:
      rapport_meeting_prep_set_meeting_id (RAPPORT_MEETING_PREP (object), g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_prep_class_init (RapportMeetingPrepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_prep_dispose;
  object_class->get_property = rapport_meeting_prep_get_property;
  object_class->set_property = rapport_meeting_prep_set_property;

  /* What the questions in questions_bin should follow. */
  properties[PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_MEETING_RESEARCH);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-meeting-prep.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, status_tag);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, start_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, when_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, length_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, place_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, place_link);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, export_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, questions_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, research);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, introduction_view);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingPrep, checklist);

  gtk_widget_class_install_action (widget_class, "prep.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "prep.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "prep.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "prep.edit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_meeting_prep_init (RapportMeetingPrep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  for (guint i = 0; i < RAPPORT_N_CHECKLIST_ITEMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(checklist_items[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      rapport_accessible_set_clean_name (check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_list_box_append (self->checklist, row);
      self->checks[i] = GTK_CHECK_BUTTON (check);
    }
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_meeting_prep_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEETING_PREP, NULL);
}

void
rapport_meeting_prep_set_store (RapportMeetingPrep  *self,
                                RapportMeetingStore *store,
                                GSettings           *settings)
{
  g_return_if_fail (RAPPORT_IS_MEETING_PREP (self));
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rapport_meeting_research_set_store (self->research, rapport_meeting_store_get_contact_store (store));
  g_settings_bind (settings, "introduction", gtk_text_view_get_buffer (self->introduction_view), "text",
                   G_SETTINGS_BIND_DEFAULT);
  reload (self);
}

gint64
rapport_meeting_prep_get_meeting_id (RapportMeetingPrep *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_PREP (self), 0);
  return self->meeting_id;
}

void
rapport_meeting_prep_set_meeting_id (RapportMeetingPrep *self,
                                     gint64              meeting_id)
{
  g_return_if_fail (RAPPORT_IS_MEETING_PREP (self));

  if (self->meeting_id == meeting_id)
    return;

  self->meeting_id = meeting_id;
  g_clear_object (&self->meeting);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING_ID]);
}

/**
 * rapport_meeting_prep_get_meeting:
 *
 * Returns: (transfer none) (nullable): the meeting as last loaded
 */
RapportMeeting *
rapport_meeting_prep_get_meeting (RapportMeetingPrep *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_PREP (self), NULL);
  return self->meeting;
}

/**
 * rapport_meeting_prep_get_questions_bin:
 *
 * Returns: (transfer none): where the meeting's questions go
 */
AdwBin *
rapport_meeting_prep_get_questions_bin (RapportMeetingPrep *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_PREP (self), NULL);
  return self->questions_bin;
}

void
rapport_meeting_prep_set_show_back (RapportMeetingPrep *self,
                                    gboolean            show_back)
{
  g_return_if_fail (RAPPORT_IS_MEETING_PREP (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

/* }}} */
