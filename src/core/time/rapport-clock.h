/* rapport-clock.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The wall clock as Rapport reads it, in microseconds since the epoch.
 * It is g_get_real_time(), moved by RAPPORT_TEST_TIME_OFFSET seconds when
 * that variable is set: the end-to-end tests start the real application
 * "14 days later" to see what the follow-up rules do then. Nothing else
 * sets it. */
gint64 rapport_clock_get_real_time (void);

/* The same, in whole seconds: what the database stores. */
gint64 rapport_clock_get_now       (void);

G_END_DECLS
