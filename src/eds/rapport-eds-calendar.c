/* rapport-eds-calendar.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-eds"

#include "config.h"

#include <glib/gi18n.h>
/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-eds-calendar.h"
#include "rapport-eds-registry.h"

/* One calendar of the user's, opened through evolution-data-server: the
 * meetings' events written into it, and a view on it that tells Rapport
 * when one of them was moved or deleted elsewhere (GNOME Calendar, a phone
 * through the server). Everything is asynchronous: EDS's clients talk to
 * its factories over D-Bus, and a server's slowness or absence is the
 * factory's to wait for (it queues changes while offline). */

/* Rapport's events are the ones whose UID it gave (migration 6). */
#define RAPPORT_UID_SUFFIX "@rapport"
/* Marks the alarm Rapport added, so that an update replaces it and leaves
 * the ones the user added alone. */
#define RAPPORT_ALARM_PROPERTY "X-RAPPORT-ALARM"

/* libical-glib 3.0 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalProperty, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTime, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ICalTrigger, g_object_unref)

struct _RapportEdsCalendar
{
  GObject         parent_instance;

  ECalClient     *client;
  ECalClientView *view;
  gboolean        online;
};

G_DEFINE_FINAL_TYPE (RapportEdsCalendar, rapport_eds_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

enum {
  EVENT_CHANGED,
  EVENT_REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Times {{{ */

static gint64
time_of (ICalTime *t)
{
  ICalTimezone *zone;

  if (t == NULL || i_cal_time_is_null_time (t))
    return 0;
  zone = i_cal_time_get_timezone (t);
  /* A time with no zone (floating) is taken as UTC, the form Rapport writes. */
  return i_cal_time_as_timet_with_zone (t, zone != NULL ? zone : i_cal_timezone_get_utc_timezone ());
}

static ICalTime *
utc_time (gint64 unix_time)
{
  return i_cal_time_new_from_timet_with_zone (unix_time, FALSE, i_cal_timezone_get_utc_timezone ());
}

static void
read_times (ICalComponent *comp,
            gint64        *starts_at,
            gint64        *ends_at)
{
  g_autoptr(ICalTime) start = i_cal_component_get_dtstart (comp);
  g_autoptr(ICalTime) end = i_cal_component_get_dtend (comp);

  *starts_at = time_of (start);
  *ends_at = time_of (end);
  if (*ends_at < *starts_at)
    *ends_at = *starts_at;
}

/* }}} */
/* The view {{{ */

static gboolean
is_ours (const char *uid)
{
  return uid != NULL && g_str_has_suffix (uid, RAPPORT_UID_SUFFIX);
}

static void
objects_changed_cb (ECalClientView     *view,
                    const GSList       *objects,
                    RapportEdsCalendar *self)
{
  for (const GSList *l = objects; l != NULL; l = l->next)
    {
      ICalComponent *comp = l->data;
      const char *uid = i_cal_component_get_uid (comp);
      gint64 starts_at, ends_at;

      if (!is_ours (uid))
        continue;
      read_times (comp, &starts_at, &ends_at);
      g_signal_emit (self, signals[EVENT_CHANGED], 0, uid, starts_at, ends_at);
    }
}

static void
objects_removed_cb (ECalClientView     *view,
                    const GSList       *ids,
                    RapportEdsCalendar *self)
{
  for (const GSList *l = ids; l != NULL; l = l->next)
    {
      const char *uid = e_cal_component_id_get_uid (l->data);

      /* Only the whole event: Rapport's have no recurrences. */
      if (is_ours (uid) && e_cal_component_id_get_rid (l->data) == NULL)
        g_signal_emit (self, signals[EVENT_REMOVED], 0, uid);
    }
}

static void
online_cb (GObject    *client,
           GParamSpec *pspec,
           gpointer    user_data)
{
  RapportEdsCalendar *self = user_data;
  gboolean online = e_client_is_online (E_CLIENT (client));

  if (online == self->online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/* }}} */
/* GObject {{{ */

static void
rapport_eds_calendar_dispose (GObject *object)
{
  RapportEdsCalendar *self = RAPPORT_EDS_CALENDAR (object);

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      e_cal_client_view_stop (self->view, NULL);
      g_clear_object (&self->view);
    }
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rapport_eds_calendar_parent_class)->dispose (object);
}

