/* rapport-calendar-sync.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-calendar-sync.h"
#include "rapport-eds-backend.h"
#include "rapport-meeting-events.h"
#include "rapport-module.h"

/* Keeps the meetings in the calendar the user chose, both ways:
 * - a meeting saved, moved, cancelled or deleted in Rapport writes, updates,
 *   marks cancelled or removes its event (the UID is the meeting's own,
 *   given by the database, so an event is never duplicated);
 * - an event of Rapport's moved in the calendar moves the meeting (the save
 *   writes the timeline and re-plans the reminders, as a move in Rapport
 *   does); one deleted there cancels the meeting.
 * One step at a time, in order, so that two writes of one event never race;
 * a step compares before it acts, so the echo of Rapport's own write, which
 * the calendar's view reports like any change, changes nothing. */

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-eds.so", RAPPORT_EDS_BACKEND_SYMBOL);

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

G_DEFINE_FINAL_TYPE (RapportCalendarSync, rapport_calendar_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALENDAR,
  PROP_STATE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_next (RapportCalendarSync *self);
static void listed_upcoming_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* State {{{ */

static const RapportEdsBackend *
backend (void)
{
  return rapport_module_peek_table (&module);
}

static void
set_state (RapportCalendarSync  *self,
           RapportCalendarState  state,
           const char           *message)
{
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
fail (RapportCalendarSync *self,
      const GError        *error)
{
  g_autofree char *message = NULL;

  g_warning ("Calendar: %s", error->message);
  /* Translators: the reason follows */
  message = g_strdup_printf (_("Meetings could not be added to the calendar: %s"), error->message);
  set_state (self, RAPPORT_CALENDAR_STATE_FAILED, message);
}

/* A step's call cancelled because the calendar was let go (another chosen,
 * or Rapport quitting): the step is gone with it, nothing is to be done. */
static gboolean
stopped (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
online_cb (GObject    *calendar,
           GParamSpec *pspec,
           gpointer    user_data)
{
  RapportCalendarSync *self = user_data;
  gboolean online = FALSE;

  g_object_get (calendar, "online", &online, NULL);
  if (self->state == RAPPORT_CALENDAR_STATE_READY || self->state == RAPPORT_CALENDAR_STATE_OFFLINE)
    set_state (self, online ? RAPPORT_CALENDAR_STATE_READY : RAPPORT_CALENDAR_STATE_OFFLINE, NULL);
}

/* }}} */
/* The queue of steps {{{ */

static void
step_free (Step *step)
{
  g_free (step->uid);
  g_free (step);
}

static void
queue_step (RapportCalendarSync *self,
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

static void
step_done (RapportCalendarSync *self)
{
  g_clear_pointer (&self->current, step_free);
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
      stopped (error))
    return;
  if (error != NULL)
    g_warning ("A meeting changed in the calendar could not be saved: %s", error->message);
  step_done (self);
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
      step_done (self);
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
      if (stopped (error))
        return;
      fail (self, error);
    }
  step_done (self);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean there = backend ()->write_finish (object, result, &error);

  if (stopped (error))
    return;
  if (error != NULL)
    fail (self, error);
  if (!there)
    {
      step_done (self);
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
  backend ()->write_async (self->calendar, event, how, self->cancellable, written_cb, g_object_ref (self));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCalendarEvent) event = backend ()->read_finish (object, result, &error);
  g_autoptr(RapportMeeting) meeting = g_object_steal_data (G_OBJECT (self), "rapport-reading");

  if (stopped (error))
    return;
  if (error != NULL)
    {
      fail (self, error);
      step_done (self);
    }
  else if (event == NULL)
    follow_event (self, meeting, TRUE, 0, 0);
  else if (is_echo (self, event->uid, event->starts_at, event->ends_at))
    step_done (self);
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
  if (stopped (error))
    return;
  if (error != NULL)
    {
      fail (self, error);
      step_done (self);
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
        step_done (self);
      else if (g_strcmp0 (written_to, self->calendar_uid) != 0)
        write_meeting (self, meeting, email);
      else
        {
          /* In this calendar before: what happened to the event while
           * Rapport was not running happens to the meeting now. */
          const char *uid = rapport_meeting_get_event_uid (meeting);

          backend ()->read_async (self->calendar, uid, self->cancellable, read_cb, g_object_ref (self));
          g_object_set_data_full (G_OBJECT (self), "rapport-reading", g_steal_pointer (&meeting), g_object_unref);
        }
      break;
    case STEP_MOVED:
      /* Reports come late and out of order: what counts is the event as
       * the calendar has it now. */
      if (meeting == NULL || !follows_calendar (meeting) ||
          is_echo (self, step->uid, step->starts_at, step->ends_at))
        step_done (self);
      else
        {
          backend ()->read_async (self->calendar, step->uid, self->cancellable, read_cb, g_object_ref (self));
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
      if (stopped (error))
        return;
      fail (self, error);
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

  if (!backend ()->remove_finish (object, result, &error))
    {
      if (stopped (error))
        return;
      /* Kept in the list, to be tried again with the next change. */
      fail (self, error);
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
      step_done (self);
      return;
    }
  backend ()->remove_async (self->calendar, self->removing[self->removing_index++], self->cancellable,
                            removed_cb, g_object_ref (self));
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
  if (stopped (error))
    return;
  if (self->removing == NULL)
    fail (self, error);
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
                                        listed_upcoming_cb, g_object_ref (self));
      break;
    case STEP_DRAIN:
    default:
      rapport_meeting_events_list_removed_async (self->meetings, self->cancellable,
                                                 removals_cb, g_object_ref (self));
      break;
    }
}

/* }}} */
/* Signals {{{ */

static void
meeting_changed_cb (RapportMeetingStore *meetings,
                    gint64               meeting_id,
                    gpointer             user_data)
{
  queue_step (user_data, STEP_WRITE, meeting_id, NULL, 0, 0);
}

static void
event_changed_cb (GObject    *calendar,
                  const char *uid,
                  gint64      starts_at,
                  gint64      ends_at,
                  gpointer    user_data)
{
  queue_step (user_data, STEP_MOVED, 0, uid, starts_at, ends_at);
}

static void
event_removed_cb (GObject    *calendar,
                  const char *uid,
                  gpointer    user_data)
{
  queue_step (user_data, STEP_REMOVED, 0, uid, 0, 0);
}

/* }}} */
/* Connecting {{{ */

static void
listed_upcoming_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = rapport_meeting_store_list_finish (self->meetings, result, &error);

  if (upcoming == NULL)
    {
      if (stopped (error))
        return;
      fail (self, error);
      step_done (self);
      return;
    }
  for (guint i = 0; i < upcoming->len; i++)
    queue_step (self, STEP_RECONCILE, rapport_meeting_get_id (g_ptr_array_index (upcoming, i)), NULL, 0, 0);
  queue_step (self, STEP_DRAIN, 0, NULL, 0, 0);
  step_done (self);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  GObject *calendar = backend ()->open_finish (result, &error);

  if (calendar == NULL)
    {
      if (!stopped (error))
        fail (self, error);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))   /* another calendar chosen meanwhile */
    {
      g_object_unref (calendar);
      return;
    }

  self->calendar = calendar;
  g_signal_connect_object (calendar, "event-changed", G_CALLBACK (event_changed_cb), self, 0);
  g_signal_connect_object (calendar, "event-removed", G_CALLBACK (event_removed_cb), self, 0);
  g_signal_connect_object (calendar, "notify::online", G_CALLBACK (online_cb), self, 0);
  set_state (self, RAPPORT_CALENDAR_STATE_READY, NULL);
  online_cb (calendar, NULL, self);

  /* Meetings planned before the calendar was chosen, or changed while
   * Rapport was not running, are brought up to date first. */
  queue_step (self, STEP_CATCH_UP, 0, NULL, 0, 0);
}

static void
module_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_module_load_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the reason from the system's loader follows */
      message = g_strdup_printf (_("Calendars need evolution-data-server, which could not be loaded: %s"),
                                 error->message);
      set_state (self, RAPPORT_CALENDAR_STATE_FAILED, message);
      return;
    }
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  backend ()->open_async (self->calendar_uid, self->cancellable, opened_cb, g_object_ref (self));
}

static void
disconnect (RapportCalendarSync *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->calendar);
  g_queue_clear_full (&self->steps, (GDestroyNotify) step_free);
  g_clear_pointer (&self->current, step_free);
  g_clear_pointer (&self->removing, g_strfreev);
  g_hash_table_remove_all (self->written);
}

