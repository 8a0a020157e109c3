/* rapport-reminder-scheduler.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder-scheduler"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "rapport-sql.h"
#include "rapport-reminder-sql.h"
#include "rapport-clock.h"
#include "rapport-reminder-scheduler.h"

/* Shows each reminder once, when it falls due, with one GLib timeout for
 * the earliest of them all.
 *
 * A "check" is one job on the database worker: it marks what is due by now
 * as notified (committed before anything is emitted, so a crash or restart
 * never shows a reminder twice) and asks for the next due time, one step
 * down an index. On its return the scheduler emits "fire" and arms the
 * timeout. A check runs at start, whenever the reminder store changes, when
 * the timeout expires and on rechecks; checks never overlap, and a request
 * during one runs once more after it.
 *
 * GLib timeouts run on the monotonic clock, which stands still during
 * suspend and does not follow changes of the wall clock, while due times are
 * wall-clock times. So the timeout never sleeps longer than a minute, and
 * each check reads the wall clock afresh; resuming (logind's
 * PrepareForSleep) and setting the clock (a timerfd cancelled on set)
 * recheck at once (rapport_reminder_scheduler_watch_system()).
 *
 * The first check after start first takes what fell due more than a grace
 * period ago, while Rapport was not running, and emits it as one
 * "catch-up" list for a single grouped notification. */

struct _RapportReminderScheduler
{
  GObject               parent_instance;

  RapportReminderStore *store;
  RapportReminderClock  clock;
  GCancellable         *cancellable;

  guint                 started : 1;
  guint                 busy : 1;
  guint                 again : 1;
  guint                 catch_up : 1;

  gint64                next_at;       /* seconds, 0 for none */
  guint                 timeout_id;
  guint                 sleep_ms;
  gint64                armed_mono;    /* the clocks when the timeout was armed */
  gint64                armed_real;

  GDBusConnection      *system_bus;
  guint                 sleep_subscription;
  guint                 timezone_subscription;
  int                   clock_fd;
  guint                 clock_source;
};

G_DEFINE_FINAL_TYPE (RapportReminderScheduler, rapport_reminder_scheduler, G_TYPE_OBJECT)

enum {
  FIRE,
  CATCH_UP,
  RESUMED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_NEXT_AT,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void run_check (RapportReminderScheduler *self);

static gint64
default_monotonic (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
default_real (gpointer user_data)
{
  return rapport_clock_get_real_time ();
}

/* The check job {{{ */

typedef struct
{
  gint64     now;
  gint64     catch_up_before;   /* 0: no catch-up */
  GPtrArray *caught_up;
  GPtrArray *due;
  gint64     next_at;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_pointer (&check->caught_up, g_ptr_array_unref);
  g_clear_pointer (&check->due, g_ptr_array_unref);
  g_free (check);
}

static gpointer
check_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  Check *check = data;
  Check *result = g_new0 (Check, 1);

  /* Contacts left to derive (after an upgrade to the reminder schema, or a
   * write outside a transaction) are derived first, so that what is
   * overdue among them counts as caught up, not as a flood. */
  if (!rapport_sql_begin (db, error) || !rapport_sql_commit_or_rollback (db, TRUE, error))
    {
      check_free (result);
      return NULL;
    }

  if (check->catch_up_before != 0)
    result->caught_up = rapport_reminder_sql_mark_due (db, check->catch_up_before, check->now, error);
  if (check->catch_up_before == 0 || result->caught_up != NULL)
    result->due = rapport_reminder_sql_mark_due (db, check->now, check->now, error);
  if (result->due == NULL || !rapport_reminder_sql_next_at (db, &result->next_at, error))
    {
      check_free (result);
      return NULL;
    }
  return result;
}

/* }}} */
/* Arming {{{ */

static gboolean
timeout_cb (gpointer user_data)
{
  RapportReminderScheduler *self = user_data;
  gint64 mono = self->clock.get_monotonic_time (self->clock.user_data) - self->armed_mono;
  gint64 real = self->clock.get_real_time (self->clock.user_data) - self->armed_real;

  self->timeout_id = 0;
  /* Only for the log: each check reads the wall clock anyway. */
  if (ABS (real - mono) > G_USEC_PER_SEC)
    g_debug ("The wall clock moved by %" G_GINT64_FORMAT " s against the monotonic clock",
             (real - mono) / G_USEC_PER_SEC);
  run_check (self);
  return G_SOURCE_REMOVE;
}

static void
arm (RapportReminderScheduler *self)
{
  gint64 real;
  gint64 wait_ms;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->sleep_ms = 0;
  if (!self->started || self->next_at == 0)
    return;

  real = self->clock.get_real_time (self->clock.user_data);
  /* Rounded up, so as not to wake a moment early and find nothing due. */
  wait_ms = (self->next_at * G_USEC_PER_SEC - real + 999) / 1000;
  self->sleep_ms = CLAMP (wait_ms, 0, RAPPORT_REMINDER_SCHEDULER_MAX_SLEEP_MS);
  self->armed_mono = self->clock.get_monotonic_time (self->clock.user_data);
  self->armed_real = real;
  self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->sleep_ms, timeout_cb, self, NULL);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RapportReminderScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  Check *check;

