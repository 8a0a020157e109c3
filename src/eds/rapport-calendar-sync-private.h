/* rapport-calendar-sync-private.h -- shared by the sync's two halves
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-calendar-sync.h"
#include "rapport-eds-backend.h"

G_BEGIN_DECLS

/* rapport-calendar-sync.c holds the object, its state and its connection
 * to the calendar; rapport-calendar-sync-steps.c the queue of steps that
 * carry changes one way or the other. */

typedef enum
{
  STEP_CATCH_UP,       /* at connection: list the meetings to reconcile */
  STEP_WRITE,          /* a meeting changed in Rapport */
  STEP_RECONCILE,      /* at connection: a meeting against its event */
  STEP_DRAIN,          /* remove the events of deleted meetings */
  STEP_MOVED,          /* an event changed in the calendar */
  STEP_REMOVED,        /* an event deleted in the calendar */
} StepKind;

typedef struct
{
  StepKind  kind;
  gint64    meeting_id;
  char     *uid;
  gint64    starts_at;
  gint64    ends_at;
} Step;

struct _RapportCalendarSync
{
  GObject               parent_instance;

  RapportMeetingStore  *meetings;
  char                 *calendar_uid;
  int                   alarm_minutes;
  RapportCalendarState  state;
  char                 *message;

  GObject              *calendar;       /* the module's; NULL until open */
  GCancellable         *cancellable;    /* of everything for this calendar */
  GQueue                steps;
  Step                 *current;        /* being run; NULL when idle */
  GHashTable           *written;        /* event UID → gint64[2], the times last written */
  GStrv                 removing;       /* STEP_DRAIN's list */
  guint                 removing_index;
};

const RapportEdsBackend *_rapport_calendar_sync_backend            (void);
void                     _rapport_calendar_sync_fail               (RapportCalendarSync *self,
                                                                    const GError        *error);
gboolean                 _rapport_calendar_sync_stopped            (const GError        *error);
void                     _rapport_calendar_sync_step_free          (Step                *step);
void                     _rapport_calendar_sync_queue_step         (RapportCalendarSync *self,
                                                                    StepKind             kind,
                                                                    gint64               meeting_id,
                                                                    const char          *uid,
                                                                    gint64               starts_at,
                                                                    gint64               ends_at);
void                     _rapport_calendar_sync_step_done          (RapportCalendarSync *self);
void                     _rapport_calendar_sync_listed_upcoming_cb (GObject             *object,
                                                                    GAsyncResult        *result,
                                                                    gpointer             user_data);

G_END_DECLS
