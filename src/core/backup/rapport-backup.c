/* rapport-backup.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-backup.h"
#include "rapport-backup-private.h"
#include "rapport-database-private.h"
#include "rapport-private-files.h"

/* A backup is written under this name first, and renamed once whole. */
#define TEMP_NAME   ".rapport-backup.tmp"

/* Helpers {{{ */

static void
set_errno_error (GError     **error,
                 int          errsv,
                 gboolean     is_folder,
                 const char  *path)
{
  g_autofree char *what = NULL;

  if (is_folder)
    what = g_strdup_printf (_("Could not create the folder “%s”"), path);
  else
    what = g_strdup_printf (_("Could not write “%s”"), path);

  if (errsv == ENOSPC || errsv == EDQUOT || errsv == EFBIG)
    g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL,
                 /* Translators: %s says what failed, e.g. Could not write “/path” */
                 _("The disk is full. %s"), what);
  else
    g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_ACCESS,
                 "%s: %s", what, g_strerror (errsv));
}

/* A rename is only durable once the folder that holds the name is synced. */
static gboolean
sync_path (const char  *path,
           gboolean     is_folder,
           GError     **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | (is_folder ? O_DIRECTORY : 0));

  if (fd < 0 || fsync (fd) != 0)
    {
      int errsv = errno;

      if (fd >= 0)
        close (fd);
      set_errno_error (error, errsv, FALSE, path);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  int errsv = rapport_private_folder_ensure (folder, NULL);

  if (errsv != 0)
    {
      set_errno_error (error, errsv, TRUE, folder);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (sqlite3     *conn,
           const char  *sql,
           gint64      *value,
           char       **text,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      rapport_database_set_error (error, conn, rc, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (value != NULL)
    *value = sqlite3_column_int64 (stmt, 0);
  if (text != NULL)
    *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Whether @path is a whole Rapport database this version can open: ours by
 * its header, not from a newer Rapport, and every page readable. */
static gboolean
validate_file (const char  *path,
               GError     **error)
{
  g_autofree char *check = NULL;
  sqlite3 *conn = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gboolean ret = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_database_set_error (error, conn, rc, "open");
      goto out;
    }
  sqlite3_extended_result_codes (conn, TRUE);

  if (!query_int (conn, "PRAGMA application_id", &app_id, NULL, error) ||
      !query_int (conn, "PRAGMA user_version", &version, NULL, error))
    goto out;

  if (app_id != RAPPORT_DATABASE_APPLICATION_ID)
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT,
                           _("It is not a Rapport database."));
      goto out;
    }

  if (version > rapport_database_get_latest_version ())
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_TOO_NEW,
                           _("It was written by a newer version of Rapport."));
      goto out;
    }

  if (!query_int (conn, "PRAGMA quick_check", NULL, &check, error))
    goto out;

  if (g_strcmp0 (check, "ok") != 0)
    {
      /* Its findings ("*** in database main *** Page 9: …") mean nothing
       * to the user; they go to the log. */
      g_debug ("quick_check of %s: %s", path, check);
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT,
                           _("It is damaged."));
      goto out;
    }

  ret = TRUE;

out:
  sqlite3_close_v2 (conn);
  return ret;
}

static void
remove_old (GPtrArray *backups,
            guint      keep)
{
  for (guint i = keep; i < backups->len; i++)
    {
      RapportBackup *backup = g_ptr_array_index (backups, i);

      if (g_unlink (backup->path) != 0)
        g_warning ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
      else
        g_debug ("Removed the old backup %s", backup->path);
    }
}

/* Runs on the database thread with the connection open. VACUUM INTO writes
 * a consistent snapshot, as of one read transaction, compacted, and without
 * a WAL of its own; it goes to a temporary name first, so a backup that
 * failed half way (a full disk) never looks like a real one. */
static RapportBackup *
create_locked (RapportDatabase  *database,
               GDateTime        *time,
               GError          **error)
{
  sqlite3 *conn = rapport_database_get_connection (database);
  g_autofree char *folder = rapport_backup_dup_folder (rapport_database_get_path (database));
  g_autofree char *temp = g_build_filename (folder, TEMP_NAME, NULL);
  g_autofree char *target = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 started = g_get_monotonic_time ();
  int rc;

  if (!ensure_folder (folder, error))
    return NULL;

  target = rapport_backup_build_path (folder, time);

  /* Left over from a backup that was interrupted. */
  g_unlink (temp);

  /* VACUUM INTO writes into an empty file as into a new one, and keeps its
   * mode: the user's alone, like the database. */
  if ((rc = rapport_private_file_ensure (temp, TRUE)) != 0)
    {
      set_errno_error (error, rc, FALSE, temp);
      return NULL;
    }

  rc = sqlite3_prepare_v2 (conn, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, temp, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rapport_database_set_error (&local_error, conn, rc, "VACUUM INTO");
  sqlite3_finalize (stmt);

  if (local_error == NULL)
    validate_file (temp, &local_error);
  if (local_error == NULL)
    sync_path (temp, FALSE, &local_error);
  if (local_error == NULL && g_rename (temp, target) != 0)
    set_errno_error (&local_error, errno, FALSE, target);
  if (local_error == NULL)
    sync_path (folder, TRUE, &local_error);

  if (local_error != NULL)
    {
      g_unlink (temp);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), _("Could not back up the database: "));
      return NULL;
    }

  g_debug ("Backed up %s to %s in %.1f ms", rapport_database_get_path (database), target,
           (g_get_monotonic_time () - started) / 1000.0);

  /* Only now that the new one is safe. */
  backups = rapport_backup_list (folder, NULL);
  if (backups != NULL)
    remove_old (backups, RAPPORT_BACKUP_KEEP);

  return _rapport_backup_new (target, time);
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) destination = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    return sync_path (to, FALSE, error);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL,
                 _("The disk is full. %s"), local_error->message);
  else
    g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_ACCESS,
                         local_error->message);
  return FALSE;
}

