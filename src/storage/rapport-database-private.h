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
