/* rapport-database.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rapport-database.h"
#include "rapport-database-private.h"
#include "rapport-migrations.h"
#include "rapport-private-files.h"
#include "rapport-text.h"


G_DEFINE_FINAL_TYPE (RapportDatabase, rapport_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (rapport-database-error-quark, rapport_database_error)

/* Helpers {{{ */

static gboolean
migrate (sqlite3  *conn,
         guint     from,
         GError  **error)
{
  const char * const *steps;
  guint n_steps;

  steps = rapport_migrations_get (&n_steps);

  for (guint i = from; i < n_steps; i++)
    {
      g_autofree char *bump = NULL;

      /* IMMEDIATE takes the write lock up front, so two processes opening the
       * same new file cannot both start migrating it. */
      if (!_rapport_database_exec_sql (conn, "BEGIN IMMEDIATE", error))
        return FALSE;

      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                              RAPPORT_DATABASE_APPLICATION_ID, i + 1);

      if (!_rapport_database_exec_sql (conn, steps[i], error) ||
          !_rapport_database_exec_sql (conn, bump, error) ||
          !_rapport_database_exec_sql (conn, "COMMIT", error))
        {
          sqlite3_exec (conn, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Could not update the database to version %u: "), i + 1);
          return FALSE;
        }

      g_debug ("Migrated %s to version %u", sqlite3_db_filename (conn, "main"), i + 1);
    }

  return TRUE;
}

/* rapport_fold (text): rapport_text_fold() for SQL, so that the search
 * index also holds the plain-letter form of names ("odegard" for
 * "Ødegård"), which the FTS5 tokenizer does not derive by itself. */
static void
fold_func (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, rapport_text_fold (text), -1, g_free);
}

static gboolean
open_locked (RapportDatabase  *self,
             GError          **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autofree char *dir = NULL;
  g_autofree char *journal_mode = NULL;
  gboolean tightened = FALSE;
  sqlite3 *conn = NULL;
  int errsv;
  gint64 version = 0;
  gint64 app_id = 0;
  gint64 n_objects = 0;
  guint latest = rapport_database_get_latest_version ();
  int rc;

  if (self->conn != NULL)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if ((errsv = rapport_private_folder_ensure (dir, &tightened)) != 0)
    {
      g_set_error (error, RAPPORT_DATABASE_ERROR,
                   errsv == ENOSPC ? RAPPORT_DATABASE_ERROR_FULL : RAPPORT_DATABASE_ERROR_ACCESS,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }
  self->made_private |= tightened;

  /* Created 0600 before SQLite sees it, so that its -wal and -shm files,
   * which take the database file's mode, are private from the start; an
   * older Rapport's 0644 files are tightened. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (self->path, suffixes[i], NULL);
      struct stat st;
      gboolean was_open = g_stat (file, &st) == 0 && (st.st_mode & 077) != 0;

      if ((errsv = rapport_private_file_ensure (file, i == 0)) != 0)
        {
          g_autofree char *what = g_strdup_printf (_("Could not write “%s”"), file);

          g_set_error (error, RAPPORT_DATABASE_ERROR,
                       errsv == ENOSPC || errsv == EDQUOT ? RAPPORT_DATABASE_ERROR_FULL : RAPPORT_DATABASE_ERROR_ACCESS,
                       "%s: %s", what, g_strerror (errsv));
          return FALSE;
        }
      self->made_private |= was_open;
    }

  rc = sqlite3_open_v2 (self->path, &conn,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    goto failed;

  sqlite3_extended_result_codes (conn, TRUE);
  sqlite3_create_function_v2 (conn, "rapport_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, fold_func, NULL, NULL, NULL);

  /* Another process (a backup tool, a second Rapport on another session) may
   * hold a lock for a while; wait rather than fail (rapport-database-busy.c). */
  _rapport_database_busy_attach (self, conn);

  /* Read the header before anything writes to it: a database from a newer
   * Rapport, or a file that is not ours, must be left exactly as it is. */
  if (!_rapport_database_query_value (conn, "PRAGMA user_version", &version, NULL, error) ||
      !_rapport_database_query_value (conn, "PRAGMA application_id", &app_id, NULL, error) ||
      !_rapport_database_query_value (conn, "SELECT count(*) FROM sqlite_schema", &n_objects, NULL, error))
    goto failed_with_error;

  if (version > latest)
    {
      g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_TOO_NEW,
                   _("The database was written by a newer version of Rapport "
                     "(format %u; this version reads up to format %u)."),
                   (guint) version, latest);
      goto failed_with_error;
    }

  if ((app_id != 0 && app_id != RAPPORT_DATABASE_APPLICATION_ID) ||
      (app_id == 0 && n_objects > 0))
    {
      g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT,
                   _("The file is an SQLite database of another program, not Rapport’s."));
      goto failed_with_error;
    }

  /* WAL lets readers go on while a write commits. synchronous=FULL makes
   * every commit wait for the WAL to reach the disk, so a change that the
   * interface has shown as saved survives a crash or a power cut; NORMAL
   * would only protect against a crash of the application itself. */
  if (!_rapport_database_query_value (conn, "PRAGMA journal_mode = WAL", NULL, &journal_mode, error) ||
      !_rapport_database_exec_sql (conn, "PRAGMA synchronous = FULL", error) ||
      !_rapport_database_exec_sql (conn, "PRAGMA foreign_keys = ON", error) ||
      /* A statement that fires triggers, or writes many rows, inside a
       * transaction keeps a statement journal so that it can be undone
       * alone; on disk that is a temporary file made and removed for each
       * such statement, which cost 170 µs of system time a contact saved
       * (the 100,000-contact insert took 18 s, 2 in memory). The journal
       * only ever holds the pages one statement changed. */
      !_rapport_database_exec_sql (conn, "PRAGMA temp_store = MEMORY", error))
    goto failed_with_error;

  if (g_strcmp0 (journal_mode, "wal") != 0)
    g_warning ("Could not switch %s to WAL (journal mode is %s)", self->path, journal_mode);

  if (!migrate (conn, (guint) version, error))
    goto failed_with_error;

  self->conn = conn;
  self->schema_version = latest;

  return TRUE;

