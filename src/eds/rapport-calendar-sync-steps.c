/* rapport-calendar-sync-steps.c -- the queue of steps between the meetings and the calendar
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-calendar-sync-private.h"
#include "rapport-meeting-events.h"

/* One step at a time, in order (rapport-calendar-sync.c says why); each
 * step reads what it needs, compares, acts, and calls step_done, which
 * runs the next. */

static void run_next (RapportCalendarSync *self);

/* The queue of steps {{{ */

void
_rapport_calendar_sync_step_free (Step *step)
{
  g_free (step->uid);
  g_free (step);
}

void
_rapport_calendar_sync_queue_step (RapportCalendarSync *self,
                                   StepKind             kind,
                                   gint64               meeting_id,
                                   const char          *uid,
                                   gint64               starts_at,
                                   gint64               ends_at)
{
  Step *step;

  if (self->calendar == NULL)
    return;

  /* A write or a drain already waiting covers this one. */
  for (GList *l = self->steps.head; l != NULL; l = l->next)
    {
      Step *queued = l->data;

      if (queued->kind == kind && kind == STEP_DRAIN)
        return;
      if (queued->kind == kind && kind == STEP_WRITE && queued->meeting_id == meeting_id)
        return;
    }

  step = g_new0 (Step, 1);
  step->kind = kind;
  step->meeting_id = meeting_id;
  step->uid = g_strdup (uid);
  step->starts_at = starts_at;
  step->ends_at = ends_at;
  g_queue_push_tail (&self->steps, step);
  if (self->current == NULL)
    run_next (self);
}

void
_rapport_calendar_sync_step_done (RapportCalendarSync *self)
{
  g_clear_pointer (&self->current, _rapport_calendar_sync_step_free);
  run_next (self);
}

/* }}} */
/* Meetings as events {{{ */

static RapportCalendarEventStatus
event_status (RapportMeetingStatus status)
{
  switch (status)
    {
    case RAPPORT_MEETING_PROPOSED:  return RAPPORT_CALENDAR_EVENT_TENTATIVE;
    case RAPPORT_MEETING_CANCELLED:
    case RAPPORT_MEETING_NO_SHOW:   return RAPPORT_CALENDAR_EVENT_CANCELLED;
    case RAPPORT_MEETING_CONFIRMED:
    case RAPPORT_MEETING_HELD:
    default:                        return RAPPORT_CALENDAR_EVENT_CONFIRMED;
    }
}

/* The purpose, then the first lines of the notes prepared for it. */
static char *
describe (RapportMeeting *meeting)
{
  GString *text = g_string_new (rapport_meeting_get_purpose (meeting));
  g_auto(GStrv) lines = g_strsplit (rapport_meeting_get_notes (meeting), "\n", 6);

  for (guint i = 0; lines[i] != NULL && i < 5; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, i == 0 ? '\n' : ' ');
      if (i == 0 && text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_strstrip (lines[i]));
    }
  return g_strstrip (g_string_free (text, FALSE));
}

static RapportCalendarEvent *
event_for (RapportCalendarSync *self,
           RapportMeeting      *meeting,
           const char          *email)
{
  RapportCalendarEvent *event = rapport_calendar_event_new ();

  event->uid = g_strdup (rapport_meeting_get_event_uid (meeting));
  /* Translators: an event's title in the user's calendar; %s is the contact's name */
  event->summary = g_strdup_printf (_("Informational meeting with %s"),
                                    rapport_meeting_get_contact_name (meeting));
  event->description = describe (meeting);
  event->location = g_strdup (rapport_meeting_get_place (meeting));
  event->starts_at = rapport_meeting_get_starts_at (meeting);
  event->ends_at = rapport_meeting_get_ends_at (meeting);
  event->status = event_status (rapport_meeting_get_status (meeting));
  event->attendee_name = g_strdup (rapport_meeting_get_contact_name (meeting));
  event->attendee_email = g_strdup (email);
  event->alarm_minutes = self->alarm_minutes;
  return event;
}

/* An open meeting follows its event; one held or cancelled is history. */
static gboolean
follows_calendar (RapportMeeting *meeting)
{
  return rapport_meeting_status_is_open (rapport_meeting_get_status (meeting));
}

/* The calendar's view reports Rapport's own writes too, and late: a report
 * of times Rapport itself wrote last is an echo, not a change. */
static gboolean
is_echo (RapportCalendarSync *self,
         const char          *uid,
         gint64               starts_at,
         gint64               ends_at)
{
  const gint64 *times = g_hash_table_lookup (self->written, uid);

  return times != NULL && times[0] == starts_at && times[1] == ends_at;
}

