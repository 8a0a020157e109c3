/* rapport-application-reminders.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application's side of reminders: the scheduler (started once the
 * database is open), one desktop notification per reminder that falls due
 * and one grouped notification for what fell due while Rapport was not
 * running, and the app.* actions their buttons name. The actions take the
 * reminder id and work without a window: Done and Snooze write and return,
 * so that a click on a notification after Rapport quit (D-Bus activation)
 * costs no window. An action that arrives before the database is open
 * waits for it. */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-template.h"
#include "rapport-application-private.h"

/* Lines of the grouped notification's body before "and N more". */
#define CATCH_UP_LINES 3
/* Snooze from a notification: to tomorrow at this hour, local time. */
#define SNOOZE_HOUR 9

struct _RapportAppReminders
{
  RapportApplication       *app;          /* unowned: it owns this */
  RapportReminderScheduler *scheduler;
  GHashTable               *shown;        /* reminder ids (gint64 *) with a notification */
  GHashTable               *caught_up;    /* ids in the grouped notification */
  GPtrArray                *waiting;      /* Deferred, until the database is open */
  GCancellable             *cancellable;
  guint                     checked : 1;  /* the scheduler's first check is done */
  guint                     sweeping : 1;
  guint                     sweep_again : 1;
};

typedef struct
{
  char   *action;
  gint64  id;
} Deferred;

static void
deferred_free (gpointer data)
{
  Deferred *deferred = data;

  g_free (deferred->action);
  g_free (deferred);
}

/* Helpers {{{ */

static RapportAppReminders *
get_reminders (RapportApplication *app)
{
  return _rapport_application_get_reminders (app);
}

static char *
notification_id (gint64 id)
{
  return g_strdup_printf ("reminder-%" G_GINT64_FORMAT, id);
}

static void
withdraw (RapportAppReminders *self,
          gint64               id)
{
  g_autofree char *notification = notification_id (id);

  g_application_withdraw_notification (G_APPLICATION (self->app), notification);
  g_hash_table_remove (self->shown, &id);

  if (g_hash_table_remove (self->caught_up, &id) && g_hash_table_size (self->caught_up) == 0)
    g_application_withdraw_notification (G_APPLICATION (self->app), "reminder-catch-up");

  _rapport_application_update_hold (self->app);
}

static gboolean
kind_has_message (RapportReminderKind kind)
{
  switch (kind)
    {
    case RAPPORT_REMINDER_FOLLOW_UP:
    case RAPPORT_REMINDER_CONFIRM:
    case RAPPORT_REMINDER_THANK_YOU:
    case RAPPORT_REMINDER_TELL_REFERRER:
    case RAPPORT_REMINDER_KEEP_IN_TOUCH:
      return TRUE;

    case RAPPORT_REMINDER_NO_REPLY:
    case RAPPORT_REMINDER_MEETING_SOON:
    case RAPPORT_REMINDER_CUSTOM:
    default:
      return FALSE;
    }
}

static GNotificationPriority
kind_priority (RapportReminderKind kind)
{
  switch (kind)
    {
    case RAPPORT_REMINDER_MEETING_SOON:
      return G_NOTIFICATION_PRIORITY_HIGH;   /* minutes count */

    case RAPPORT_REMINDER_NO_REPLY:
    case RAPPORT_REMINDER_KEEP_IN_TOUCH:
      return G_NOTIFICATION_PRIORITY_LOW;    /* any day this week will do */

    case RAPPORT_REMINDER_FOLLOW_UP:
    case RAPPORT_REMINDER_CONFIRM:
    case RAPPORT_REMINDER_THANK_YOU:
    case RAPPORT_REMINDER_TELL_REFERRER:
    case RAPPORT_REMINDER_CUSTOM:
    default:
      return G_NOTIFICATION_PRIORITY_NORMAL;
    }
}

static void
add_id (GHashTable *table,
        gint64      id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  g_hash_table_add (table, key);
}