static void
remove_journal_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (name) == 0)
        g_debug ("Removed the stale %s", name);
    }
}

/* Keeps what the live file holds before a restore replaces it: a backup if
 * it opens and checks, otherwise the file itself, moved aside. Sets
 * *kept_path to where it went, or NULL when there was no file. */
static gboolean
keep_current_locked (RapportDatabase  *database,
                     GDateTime        *time,
                     char            **kept_path,
                     GError          **error)
{
  const char *path = rapport_database_get_path (database);
  g_autoptr(GError) open_error = NULL;
  g_autoptr(RapportBackup) backup = NULL;

  *kept_path = NULL;

  if (!_rapport_database_is_open_locked (database))
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;

      if (!_rapport_database_open_locked (database, &open_error) ||
          !_rapport_database_check_locked (database, &open_error))
        {
          /* Another program holds it, or it cannot be read at all: replacing
           * it now could lose what that program is writing. */
          if (g_error_matches (open_error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_BUSY) ||
              g_error_matches (open_error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_ACCESS))
            {
              g_propagate_error (error, g_steal_pointer (&open_error));
              return FALSE;
            }

          g_debug ("Moving %s aside before restoring: %s", path, open_error->message);
          *kept_path = _rapport_database_move_aside_locked (database, error);
          return *kept_path != NULL;
        }
    }

  backup = create_locked (database, time, error);
  if (backup == NULL)
    return FALSE;

  _rapport_database_close_locked (database);
  *kept_path = g_strdup (backup->path);
  return TRUE;
}

typedef struct
{
  char      *backup_path;
  GDateTime *time;
  gboolean   only_if_due;
} JobData;

static void
job_data_free (JobData *job)
{
  g_free (job->backup_path);
  g_clear_pointer (&job->time, g_date_time_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JobData, job_data_free)

static JobData *
job_data_new (const char *backup_path,
              GDateTime  *time)
{
  JobData *job = g_new0 (JobData, 1);

  job->backup_path = g_strdup (backup_path);
  job->time = time != NULL ? g_date_time_ref (time) : g_date_time_new_now_local ();
  return job;
}

static gpointer
create_func (RapportDatabase  *database,
             gpointer          data,
             GError          **error)
{
  JobData *job = data;

  if (job->only_if_due)
    {
      g_autofree char *folder = rapport_backup_dup_folder (rapport_database_get_path (database));
      g_autoptr(GPtrArray) backups = rapport_backup_list (folder, NULL);

      if (!rapport_backup_is_due (backups, job->time))
        return NULL;
    }

  return create_locked (database, job->time, error);
}

static gpointer
list_func (RapportDatabase  *database,
           gpointer          data,
           GError          **error)
{
  g_autofree char *folder = rapport_backup_dup_folder (rapport_database_get_path (database));

  return rapport_backup_list (folder, error);
}

static gpointer
restore_func (RapportDatabase  *database,
              gpointer          data,
              GError          **error)
{
  JobData *job = data;
  const char *path = rapport_database_get_path (database);
  g_autofree char *temp = g_strconcat (path, ".restoring", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (job->backup_path);
  g_autofree char *kept_path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!ensure_folder (dir, error))
    return NULL;

  /* Checked as the copy that will be put in place, before anything of the
   * current data is touched: a damaged backup changes nothing. */
  if (!copy_file (job->backup_path, temp, &local_error))
    {
      g_unlink (temp);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not restore “%s”: "), basename);
      return NULL;
    }

  if (!validate_file (temp, &local_error))
    {
      g_unlink (temp);
      g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT,
                   _("The backup “%s” cannot be restored: %s Nothing was changed."),
                   basename, local_error->message);
      return NULL;
    }

  if (!keep_current_locked (database, job->time, &kept_path, &local_error))
    {
      g_unlink (temp);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not keep the current data, so nothing was restored: "));
      return NULL;
    }

  /* Journal files of the old database would be replayed into the new one. */
  remove_journal_files (path);

  if (g_rename (temp, path) != 0)
    {
      set_errno_error (error, errno, FALSE, path);
      g_unlink (temp);
      return NULL;
    }

  if (!sync_path (dir, TRUE, error) ||
      !_rapport_database_open_locked (database, error) ||
      !_rapport_database_check_locked (database, error))
    return NULL;

  g_message ("Restored %s from %s; the replaced data is in %s", path, job->backup_path,
             kept_path != NULL ? kept_path : "(nothing)");

  /* A non-NULL result even when there was nothing to keep. */
  return kept_path != NULL ? g_steal_pointer (&kept_path) : g_strdup ("");
}

