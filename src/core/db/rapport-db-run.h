/* rapport-db-run.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"

G_BEGIN_DECLS

/**
 * RapportDbRunFlags:
 * @RAPPORT_DB_RUN_READ: a read; a cancelled one does not start
 * @RAPPORT_DB_RUN_WRITE: a write; once queued it is applied, cancelled or
 *   not, since a user's action half-taken back is worse than a late one
 * @RAPPORT_DB_RUN_TRANSACTION: a write that the runner wraps in a
 *   transaction (BEGIN IMMEDIATE, then rapport_sql_commit_or_rollback()
 *   with its commit hooks); the function returns %NULL to roll it back
 */
typedef enum
{
  RAPPORT_DB_RUN_READ        = 0,
  RAPPORT_DB_RUN_WRITE       = 1 << 0,
  RAPPORT_DB_RUN_TRANSACTION = 1 << 1 | RAPPORT_DB_RUN_WRITE,
} RapportDbRunFlags;

/**
 * RapportDbDoneFunc:
 * @source_object: the object that queued the job
 * @data: the job's data
 * @result: (nullable): what the job's function returned (still owned by
 *   the job)
 *
 * Runs on the main thread once the job has succeeded, before the caller's
 * callback: where a store announces a write ("changed").
 */
typedef void (*RapportDbDoneFunc) (gpointer  source_object,
                                   gpointer  data,
                                   gpointer  result);

void     rapport_db_run                (gpointer             source_object,
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
                                        gpointer             user_data);
gpointer rapport_db_run_finish         (gpointer             source_object,
                                        GAsyncResult        *result,
                                        gpointer             source_tag,
                                        GError             **error);
gboolean rapport_db_run_finish_boolean (gpointer             source_object,
                                        GAsyncResult        *result,
                                        gpointer             source_tag,
                                        GError             **error);
gint64   rapport_db_run_finish_id      (gpointer             source_object,
                                        GAsyncResult        *result,
                                        gpointer             source_tag,
                                        GError             **error);
gpointer rapport_db_run_get_data       (GAsyncResult        *result);
gpointer rapport_db_id_result          (gint64               id);

G_END_DECLS