/* The contact's page, or with 0 the Today page, in the main window (made
 * if need be). */
void
_rapport_application_show_contact (RapportApplication *app,
                                   gint64              contact_id)
{
  GtkWindow *window = _rapport_application_present_window (app);

  if (contact_id != 0)
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-contact", g_variant_new_int64 (contact_id));
  else
    g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("today"));
}

/* Tomorrow at SNOOZE_HOUR, local time, in Unix seconds. */
static gint64
tomorrow_morning (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rapport_clock_get_now ());
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) morning = NULL;

  morning = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow), SNOOZE_HOUR, 0, 0);
  return g_date_time_to_unix (morning);
}

/* Whether the action must wait for the database; if so it is queued, and
 * the application held meanwhile, so that an action that started Rapport
 * (D-Bus activation) is not cut short. */
static gboolean
defer_until_ready (RapportApplication *app,
                   const char         *action,
                   gint64              id)
{
  RapportAppReminders *self = get_reminders (app);
  Deferred *deferred;

  if (rapport_context_get_ready (rapport_application_get_context (app)))
    return FALSE;

  if (rapport_context_get_error (rapport_application_get_context (app)) != NULL)
    {
      g_warning ("Cannot run app.%s: the database is not open", action);
      return TRUE;
    }

  deferred = g_new0 (Deferred, 1);
  deferred->action = g_strdup (action);
  deferred->id = id;
  g_ptr_array_add (self->waiting, deferred);
  g_application_hold (G_APPLICATION (app));
  return TRUE;
}

/* }}} */
/* Notifications {{{ */

static void
notify_reminder (RapportAppReminders *self,
                 RapportReminder     *reminder)
{
  gint64 id = rapport_reminder_get_id (reminder);
  RapportReminderKind kind = rapport_reminder_get_kind (reminder);
  g_autofree char *notification_name = notification_id (id);
  g_autofree char *title = rapport_reminder_dup_title (reminder);
  g_autofree char *body = rapport_reminder_dup_body (reminder);
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_priority (notification, kind_priority (kind));
  g_notification_set_default_action_and_target (notification, "app.show-reminder", "x", id);
  g_notification_add_button_with_target (notification, _("Done"), "app.done-reminder", "x", id);
  g_notification_add_button_with_target (notification, _("Snooze"), "app.snooze-reminder", "x", id);
  if (kind_has_message (kind))
    g_notification_add_button_with_target (notification, _("Write"), "app.write-reminder", "x", id);

  g_application_send_notification (G_APPLICATION (self->app), notification_name, notification);
  add_id (self->shown, id);
}

static void
fire_cb (RapportReminderScheduler *scheduler,
         GPtrArray                *reminders,
         RapportAppReminders      *self)
{
  for (guint i = 0; i < reminders->len; i++)
    notify_reminder (self, g_ptr_array_index (reminders, i));
}

/* One notification for everything that fell due while Rapport was not
 * running: a flood of them would be ignored as a whole. */
static void
catch_up_cb (RapportReminderScheduler *scheduler,
             GPtrArray                *reminders,
             RapportAppReminders      *self)
{
  g_autofree char *title = rapport_reminder_dup_catch_up_title (reminders);
  g_autoptr(GNotification) notification = g_notification_new (title);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GString) body = g_string_new (NULL);
  guint lines = MIN (reminders->len, CATCH_UP_LINES);

  for (guint i = 0; i < reminders->len; i++)
    {
      RapportReminder *reminder = g_ptr_array_index (reminders, i);

      add_id (self->caught_up, rapport_reminder_get_id (reminder));
      if (i < lines)
        {
          g_autofree char *line = rapport_reminder_dup_title (reminder);

          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, line);
        }
    }
  if (reminders->len > lines)
    {
      guint more = reminders->len - lines;

      g_string_append_c (body, '\n');
      /* Translators: the last line of the grouped notification, after the first few reminders */
      g_string_append_printf (body, ngettext ("and %u more", "and %u more", more), more);
    }

  g_notification_set_body (notification, body->str);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action (notification, "app.show-today");
  g_application_send_notification (G_APPLICATION (self->app), "reminder-catch-up", notification);
}