  check = rapport_database_run_finish (RAPPORT_DATABASE (object), result, &error);
  self->busy = FALSE;

  if (check == NULL)
    {
      /* The timeout tries again within a minute. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not check the reminders: %s", error->message);
      self->next_at = self->started ? self->clock.get_real_time (self->clock.user_data) / G_USEC_PER_SEC + 60 : 0;
      arm (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_AT]);
      return;
    }

  /* They are marked as shown already: emit them even if stopped meanwhile,
   * or they would be lost. */
  if (check->caught_up != NULL && check->caught_up->len > 0)
    g_signal_emit (self, signals[CATCH_UP], 0, check->caught_up);
  if (check->due->len > 0)
    g_signal_emit (self, signals[FIRE], 0, check->due);

  self->next_at = check->next_at;
  check_free (check);
  arm (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_AT]);

  if (self->again)
    {
      self->again = FALSE;
      run_check (self);
    }
}

static void
run_check (RapportReminderScheduler *self)
{
  Check *job;

  if (!self->started)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  job = g_new0 (Check, 1);
  job->now = self->clock.get_real_time (self->clock.user_data) / G_USEC_PER_SEC;
  if (self->catch_up)
    job->catch_up_before = job->now - RAPPORT_REMINDER_SCHEDULER_GRACE_SECONDS;
  self->catch_up = FALSE;
  self->busy = TRUE;

  rapport_database_run_async (rapport_reminder_store_get_database (self->store), check_func,
                              job, check_free, check_free, NULL, check_done_cb, g_object_ref (self));
}

/* }}} */
/* Watching the system {{{ */

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  RapportReminderScheduler *self = user_data;
  gboolean going_to_sleep = FALSE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);
  if (going_to_sleep)
    return;
  rapport_reminder_scheduler_recheck (self);
  g_signal_emit (self, signals[RESUMED], 0);
}

static void
rederive_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_reminder_store_rederive_finish (RAPPORT_REMINDER_STORE (object), result, &error))
    g_warning ("Could not move the reminders to the new time zone: %s", error->message);
}

/* The day-before reminders are at a local time of day: a new time zone
 * moves them. The store's "changed" then rechecks. */
static void
timezone_changed_cb (GDBusConnection *connection,
                     const char      *sender_name,
                     const char      *object_path,
                     const char      *interface_name,
                     const char      *signal_name,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  RapportReminderScheduler *self = user_data;
  g_autoptr(GVariant) changed = NULL;
  const char *interface = NULL;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(sa{sv}as)")))
    return;
  g_variant_get (parameters, "(&s@a{sv}^a&s)", &interface, &changed, NULL);
  if (g_variant_lookup_value (changed, "Timezone", NULL) == NULL)
    return;

  rapport_reminder_store_rederive_async (self->store, NULL, rederive_done_cb, NULL);
}

static void
arm_clock_fd (RapportReminderScheduler *self)
{
  /* Far in the future: only the cancellation on a clock change matters. */
  struct itimerspec spec = { .it_value = { .tv_sec = G_MAXINT32 } };

  if (timerfd_settime (self->clock_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) != 0)
    g_debug ("Cannot watch for clock changes: %s", g_strerror (errno));
}

static gboolean
clock_set_cb (int           fd,
              GIOCondition  condition,
              gpointer      user_data)
{
  RapportReminderScheduler *self = user_data;
  guint64 expirations;

  /* ECANCELED: the wall clock was set; read again, it must be re-armed. */
  if (read (fd, &expirations, sizeof expirations) < 0 && errno == ECANCELED)
    {
      arm_clock_fd (self);
      rapport_reminder_scheduler_recheck (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RapportReminderScheduler) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no resume or time zone events: %s", error->message);
      return;
    }

  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
                                        "PrepareForSleep", "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, prepare_for_sleep_cb, self, NULL);
  self->timezone_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.timedate1", "org.freedesktop.DBus.Properties",
                                        "PropertiesChanged", "/org/freedesktop/timedate1",
                                        "org.freedesktop.timedate1", G_DBUS_SIGNAL_FLAGS_NONE,
                                        timezone_changed_cb, self, NULL);
}

/**
 * rapport_reminder_scheduler_watch_system:
 *
 * Rechecks on resume from suspend (logind), when the wall clock is set, and
 * derives again when the time zone changes (timedated). For the
 * application; tests call rapport_reminder_scheduler_recheck() instead.
 */
