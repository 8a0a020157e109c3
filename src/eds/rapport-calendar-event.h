/* rapport-calendar-event.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A calendar the user has in evolution-data-server, as Preferences lists it. */
typedef struct
{
  char *uid;        /* the ESource's */
  char *name;       /* "Personal" */
  char *account;    /* "On This Computer", "ana@example.org"; may be "" */
} RapportCalendarInfo;

#define RAPPORT_TYPE_CALENDAR_INFO (rapport_calendar_info_get_type ())
GType                rapport_calendar_info_get_type (void) G_GNUC_CONST;
RapportCalendarInfo *rapport_calendar_info_new      (const char                *uid,
                                                     const char                *name,
                                                     const char                *account);
RapportCalendarInfo *rapport_calendar_info_copy     (const RapportCalendarInfo *info);
void                 rapport_calendar_info_free     (RapportCalendarInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCalendarInfo, rapport_calendar_info_free)

typedef enum
{
  RAPPORT_CALENDAR_EVENT_TENTATIVE,
  RAPPORT_CALENDAR_EVENT_CONFIRMED,
  RAPPORT_CALENDAR_EVENT_CANCELLED,
} RapportCalendarEventStatus;

/* A meeting as an event: what Rapport writes, and the part of an event
 * changed elsewhere that it reads back (the times and whether it exists). */
typedef struct
{
  char                       *uid;
  char                       *summary;
  char                       *description;
  char                       *location;
  gint64                      starts_at;       /* Unix seconds, UTC */
  gint64                      ends_at;
  RapportCalendarEventStatus  status;
  char                       *attendee_name;   /* "" for none */
  char                       *attendee_email;
  int                         alarm_minutes;   /* before the start; 0 for no alarm */
} RapportCalendarEvent;

RapportCalendarEvent *rapport_calendar_event_new  (void);
void                  rapport_calendar_event_free (RapportCalendarEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCalendarEvent, rapport_calendar_event_free)

/* The state of the link to the chosen calendar, for Preferences. */
typedef enum
{
  RAPPORT_CALENDAR_STATE_OFF,          /* no calendar chosen */
  RAPPORT_CALENDAR_STATE_CONNECTING,
  RAPPORT_CALENDAR_STATE_READY,
  RAPPORT_CALENDAR_STATE_OFFLINE,      /* changes wait in EDS until it is back */
  RAPPORT_CALENDAR_STATE_FAILED,       /* see the message */
} RapportCalendarState;

G_END_DECLS