/* }}} */
/* Withdrawing {{{ */

typedef struct
{
  RapportApplication *app;
  guint               pending;
} Sweep;

typedef struct
{
  Sweep  *sweep;
  gint64  id;
} SweepItem;

static void sweep (RapportAppReminders *self);

static void
swept_one_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SweepItem *item = user_data;
  Sweep *job = item->sweep;
  RapportAppReminders *self = get_reminders (job->app);
  g_autoptr(RapportReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  reminder = rapport_reminder_store_load_finish (RAPPORT_REMINDER_STORE (object), result, &error);

  /* Gone, done or dismissed, or snoozed or moved and so not shown again
   * yet: its notification says something no longer true. */
  if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (reminder == NULL || !rapport_reminder_is_open (reminder) || rapport_reminder_get_notified_at (reminder) == 0))
    withdraw (self, item->id);
  g_free (item);

  if (--job->pending > 0)
    return;

  if (self != NULL)
    {
      self->sweeping = FALSE;
      if (self->sweep_again)
        sweep (self);
    }
  g_object_unref (job->app);
  g_free (job);
}

/* After any change to the reminders: load each one with a notification up
 * (a handful at most, those shown in this run) and withdraw what is no
 * longer to be done. */
static void
sweep (RapportAppReminders *self)
{
  RapportReminderStore *store = rapport_context_get_reminder_store (rapport_application_get_context (self->app));
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;
  Sweep *job;

  if (self->sweeping)
    {
      self->sweep_again = TRUE;
      return;
    }
  self->sweep_again = FALSE;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (ids, key);
  g_hash_table_iter_init (&iter, self->caught_up);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (ids, key);
  if (g_hash_table_size (ids) == 0 || !rapport_context_get_ready (rapport_application_get_context (self->app)))
    return;

  job = g_new0 (Sweep, 1);
  job->app = g_object_ref (self->app);
  job->pending = g_hash_table_size (ids);
  self->sweeping = TRUE;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      SweepItem *item = g_new0 (SweepItem, 1);

      item->sweep = job;
      item->id = *(gint64 *) key;
      rapport_reminder_store_load_async (store, item->id, self->cancellable, swept_one_cb, item);
    }
}

static void
store_changed_cb (RapportAppReminders *self)
{
  sweep (self);
}

/* }}} */
/* Actions {{{ */

static void
state_set_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_reminder_store_set_state_finish (RAPPORT_REMINDER_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not update the reminder: %s", error->message);

  g_application_release (G_APPLICATION (app));
}

/* Held until written: from a notification, Rapport may have been started
 * for this alone. */
static void
set_state (RapportApplication   *app,
           gint64                id,
           RapportReminderState  state,
           gint64                snoozed_until)
{
  withdraw (get_reminders (app), id);
  g_application_hold (G_APPLICATION (app));
  rapport_reminder_store_set_state_async (rapport_context_get_reminder_store (rapport_application_get_context (app)), id, state, snoozed_until,
                                          NULL, state_set_cb, g_object_ref (app));
}

typedef void (*ReminderFunc) (RapportApplication *app,
                              RapportReminder    *reminder);

static void
reminder_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree gpointer *data = user_data;
  g_autoptr(RapportApplication) app = data[0];
  ReminderFunc func = (ReminderFunc) data[1];
  g_autoptr(RapportReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  reminder = rapport_reminder_store_load_finish (RAPPORT_REMINDER_STORE (object), result, &error);
  if (reminder != NULL)
    func (app, reminder);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Deleted since: the window at least opens where reminders are. */
      g_debug ("Reminder gone: %s", error->message);
      _rapport_application_show_contact (app, 0);
    }

  g_application_release (G_APPLICATION (app));
}

