/* rapport-context-backups.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The context's backups: the daily one after the check of the whole file,
 * one made now, a restore, and the latest backup offered when the database
 * is damaged. The work itself is in backup/rapport-backup.c, on the
 * database thread.
 */
#define G_LOG_DOMAIN "rapport-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context-private.h"

/* Helpers {{{ */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* }}} */
/* Callbacks {{{ */

static void
daily_backup_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportContext) self = user_data;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = rapport_backup_create_finish (RAPPORT_DATABASE (object), result, &error);
  if (backup != NULL)
    {
      g_debug ("Daily backup: %s", backup->path);
      _rapport_context_backups_changed (self);
    }
  else if (error != NULL && !is_cancelled (error))
    {
      g_autofree char *title = NULL;

      g_warning ("The daily backup failed: %s", error->message);
      /* Translators: %s is an error message */
      title = g_strdup_printf (_("The daily backup failed: %s"), error->message);
      rapport_context_notice (self, title);
    }
}

static void
latest_backup_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RapportContext) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  RapportBackup *latest;

  backups = rapport_backup_list_finish (RAPPORT_DATABASE (object), result, &error);
  if (backups == NULL)
    {
      if (!is_cancelled (error))
        g_warning ("Could not list the backups: %s", error->message);
      return;
    }

  /* The database may have been moved aside or restored meanwhile. */
  if (rapport_context_get_ready (self))
    return;

  latest = backups->len > 0 ? g_ptr_array_index (backups, 0) : NULL;
  _rapport_context_set_latest_backup (self, latest != NULL ? latest->path : NULL);
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportContext *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  RapportBackup *backup;

  backup = rapport_backup_create_finish (RAPPORT_DATABASE (object), result, &error);
  if (backup == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _rapport_context_backups_changed (self);
  g_task_return_pointer (task, backup, (GDestroyNotify) rapport_backup_free);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportContext *self = g_task_get_source_object (task);
  RapportDatabase *database = RAPPORT_DATABASE (object);
  gboolean was_ready = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!rapport_backup_restore_finish (database, result, &kept, &error))
    {
      /* Refused before anything changed, the database is as it was. If it
       * failed after the current data was put aside, say so everywhere. */
      if (was_ready && !rapport_database_is_open (database))
        _rapport_context_set_state (self, FALSE, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _rapport_context_restored (self);
  _rapport_context_backups_changed (self);
  g_task_return_pointer (task, kept != NULL ? g_steal_pointer (&kept) : g_strdup (""), g_free);
}

/* }}} */
/* Private API {{{ */

/* After the first frame and the check of the whole file, on the database
 * thread: the main thread only queues it. */
void
_rapport_context_back_up_if_due (RapportContext *self)
{
  rapport_backup_create_async (rapport_context_get_database (self), NULL, TRUE,
                               _rapport_context_get_cancellable (self),
                               daily_backup_cb, g_object_ref (self));
}

void
_rapport_context_find_latest_backup (RapportContext *self)
{
  rapport_backup_list_async (rapport_context_get_database (self),
                             _rapport_context_get_cancellable (self),
                             latest_backup_listed_cb, g_object_ref (self));
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_context_back_up_async:
 *
 * Backs up the database now, behind the jobs already queued on its thread.
 */
void
rapport_context_back_up_async (RapportContext  *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_context_back_up_async);
  rapport_backup_create_async (rapport_context_get_database (self), NULL, FALSE,
                               cancellable, backed_up_cb, task);
}

/**
 * rapport_context_back_up_finish:
 *
 * Returns: (transfer full): the new backup, or %NULL with @error set
 */
RapportBackup *
rapport_context_back_up_finish (RapportContext  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rapport_context_restore_async:
 *
 * Replaces the database with the backup at @backup_path; see
 * rapport_backup_restore_async(). On success every window shows and
 * reloads the restored data.
 */
void
rapport_context_restore_async (RapportContext  *self,
                                   const char          *backup_path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_CONTEXT (self));
  g_return_if_fail (backup_path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_context_restore_async);
  g_task_set_task_data (task, GINT_TO_POINTER (rapport_context_get_ready (self)), NULL);
  rapport_backup_restore_async (rapport_context_get_database (self), backup_path,
                                cancellable, restored_cb, task);
}

/**
 * rapport_context_restore_finish:
 * @kept_path: (out) (optional) (transfer full): where the replaced data
 *   went: a backup, or the damaged file moved aside; %NULL if none
 */
gboolean
rapport_context_restore_finish (RapportContext  *self,
                                    GAsyncResult        *result,
                                    char               **kept_path,
                                    GError             **error)
{
  g_autofree char *kept = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  kept = g_task_propagate_pointer (G_TASK (result), error);
  if (kept == NULL)
    return FALSE;

  if (kept_path != NULL)
    *kept_path = *kept != '\0' ? g_steal_pointer (&kept) : NULL;
  return TRUE;
}

/* }}} */
