/* rapport-database-jobs.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-database.h"
#include "rapport-database-private.h"

/* The database thread: how jobs are queued and run one after another on
 * the single worker, and the run functions that hand work to it. */

typedef struct
{
  RapportDatabaseJobFunc  func;
  RapportDatabaseFunc     user_func;
  gpointer                data;
  GDestroyNotify          data_free;
  GDestroyNotify          result_free;
} Job;

/* Helpers {{{ */

static void
job_free (gpointer data)
{
  Job *job = data;

  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_free (job);
}

/* }}} */
/* The worker {{{ */

void
_rapport_database_pool_worker (gpointer item,
                               gpointer user_data)
{
  g_autoptr(GTask) task = item;
  RapportDatabase *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&self->lock);
  result = job->func (self, job, &error);
  _rapport_database_busy_done (self);
  g_mutex_unlock (&self->lock);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

void
_rapport_database_queue_job (RapportDatabase        *self,
                             RapportDatabaseJobFunc  func,
                             RapportDatabaseFunc     user_func,
                             gpointer                data,
                             GDestroyNotify          data_free,
                             GDestroyNotify          result_free,
                             gpointer                source_tag,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  g_autoptr(GError) error = NULL;
  GTask *task;
  Job *job;

  job = g_new0 (Job, 1);
  job->func = func;
  job->user_func = user_func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);

  if (!g_thread_pool_push (self->pool, task, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
}

/* Unlike user_job, runs whether or not the connection is open: restoring
 * a backup must work when the live file is the one that cannot be opened. */
static gpointer
exclusive_job (RapportDatabase  *self,
               gpointer          data,
               GError          **error)
{
  Job *job = data;

  return job->user_func (self, job->data, error);
}

static gpointer
user_job (RapportDatabase  *self,
          gpointer          data,
          GError          **error)
{
  Job *job = data;

  if (self->conn == NULL)
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CLOSED,
                           _("The database is not open."));
      return NULL;
    }

  return job->user_func (self, job->data, error);
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_database_run_async:
 * @func: the work, run on the database thread with the connection
 * @data: (transfer full): handed to @func
 * @data_free: frees @data once the job is done
 * @result_free: frees what @func returned if nobody takes it
 *
 * Queues @func behind every job queued before it. The callback runs in the
 * thread-default main context of the caller.
 */
void
rapport_database_run_async (RapportDatabase     *self,
                            RapportDatabaseFunc  func,
                            gpointer             data,
                            GDestroyNotify       data_free,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _rapport_database_queue_job (self, user_job, func, data, data_free, result_free,
             rapport_database_run_async, cancellable, callback, user_data);
}

/**
 * rapport_database_run_finish:
 *
 * Returns: (transfer full) (nullable): what the job's function returned
 */
gpointer
rapport_database_run_finish (RapportDatabase  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_database_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rapport_database_run_sync:
 *
 * Runs @func on the calling thread, for tests and command-line tools; the
 * application itself uses rapport_database_run_async().
 *
 * Returns: (transfer full) (nullable): what @func returned
 */
gpointer
rapport_database_run_sync (RapportDatabase      *self,
                           RapportDatabaseFunc   func,
                           gpointer              data,
                           GError              **error)
{
  Job job = { user_job, func, data, NULL, NULL };
  gpointer ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  g_mutex_lock (&self->lock);
  ret = user_job (self, &job, error);
  g_mutex_unlock (&self->lock);

  return ret;
}

/* }}} */

/* For storage code that replaces the file itself {{{ */

void
_rapport_database_run_exclusive_async (RapportDatabase     *self,
                                       RapportDatabaseFunc  func,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GDestroyNotify       result_free,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  _rapport_database_queue_job (self, exclusive_job, func, data, data_free, result_free,
             _rapport_database_run_exclusive_async, cancellable, callback, user_data);
}

gpointer
_rapport_database_run_exclusive_finish (RapportDatabase  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _rapport_database_run_exclusive_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
_rapport_database_run_exclusive_sync (RapportDatabase      *self,
                                      RapportDatabaseFunc   func,
                                      gpointer              data,
                                      GError              **error)
{
  Job job = { exclusive_job, func, data, NULL, NULL };
  gpointer ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  g_mutex_lock (&self->lock);
  ret = exclusive_job (self, &job, error);
  g_mutex_unlock (&self->lock);

  return ret;
}

/* }}} */