static void
with_reminder (RapportApplication *app,
               gint64              id,
               ReminderFunc        func)
{
  gpointer *data = g_new (gpointer, 2);

  data[0] = g_object_ref (app);
  data[1] = (gpointer) func;
  g_application_hold (G_APPLICATION (app));
  rapport_reminder_store_load_async (rapport_context_get_reminder_store (rapport_application_get_context (app)), id, NULL,
                                     reminder_loaded_cb, data);
}

static void
show_reminder (RapportApplication *app,
               RapportReminder    *reminder)
{
  _rapport_application_show_contact (app, rapport_reminder_get_contact_id (reminder));
}

/**
 * _rapport_application_write_reminder:
 *
 * What "Write" does for @reminder: the contact's page, and over it the
 * composer with the message that fits (a follow-up, a confirmation, a
 * thank-you, the update to the referrer…).
 */
void
_rapport_application_write_reminder (RapportApplication *app,
                                     RapportReminder    *reminder)
{
  gint64 contact_id;
  const char *key;

  g_return_if_fail (RAPPORT_IS_APPLICATION (app));
  g_return_if_fail (RAPPORT_IS_REMINDER (reminder));

  contact_id = rapport_reminder_get_contact_id (reminder);
  _rapport_application_show_contact (app, contact_id);
  if (contact_id == 0)
    return;
  key = rapport_template_key_for_reminder (rapport_reminder_get_kind (reminder));
  g_action_group_activate_action (G_ACTION_GROUP (_rapport_application_present_window (app)), "write",
                                  g_variant_new ("(xxs)", contact_id, rapport_reminder_get_meeting_id (reminder),
                                                 key != NULL ? key : ""));
}

static void
run_action (RapportApplication *app,
            const char         *action,
            gint64              id)
{
  if (g_str_equal (action, "show-reminder"))
    with_reminder (app, id, show_reminder);
  else if (g_str_equal (action, "write-reminder"))
    with_reminder (app, id, _rapport_application_write_reminder);
  else if (g_str_equal (action, "done-reminder"))
    set_state (app, id, RAPPORT_REMINDER_DONE, 0);
  else if (g_str_equal (action, "snooze-reminder"))
    set_state (app, id, RAPPORT_REMINDER_SNOOZED, tomorrow_morning ());
  else
    g_assert_not_reached ();
}

static void
reminder_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RapportApplication *app = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  gint64 id = g_variant_get_int64 (parameter);

  /* The window comes up at once; the contact follows from the database. */
  if (g_str_equal (name, "show-reminder") || g_str_equal (name, "write-reminder"))
    _rapport_application_present_window (app);

  if (!defer_until_ready (app, name, id))
    run_action (app, name, id);
}

static void
show_today_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  _rapport_application_show_contact (user_data, 0);
}

static const GActionEntry reminder_actions[] = {
  { "show-reminder", reminder_action, "x" },
  { "done-reminder", reminder_action, "x" },
  { "snooze-reminder", reminder_action, "x" },
  { "write-reminder", reminder_action, "x" },
  { "show-today", show_today_action },
};

/* }}} */
/* The scheduler {{{ */

static void
next_at_cb (RapportAppReminders *self)
{
  self->checked = TRUE;
  _rapport_application_update_hold (self->app);
}

/* The mailbox's timer slept too: it looks again once the network is back. */
static void
resumed_cb (RapportAppReminders *self)
{
  _rapport_app_mailbox_resumed (_rapport_application_get_mailbox (self->app));
}