/* }}} */
/* Jobs {{{ */

/**
 * rapport_backup_create:
 * @time: (nullable): the backup's time, for its name; now if %NULL
 *
 * Backs up the open database on the calling thread; for tests and tools.
 *
 * Returns: (transfer full): the new backup
 */
RapportBackup *
rapport_backup_create (RapportDatabase  *database,
                       GDateTime        *time,
                       GError          **error)
{
  g_autoptr(JobData) job = NULL;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), NULL);

  job = job_data_new (NULL, time);
  return rapport_database_run_sync (database, create_func, job, error);
}

/**
 * rapport_backup_create_async:
 * @time: (nullable): the backup's time, for its name; now if %NULL
 * @only_if_due: skip the backup unless rapport_backup_is_due()
 *
 * Backs up the open database on its thread, behind the jobs already
 * queued, then removes all but the newest %RAPPORT_BACKUP_KEEP backups.
 */
void
rapport_backup_create_async (RapportDatabase     *database,
                             GDateTime           *time,
                             gboolean             only_if_due,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  JobData *job;

  g_return_if_fail (RAPPORT_IS_DATABASE (database));

  job = job_data_new (NULL, time);
  job->only_if_due = !!only_if_due;
  rapport_database_run_async (database, create_func, job, (GDestroyNotify) job_data_free,
                              (GDestroyNotify) rapport_backup_free,
                              cancellable, callback, user_data);
}

/**
 * rapport_backup_create_finish:
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL with @error
 *   set, or %NULL without an error when none was due
 */
RapportBackup *
rapport_backup_create_finish (RapportDatabase  *database,
                              GAsyncResult     *result,
                              GError          **error)
{
  return rapport_database_run_finish (database, result, error);
}

/**
 * rapport_backup_list_async:
 *
 * Lists the backups on the database thread, whether or not the database
 * could be opened.
 */
void
rapport_backup_list_async (RapportDatabase     *database,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (database));

  _rapport_database_run_exclusive_async (database, list_func, NULL, NULL,
                                         (GDestroyNotify) g_ptr_array_unref,
                                         cancellable, callback, user_data);
}

/**
 * rapport_backup_list_finish:
 *
 * Returns: (transfer full) (element-type RapportBackup): the backups,
 *   newest first
 */
GPtrArray *
rapport_backup_list_finish (RapportDatabase  *database,
                            GAsyncResult     *result,
                            GError          **error)
{
  return _rapport_database_run_exclusive_finish (database, result, error);
}

/**
 * rapport_backup_restore:
 * @time: (nullable): the time for the backup of the replaced data
 * @kept_path: (out) (optional) (transfer full): where the replaced data
 *   is now: a new backup, or the damaged file moved aside; %NULL if there
 *   was no database file
 *
 * Replaces the database with the backup at @backup_path, on the calling
 * thread; for tests. See rapport_backup_restore_async().
 */
gboolean
rapport_backup_restore (RapportDatabase  *database,
                        const char       *backup_path,
                        GDateTime        *time,
                        char            **kept_path,
                        GError          **error)
{
  g_autoptr(JobData) job = NULL;
  g_autofree char *kept = NULL;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  job = job_data_new (backup_path, time);
  kept = _rapport_database_run_exclusive_sync (database, restore_func, job, error);
  if (kept == NULL)
    return FALSE;

  if (kept_path != NULL)
    *kept_path = *kept != '\0' ? g_steal_pointer (&kept) : NULL;
  return TRUE;
}

/**
 * rapport_backup_restore_async:
 *
 * Replaces the database with a backup on the database thread. The backup
 * is copied and checked first, and a damaged or foreign one is refused
 * with nothing changed. Then the current data is kept: backed up if it
 * opens, or, if it is damaged, moved aside under a timestamped name;
 * never overwritten. The copy is then renamed into place, and the database
 * opened (and migrated) and checked again.
 */
void
rapport_backup_restore_async (RapportDatabase     *database,
                              const char          *backup_path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (database));
  g_return_if_fail (backup_path != NULL);

  _rapport_database_run_exclusive_async (database, restore_func, job_data_new (backup_path, NULL),
                                         (GDestroyNotify) job_data_free, g_free, cancellable, callback, user_data);
}

gboolean
rapport_backup_restore_finish (RapportDatabase  *database,
                               GAsyncResult     *result,
                               char            **kept_path,
                               GError          **error)
{
  g_autofree char *kept = _rapport_database_run_exclusive_finish (database, result, error);

  if (kept == NULL)
    return FALSE;

  if (kept_path != NULL)
    *kept_path = *kept != '\0' ? g_steal_pointer (&kept) : NULL;
  return TRUE;
}

/* }}} */
