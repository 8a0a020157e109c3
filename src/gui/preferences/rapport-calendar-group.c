/* rapport-calendar-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-calendar-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-calendar-group.h"

/* The Calendar group of Preferences: which of the user's calendars (those
 * evolution-data-server knows, from GNOME Online Accounts or local) the
 * meetings go to, and what the link's state is when it is not simply
 * working. Without EDS the row says so and nothing else changes. */
struct _RapportCalendarGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  RapportCalendarSync *sync;
  GCancellable        *cancellable;
  GPtrArray           *calendars;    /* of RapportEdsSource, as listed in the row after "None" */
  gboolean             filling;      /* the row is being filled, not chosen from */

  /* Template children */
  AdwComboRow         *calendar_row;
  GtkStringList       *calendar_names;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
};

G_DEFINE_FINAL_TYPE (RapportCalendarGroup, rapport_calendar_group, ADW_TYPE_PREFERENCES_GROUP)

/* Showing the state {{{ */

static void
show_status (RapportCalendarGroup *self,
             const char           *icon,
             const char           *title,
             const char           *subtitle)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), title != NULL);
  if (title == NULL)
    return;
  gtk_image_set_from_icon_name (self->status_icon, icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");
}

static void
state_changed_cb (RapportCalendarGroup *self)
{
  if (self->sync == NULL || self->calendars == NULL)
    return;

  switch (rapport_calendar_sync_get_state (self->sync))
    {
    case RAPPORT_CALENDAR_STATE_OFFLINE:
      show_status (self, "network-offline-symbolic", _("The calendar is offline"),
                   _("Changes are sent when it is back."));
      break;
    case RAPPORT_CALENDAR_STATE_FAILED:
      show_status (self, "dialog-warning-symbolic", _("Meetings are not reaching the calendar"),
                   rapport_calendar_sync_get_message (self->sync));
      break;
    case RAPPORT_CALENDAR_STATE_OFF:
    case RAPPORT_CALENDAR_STATE_CONNECTING:
    case RAPPORT_CALENDAR_STATE_READY:
    default:
      show_status (self, NULL, NULL, NULL);
      break;
    }
}

/* }}} */
/* The list of calendars {{{ */

static char *
label_for (const RapportEdsSource *info)
{
  if (info->account[0] == '\0')
    return g_strdup (info->name);
  /* Translators: a calendar in a list: its name, then its account, as in "Personal — On This Computer" */
  return g_strdup_printf (C_("calendar", "%s — %s"), info->name, info->account);
}

static void
select_current (RapportCalendarGroup *self)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "meeting-calendar");
  guint selected = 0;

  for (guint i = 0; i < self->calendars->len; i++)
    {
      RapportEdsSource *info = g_ptr_array_index (self->calendars, i);

      if (g_strcmp0 (info->uid, chosen) == 0)
        selected = i + 1;
    }

  /* A calendar chosen before that is gone (its account removed): shown as
   * such rather than silently replaced. */
  if (selected == 0 && *chosen != '\0')
    {
      g_ptr_array_add (self->calendars, rapport_eds_source_new (chosen, _("A calendar that no longer exists"), ""));
      gtk_string_list_append (self->calendar_names, _("A calendar that no longer exists"));
      selected = self->calendars->len;
    }
  self->filling = TRUE;
  adw_combo_row_set_selected (self->calendar_row, selected);
  self->filling = FALSE;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportCalendarGroup *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = rapport_calendar_sync_list_calendars_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  self->calendars = calendars != NULL ? g_ptr_array_ref (calendars)
                                      : g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_eds_source_free);
  self->filling = TRUE;
  gtk_string_list_splice (self->calendar_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->calendar_names)), NULL);
  /* Translators: no calendar chosen for the meetings */
  gtk_string_list_append (self->calendar_names, C_("calendar", "None"));
  for (guint i = 0; i < self->calendars->len; i++)
    {
      g_autofree char *label = label_for (g_ptr_array_index (self->calendars, i));

      gtk_string_list_append (self->calendar_names, label);
    }
  self->filling = FALSE;

  if (calendars == NULL)
    {
      g_debug ("No calendars: %s", error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_row), FALSE);
      show_status (self, "dialog-information-symbolic", _("Calendars are not available"),
                   _("Rapport uses evolution-data-server, the service behind GNOME Calendar, to reach your "
                     "calendars; it is not installed or not running."));
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar_row), TRUE);
  select_current (self);
  state_changed_cb (self);
}

static void
calendar_selected_cb (RapportCalendarGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->calendar_row);
  const char *uid = "";

  if (self->filling || self->calendars == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= self->calendars->len)
    uid = ((RapportEdsSource *) g_ptr_array_index (self->calendars, selected - 1))->uid;
  g_debug ("Meetings go to calendar “%s”", uid);
  g_settings_set_string (self->settings, "meeting-calendar", uid);
}

/* }}} */
/* GObject {{{ */

static void
rapport_calendar_group_dispose (GObject *object)
{
  RapportCalendarGroup *self = RAPPORT_CALENDAR_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sync);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->calendars, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CALENDAR_GROUP);

  G_OBJECT_CLASS (rapport_calendar_group_parent_class)->dispose (object);
}

static void
rapport_calendar_group_class_init (RapportCalendarGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_calendar_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-calendar-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarGroup, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarGroup, calendar_names);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCalendarGroup, status_icon);
  gtk_widget_class_bind_template_callback (widget_class, calendar_selected_cb);
}

static void
rapport_calendar_group_init (RapportCalendarGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* }}} */

void
rapport_calendar_group_set_sync (RapportCalendarGroup *self,
                                 GSettings            *settings,
                                 RapportCalendarSync  *sync)
{
  g_return_if_fail (RAPPORT_IS_CALENDAR_GROUP (self));
  g_return_if_fail (self->sync == NULL);

  self->settings = g_object_ref (settings);
  self->sync = g_object_ref (sync);
  g_signal_connect_object (sync, "notify::state", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::message", G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  /* Listing loads the calendar module and asks EDS's registry: not before
   * Preferences opens, and never on the main thread. */
  rapport_calendar_sync_list_calendars_async (self->cancellable, listed_cb, self);
}
