/* rapport-database-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"

G_BEGIN_DECLS

/* Written into the file header so that a foreign SQLite file is never
 * mistaken for ours (and then migrated). "RPRT" in ASCII. */
#define RAPPORT_DATABASE_APPLICATION_ID 0x52505254

/* Shared by rapport-database.c (opening, checking, moving aside),
 * rapport-database-jobs.c (the worker) and rapport-database-statements.c
 * (the statement cache). */
struct _RapportDatabase
{
  GObject      parent_instance;

  char        *path;
  GMutex       lock;            /* guards conn and schema_version */
  sqlite3     *conn;
  guint        schema_version;
  GHashTable  *statements;      /* SQL text → sqlite3_stmt, for conn */
  gboolean     made_private;    /* opening took others' access to the folder or files away */

  /* A single worker: jobs run one after another in the order they were
   * queued, so a write queued after another is also applied after it. */
  GThreadPool *pool;

  /* rapport-database-busy.c: waiting for another program's lock */
  GMainContext *main_context;   /* where "waiting" is notified */
  gint64       busy_since;      /* database thread */
  gint         busy_limit_ms;   /* atomic */
  gint         waiting;         /* atomic: the database thread's view */
  gboolean     waiting_shown;   /* main thread: the property's value */

  gboolean     bulk;            /* database thread: inside rapport_sql_begin_bulk() */

  GMutex       hooks_lock;      /* guards commit_hooks, replaced on each add */
  GPtrArray   *commit_hooks;    /* rapport-database-hooks.c */
};

typedef gpointer (*RapportDatabaseJobFunc) (RapportDatabase  *self,
                                            gpointer          job,
                                            GError          **error);

/* rapport-database-jobs.c */
void     _rapport_database_pool_worker          (gpointer              item,
                                                 gpointer              user_data);
void     _rapport_database_queue_job            (RapportDatabase        *self,
                                                 RapportDatabaseJobFunc  func,
                                                 RapportDatabaseFunc     user_func,
                                                 gpointer                data,
                                                 GDestroyNotify          data_free,
                                                 GDestroyNotify          result_free,
                                                 gpointer                source_tag,
                                                 GCancellable           *cancellable,
                                                 GAsyncReadyCallback     callback,
                                                 gpointer                user_data);

/* rapport-database-busy.c */
void     _rapport_database_busy_attach          (RapportDatabase      *self,
                                                 sqlite3              *conn);
void     _rapport_database_busy_done            (RapportDatabase      *self);

/* rapport-database-hooks.c */
gboolean _rapport_database_run_commit_hooks     (RapportDatabase      *self,
                                                 GError              **error);
void     _rapport_database_clear_commit_hooks   (RapportDatabase      *self);

/* rapport-database-statements.c */
gboolean _rapport_database_exec_sql             (sqlite3              *conn,
                                                 const char           *sql,
                                                 GError              **error);
gboolean _rapport_database_query_value          (sqlite3              *conn,
                                                 const char           *sql,
                                                 gint64               *out_int,
                                                 char                **out_text,
                                                 GError              **error);
void     _rapport_database_finalize_statement   (gpointer              stmt);

/* Jobs that may run while the connection is closed, for code that replaces
 * the file itself (rapport-backup.c). Inside one, the _locked functions
 * below close, open, check or move aside the live file. */
void     _rapport_database_run_exclusive_async  (RapportDatabase      *self,
                                                 RapportDatabaseFunc   func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free,
                                                 GDestroyNotify        result_free,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gpointer _rapport_database_run_exclusive_finish (RapportDatabase      *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
gpointer _rapport_database_run_exclusive_sync   (RapportDatabase      *self,
                                                 RapportDatabaseFunc   func,
                                                 gpointer              data,
                                                 GError              **error);
gboolean _rapport_database_is_open_locked       (RapportDatabase      *self);
gboolean _rapport_database_open_locked          (RapportDatabase      *self,
                                                 GError              **error);
gboolean _rapport_database_check_locked         (RapportDatabase      *self,
                                                 GError              **error);
char    *_rapport_database_move_aside_locked    (RapportDatabase      *self,
                                                 GError              **error);
void     _rapport_database_close_locked         (RapportDatabase      *self);

G_END_DECLS
