/* rapport-countdown.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-countdown"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-countdown.h"

#define USEC G_GINT64_CONSTANT (1000000)

/* The meeting clock. The time shown is always derived from the clock
 * (time banked by earlier runs, plus now minus the start of this run), never
 * from a count of ticks, so a late or missed tick cannot make it drift: it
 * only makes one second shown a little late. The tick is armed for the
 * moment the shown second changes, and "remaining" is notified only then.
 *
 * The shown value is the remaining time rounded up, as a kitchen timer does:
 * a 20 minute meeting shows 20:00 when it starts, 0:00 when the time is up
 * and -1 (shown as "0:01 over") one second later. */
struct _RapportCountdown
{
  GObject                parent_instance;

  RapportClockFunc       clock;
  gpointer               clock_data;

  gint64                 duration;        /* seconds */
  RapportCountdownState  state;
  gint64                 banked_usec;     /* run time before the current run */
  gint64                 run_started_at;  /* clock time the current run began */
  gint64                 shown;           /* seconds, negative in overtime */
  gboolean               overtime;

  int                    alert_minutes[RAPPORT_N_COUNTDOWN_ALERTS];
  guint                  fired;           /* bit per RapportCountdownAlert */

  guint                  tick_id;
};

G_DEFINE_FINAL_TYPE (RapportCountdown, rapport_countdown, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RapportCountdownState, rapport_countdown_state,
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_PAUSED, "paused"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (RapportCountdownAlert, rapport_countdown_alert,
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_ALERT_FIRST, "first"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_ALERT_WRAP_UP, "wrap-up"),
                    G_DEFINE_ENUM_VALUE (RAPPORT_COUNTDOWN_ALERT_TIME_UP, "time-up"))

enum {
  PROP_0,
  PROP_DURATION,
  PROP_STATE,
  PROP_REMAINING,
  PROP_OVERTIME,
  PROP_FRACTION,
  PROP_FIRST_ALERT_MINUTES,
  PROP_WRAP_UP_ALERT_MINUTES,
  N_PROPS
};

enum {
  ALERT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The longest meeting the clock accepts: a day, far beyond any sensible
 * meeting, and far from any overflow in microseconds. */
#define MAX_DURATION (24 * 60 * 60)
#define MAX_ALERT_MINUTES (24 * 60)

static gint64 tick_delay_usec (RapportCountdown *self);

/* Helpers */

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
elapsed_usec (RapportCountdown *self)
{
  gint64 elapsed = self->banked_usec;

  if (self->state == RAPPORT_COUNTDOWN_RUNNING)
    {
      /* A fake clock may step back; a run never counts negative time. */
      elapsed += MAX (0, self->clock (self->clock_data) - self->run_started_at);
    }

  return elapsed;
}

static gint64
remaining_usec (RapportCountdown *self)
{
  return self->duration * USEC - elapsed_usec (self);
}

/* Rounded up: C division truncates towards zero, which is the ceiling for
 * negative values. */
static gint64
shown_seconds (gint64 usec)
{
  return usec > 0 ? (usec + USEC - 1) / USEC : usec / USEC;
}

/* The remaining time at which @alert fires, or -1 if it never does. A mark
 * at or beyond the duration would fire as the meeting starts, which tells
 * the user nothing, so it is off. */
static gint64
alert_mark (RapportCountdown      *self,
            RapportCountdownAlert  alert)
{
  gint64 mark;

  if (alert == RAPPORT_COUNTDOWN_ALERT_TIME_UP)
    return 0;
  if (self->alert_minutes[alert] <= 0)
    return -1;

  mark = (gint64)self->alert_minutes[alert] * 60;

  return mark < self->duration ? mark : -1;
}

/* Brings the shown second, the overtime flag and the alerts up to date with
 * the clock. A tick that comes late may have crossed several marks at once:
 * each then fires once, in the order of a meeting (the largest mark first),
 * so that no advice is skipped. */
static void
update (RapportCountdown *self)
{
  gint64 remaining = remaining_usec (self);
  gint64 shown = shown_seconds (remaining);
  gboolean overtime = remaining <= 0;
  RapportCountdownAlert due[RAPPORT_N_COUNTDOWN_ALERTS];
  guint n_due = 0;

  g_object_freeze_notify (G_OBJECT (self));

  if (shown != self->shown)
    {
      self->shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  if (overtime != self->overtime)
    {
      self->overtime = overtime;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERTIME]);
    }

  g_object_thaw_notify (G_OBJECT (self));

  if (self->state != RAPPORT_COUNTDOWN_RUNNING)
    return;

