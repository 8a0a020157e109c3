/* rapport-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"

G_BEGIN_DECLS

/* For the database thread only: each function runs inside a
 * #RapportDatabaseFunc. */

gboolean     rapport_sql_fail               (RapportDatabase  *db,
                                             int               rc,
                                             const char       *what,
                                             GError          **error);
gboolean     rapport_sql_step_done          (RapportDatabase  *db,
                                             sqlite3_stmt     *stmt,
                                             GError          **error);
void         rapport_sql_bind_text          (sqlite3_stmt     *stmt,
                                             int               index,
                                             const char       *text);
const char  *rapport_sql_column_text        (sqlite3_stmt     *stmt,
                                             int               column);
GDateTime   *rapport_sql_column_time        (sqlite3_stmt     *stmt,
                                             int               column);
gint64       rapport_sql_now                (void);
gboolean     rapport_sql_begin              (RapportDatabase  *db,
                                             GError          **error);
gboolean     rapport_sql_commit_or_rollback (RapportDatabase  *db,
                                             gboolean          ok,
                                             GError          **error);

/* The same for a transaction of thousands of rows (an import, a sync):
 * the page cache grows for it and shrinks back after, and work that is
 * cheaper done once for many rows may wait for the commit (the search
 * index: rapport_contact_sql_reindex()). */
gboolean     rapport_sql_begin_bulk         (RapportDatabase  *db,
                                             GError          **error);
gboolean     rapport_sql_end_bulk           (RapportDatabase  *db,
                                             gboolean          ok,
                                             GError          **error);
gboolean     rapport_sql_in_bulk            (RapportDatabase  *db);

G_END_DECLS
