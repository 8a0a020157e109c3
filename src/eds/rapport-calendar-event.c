/* rapport-calendar-event.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-calendar-event.h"

G_DEFINE_BOXED_TYPE (RapportCalendarInfo, rapport_calendar_info,
                     rapport_calendar_info_copy, rapport_calendar_info_free)

RapportCalendarInfo *
rapport_calendar_info_new (const char *uid,
                           const char *name,
                           const char *account)
{
  RapportCalendarInfo *info = g_new0 (RapportCalendarInfo, 1);

  info->uid = g_strdup (uid);
  info->name = g_strdup (name != NULL ? name : "");
  info->account = g_strdup (account != NULL ? account : "");
  return info;
}

RapportCalendarInfo *
rapport_calendar_info_copy (const RapportCalendarInfo *info)
{
  return rapport_calendar_info_new (info->uid, info->name, info->account);
}

void
rapport_calendar_info_free (RapportCalendarInfo *info)
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
