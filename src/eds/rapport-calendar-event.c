/* rapport-calendar-event.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-calendar-event.h"

G_DEFINE_BOXED_TYPE (RapportEdsSource, rapport_eds_source,
                     rapport_eds_source_copy, rapport_eds_source_free)

RapportEdsSource *
rapport_eds_source_new (const char *uid,
                           const char *name,
                           const char *account)
{
  RapportEdsSource *info = g_new0 (RapportEdsSource, 1);

  info->uid = g_strdup (uid);
  info->name = g_strdup (name != NULL ? name : "");
  info->account = g_strdup (account != NULL ? account : "");
  return info;
}

RapportEdsSource *
rapport_eds_source_copy (const RapportEdsSource *info)
{
  return rapport_eds_source_new (info->uid, info->name, info->account);
}

void
rapport_eds_source_free (RapportEdsSource *info)
{
  if (info == NULL)
    return;
  g_free (info->uid);
  g_free (info->name);
  g_free (info->account);
  g_free (info);
}

RapportCalendarEvent *
rapport_calendar_event_new (void)
{
  RapportCalendarEvent *event = g_new0 (RapportCalendarEvent, 1);

  event->status = RAPPORT_CALENDAR_EVENT_CONFIRMED;
  return event;
}

void
rapport_calendar_event_free (RapportCalendarEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uid);
  g_free (event->summary);
  g_free (event->description);
  g_free (event->location);
  g_free (event->attendee_name);
  g_free (event->attendee_email);
  g_free (event);
}