failed:
  rapport_database_set_error (error, conn, rc, "open");
failed_with_error:
  sqlite3_close_v2 (conn);
  return FALSE;
}

/* PRAGMA quick_check reads every page: about 300 ms at 100,000 contacts.
 * It runs as a job of its own once the window is up, rather than inside the
 * open, so that it never delays the first frame. A damaged file is closed at
 * once, so that nothing more is written to it. */
static gboolean
check_locked (RapportDatabase  *self,
              GError          **error)
{
  g_autofree char *check = NULL;

  if (self->conn == NULL)
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CLOSED,
                           _("The database is not open."));
      return FALSE;
    }

  if (_rapport_database_query_value (self->conn, "PRAGMA quick_check", NULL, &check, error) && g_strcmp0 (check, "ok") == 0)
    return TRUE;

  if (check != NULL)
    g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT,
                 _("The database file is damaged (%s)"), check);

  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->conn, sqlite3_close_v2);
  self->schema_version = 0;
  return FALSE;
}

static char *
move_aside_locked (RapportDatabase  *self,
                   GError          **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  if (self->conn != NULL)
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FAILED,
                           _("The database is open and cannot be moved aside."));
      return NULL;
    }

  target = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", self->path, stamp, i);
    }

  if (g_rename (self->path, target) != 0 && errno != ENOENT)
    {
      int errsv = errno;

      g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_ACCESS,
                   _("Could not rename “%s”: %s"), self->path, g_strerror (errsv));
      return NULL;
    }

  /* The journal files travel with the database, under matching names, so the
   * moved file keeps every committed change it had. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        g_warning ("Could not rename %s: %s", from, g_strerror (errno));
    }

  g_message ("Moved %s aside to %s", self->path, target);

  return g_steal_pointer (&target);
}

/* }}} */
/* Jobs {{{ */

static gpointer
open_job (RapportDatabase  *self,
          gpointer          job,
          GError          **error)
{
  return open_locked (self, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
check_job (RapportDatabase  *self,
           gpointer          job,
           GError          **error)
{
  return check_locked (self, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
move_aside_job (RapportDatabase  *self,
                gpointer          job,
                GError          **error)
{
  return move_aside_locked (self, error);
}

/* }}} */
/* GObject {{{ */

static void
rapport_database_finalize (GObject *object)
{
  RapportDatabase *self = (RapportDatabase *)object;

  /* Every queued job holds a reference, so the queue is empty here; not
   * waiting also keeps this safe if the last reference dies on the worker. */
  g_thread_pool_free (self->pool, TRUE, FALSE);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->conn, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_mutex_clear (&self->lock);
  _rapport_database_clear_commit_hooks (self);

  G_OBJECT_CLASS (rapport_database_parent_class)->finalize (object);
}

static void
rapport_database_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportDatabase *self = RAPPORT_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting_shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_database_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportDatabase *self = RAPPORT_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_database_class_init (RapportDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_database_finalize;
  object_class->get_property = rapport_database_get_property;
  object_class->set_property = rapport_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* A job has been waiting more than a second for another program to let
   * go of the database (rapport-database-busy.c). */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_database_init (RapportDatabase *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->hooks_lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _rapport_database_finalize_statement);
  self->pool = g_thread_pool_new (_rapport_database_pool_worker, self, 1, FALSE, NULL);
  self->main_context = g_main_context_ref_thread_default ();
  self->busy_limit_ms = 30 * 1000;
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_database_dup_default_path:
 *
 * Returns: (transfer full): where the user's database lives
 */
char *
rapport_database_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

RapportDatabase *
rapport_database_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (RAPPORT_TYPE_DATABASE, "path", path, NULL);
}

const char *
rapport_database_get_path (RapportDatabase *self)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * rapport_database_get_made_private:
 * @self: a #RapportDatabase
 *
 * Whether opening the database found its folder or files open to other
 * users (as an older Rapport, a copy or a restore may leave them) and made
 * them the user's alone: worth a word to the user, once.
 *
 * Returns: %TRUE if a folder's or file's mode was changed
 */
gboolean
rapport_database_get_made_private (RapportDatabase *self)
{
  gboolean ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);

  g_mutex_lock (&self->lock);
  ret = self->made_private;
  g_mutex_unlock (&self->lock);

  return ret;
}

gboolean
rapport_database_is_open (RapportDatabase *self)
{
  gboolean ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);

  g_mutex_lock (&self->lock);
  ret = self->conn != NULL;
  g_mutex_unlock (&self->lock);

  return ret;
}

guint
rapport_database_get_schema_version (RapportDatabase *self)
{
  guint ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), 0);

  g_mutex_lock (&self->lock);
  ret = self->schema_version;
  g_mutex_unlock (&self->lock);

  return ret;
}