static void
rapport_eds_calendar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportEdsCalendar *self = RAPPORT_EDS_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_eds_calendar_class_init (RapportEdsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_eds_calendar_dispose;
  object_class->get_property = rapport_eds_calendar_get_property;

  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_CHANGED] = g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                         G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64);
  signals[EVENT_REMOVED] = g_signal_new ("event-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_eds_calendar_init (RapportEdsCalendar *self)
{
}

/* }}} */
/* Opening {{{ */

static void
view_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportEdsCalendar *self = g_task_get_task_data (task);
  GError *error = NULL;

  if (!e_cal_client_get_view_finish (E_CAL_CLIENT (object), result, &self->view, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_connect (self->view, "objects-added", G_CALLBACK (objects_changed_cb), self);
  g_signal_connect (self->view, "objects-modified", G_CALLBACK (objects_changed_cb), self);
  g_signal_connect (self->view, "objects-removed", G_CALLBACK (objects_removed_cb), self);
  e_cal_client_view_start (self->view, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportEdsCalendar *self = g_task_get_task_data (task);
  GError *error = NULL;
  EClient *client = e_cal_client_connect_finish (result, &error);

  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->client = E_CAL_CLIENT (client);
  if (e_client_is_readonly (client))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                               _("The calendar cannot be written to"));
      return;
    }

  self->online = e_client_is_online (client);
  g_signal_connect (client, "notify::online", G_CALLBACK (online_cb), self);
  e_cal_client_get_view (self->client, "#t", g_task_get_cancellable (task), view_cb, g_object_ref (task));
}

static void
registry_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(ESource) source = rapport_eds_registry_find_finish (result, &error);

  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Not waiting for a server: a calendar whose server is away opens
   * offline, and EDS sends what was written once it is back. */
  e_cal_client_connect (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1,
                        g_task_get_cancellable (task), connect_cb, g_object_ref (task));
}

void
rapport_eds_calendar_open_async (const char          *source_uid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_calendar_open_async);
  g_task_set_task_data (task, g_object_new (RAPPORT_TYPE_EDS_CALENDAR, NULL), g_object_unref);
  rapport_eds_registry_find_async (source_uid, E_SOURCE_EXTENSION_CALENDAR, cancellable, registry_cb,
                                   g_steal_pointer (&task));
}

