/* rapport-meeting-ics.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-ics.h"
#include "rapport-meeting.h"
#include "rapport-meeting-ics.h"

/**
 * rapport_meeting_ics_write:
 * @meetings: (element-type RapportMeeting): at least one
 *
 * The meetings as one iCalendar file, each with a reminder, for the user's
 * calendar application.
 *
 * Returns: (transfer full): the file's text, or %NULL with @error set
 */
char *
rapport_meeting_ics_write (GPtrArray  *meetings,
                           GError    **error)
{
  g_autofree RapportIcsEvent *events = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (meetings != NULL && meetings->len > 0, NULL);

  events = g_new0 (RapportIcsEvent, meetings->len);
  for (guint i = 0; i < meetings->len; i++)
    {
      RapportMeeting *meeting = g_ptr_array_index (meetings, i);
      const char *organisation = rapport_meeting_get_organisation (meeting);
      const char *purpose = rapport_meeting_get_purpose (meeting);
      char *summary, *description, *uid;

      /* Translators: a calendar event's title; %s is the contact */
      summary = g_strdup_printf (_("Informational interview with %s"), rapport_meeting_get_contact_name (meeting));
      if (*organisation != '\0' && *purpose != '\0')
        description = g_strdup_printf ("%s\n\n%s", organisation, purpose);
      else
        description = g_strdup (*purpose != '\0' ? purpose : organisation);
      uid = rapport_ics_make_uid (rapport_meeting_get_id (meeting), NULL);
      g_ptr_array_add (strings, summary);
      g_ptr_array_add (strings, description);
      g_ptr_array_add (strings, uid);

      events[i].uid = uid;
      events[i].starts_at = rapport_meeting_get_starts_at (meeting);
      events[i].duration = rapport_meeting_get_duration (meeting);
      events[i].summary = summary;
      events[i].description = description;
      events[i].location = rapport_meeting_get_place (meeting);
      events[i].alarm_minutes = RAPPORT_MEETING_ICS_ALARM_MINUTES;
    }

  return rapport_ics_write (events, meetings->len, error);
}
