/* rapport-database-statements.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <glib/gi18n.h>

#include "rapport-database.h"
#include "rapport-database-private.h"

/* Running SQL on the connection: the statement cache that jobs prepare
 * from, the one-off statements of opening and checking, and how SQLite's
 * result codes become a RapportDatabaseError. */

/* Errors {{{ */

/* Why a write failed. sqlite3_system_errno() is read from errno after the
 * failure has been handled, so it is often 0 by then: when it is, a failed
 * write is put down to the cause that the file system can still show, a
 * nearly full disk or a file size limit (RLIMIT_FSIZE, as in the tests). */
static int
write_errno (sqlite3 *conn,
             int      rc)
{
  const char *filename;
  g_autofree char *dir = NULL;
  struct statvfs fs;
  struct rlimit limit;
  int errsv;

  if (conn == NULL)
    return 0;

  errsv = sqlite3_system_errno (conn);
  if (errsv != 0)
    return errsv;

  if (rc != SQLITE_IOERR_WRITE && rc != SQLITE_IOERR_FSYNC &&
      rc != SQLITE_IOERR_TRUNCATE && rc != SQLITE_IOERR_SHMSIZE)
    return 0;

  filename = sqlite3_db_filename (conn, "main");
  if (filename == NULL || *filename == '\0')
    return 0;

  dir = g_path_get_dirname (filename);
  if (statvfs (dir, &fs) == 0 && (guint64) fs.f_bavail * fs.f_frsize < 1024 * 1024)
    return ENOSPC;
  if (getrlimit (RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return EFBIG;

  return 0;
}

gboolean
rapport_database_set_error (GError     **error,
                            sqlite3     *conn,
                            int          rc,
                            const char  *what)
{
  const char *detail = conn != NULL ? sqlite3_errmsg (conn) : sqlite3_errstr (rc);
  RapportDatabaseError code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = RAPPORT_DATABASE_ERROR_CORRUPT;
      message = _("The database file is damaged or is not a database");
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = RAPPORT_DATABASE_ERROR_BUSY;
      message = _("The database is locked by another program");
      break;

    case SQLITE_FULL:
      code = RAPPORT_DATABASE_ERROR_FULL;
      message = _("The disk is full");
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      code = RAPPORT_DATABASE_ERROR_ACCESS;
      message = _("The database cannot be opened for writing");
      break;

    case SQLITE_IOERR:
      /* SQLite reports SQLITE_FULL only for ENOSPC in a few places; a write
       * past a file size limit (EFBIG) or a quota (EDQUOT) comes back as a
       * plain I/O error. For the user they are all "no room left". */
      switch (write_errno (conn, rc))
        {
        case ENOSPC:
        case EDQUOT:
          code = RAPPORT_DATABASE_ERROR_FULL;
          message = _("The disk is full");
          break;

        case EFBIG:
          code = RAPPORT_DATABASE_ERROR_FULL;
          message = _("The database file has reached the largest size allowed on this system");
          break;

        default:
          code = RAPPORT_DATABASE_ERROR_FAILED;
          message = _("The database could not be read or written");
          break;
        }
      break;

    default:
      code = RAPPORT_DATABASE_ERROR_FAILED;
      message = _("A database operation failed");
      break;
    }

  g_debug ("%s failed: %s (%d, errno %d)", what, detail, rc, conn != NULL ? sqlite3_system_errno (conn) : 0);
  g_set_error (error, RAPPORT_DATABASE_ERROR, code, "%s (%s)", message, detail);
  return FALSE;
}

/* }}} */
/* One-off statements {{{ */

gboolean
_rapport_database_exec_sql (sqlite3     *conn,
                            const char  *sql,
                            GError     **error)
{
  int rc = sqlite3_exec (conn, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return rapport_database_set_error (error, conn, rc, sql);
  return TRUE;
}

/* Runs a statement that returns one row and copies its first column. */
gboolean
_rapport_database_query_value (sqlite3     *conn,
                               const char  *sql,
                               gint64      *out_int,
                               char       **out_text,
                               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      rapport_database_set_error (error, conn, rc, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (out_int != NULL)
    *out_int = sqlite3_column_int64 (stmt, 0);
  if (out_text != NULL)
    *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return TRUE;
}

/* }}} */
/* Inside a job {{{ */

void
_rapport_database_finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/**
 * rapport_database_get_connection:
 *
 * Only for a #RapportDatabaseFunc, during its call.
 *
 * Returns: (transfer none): the connection
 */
sqlite3 *
rapport_database_get_connection (RapportDatabase *self)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);

  return self->conn;
}

/**
 * rapport_database_prepare:
 * @sql: a static string: it is the key of the statement cache
 *
 * Only for a #RapportDatabaseFunc, during its call. Statements are prepared
 * once per connection and kept, since a bulk import runs the same few
 * statements hundreds of thousands of times.
 *
 * Returns: (transfer none): the statement, reset and with no bindings; do
 *   not finalize it
 */
sqlite3_stmt *
rapport_database_prepare (RapportDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->conn != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_database_set_error (error, self->conn, rc, sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

/**
 * rapport_database_exec:
 *
 * Only for a #RapportDatabaseFunc, during its call: runs statements that
 * return no rows and take no parameters.
 */
gboolean
rapport_database_exec (RapportDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->conn != NULL, FALSE);

  return _rapport_database_exec_sql (self->conn, sql, error);
}

/* }}} */