void
rapport_reminder_scheduler_watch_system (RapportReminderScheduler *self)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self));

  if (self->clock_fd >= 0)
    return;

  self->clock_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->clock_fd >= 0)
    {
      arm_clock_fd (self);
      self->clock_source = g_unix_fd_add (self->clock_fd, G_IO_IN, clock_set_cb, self);
    }
  g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, g_object_ref (self));
}

/* }}} */
/* Object {{{ */

static void
rapport_reminder_scheduler_dispose (GObject *object)
{
  RapportReminderScheduler *self = RAPPORT_REMINDER_SCHEDULER (object);

  rapport_reminder_scheduler_stop (self);
  g_cancellable_cancel (self->cancellable);
  if (self->system_bus != NULL)
    {
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
      g_dbus_connection_signal_unsubscribe (self->system_bus, self->timezone_subscription);
      g_clear_object (&self->system_bus);
    }
  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->clock_fd >= 0)
    {
      close (self->clock_fd);
      self->clock_fd = -1;
    }
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_reminder_scheduler_parent_class)->dispose (object);
}

static void
rapport_reminder_scheduler_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportReminderScheduler *self = RAPPORT_REMINDER_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_NEXT_AT:
      g_value_set_int64 (value, self->next_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_reminder_scheduler_class_init (RapportReminderSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_reminder_scheduler_dispose;
  object_class->get_property = rapport_reminder_scheduler_get_property;

  /* When the next reminder is due (Unix seconds, 0 for none). Notified
   * after every check, changed or not, so that the application knows the
   * first check is done and whether anything is left to wait for. */
  properties[PROP_NEXT_AT] =
    g_param_spec_int64 ("next-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportReminderScheduler::fire:
   * @reminders: (element-type RapportReminder): what just fell due, earliest
   *   first; already marked as shown
   *
   * Show these now, one notification each.
   */
  signals[FIRE] = g_signal_new ("fire", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * RapportReminderScheduler::catch-up:
   * @reminders: (element-type RapportReminder): what fell due while Rapport
   *   was not running; already marked as shown
   *
   * Show these as one grouped notification
   * (rapport_reminder_dup_catch_up_title()). Emitted at most once per start.
   */
  signals[CATCH_UP] = g_signal_new ("catch-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * RapportReminderScheduler::resumed:
   *
   * The computer woke from suspend (logind), once
   * rapport_reminder_scheduler_watch_system() watches: for others whose
   * timers slept too, such as the mailbox's, so that the system bus is
   * watched in one place.
   */
  signals[RESUMED] = g_signal_new ("resumed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rapport_reminder_scheduler_init (RapportReminderScheduler *self)
{
  self->cancellable = g_cancellable_new ();
  self->clock_fd = -1;
}

/**
 * rapport_reminder_scheduler_new:
 * @store: the reminders; its "changed" re-arms the scheduler
 * @clock: (nullable): the clocks to use; %NULL for GLib's
 *
 * A stopped scheduler: connect to "fire" and "catch-up", then start it.
 */
RapportReminderScheduler *
rapport_reminder_scheduler_new (RapportReminderStore       *store,
                                const RapportReminderClock *clock)
{
  RapportReminderScheduler *self;

  g_return_val_if_fail (RAPPORT_IS_REMINDER_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDER_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  if (clock != NULL)
    self->clock = *clock;
  else
    self->clock = (RapportReminderClock) { default_monotonic, default_real, NULL };
  g_signal_connect_object (store, "changed", G_CALLBACK (rapport_reminder_scheduler_recheck), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * rapport_reminder_scheduler_start:
 *
 * Catches up on what fell due while Rapport was not running (one
 * "catch-up"), fires what is due now and arms the timeout for the rest.
 */
void
rapport_reminder_scheduler_start (RapportReminderScheduler *self)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->catch_up = TRUE;
  run_check (self);
}

/* No more checks or signals, but for a check already running. */
void
rapport_reminder_scheduler_stop (RapportReminderScheduler *self)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self));

  self->started = FALSE;
  self->again = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/**
 * rapport_reminder_scheduler_recheck:
 *
 * Looks at the wall clock and the reminders now: for resume, a clock or
 * time zone change, or any other reason to doubt the armed timeout.
 */
void
rapport_reminder_scheduler_recheck (RapportReminderScheduler *self)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self));

  run_check (self);
}

/* Whether a check is running or queued; for tests. */
gboolean
rapport_reminder_scheduler_is_busy (RapportReminderScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self), FALSE);

  return self->busy || self->again;
}

/* When the next reminder is due, in Unix seconds; 0 for none. */
gint64
rapport_reminder_scheduler_get_next_at (RapportReminderScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self), 0);

  return self->next_at;
}

/* How long the armed timeout sleeps, in ms; 0 when none is armed. */
guint
rapport_reminder_scheduler_get_sleep_ms (RapportReminderScheduler *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_SCHEDULER (self), 0);

  return self->timeout_id != 0 ? self->sleep_ms : 0;
}

/* }}} */