  for (guint i = 0; i < RAPPORT_N_COUNTDOWN_ALERTS; i++)
    {
      gint64 mark = alert_mark (self, i);

      if (mark >= 0 && (self->fired & (1u << i)) == 0 && remaining <= mark * USEC)
        {
          guint j = n_due++;

          /* Insertion sort, largest mark first; equal marks keep enum order. */
          while (j > 0 && alert_mark (self, due[j - 1]) < mark)
            {
              due[j] = due[j - 1];
              j--;
            }
          due[j] = i;
        }
    }

  /* All are marked before any is emitted, so that a handler that ticks
   * again cannot fire one twice. */
  for (guint i = 0; i < n_due; i++)
    self->fired |= 1u << due[i];

  for (guint i = 0; i < n_due; i++)
    g_signal_emit (self, signals[ALERT], 0, due[i], self->alert_minutes[due[i]]);
}

static gboolean
tick_cb (gpointer user_data)
{
  RapportCountdown *self = user_data;

  self->tick_id = 0;
  rapport_countdown_tick (self);

  return G_SOURCE_REMOVE;
}

static void
arm_tick (RapportCountdown *self)
{
  gint64 delay;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (self->state != RAPPORT_COUNTDOWN_RUNNING)
    return;

  /* Rounded up to whole milliseconds, so the tick comes just after the
   * second changes rather than just before it. */
  delay = tick_delay_usec (self);
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)((delay + 999) / 1000), tick_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->tick_id), "[rapport] countdown tick");
}

/* How long until the shown second next changes: the shown value s becomes
 * s - 1 once the remaining time is at most (s - 1) seconds. */
static gint64
tick_delay_usec (RapportCountdown *self)
{
  gint64 remaining = remaining_usec (self);
  gint64 delay = remaining - (shown_seconds (remaining) - 1) * USEC;

  return CLAMP (delay, 1, USEC);
}

static void
set_state (RapportCountdown      *self,
           RapportCountdownState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* GObject overrides */

static void
rapport_countdown_dispose (GObject *object)
{
  RapportCountdown *self = (RapportCountdown *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (rapport_countdown_parent_class)->dispose (object);
}

static void
rapport_countdown_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RapportCountdown *self = RAPPORT_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REMAINING:
      g_value_set_int64 (value, self->shown);
      break;

    case PROP_OVERTIME:
      g_value_set_boolean (value, self->overtime);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, rapport_countdown_get_fraction (self));
      break;

    case PROP_FIRST_ALERT_MINUTES:
      g_value_set_int (value, self->alert_minutes[RAPPORT_COUNTDOWN_ALERT_FIRST]);
      break;

    case PROP_WRAP_UP_ALERT_MINUTES:
      g_value_set_int (value, self->alert_minutes[RAPPORT_COUNTDOWN_ALERT_WRAP_UP]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_countdown_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RapportCountdown *self = RAPPORT_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      rapport_countdown_set_duration (self, g_value_get_int64 (value));
      break;

    case PROP_FIRST_ALERT_MINUTES:
      rapport_countdown_set_alert_minutes (self, RAPPORT_COUNTDOWN_ALERT_FIRST, g_value_get_int (value));
      break;

    case PROP_WRAP_UP_ALERT_MINUTES:
      rapport_countdown_set_alert_minutes (self, RAPPORT_COUNTDOWN_ALERT_WRAP_UP, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_countdown_class_init (RapportCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_countdown_dispose;
  object_class->get_property = rapport_countdown_get_property;
  object_class->set_property = rapport_countdown_set_property;

  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 1, MAX_DURATION, 20 * 60,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RAPPORT_TYPE_COUNTDOWN_STATE, RAPPORT_COUNTDOWN_READY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportCountdown:remaining:
   *
   * The seconds left as shown, rounded up; negative in overtime. Notified
   * only when the shown second changes.
   */
  properties[PROP_REMAINING] =
    g_param_spec_int64 ("remaining", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OVERTIME] =
    g_param_spec_boolean ("overtime", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportCountdown:fraction:
   *
   * The part of the duration left, from 1 at the start to 0 when the time
   * is up, for a progress ring; it changes with #RapportCountdown:remaining.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIRST_ALERT_MINUTES] =
    g_param_spec_int ("first-alert-minutes", NULL, NULL, 0, MAX_ALERT_MINUTES, 5,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_WRAP_UP_ALERT_MINUTES] =
    g_param_spec_int ("wrap-up-alert-minutes", NULL, NULL, 0, MAX_ALERT_MINUTES, 2,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportCountdown::alert:
   * @self: the countdown
   * @alert: which alert
   * @minutes: the minutes left at its mark (0 for time's up)
   *
   * Emitted once per alert and meeting, when the remaining time reaches its
   * mark. Several may come from one tick, in order.
   */
  signals[ALERT] =
    g_signal_new ("alert",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, RAPPORT_TYPE_COUNTDOWN_ALERT, G_TYPE_INT);
}

static void
rapport_countdown_init (RapportCountdown *self)
{
  self->clock = default_clock;
  self->state = RAPPORT_COUNTDOWN_READY;
  self->alert_minutes[RAPPORT_COUNTDOWN_ALERT_FIRST] = 5;
  self->alert_minutes[RAPPORT_COUNTDOWN_ALERT_WRAP_UP] = 2;
}

/* Public API */

/**
 * rapport_countdown_new:
 * @duration: the length of the meeting, in seconds
 *
 * Returns: (transfer full): a countdown that is ready to start
 */
RapportCountdown *
rapport_countdown_new (gint64 duration)
{
  return rapport_countdown_new_with_clock (duration, NULL, NULL);
}

/**
 * rapport_countdown_new_with_clock:
 * @duration: the length of the meeting, in seconds
 * @clock: (nullable): a monotonic clock in microseconds, or %NULL for
 *   g_get_monotonic_time()
 * @clock_data: data for @clock
 *
 * Returns: (transfer full): a countdown that is ready to start
 */
RapportCountdown *
rapport_countdown_new_with_clock (gint64            duration,
                                  RapportClockFunc  clock,
                                  gpointer          clock_data)
{
  RapportCountdown *self;

  g_return_val_if_fail (duration > 0 && duration <= MAX_DURATION, NULL);

  self = g_object_new (RAPPORT_TYPE_COUNTDOWN, "duration", duration, NULL);
  if (clock != NULL)
    {
      self->clock = clock;
      self->clock_data = clock_data;
    }

  return self;
}

gint64
rapport_countdown_get_duration (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), 0);
  return self->duration;
}

/**
 * rapport_countdown_set_duration:
 * @duration: the length of the meeting, in seconds
 *
 * Only a countdown that has not started can change its length.
 */
void
rapport_countdown_set_duration (RapportCountdown *self,
                                gint64            duration)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));
  g_return_if_fail (self->state == RAPPORT_COUNTDOWN_READY);
  g_return_if_fail (duration > 0 && duration <= MAX_DURATION);

  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  update (self);
}

RapportCountdownState
rapport_countdown_get_state (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), RAPPORT_COUNTDOWN_READY);
  return self->state;
}