static void
remember_written (RapportCalendarSync        *self,
                  const RapportCalendarEvent *event)
{
  gint64 *times = g_new (gint64, 2);

  times[0] = event->starts_at;
  times[1] = event->ends_at;
  g_hash_table_replace (self->written, g_strdup (event->uid), times);
}

/* }}} */
/* Steps {{{ */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_meeting_store_save_finish (self->meetings, result, &error) == 0 &&
      _rapport_calendar_sync_stopped (error))
    return;
  if (error != NULL)
    g_warning ("A meeting changed in the calendar could not be saved: %s", error->message);
  _rapport_calendar_sync_step_done (self);
}

/* Takes the event's times, or its deletion, into the meeting. */
static void
follow_event (RapportCalendarSync *self,
              RapportMeeting      *meeting,
              gboolean             removed,
              gint64               starts_at,
              gint64               ends_at)
{
  g_autoptr(RapportMeeting) changed = NULL;
  int duration = (int) MAX (1, (ends_at - starts_at + 59) / 60);

  if (meeting == NULL || !follows_calendar (meeting) ||
      (!removed && rapport_meeting_get_starts_at (meeting) == starts_at &&
       rapport_meeting_get_duration (meeting) == duration))
    {
      _rapport_calendar_sync_step_done (self);
      return;
    }

  changed = rapport_meeting_copy (meeting);
  if (removed)
    rapport_meeting_set_status (changed, RAPPORT_MEETING_CANCELLED);
  else
    {
      rapport_meeting_set_starts_at (changed, starts_at);
      rapport_meeting_set_duration (changed, duration);
    }
  g_debug ("Event %s %s in the calendar: meeting %" G_GINT64_FORMAT " follows",
           rapport_meeting_get_event_uid (meeting), removed ? "deleted" : "moved",
           rapport_meeting_get_id (meeting));
  rapport_meeting_store_save_async (self->meetings, changed, self->cancellable, saved_cb, g_object_ref (self));
}

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_meeting_events_mark_written_finish (self->meetings, result, &error))
    {
      if (_rapport_calendar_sync_stopped (error))
        return;
      _rapport_calendar_sync_fail (self, error);
    }
  _rapport_calendar_sync_step_done (self);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean there = _rapport_calendar_sync_backend ()->write_finish (object, result, &error);

  if (_rapport_calendar_sync_stopped (error))
    return;
  if (error != NULL)
    _rapport_calendar_sync_fail (self, error);
  if (!there)
    {
      _rapport_calendar_sync_step_done (self);
      return;
    }
  rapport_meeting_events_mark_written_async (self->meetings, self->current->meeting_id, self->calendar_uid,
                                             self->cancellable, marked_cb, g_object_ref (self));
}

static void
write_meeting (RapportCalendarSync *self,
               RapportMeeting      *meeting,
               const char          *email)
{
  g_autoptr(RapportCalendarEvent) event = event_for (self, meeting, email);
  /* A cancelled meeting's event is marked so; one deleted in the calendar
   * is not brought back to say so. */
  RapportCalendarWrite how = event->status == RAPPORT_CALENDAR_EVENT_CANCELLED
                             ? RAPPORT_CALENDAR_WRITE_UPDATE_ONLY : RAPPORT_CALENDAR_WRITE_CREATE;

  self->current->meeting_id = rapport_meeting_get_id (meeting);
  remember_written (self, event);
  _rapport_calendar_sync_backend ()->write_async (self->calendar, event, how, self->cancellable, written_cb,
                                                  g_object_ref (self));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCalendarEvent) event = _rapport_calendar_sync_backend ()->read_finish (object, result, &error);
  g_autoptr(RapportMeeting) meeting = g_object_steal_data (G_OBJECT (self), "rapport-reading");

  if (_rapport_calendar_sync_stopped (error))
    return;
  if (error != NULL)
    {
      _rapport_calendar_sync_fail (self, error);
      _rapport_calendar_sync_step_done (self);
    }
  else if (event == NULL)
    follow_event (self, meeting, TRUE, 0, 0);
  else if (is_echo (self, event->uid, event->starts_at, event->ends_at))
    _rapport_calendar_sync_step_done (self);
  else
    follow_event (self, meeting, FALSE, event->starts_at, event->ends_at);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  Step *step = self->current;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *written_to = NULL;
  g_autoptr(RapportMeeting) meeting = NULL;

  /* Both lookups finish the same way. */
  meeting = rapport_meeting_events_load_finish (self->meetings, result, &email, &written_to, &error);
  if (_rapport_calendar_sync_stopped (error))
    return;
  if (error != NULL)
    {
      _rapport_calendar_sync_fail (self, error);
      _rapport_calendar_sync_step_done (self);
      return;
    }

  switch (step->kind)
    {
    case STEP_WRITE:
      if (meeting != NULL)
        write_meeting (self, meeting, email);
      else
        {
          /* Deleted: its event's UID waits in the list of removals. */
          step->kind = STEP_DRAIN;
          g_queue_push_head (&self->steps, g_steal_pointer (&self->current));
          run_next (self);
        }
      break;
    case STEP_RECONCILE:
      if (meeting == NULL || !follows_calendar (meeting))
        _rapport_calendar_sync_step_done (self);
      else if (g_strcmp0 (written_to, self->calendar_uid) != 0)
        write_meeting (self, meeting, email);
      else
        {
          /* In this calendar before: what happened to the event while
           * Rapport was not running happens to the meeting now. */
          const char *uid = rapport_meeting_get_event_uid (meeting);

          _rapport_calendar_sync_backend ()->read_async (self->calendar, uid, self->cancellable, read_cb,
                                                         g_object_ref (self));
          g_object_set_data_full (G_OBJECT (self), "rapport-reading", g_steal_pointer (&meeting), g_object_unref);
        }
      break;
    case STEP_MOVED:
      /* Reports come late and out of order: what counts is the event as
       * the calendar has it now. */
      if (meeting == NULL || !follows_calendar (meeting) ||
          is_echo (self, step->uid, step->starts_at, step->ends_at))
        _rapport_calendar_sync_step_done (self);
      else
        {
          _rapport_calendar_sync_backend ()->read_async (self->calendar, step->uid, self->cancellable,
                                                         read_cb, g_object_ref (self));
          g_object_set_data_full (G_OBJECT (self), "rapport-reading", g_steal_pointer (&meeting), g_object_unref);
        }
      break;
    case STEP_REMOVED:
    case STEP_CATCH_UP:
    case STEP_DRAIN:
    default:
      follow_event (self, meeting, step->kind == STEP_REMOVED, step->starts_at, step->ends_at);
      break;
    }
}

