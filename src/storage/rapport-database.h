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

/**
 * RapportDatabaseFunc:
 * @conn: the open connection; only valid during the call
 * @data: the data passed to _rapport_database_run_async()
 * @error: return location for an error
 *
 * Runs on the database thread. Returns a pointer handed to the caller's
 * finish function, or %NULL with @error set.
 */
typedef gpointer (*RapportDatabaseFunc) (sqlite3   *conn,
                                         gpointer   data,
                                         GError   **error);

#define RAPPORT_TYPE_DATABASE (rapport_database_get_type ())

G_DECLARE_FINAL_TYPE (RapportDatabase, rapport_database, RAPPORT, DATABASE, GObject)

GQuark           rapport_database_error_quark        (void);
char            *rapport_database_dup_default_path   (void);
RapportDatabase *rapport_database_new                (const char           *path);
const char      *rapport_database_get_path           (RapportDatabase      *self);
gboolean         rapport_database_is_open            (RapportDatabase      *self);
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
gboolean         rapport_database_set_error          (GError              **error,
                                                      sqlite3              *conn,
                                                      int                   rc,
                                                      const char           *what);

G_END_DECLS
