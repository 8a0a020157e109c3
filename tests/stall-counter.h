/* stall-counter.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts how often the main loop was held up for longer than a frame while a task runs: a
 * high-priority source asks to run every millisecond, and each gap between two of its runs
 * longer than 16 ms is one stall (a frame the window could not have drawn in time). Used by the
 * benchmarks that report BENCH main_thread_stalls_<task>.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _StallCounter StallCounter;

StallCounter *stall_counter_start (void);
/* Stops counting, frees the counter and returns the number of stalls; the longest gap seen,
 * in ms, in *longest_ms when not NULL. */
guint         stall_counter_stop  (StallCounter *counter,
                                   double       *longest_ms);

G_END_DECLS
