/* rapport-database-busy.c -- waiting for another program that holds the database
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another process may hold SQLite's write lock for a while: a backup or
 * sync tool copying the file, a second Rapport in another session, the
 * sqlite3 shell. A write then waits for it, with back-off, for up to
 * 30 seconds rather than failing after SQLite's few. Once it has waited a
 * second the database says so in its "waiting" property, on the main
 * thread, so that the window can tell the user why a save has not
 * finished. Past the limit the write fails with
 * RAPPORT_DATABASE_ERROR_BUSY, and the form that made it keeps what was
 * typed.
 */
#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include <sqlite3.h>

#include "rapport-database-private.h"

#define SHOW_AFTER_US   G_USEC_PER_SEC
#define LONGEST_PAUSE_US (100 * 1000)

static gboolean
notify_waiting_cb (gpointer data)
{
  RapportDatabase *self = data;
  gboolean waiting = g_atomic_int_get (&self->waiting);

  if (waiting != self->waiting_shown)
    {
      self->waiting_shown = waiting;
      g_object_notify (G_OBJECT (self), "waiting");
    }
  return G_SOURCE_REMOVE;
}

/* On the database thread, during a job: the job's task holds a reference
 * to the database, so it is alive to be referenced again here. */
static void
set_waiting (RapportDatabase *self,
             gboolean         waiting)
{
  if (g_atomic_int_get (&self->waiting) == waiting)
    return;

  g_atomic_int_set (&self->waiting, waiting);
  g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT,
                              notify_waiting_cb, g_object_ref (self), g_object_unref);
}

/* SQLite calls this while a lock it needs is held elsewhere, @count being
 * how often it has already called it for this statement. */
static int
busy_cb (void *data,
         int   count)
{
  RapportDatabase *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 waited;

  if (count == 0)
    self->busy_since = now;
  waited = now - self->busy_since;

  if (waited >= (gint64) g_atomic_int_get (&self->busy_limit_ms) * 1000)
    return 0;
  if (waited >= SHOW_AFTER_US)
    set_waiting (self, TRUE);

  /* 1 ms, doubling to a tenth of a second: a short lock costs little,
   * and a long one is asked after often enough to take over at once. */
  g_usleep (MIN ((gint64) 1000 << MIN (count, 10), LONGEST_PAUSE_US));
  return 1;
}

void
_rapport_database_busy_attach (RapportDatabase *self,
                               sqlite3         *conn)
{
  sqlite3_busy_handler (conn, busy_cb, self);
}

/* After each job: whatever it waited for is over. */
void
_rapport_database_busy_done (RapportDatabase *self)
{
  set_waiting (self, FALSE);
}

/**
 * rapport_database_get_waiting:
 *
 * Returns: whether a job has been waiting for more than a second for
 *   another program to let go of the database; on the main thread,
 *   notified as it changes
 */
gboolean
rapport_database_get_waiting (RapportDatabase *self)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);

  return self->waiting_shown;
}

/**
 * rapport_database_set_busy_limit:
 * @limit_ms: how long a statement waits for a lock, in milliseconds
 *
 * How long a job waits for another program to let go of the database
 * before it fails with %RAPPORT_DATABASE_ERROR_BUSY; 30 seconds unless
 * set.
 */
void
rapport_database_set_busy_limit (RapportDatabase *self,
                                 guint            limit_ms)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));

  g_atomic_int_set (&self->busy_limit_ms, limit_ms);
}
