/* rapport-calendar-event.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A calendar or an address book the user has in evolution-data-server, as
 * Rapport lists them. */
typedef struct
{
  char *uid;        /* the ESource's */
  char *name;       /* "Personal" */
  char *account;    /* "On This Computer", "ana@example.org"; may be "" */
} RapportEdsSource;

#define RAPPORT_TYPE_EDS_SOURCE (rapport_eds_source_get_type ())
GType                rapport_eds_source_get_type (void) G_GNUC_CONST;
RapportEdsSource *rapport_eds_source_new      (const char                *uid,
                                                     const char                *name,
                                                     const char                *account);
RapportEdsSource *rapport_eds_source_copy     (const RapportEdsSource *info);
void                 rapport_eds_source_free     (RapportEdsSource       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportEdsSource, rapport_eds_source_free)

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