static void drain_next (RapportCalendarSync *self);

static void
forgotten_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_meeting_events_forget_removed_finish (self->meetings, result, &error))
    {
      if (_rapport_calendar_sync_stopped (error))
        return;
      _rapport_calendar_sync_fail (self, error);
    }
  drain_next (self);
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!_rapport_calendar_sync_backend ()->remove_finish (object, result, &error))
    {
      if (_rapport_calendar_sync_stopped (error))
        return;
      /* Kept in the list, to be tried again with the next change. */
      _rapport_calendar_sync_fail (self, error);
      drain_next (self);
      return;
    }
  rapport_meeting_events_forget_removed_async (self->meetings, self->removing[self->removing_index - 1],
                                               self->cancellable, forgotten_cb, g_object_ref (self));
}

static void
drain_next (RapportCalendarSync *self)
{
  if (self->removing == NULL || self->removing[self->removing_index] == NULL)
    {
      g_clear_pointer (&self->removing, g_strfreev);
      _rapport_calendar_sync_step_done (self);
      return;
    }
  _rapport_calendar_sync_backend ()->remove_async (self->calendar, self->removing[self->removing_index++],
                                                   self->cancellable, removed_cb, g_object_ref (self));
}

static void
removals_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->removing, g_strfreev);
  self->removing = rapport_meeting_events_list_removed_finish (self->meetings, result, &error);
  self->removing_index = 0;
  if (_rapport_calendar_sync_stopped (error))
    return;
  if (self->removing == NULL)
    _rapport_calendar_sync_fail (self, error);
  drain_next (self);
}

static void
run_next (RapportCalendarSync *self)
{
  Step *step;

  if (self->current != NULL || self->calendar == NULL)
    return;
  step = self->current = g_queue_pop_head (&self->steps);
  if (step == NULL)
    return;

  switch (step->kind)
    {
    case STEP_WRITE:
    case STEP_RECONCILE:
      rapport_meeting_events_load_async (self->meetings, step->meeting_id, self->cancellable,
                                         loaded_cb, g_object_ref (self));
      break;
    case STEP_MOVED:
    case STEP_REMOVED:
      rapport_meeting_events_find_async (self->meetings, step->uid, self->cancellable,
                                         loaded_cb, g_object_ref (self));
      break;
    case STEP_CATCH_UP:
      rapport_meeting_store_list_async (self->meetings, RAPPORT_MEETING_LIST_UPCOMING, 0, self->cancellable,
                                        _rapport_calendar_sync_listed_upcoming_cb, g_object_ref (self));
      break;
    case STEP_DRAIN:
    default:
      rapport_meeting_events_list_removed_async (self->meetings, self->cancellable,
                                                 removals_cb, g_object_ref (self));
      break;
    }
}

/* }}} */
