/* stall-counter.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "stall-counter.h"

#define FRAME_US (16 * G_TIME_SPAN_MILLISECOND)

struct _StallCounter
{
  guint  source_id;
  gint64 last;
  gint64 longest;
  guint  stalls;
};

static gboolean
tick_cb (gpointer user_data)
{
  StallCounter *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - self->last;

  if (gap > FRAME_US)
    self->stalls++;
  self->longest = MAX (self->longest, gap);
  self->last = now;
  return G_SOURCE_CONTINUE;
}

StallCounter *
stall_counter_start (void)
{
  StallCounter *self = g_new0 (StallCounter, 1);

  self->last = g_get_monotonic_time ();
  /* Above the default priority, so that a busy but responsive loop (many short callbacks)
   * still lets it run in time: only one callback that runs too long makes a gap. */
  self->source_id = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, self, NULL);
  return self;
}

guint
stall_counter_stop (StallCounter *self,
                    double       *longest_ms)
{
  guint stalls;

  /* The time since the last tick counts too: the task may have ended in a long callback. */
  tick_cb (self);
  g_source_remove (self->source_id);
  stalls = self->stalls;
  if (longest_ms != NULL)
    *longest_ms = self->longest / 1000.0;
  g_free (self);
  return stalls;
}
