/* rapport-countdown.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RapportClockFunc:
 * @user_data: the data given with the function
 *
 * A monotonic clock, in microseconds; g_get_monotonic_time() by default.
 * Tests pass a fake one and call rapport_countdown_tick().
 */
typedef gint64 (*RapportClockFunc) (gpointer user_data);

typedef enum
{
  RAPPORT_COUNTDOWN_READY,
  RAPPORT_COUNTDOWN_RUNNING,
  RAPPORT_COUNTDOWN_PAUSED,
  RAPPORT_COUNTDOWN_ENDED,
} RapportCountdownState;

/* In the order they come during a meeting with the default settings. */
typedef enum
{
  RAPPORT_COUNTDOWN_ALERT_FIRST,
  RAPPORT_COUNTDOWN_ALERT_WRAP_UP,
  RAPPORT_COUNTDOWN_ALERT_TIME_UP,
} RapportCountdownAlert;

#define RAPPORT_N_COUNTDOWN_ALERTS (RAPPORT_COUNTDOWN_ALERT_TIME_UP + 1)

#define RAPPORT_TYPE_COUNTDOWN_STATE (rapport_countdown_state_get_type ())
#define RAPPORT_TYPE_COUNTDOWN_ALERT (rapport_countdown_alert_get_type ())
#define RAPPORT_TYPE_COUNTDOWN       (rapport_countdown_get_type ())

GType rapport_countdown_state_get_type (void) G_GNUC_CONST;
GType rapport_countdown_alert_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (RapportCountdown, rapport_countdown, RAPPORT, COUNTDOWN, GObject)

RapportCountdown      *rapport_countdown_new                (gint64                 duration);
RapportCountdown      *rapport_countdown_new_with_clock     (gint64                 duration,
                                                             RapportClockFunc       clock,
                                                             gpointer               clock_data);
gint64                 rapport_countdown_get_duration       (RapportCountdown      *self);
void                   rapport_countdown_set_duration       (RapportCountdown      *self,
                                                             gint64                 duration);
RapportCountdownState  rapport_countdown_get_state          (RapportCountdown      *self);
gint64                 rapport_countdown_get_remaining      (RapportCountdown      *self);
gint64                 rapport_countdown_get_remaining_usec (RapportCountdown      *self);
gboolean               rapport_countdown_get_overtime       (RapportCountdown      *self);
double                 rapport_countdown_get_fraction       (RapportCountdown      *self);
int                    rapport_countdown_get_alert_minutes  (RapportCountdown      *self,
                                                             RapportCountdownAlert  alert);
void                   rapport_countdown_set_alert_minutes  (RapportCountdown      *self,
                                                             RapportCountdownAlert  alert,
                                                             int                    minutes);
void                   rapport_countdown_start              (RapportCountdown      *self);
void                   rapport_countdown_pause              (RapportCountdown      *self);
void                   rapport_countdown_resume             (RapportCountdown      *self);
void                   rapport_countdown_end                (RapportCountdown      *self);
void                   rapport_countdown_tick               (RapportCountdown      *self);

char                  *rapport_countdown_format             (gint64                 remaining);
char                  *rapport_countdown_alert_dup_title    (RapportCountdownAlert  alert,
                                                             int                    minutes);
const char            *rapport_countdown_alert_get_body     (RapportCountdownAlert  alert);

G_END_DECLS
