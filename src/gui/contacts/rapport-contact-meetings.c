/* rapport-contact-meetings.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-contact-meetings.h"
#include "rapport-meeting-row.h"

/* One contact's meetings on their page. A meeting opens on the meetings
 * page, where it is prepared; scheduling goes through the window, which
 * knows the default length. */
struct _RapportContactMeetings
{
  GtkWidget            parent_instance;

  RapportMeetingStore *store;
  GCancellable        *cancellable;
  gint64               contact_id;

  /* Template children */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (RapportContactMeetings, rapport_contact_meetings, GTK_TYPE_WIDGET)

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportContactMeetings *self = user_data;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  meetings = rapport_meeting_store_list_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (meetings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the meetings: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < meetings->len; i++)
    {
      RapportMeeting *meeting = g_ptr_array_index (meetings, i);
      GtkWidget *row = rapport_meeting_row_new (meeting, FALSE);
      GtkWidget *button = gtk_button_new_from_icon_name ("go-next-symbolic");

      /* A real button, as on contact links: something for the keyboard,
       * the pointer and assistive technologies to press alike. */
      gtk_widget_set_tooltip_text (button, _("Prepare for This Meeting"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rapport_meeting_get_id (meeting));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->list, row);
    }

  if (meetings->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No meetings yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("When they agree to talk, schedule the meeting here."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->list, row);
    }
}

static void
reload (RapportContactMeetings *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->contact_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  rapport_meeting_store_list_async (self->store, RAPPORT_MEETING_LIST_CONTACT, self->contact_id,
                                    self->cancellable, listed_cb, self);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportContactMeetings *self = RAPPORT_CONTACT_MEETINGS (widget);

  if (self->contact_id != 0)
    gtk_widget_activate_action (widget, "win.schedule-meeting", "x", self->contact_id);
}

static void
rapport_contact_meetings_dispose (GObject *object)
{
  RapportContactMeetings *self = RAPPORT_CONTACT_MEETINGS (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_MEETINGS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_meetings_parent_class)->dispose (object);
}

static void
rapport_contact_meetings_class_init (RapportContactMeetingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_meetings_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-meetings.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactMeetings, list);
  gtk_widget_class_install_action (widget_class, "contact-meetings.schedule", NULL, schedule_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_contact_meetings_init (RapportContactMeetings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_contact_meetings_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT_MEETINGS, NULL);
}

void
rapport_contact_meetings_set_store (RapportContactMeetings *self,
                                    RapportMeetingStore    *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_MEETINGS (self));
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
rapport_contact_meetings_set_contact_id (RapportContactMeetings *self,
                                         gint64                  contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_MEETINGS (self));

  if (self->contact_id == contact_id)
    return;
  self->contact_id = contact_id;
  reload (self);
}