static void
database_ready_cb (RapportAppReminders *self)
{
  g_autoptr(GPtrArray) waiting = NULL;

  if (!rapport_context_get_ready (rapport_application_get_context (self->app)))
    {
      /* Moved aside or being restored: nothing to check until it is back. */
      if (self->scheduler != NULL)
        rapport_reminder_scheduler_stop (self->scheduler);

      if (rapport_context_get_error (rapport_application_get_context (self->app)) != NULL && self->waiting->len > 0)
        {
          waiting = g_steal_pointer (&self->waiting);
          self->waiting = g_ptr_array_new_with_free_func (deferred_free);
          g_warning ("Dropped %u reminder actions: the database is not open", waiting->len);
          for (guint i = 0; i < waiting->len; i++)
            g_application_release (G_APPLICATION (self->app));
        }
      _rapport_application_update_hold (self->app);
      return;
    }

  if (self->scheduler == NULL)
    {
      /* NULL: the real clocks, rapport_clock_get_real_time() for the wall. */
      self->scheduler = rapport_reminder_scheduler_new (rapport_context_get_reminder_store (rapport_application_get_context (self->app)), NULL);
      g_signal_connect (self->scheduler, "fire", G_CALLBACK (fire_cb), self);
      g_signal_connect (self->scheduler, "catch-up", G_CALLBACK (catch_up_cb), self);
      g_signal_connect_swapped (self->scheduler, "notify::next-at", G_CALLBACK (next_at_cb), self);
      g_signal_connect_swapped (self->scheduler, "resumed", G_CALLBACK (resumed_cb), self);
      rapport_reminder_scheduler_watch_system (self->scheduler);
    }
  rapport_reminder_scheduler_start (self->scheduler);

  waiting = g_steal_pointer (&self->waiting);
  self->waiting = g_ptr_array_new_with_free_func (deferred_free);
  for (guint i = 0; i < waiting->len; i++)
    {
      Deferred *deferred = g_ptr_array_index (waiting, i);

      run_action (self->app, deferred->action, deferred->id);
      g_application_release (G_APPLICATION (self->app));
    }
}

/* }}} */
/* Private API {{{ */

/* At startup, with the stores made: the actions, and the scheduler once
 * the database is open. */
RapportAppReminders *
_rapport_app_reminders_new (RapportApplication *app)
{
  RapportAppReminders *self = g_new0 (RapportAppReminders, 1);

  self->app = app;
  self->shown = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->caught_up = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->waiting = g_ptr_array_new_with_free_func (deferred_free);
  self->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), reminder_actions, G_N_ELEMENTS (reminder_actions), app);
  /* Notified after every change of the database state, error or not. */
  g_signal_connect_swapped (rapport_application_get_context (app), "notify::ready", G_CALLBACK (database_ready_cb), self);
  g_signal_connect_swapped (rapport_context_get_reminder_store (rapport_application_get_context (app)), "changed",
                            G_CALLBACK (store_changed_cb), self);
  return self;
}

/* At shutdown: the scheduler stops; notifications already shown stay. */
void
_rapport_app_reminders_free (RapportAppReminders *self)
{
  if (self == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (self->app, self);
  g_signal_handlers_disconnect_by_data (rapport_application_get_context (self->app), self);
  g_signal_handlers_disconnect_by_data (rapport_context_get_reminder_store (rapport_application_get_context (self->app)), self);
  if (self->scheduler != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->scheduler, self);
      rapport_reminder_scheduler_stop (self->scheduler);
      g_clear_object (&self->scheduler);
    }
  for (guint i = 0; i < self->waiting->len; i++)
    g_application_release (G_APPLICATION (self->app));
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->caught_up, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_free (self);
}

/**
 * _rapport_app_reminders_is_waiting:
 * @known: (out): whether the scheduler has looked at the reminders yet
 *
 * Returns: whether a reminder is still to be shown (pending, or snoozed
 *   until later), or one shown is still to be dealt with (its buttons need
 *   Rapport running where notifications cannot start it): a reason to keep
 *   running without a window.
 */
gboolean
_rapport_app_reminders_is_waiting (RapportAppReminders *self,
                                   gboolean            *known)
{
  *known = self != NULL && self->scheduler != NULL && self->checked;
  if (!*known)
    return FALSE;

  return rapport_reminder_scheduler_get_next_at (self->scheduler) != 0 ||
         g_hash_table_size (self->shown) > 0 || g_hash_table_size (self->caught_up) > 0;
}

/* }}} */