/**
 * rapport_countdown_get_remaining:
 *
 * Returns: the seconds left as last shown (rounded up), negative in
 *   overtime; it is brought up to date by each tick
 */
gint64
rapport_countdown_get_remaining (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), 0);
  return self->shown;
}

/**
 * rapport_countdown_get_remaining_usec:
 *
 * Returns: the exact time left now, read from the clock, in microseconds;
 *   negative in overtime
 */
gint64
rapport_countdown_get_remaining_usec (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), 0);
  return remaining_usec (self);
}

gboolean
rapport_countdown_get_overtime (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), FALSE);
  return self->overtime;
}

double
rapport_countdown_get_fraction (RapportCountdown *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), 0.0);

  if (self->shown <= 0)
    return 0.0;

  return MIN (1.0, (double)self->shown / (double)self->duration);
}

/**
 * rapport_countdown_get_alert_minutes:
 *
 * Returns: the minutes left at which @alert fires, 0 if it is off; time's
 *   up is always at 0 and always on
 */
int
rapport_countdown_get_alert_minutes (RapportCountdown      *self,
                                     RapportCountdownAlert  alert)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN (self), 0);
  g_return_val_if_fail (alert < RAPPORT_N_COUNTDOWN_ALERTS, 0);

  return self->alert_minutes[alert];
}

/**
 * rapport_countdown_set_alert_minutes:
 * @alert: %RAPPORT_COUNTDOWN_ALERT_FIRST or %RAPPORT_COUNTDOWN_ALERT_WRAP_UP
 * @minutes: minutes before the end, or 0 to turn the alert off
 *
 * May change while the countdown runs (the settings are live). A mark moved
 * to a time already passed does not fire late, and an alert that has fired
 * does not fire again.
 */
void
rapport_countdown_set_alert_minutes (RapportCountdown      *self,
                                     RapportCountdownAlert  alert,
                                     int                    minutes)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));
  g_return_if_fail (alert == RAPPORT_COUNTDOWN_ALERT_FIRST || alert == RAPPORT_COUNTDOWN_ALERT_WRAP_UP);
  g_return_if_fail (minutes >= 0 && minutes <= MAX_ALERT_MINUTES);

  if (self->alert_minutes[alert] == minutes)
    return;

  self->alert_minutes[alert] = minutes;

  if (self->state != RAPPORT_COUNTDOWN_READY)
    {
      gint64 mark = alert_mark (self, alert);

      if (mark >= 0 && remaining_usec (self) <= mark * USEC)
        self->fired |= 1u << alert;
    }

  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[alert == RAPPORT_COUNTDOWN_ALERT_FIRST ? PROP_FIRST_ALERT_MINUTES
                                                                               : PROP_WRAP_UP_ALERT_MINUTES]);
}