guint
rapport_database_get_latest_version (void)
{
  guint n;

  rapport_migrations_get (&n);
  return n;
}

gboolean
rapport_database_open (RapportDatabase  *self,
                       GCancellable     *cancellable,
                       GError          **error)
{
  gboolean ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  ret = open_locked (self, error);
  g_mutex_unlock (&self->lock);

  return ret;
}

/**
 * rapport_database_open_async:
 *
 * Opens the database on the database thread: creates the file and its folder
 * when missing, refuses a file from a newer Rapport, a foreign file or one
 * whose header is damaged without changing it, and applies pending
 * migrations. Damage further in is found by rapport_database_check_async().
 */
void
rapport_database_open_async (RapportDatabase     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _rapport_database_queue_job (self, open_job, NULL, NULL, NULL, NULL,
             rapport_database_open_async, cancellable, callback, user_data);
}

/**
 * rapport_database_open_finish:
 *
 * Returns: %TRUE if the database is open and up to date; otherwise %FALSE with
 *   @error in the %RAPPORT_DATABASE_ERROR domain
 */
gboolean
rapport_database_open_finish (RapportDatabase  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_database_open_async, FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

/**
 * rapport_database_check_async:
 *
 * Checks the open database for damage on the database thread. A damaged
 * database is closed, and the error is %RAPPORT_DATABASE_ERROR_CORRUPT.
 */
void
rapport_database_check_async (RapportDatabase     *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));

  _rapport_database_queue_job (self, check_job, NULL, NULL, NULL, NULL,
             rapport_database_check_async, cancellable, callback, user_data);
}

gboolean
rapport_database_check_finish (RapportDatabase  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

gboolean
rapport_database_check (RapportDatabase  *self,
                        GError          **error)
{
  gboolean ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);

  g_mutex_lock (&self->lock);
  ret = check_locked (self, error);
  g_mutex_unlock (&self->lock);

  return ret;
}

/**
 * rapport_database_move_aside:
 *
 * Renames a database that could not be opened, with its journal files, to a
 * name with a time stamp next to it, so that a fresh one can be created
 * without ever overwriting the old file.
 *
 * Returns: (transfer full): the new path of the old file
 */
char *
rapport_database_move_aside (RapportDatabase  *self,
                             GError          **error)
{
  char *ret;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);

  g_mutex_lock (&self->lock);
  ret = move_aside_locked (self, error);
  g_mutex_unlock (&self->lock);

  return ret;
}

void
rapport_database_move_aside_async (RapportDatabase     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _rapport_database_queue_job (self, move_aside_job, NULL, NULL, NULL, g_free,
             rapport_database_move_aside_async, cancellable, callback, user_data);
}

/**
 * rapport_database_move_aside_finish:
 *
 * Returns: (transfer full): the new path of the old file, or %NULL on error
 */
char *
rapport_database_move_aside_finish (RapportDatabase  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_database_move_aside_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rapport_database_close:
 *
 * Waits for the jobs already queued, then closes the connection.
 */
void
rapport_database_close (RapportDatabase *self)
{
  g_return_if_fail (RAPPORT_IS_DATABASE (self));

  g_thread_pool_free (self->pool, FALSE, TRUE);
  self->pool = g_thread_pool_new (_rapport_database_pool_worker, self, 1, FALSE, NULL);

  g_mutex_lock (&self->lock);
  /* Folds the WAL back into the database so the file is whole on its own. */
  _rapport_database_close_locked (self);
  g_mutex_unlock (&self->lock);
}

/* }}} */
/* For storage code that replaces the file itself {{{ */

/* The following run inside an exclusive job, with the lock held. */

gboolean
_rapport_database_is_open_locked (RapportDatabase *self)
{
  return self->conn != NULL;
}

gboolean
_rapport_database_open_locked (RapportDatabase  *self,
                               GError          **error)
{
  return open_locked (self, error);
}

gboolean
_rapport_database_check_locked (RapportDatabase  *self,
                                GError          **error)
{
  return check_locked (self, error);
}

char *
_rapport_database_move_aside_locked (RapportDatabase  *self,
                                     GError          **error)
{
  return move_aside_locked (self, error);
}

void
_rapport_database_close_locked (RapportDatabase *self)
{
  if (self->conn == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  sqlite3_wal_checkpoint_v2 (self->conn, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  g_clear_pointer (&self->conn, sqlite3_close_v2);
  self->schema_version = 0;
}

/* }}} */
