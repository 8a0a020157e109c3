/* rapport-reminder-scheduler.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-reminder-store.h"

G_BEGIN_DECLS

/**
 * RapportReminderClock:
 * @get_monotonic_time: like g_get_monotonic_time(), in microseconds
 * @get_real_time: like g_get_real_time(), in microseconds since the epoch
 * @user_data: passed to both
 *
 * The scheduler's clocks, so that tests can move them. Both are read on
 * the main thread only.
 */
typedef struct
{
  gint64   (*get_monotonic_time) (gpointer user_data);
  gint64   (*get_real_time)      (gpointer user_data);
  gpointer   user_data;
} RapportReminderClock;

/* Reminders overdue by more than this at start are grouped ("catch-up"). */
#define RAPPORT_REMINDER_SCHEDULER_GRACE_SECONDS 120
/* The longest the scheduler sleeps before looking at the wall clock again. */
#define RAPPORT_REMINDER_SCHEDULER_MAX_SLEEP_MS  60000

#define RAPPORT_TYPE_REMINDER_SCHEDULER (rapport_reminder_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (RapportReminderScheduler, rapport_reminder_scheduler, RAPPORT, REMINDER_SCHEDULER, GObject)

RapportReminderScheduler *rapport_reminder_scheduler_new           (RapportReminderStore        *store,
                                                                    const RapportReminderClock  *clock);
void                      rapport_reminder_scheduler_start         (RapportReminderScheduler    *self);
void                      rapport_reminder_scheduler_stop          (RapportReminderScheduler    *self);
void                      rapport_reminder_scheduler_recheck       (RapportReminderScheduler    *self);
void                      rapport_reminder_scheduler_watch_system  (RapportReminderScheduler    *self);
gboolean                  rapport_reminder_scheduler_is_busy       (RapportReminderScheduler    *self);
gint64                    rapport_reminder_scheduler_get_next_at   (RapportReminderScheduler    *self);
guint                     rapport_reminder_scheduler_get_sleep_ms  (RapportReminderScheduler    *self);

G_END_DECLS