void
rapport_countdown_start (RapportCountdown *self)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));
  g_return_if_fail (self->state == RAPPORT_COUNTDOWN_READY);

  self->banked_usec = 0;
  self->fired = 0;
  self->run_started_at = self->clock (self->clock_data);
  set_state (self, RAPPORT_COUNTDOWN_RUNNING);
  update (self);
  arm_tick (self);
}

void
rapport_countdown_pause (RapportCountdown *self)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));
  g_return_if_fail (self->state == RAPPORT_COUNTDOWN_RUNNING);

  /* Marks passed since the last tick are real: they fire before the pause. */
  update (self);
  if (self->state != RAPPORT_COUNTDOWN_RUNNING)
    return;

  self->banked_usec = elapsed_usec (self);
  set_state (self, RAPPORT_COUNTDOWN_PAUSED);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  update (self);
}

void
rapport_countdown_resume (RapportCountdown *self)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));
  g_return_if_fail (self->state == RAPPORT_COUNTDOWN_PAUSED);

  self->run_started_at = self->clock (self->clock_data);
  set_state (self, RAPPORT_COUNTDOWN_RUNNING);
  arm_tick (self);
}

/**
 * rapport_countdown_end:
 *
 * Stops the clock for good, at whatever time it shows; ending early does
 * not fire the remaining alerts.
 */
void
rapport_countdown_end (RapportCountdown *self)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));

  if (self->state == RAPPORT_COUNTDOWN_ENDED)
    return;

  self->banked_usec = elapsed_usec (self);
  set_state (self, RAPPORT_COUNTDOWN_ENDED);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  update (self);
}

/**
 * rapport_countdown_tick:
 *
 * Reads the clock and brings everything up to date. The countdown ticks
 * itself from the default main context; tests call this after moving
 * their fake clock.
 */
void
rapport_countdown_tick (RapportCountdown *self)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN (self));

  if (self->state != RAPPORT_COUNTDOWN_RUNNING)
    return;

  update (self);
  arm_tick (self);
}

/**
 * rapport_countdown_format:
 * @remaining: seconds, negative in overtime
 *
 * Formats the time shown on the clock: "19:59", "0:05", "1:00:00". Overtime
 * is shown as its magnitude ("3:12"); the caller says "over" around it.
 *
 * Returns: (transfer full): the text
 */
char *
rapport_countdown_format (gint64 remaining)
{
  guint64 seconds = remaining < 0 ? -(guint64)remaining : (guint64)remaining;
  guint64 hours = seconds / 3600;
  guint minutes = (guint)(seconds % 3600 / 60);

  seconds %= 60;

  if (hours > 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT ":%02u:%02u", hours, minutes, (guint)seconds);

  return g_strdup_printf ("%u:%02u", minutes, (guint)seconds);
}

/**
 * rapport_countdown_alert_dup_title:
 * @minutes: the minutes given by #RapportCountdown::alert
 *
 * Returns: (transfer full): a short title for the alert's notification
 */
char *
rapport_countdown_alert_dup_title (RapportCountdownAlert alert,
                                   int                   minutes)
{
  g_return_val_if_fail (alert < RAPPORT_N_COUNTDOWN_ALERTS, NULL);

  if (alert == RAPPORT_COUNTDOWN_ALERT_TIME_UP)
    return g_strdup (_("Time’s up"));

  return g_strdup_printf (ngettext ("%d minute left", "%d minutes left", minutes), minutes);
}

/**
 * rapport_countdown_alert_get_body:
 *
 * Returns: what the user should do now, for the alert's notification
 */
const char *
rapport_countdown_alert_get_body (RapportCountdownAlert alert)
{
  switch (alert)
    {
    case RAPPORT_COUNTDOWN_ALERT_FIRST:
      return _("Pick the questions that matter most for the time left.");
    case RAPPORT_COUNTDOWN_ALERT_WRAP_UP:
      return _("Start wrapping up: ask who else you should talk to, then thank them.");
    case RAPPORT_COUNTDOWN_ALERT_TIME_UP:
      return _("Say that you want to respect their time, and thank them. If they insist on going on, keep the last questions short.");
    default:
      g_return_val_if_reached (NULL);
    }
}
