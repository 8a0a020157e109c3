/* rapport-meeting-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-meeting-row.h"

/* One meeting as a row, the same on the meetings page and on a contact's
 * page, so that a meeting is recognised wherever it shows. */

static const char * const status_classes[] = {
  "status-proposed", "status-confirmed", "status-held", "status-cancelled", "status-no-show",
};

G_STATIC_ASSERT (G_N_ELEMENTS (status_classes) == RAPPORT_N_MEETING_STATUSES);

char *
rapport_meeting_format_length (int minutes)
{
  return g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
}

/* "Name, Organisation", or the name alone */
char *
rapport_meeting_format_contact (RapportMeeting *meeting)
{
  const char *name = rapport_meeting_get_contact_name (meeting);
  const char *organisation = rapport_meeting_get_organisation (meeting);

  g_return_val_if_fail (RAPPORT_IS_MEETING (meeting), NULL);

  if (name == NULL || name[0] == '\0')
    name = _("Unknown contact");
  if (organisation == NULL || organisation[0] == '\0')
    return g_strdup (name);
  /* Translators: a contact and the organisation they work for */
  return g_strdup_printf (_("%s, %s"), name, organisation);
}

void
rapport_meeting_status_tag_set (GtkWidget            *tag,
                                RapportMeetingStatus  status)
{
  g_return_if_fail (GTK_IS_LABEL (tag));
  g_return_if_fail (status < RAPPORT_N_MEETING_STATUSES);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (tag, status_classes[i]);
  gtk_widget_add_css_class (tag, status_classes[status]);
  gtk_label_set_label (GTK_LABEL (tag), rapport_meeting_status_get_label (status));
}

GtkWidget *
rapport_meeting_status_tag_new (RapportMeetingStatus status)
{
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_widget_add_css_class (tag, "meeting-status");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  rapport_meeting_status_tag_set (tag, status);
  return tag;
}

/**
 * rapport_meeting_row_new:
 * @show_contact: whether the title names the contact (on the meetings
 *   page) or the date (on the contact's own page)
 */
GtkWidget *
rapport_meeting_row_new (RapportMeeting *meeting,
                         gboolean        show_contact)
{
  GtkWidget *row;
  g_autofree char *when = NULL;
  g_autofree char *length = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *place;
  gint64 id;

  g_return_val_if_fail (RAPPORT_IS_MEETING (meeting), NULL);

  when = rapport_meeting_format_when (meeting);
  length = rapport_meeting_format_length (rapport_meeting_get_duration (meeting));
  place = rapport_meeting_get_place (meeting);

  if (show_contact)
    {
      int minutes = rapport_meeting_get_duration (meeting);
      /* Translators: a meeting's length in a narrow list, in minutes */
      g_autofree char *short_length = g_strdup_printf (_("%d min"), minutes);

      /* Two short lines, so that a narrow sidebar never breaks a date. */
      title = rapport_meeting_format_contact (meeting);
      subtitle = place && *place ? g_strdup_printf ("%s · %s\n%s", when, short_length, place)
                                 : g_strdup_printf ("%s · %s", when, short_length);
    }
  else
    {
      const char *purpose = rapport_meeting_get_purpose (meeting);

      title = g_steal_pointer (&when);
      subtitle = place && *place ? g_strdup_printf ("%s · %s", length, place) : g_strdup (length);
      if (purpose && *purpose)
        {
          char *longer = g_strdup_printf ("%s\n%s", subtitle, purpose);
          g_free (subtitle);
          subtitle = longer;
        }
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rapport_meeting_status_tag_new (rapport_meeting_get_status (meeting)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  id = rapport_meeting_get_id (meeting);
  g_object_set_data_full (G_OBJECT (row), "meeting-id", g_memdup2 (&id, sizeof id), g_free);
  return row;
}

gint64
rapport_meeting_row_get_meeting_id (GtkWidget *row)
{
  gint64 *id;

  g_return_val_if_fail (GTK_IS_WIDGET (row), 0);

  id = g_object_get_data (G_OBJECT (row), "meeting-id");
  return id ? *id : 0;
}
