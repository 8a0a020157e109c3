/* rapport-calendar-sync.c
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

G_DEFINE_FINAL_TYPE (RapportCalendarSync, rapport_calendar_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALENDAR,
  PROP_STATE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* State {{{ */

const RapportEdsBackend *
_rapport_calendar_sync_backend (void)
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

void
_rapport_calendar_sync_fail (RapportCalendarSync *self,
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
gboolean
_rapport_calendar_sync_stopped (const GError *error)
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
/* Signals {{{ */

static void
meeting_changed_cb (RapportMeetingStore *meetings,
                    gint64               meeting_id,
                    gpointer             user_data)
{
  _rapport_calendar_sync_queue_step (user_data, STEP_WRITE, meeting_id, NULL, 0, 0);
}

static void
event_changed_cb (GObject    *calendar,
                  const char *uid,
                  gint64      starts_at,
                  gint64      ends_at,
                  gpointer    user_data)
{
  _rapport_calendar_sync_queue_step (user_data, STEP_MOVED, 0, uid, starts_at, ends_at);
}

static void
event_removed_cb (GObject    *calendar,
                  const char *uid,
                  gpointer    user_data)
{
  _rapport_calendar_sync_queue_step (user_data, STEP_REMOVED, 0, uid, 0, 0);
}

/* }}} */
/* Connecting {{{ */

void
_rapport_calendar_sync_listed_upcoming_cb (GObject      *object,
                                           GAsyncResult *result,
                                           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = rapport_meeting_store_list_finish (self->meetings, result, &error);

  if (upcoming == NULL)
    {
      if (_rapport_calendar_sync_stopped (error))
        return;
      _rapport_calendar_sync_fail (self, error);
      _rapport_calendar_sync_step_done (self);
      return;
    }
  for (guint i = 0; i < upcoming->len; i++)
    _rapport_calendar_sync_queue_step (self, STEP_RECONCILE, rapport_meeting_get_id (g_ptr_array_index (upcoming, i)),
                                       NULL, 0, 0);
  _rapport_calendar_sync_queue_step (self, STEP_DRAIN, 0, NULL, 0, 0);
  _rapport_calendar_sync_step_done (self);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportCalendarSync) self = user_data;
  g_autoptr(GError) error = NULL;
  GObject *calendar = _rapport_calendar_sync_backend ()->open_finish (result, &error);

  if (calendar == NULL)
    {
      if (!_rapport_calendar_sync_stopped (error))
        _rapport_calendar_sync_fail (self, error);
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
  _rapport_calendar_sync_queue_step (self, STEP_CATCH_UP, 0, NULL, 0, 0);
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
  _rapport_calendar_sync_backend ()->open_async (self->calendar_uid, self->cancellable, opened_cb, g_object_ref (self));
}

static void
disconnect (RapportCalendarSync *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->calendar);
  g_queue_clear_full (&self->steps, (GDestroyNotify) _rapport_calendar_sync_step_free);
  g_clear_pointer (&self->current, _rapport_calendar_sync_step_free);
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
  GPtrArray *calendars = _rapport_calendar_sync_backend ()->list_calendars_finish (result, &error);

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
  _rapport_calendar_sync_backend ()->list_calendars_async (g_task_get_cancellable (task),
                                                           listed_calendars_cb, g_object_ref (task));
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