GObject *
rapport_eds_calendar_open_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Listing the calendars {{{ */

void
rapport_eds_calendar_list_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  rapport_eds_registry_list_async (E_SOURCE_EXTENSION_CALENDAR, cancellable, callback, user_data);
}

GPtrArray *
rapport_eds_calendar_list_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return rapport_eds_registry_list_finish (result, error);
}

/* }}} */
/* Writing {{{ */

static ICalPropertyStatus
status_of (RapportCalendarEventStatus status)
{
  switch (status)
    {
    case RAPPORT_CALENDAR_EVENT_TENTATIVE: return I_CAL_STATUS_TENTATIVE;
    case RAPPORT_CALENDAR_EVENT_CANCELLED: return I_CAL_STATUS_CANCELLED;
    case RAPPORT_CALENDAR_EVENT_CONFIRMED:
    default:                               return I_CAL_STATUS_CONFIRMED;
    }
}

static gboolean
is_attendee (ICalProperty *property,
             const char   *mailto)
{
  const char *value = i_cal_property_get_attendee (property);

  return value != NULL && g_ascii_strcasecmp (value, mailto) == 0;
}

/* Rapport's own parts of the event; whatever else is in it (the user's
 * notes, other guests, their own alarms) stays as it is. */
static void
apply (ICalComponent              *comp,
       const RapportCalendarEvent *event)
{
  g_autoptr(ICalTime) start = utc_time (event->starts_at);
  g_autoptr(ICalTime) end = utc_time (event->ends_at);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *mailto = NULL;

  i_cal_component_set_uid (comp, event->uid);
  i_cal_component_set_summary (comp, event->summary);
  i_cal_component_set_description (comp, event->description != NULL ? event->description : "");
  i_cal_component_set_location (comp, event->location != NULL ? event->location : "");
  i_cal_component_set_dtstart (comp, start);
  i_cal_component_set_dtend (comp, end);
  i_cal_component_set_status (comp, status_of (event->status));

  if (event->attendee_email != NULL && *event->attendee_email != '\0')
    mailto = g_strconcat ("mailto:", event->attendee_email, NULL);

  for (ICalProperty *p = i_cal_component_get_first_property (comp, I_CAL_ATTENDEE_PROPERTY);
       p != NULL; p = i_cal_component_get_next_property (comp, I_CAL_ATTENDEE_PROPERTY))
    {
      if (mailto != NULL && is_attendee (p, mailto))
        g_ptr_array_add (stale, p);
      else
        g_object_unref (p);
    }
  for (guint i = 0; i < stale->len; i++)
    i_cal_component_remove_property (comp, g_ptr_array_index (stale, i));
  g_ptr_array_set_size (stale, 0);

  if (mailto != NULL)
    {
      ICalProperty *attendee = i_cal_property_new_attendee (mailto);

      if (event->attendee_name != NULL && *event->attendee_name != '\0')
        i_cal_property_take_parameter (attendee, i_cal_parameter_new_cn (event->attendee_name));
      i_cal_property_take_parameter (attendee, i_cal_parameter_new_role (I_CAL_ROLE_REQPARTICIPANT));
      i_cal_component_take_property (comp, attendee);
    }

  for (ICalComponent *alarm = i_cal_component_get_first_component (comp, I_CAL_VALARM_COMPONENT);
       alarm != NULL; alarm = i_cal_component_get_next_component (comp, I_CAL_VALARM_COMPONENT))
    {
      g_autoptr(ICalProperty) mark = i_cal_component_get_first_property (alarm, I_CAL_X_PROPERTY);
      gboolean ours = FALSE;

      for (; mark != NULL && !ours;)
        {
          ours = g_strcmp0 (i_cal_property_get_x_name (mark), RAPPORT_ALARM_PROPERTY) == 0;
          if (!ours)
            {
              g_object_unref (mark);
              mark = i_cal_component_get_next_property (alarm, I_CAL_X_PROPERTY);
            }
        }
      if (ours)
        g_ptr_array_add (stale, alarm);
      else
        g_object_unref (alarm);
    }
  for (guint i = 0; i < stale->len; i++)
    i_cal_component_remove_component (comp, g_ptr_array_index (stale, i));

  if (event->alarm_minutes > 0)
    {
      ICalComponent *alarm = i_cal_component_new_valarm ();
      g_autoptr(ICalTrigger) trigger = i_cal_trigger_new_from_int (-60 * event->alarm_minutes);
      ICalProperty *mark = i_cal_property_new_x ("1");

      i_cal_component_take_property (alarm, i_cal_property_new_action (I_CAL_ACTION_DISPLAY));
      i_cal_component_take_property (alarm, i_cal_property_new_trigger (trigger));
      i_cal_component_take_property (alarm, i_cal_property_new_description (event->summary));
      i_cal_property_set_x_name (mark, RAPPORT_ALARM_PROPERTY);
      i_cal_component_take_property (alarm, mark);
      i_cal_component_take_component (comp, alarm);
    }
}

typedef struct
{
  RapportCalendarEvent *event;
  RapportCalendarWrite  how;
} Write;

static void
write_free (gpointer data)
{
  Write *write = data;

  rapport_calendar_event_free (write->event);
  g_free (write);
}

static RapportCalendarEvent *
event_copy (const RapportCalendarEvent *event)
{
  RapportCalendarEvent *copy = rapport_calendar_event_new ();

  *copy = *event;
  copy->uid = g_strdup (event->uid);
  copy->summary = g_strdup (event->summary);
  copy->description = g_strdup (event->description);
  copy->location = g_strdup (event->location);
  copy->attendee_name = g_strdup (event->attendee_name);
  copy->attendee_email = g_strdup (event->attendee_email);
  return copy;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (task) == rapport_eds_calendar_remove_async)
    ok = e_cal_client_remove_object_finish (E_CAL_CLIENT (object), result, &error);
  else if (g_object_get_data (G_OBJECT (task), "creating") != NULL)
    ok = e_cal_client_create_object_finish (E_CAL_CLIENT (object), result, NULL, &error);
  else
    ok = e_cal_client_modify_object_finish (E_CAL_CLIENT (object), result, &error);

  if (!ok && g_task_get_source_tag (task) == rapport_eds_calendar_remove_async &&
      g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
    {
      g_clear_error (&error);
      ok = TRUE;
    }
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_got_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportEdsCalendar *self = g_task_get_source_object (task);
  Write *write = g_task_get_task_data (task);
  g_autoptr(ICalComponent) comp = NULL;
  GError *error = NULL;

  if (!e_cal_client_get_object_finish (self->client, result, &comp, &error))
    {
      if (!g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
        {
          g_task_return_error (task, error);
          return;
        }
      g_clear_error (&error);
      if (write->how != RAPPORT_CALENDAR_WRITE_CREATE)
        {
          g_task_return_boolean (task, FALSE);
          return;
        }
      comp = i_cal_component_new_vevent ();
      apply (comp, write->event);
      g_object_set_data (G_OBJECT (task), "creating", GINT_TO_POINTER (TRUE));
      e_cal_client_create_object (self->client, comp, E_CAL_OPERATION_FLAG_NONE,
                                  g_task_get_cancellable (task), done_cb, g_object_ref (task));
      return;
    }

  apply (comp, write->event);
  e_cal_client_modify_object (self->client, comp, E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                              g_task_get_cancellable (task), done_cb, g_object_ref (task));
}

void
rapport_eds_calendar_write_async (GObject                    *calendar,
                                  const RapportCalendarEvent *event,
                                  RapportCalendarWrite        how,
                                  GCancellable               *cancellable,
                                  GAsyncReadyCallback         callback,
                                  gpointer                    user_data)
{
  RapportEdsCalendar *self = RAPPORT_EDS_CALENDAR (calendar);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Write *write = g_new0 (Write, 1);

  g_task_set_source_tag (task, rapport_eds_calendar_write_async);
  write->event = event_copy (event);
  write->how = how;
  g_task_set_task_data (task, write, write_free);
  e_cal_client_get_object (self->client, event->uid, NULL, cancellable, write_got_cb, task);
}

gboolean
rapport_eds_calendar_write_finish (GObject       *calendar,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
/* Reading and removing {{{ */

static void
read_got_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(ICalComponent) comp = NULL;
  RapportCalendarEvent *event;
  GError *error = NULL;

  if (!e_cal_client_get_object_finish (E_CAL_CLIENT (object), result, &comp, &error))
    {
      if (g_error_matches (error, E_CAL_CLIENT_ERROR, E_CAL_CLIENT_ERROR_OBJECT_NOT_FOUND))
        {
          g_error_free (error);
          g_task_return_pointer (task, NULL, NULL);
        }
      else
        g_task_return_error (task, error);
      return;
    }

  event = rapport_calendar_event_new ();
  event->uid = g_strdup (i_cal_component_get_uid (comp));
  event->summary = g_strdup (i_cal_component_get_summary (comp));
  read_times (comp, &event->starts_at, &event->ends_at);
  event->status = i_cal_component_get_status (comp) == I_CAL_STATUS_CANCELLED
                  ? RAPPORT_CALENDAR_EVENT_CANCELLED
                  : i_cal_component_get_status (comp) == I_CAL_STATUS_TENTATIVE
                  ? RAPPORT_CALENDAR_EVENT_TENTATIVE : RAPPORT_CALENDAR_EVENT_CONFIRMED;
  g_task_return_pointer (task, event, (GDestroyNotify) rapport_calendar_event_free);
}

void
rapport_eds_calendar_read_async (GObject             *calendar,
                                 const char          *uid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RapportEdsCalendar *self = RAPPORT_EDS_CALENDAR (calendar);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_calendar_read_async);
  e_cal_client_get_object (self->client, uid, NULL, cancellable, read_got_cb, task);
}

RapportCalendarEvent *
rapport_eds_calendar_read_finish (GObject       *calendar,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rapport_eds_calendar_remove_async (GObject             *calendar,
                                   const char          *uid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  RapportEdsCalendar *self = RAPPORT_EDS_CALENDAR (calendar);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_calendar_remove_async);
  e_cal_client_remove_object (self->client, uid, NULL, E_CAL_OBJ_MOD_ALL, E_CAL_OPERATION_FLAG_NONE,
                              cancellable, done_cb, task);
}

gboolean
rapport_eds_calendar_remove_finish (GObject       *calendar,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
