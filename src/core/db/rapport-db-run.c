/* rapport-db-run.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-sql.h"

/* The one way a store runs a job on the database thread: a task on the
 * store, whose function runs on the worker behind every job queued before
 * it, and whose result comes back on the main thread in queue order.
 *
 * Cancelling is the same for every store: a read that is cancelled before
 * it starts does not run; a write always runs once queued. Either way a
 * caller that cancelled gets %G_IO_ERROR_CANCELLED, so that a callback
 * whose widget is gone does not touch it. Errors are the worker's, as
 * they are: the database's (%RAPPORT_DATABASE_ERROR) or the store's own. */

typedef struct
{
  RapportDbRunFlags    flags;
  RapportDatabaseFunc  func;
  gpointer             data;
  GDestroyNotify       data_free;
  GDestroyNotify       result_free;
  RapportDbDoneFunc    done;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  if (run->data_free != NULL)
    g_clear_pointer (&run->data, run->data_free);
  g_free (run);
}

/* On the database thread. */
static gpointer
run_func (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  Run *run = data;
  gpointer ret;

  if ((run->flags & RAPPORT_DB_RUN_TRANSACTION) != RAPPORT_DB_RUN_TRANSACTION)
    return run->func (db, run->data, error);

  if (!rapport_sql_begin (db, error))
    return NULL;
  ret = run->func (db, run->data, error);
  if (!rapport_sql_commit_or_rollback (db, ret != NULL, error))
    {
      if (ret != NULL && run->result_free != NULL)
        run->result_free (ret);
      return NULL;
    }
  return ret;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer ret;

  ret = rapport_database_run_finish (RAPPORT_DATABASE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (run->done != NULL)
    run->done (g_task_get_source_object (task), run->data, ret);
  g_task_return_pointer (task, ret, run->result_free);
}

/**
 * rapport_db_run:
 * @source_object: the store, the source object of the result
 * @source_tag: the store's _async function, checked by the finish functions
 * @flags: a read, a write, or a write in a transaction of the runner's
 * @func: the work, on the database thread
 * @data: (transfer full): handed to @func and @done, and kept until the
 *   result is freed (rapport_db_run_get_data())
 * @data_free: frees @data
 * @result_free: frees what @func returned if nobody takes it
 * @done: (nullable): run on the main thread after a success
 *
 * Queues @func behind every job queued before it on @db.
 */
void
rapport_db_run (gpointer             source_object,
                gpointer             source_tag,
                RapportDatabase     *db,
                RapportDbRunFlags    flags,
                RapportDatabaseFunc  func,
                gpointer             data,
                GDestroyNotify       data_free,
                GDestroyNotify       result_free,
                RapportDbDoneFunc    done,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (G_IS_OBJECT (source_object));
  g_return_if_fail (RAPPORT_IS_DATABASE (db));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  run = g_new0 (Run, 1);
  run->flags = flags;
  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  run->done = done;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, run_free);

  /* The task keeps run, and so data, alive until the worker is done. */
  rapport_database_run_async (db, run_func, run, NULL, result_free,
                              (flags & RAPPORT_DB_RUN_WRITE) ? NULL : cancellable,
                              run_done_cb, task);
}

/**
 * rapport_db_run_finish:
 *
 * Returns: (transfer full) (nullable): what the job's function returned
 */
gpointer
rapport_db_run_finish (gpointer       source_object,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For jobs whose function returns GINT_TO_POINTER (TRUE) on success. */
gboolean
rapport_db_run_finish_boolean (gpointer       source_object,
                               GAsyncResult  *result,
                               gpointer       source_tag,
                               GError       **error)
{
  return rapport_db_run_finish (source_object, result, source_tag, error) != NULL;
}

/* For jobs whose function returns rapport_db_id_result(). */
gint64
rapport_db_run_finish_id (gpointer       source_object,
                          GAsyncResult  *result,
                          gpointer       source_tag,
                          GError       **error)
{
  g_autofree gint64 *id = rapport_db_run_finish (source_object, result, source_tag, error);

  return id != NULL ? *id : 0;
}

/**
 * rapport_db_run_get_data:
 *
 * Returns: (transfer none): the data the job was queued with, for a finish
 *   function that hands out a second result the job's function left there
 */
gpointer
rapport_db_run_get_data (GAsyncResult *result)
{
  Run *run;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  run = g_task_get_task_data (G_TASK (result));
  return run != NULL ? run->data : NULL;
}

/**
 * rapport_db_id_result:
 *
 * Returns: (transfer full) (nullable): a row id as a job's result, freed
 *   with g_free(); %NULL for 0, a failure
 */
gpointer
rapport_db_id_result (gint64 id)
{
  return id != 0 ? g_memdup2 (&id, sizeof id) : NULL;
}