/* }}} */
/* GObject {{{ */

static void
rapport_calendar_sync_dispose (GObject *object)
{
  RapportCalendarSync *self = RAPPORT_CALENDAR_SYNC (object);

  disconnect (self);
  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_data (self->meetings, self);
  g_clear_object (&self->meetings);

  G_OBJECT_CLASS (rapport_calendar_sync_parent_class)->dispose (object);
}

static void
rapport_calendar_sync_finalize (GObject *object)
{
  RapportCalendarSync *self = RAPPORT_CALENDAR_SYNC (object);

  g_free (self->calendar_uid);
  g_free (self->message);
  g_hash_table_unref (self->written);

  G_OBJECT_CLASS (rapport_calendar_sync_parent_class)->finalize (object);
}

static void
rapport_calendar_sync_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportCalendarSync *self = RAPPORT_CALENDAR_SYNC (object);

  switch (prop_id)
    {
    case PROP_CALENDAR:
      g_value_set_string (value, self->calendar_uid);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_calendar_sync_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CALENDAR:
      rapport_calendar_sync_set_calendar (RAPPORT_CALENDAR_SYNC (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_calendar_sync_class_init (RapportCalendarSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_calendar_sync_dispose;
  object_class->finalize = rapport_calendar_sync_finalize;
  object_class->get_property = rapport_calendar_sync_get_property;
  object_class->set_property = rapport_calendar_sync_set_property;

  properties[PROP_CALENDAR] =
    g_param_spec_string ("calendar", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* a RapportCalendarState */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, RAPPORT_CALENDAR_STATE_OFF, RAPPORT_CALENDAR_STATE_FAILED,
                      RAPPORT_CALENDAR_STATE_OFF, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_calendar_sync_init (RapportCalendarSync *self)
{
  self->calendar_uid = g_strdup ("");
  self->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_queue_init (&self->steps);
}

/* }}} */
/* Public API {{{ */

RapportCalendarSync *
rapport_calendar_sync_new (RapportMeetingStore *meetings)
{
  RapportCalendarSync *self;

  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (meetings), NULL);

  self = g_object_new (RAPPORT_TYPE_CALENDAR_SYNC, NULL);
  self->meetings = g_object_ref (meetings);
  g_signal_connect (meetings, "changed", G_CALLBACK (meeting_changed_cb), self);
  return self;
}

const char *
rapport_calendar_sync_get_calendar (RapportCalendarSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_SYNC (self), NULL);
  return self->calendar_uid;
}

void
rapport_calendar_sync_set_calendar (RapportCalendarSync *self,
                                    const char          *source_uid)
{
  g_return_if_fail (RAPPORT_IS_CALENDAR_SYNC (self));

  if (source_uid == NULL)
    source_uid = "";
  if (g_strcmp0 (self->calendar_uid, source_uid) == 0)
    return;

  disconnect (self);
  g_free (self->calendar_uid);
  self->calendar_uid = g_strdup (source_uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);

  if (*source_uid == '\0')
    {
      set_state (self, RAPPORT_CALENDAR_STATE_OFF, NULL);
      return;
    }
  g_debug ("Opening calendar %s", source_uid);
  set_state (self, RAPPORT_CALENDAR_STATE_CONNECTING, NULL);
  self->cancellable = g_cancellable_new ();
  rapport_module_load_async (&module, self->cancellable, module_cb, g_object_ref (self));
}

void
rapport_calendar_sync_set_alarm_minutes (RapportCalendarSync *self,
                                         int                  minutes)
{
  g_return_if_fail (RAPPORT_IS_CALENDAR_SYNC (self));
  self->alarm_minutes = MAX (0, minutes);
}

RapportCalendarState
rapport_calendar_sync_get_state (RapportCalendarSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_SYNC (self), RAPPORT_CALENDAR_STATE_OFF);
  return self->state;
}

const char *
rapport_calendar_sync_get_message (RapportCalendarSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_SYNC (self), NULL);
  return self->message;
}

gboolean
rapport_calendar_sync_is_idle (RapportCalendarSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALENDAR_SYNC (self), TRUE);
  return self->current == NULL && g_queue_is_empty (&self->steps);
}

static void
listed_calendars_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *calendars = backend ()->list_calendars_finish (result, &error);

  if (calendars == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_module_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!rapport_module_load_finish (result, &error))
    {
      g_prefix_error (&error, "%s", _("Calendars need evolution-data-server, which could not be loaded: "));
      g_task_return_error (task, error);
      return;
    }
  backend ()->list_calendars_async (g_task_get_cancellable (task), listed_calendars_cb, g_object_ref (task));
}

void
rapport_calendar_sync_list_calendars_async (GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_calendar_sync_list_calendars_async);
  rapport_module_load_async (&module, cancellable, list_module_cb, task);
}

GPtrArray *
rapport_calendar_sync_list_calendars_finish (GAsyncResult  *result,
                                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
