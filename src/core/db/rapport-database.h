/* rapport-database.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RAPPORT_DATABASE_ERROR (rapport_database_error_quark ())

typedef enum
{
  RAPPORT_DATABASE_ERROR_FAILED,
  RAPPORT_DATABASE_ERROR_CORRUPT,    /* not a database, or damaged */
  RAPPORT_DATABASE_ERROR_TOO_NEW,    /* written by a newer Rapport */
  RAPPORT_DATABASE_ERROR_BUSY,       /* locked by another process */
  RAPPORT_DATABASE_ERROR_FULL,       /* the disk is full */
  RAPPORT_DATABASE_ERROR_ACCESS,     /* cannot be opened or written */
  RAPPORT_DATABASE_ERROR_CLOSED,     /* used before open or after close */
} RapportDatabaseError;

#define RAPPORT_TYPE_DATABASE (rapport_database_get_type ())

G_DECLARE_FINAL_TYPE (RapportDatabase, rapport_database, RAPPORT, DATABASE, GObject)

/**
 * RapportDatabaseFunc:
 * @database: the database, whose connection and statements the function may
 *   use during the call (rapport_database_get_connection(),
 *   rapport_database_prepare())
 * @data: the data passed to rapport_database_run_async()
 * @error: return location for an error
 *
 * Runs on the database thread, or on the caller's for run_sync. Returns a
 * pointer handed to the caller's finish function, or %NULL with @error set.
 */
typedef gpointer (*RapportDatabaseFunc) (RapportDatabase  *database,
                                         gpointer          data,
                                         GError          **error);

/**
 * RapportDatabaseCommitHook:
 * @database: the database, inside a write transaction
 * @user_data: the data passed to rapport_database_add_commit_hook()
 * @error: return location for an error
 *
 * Returns: %TRUE to let the transaction commit, %FALSE with @error set to
 *   roll it back
 */
typedef gboolean (*RapportDatabaseCommitHook) (RapportDatabase  *database,
                                               gpointer          user_data,
                                               GError          **error);

GQuark           rapport_database_error_quark        (void);
char            *rapport_database_dup_default_path   (void);
RapportDatabase *rapport_database_new                (const char           *path);
const char      *rapport_database_get_path           (RapportDatabase      *self);
gboolean         rapport_database_is_open            (RapportDatabase      *self);
gboolean         rapport_database_get_made_private   (RapportDatabase      *self);
gboolean         rapport_database_get_waiting        (RapportDatabase      *self);
void             rapport_database_set_busy_limit     (RapportDatabase      *self,
                                                      guint                 limit_ms);
guint            rapport_database_get_schema_version (RapportDatabase      *self);
guint            rapport_database_get_latest_version (void);
gboolean         rapport_database_open               (RapportDatabase      *self,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void             rapport_database_open_async         (RapportDatabase      *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         rapport_database_open_finish        (RapportDatabase      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean         rapport_database_check              (RapportDatabase      *self,
                                                      GError              **error);
void             rapport_database_check_async        (RapportDatabase      *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         rapport_database_check_finish       (RapportDatabase      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
char            *rapport_database_move_aside         (RapportDatabase      *self,
                                                      GError              **error);
void             rapport_database_move_aside_async   (RapportDatabase      *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
char            *rapport_database_move_aside_finish  (RapportDatabase      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void             rapport_database_close              (RapportDatabase      *self);
void             rapport_database_add_commit_hook    (RapportDatabase      *self,
                                                      RapportDatabaseCommitHook func,
                                                      gpointer              user_data,
                                                      GDestroyNotify        destroy);
void             rapport_database_run_async          (RapportDatabase      *self,
                                                      RapportDatabaseFunc   func,
                                                      gpointer              data,
                                                      GDestroyNotify        data_free,
                                                      GDestroyNotify        result_free,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gpointer         rapport_database_run_finish         (RapportDatabase      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gpointer         rapport_database_run_sync           (RapportDatabase      *self,
                                                      RapportDatabaseFunc   func,
                                                      gpointer              data,
                                                      GError              **error);
sqlite3         *rapport_database_get_connection     (RapportDatabase      *self);
sqlite3_stmt    *rapport_database_prepare            (RapportDatabase      *self,
                                                      const char           *sql,
                                                      GError              **error);
gboolean         rapport_database_exec               (RapportDatabase      *self,
                                                      const char           *sql,
                                                      GError              **error);
gboolean         rapport_database_set_error          (GError              **error,
                                                      sqlite3              *conn,
                                                      int                   rc,
                                                      const char           *what);

G_END_DECLS
