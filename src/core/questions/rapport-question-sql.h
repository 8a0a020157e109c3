/* rapport-question-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-question-store.h"

G_BEGIN_DECLS

/* The question store's SQL, for the database thread only. Each write is one
 * transaction of its own. */

GPtrArray       *rapport_question_sql_list            (RapportDatabase  *db,
                                                       GError          **error);
gint64           rapport_question_sql_save            (RapportDatabase  *db,
                                                       RapportQuestion  *question,
                                                       GError          **error);
gboolean         rapport_question_sql_set_starred     (RapportDatabase  *db,
                                                       gint64            question_id,
                                                       gboolean          starred,
                                                       GError          **error);
gboolean         rapport_question_sql_move            (RapportDatabase  *db,
                                                       gint64            question_id,
                                                       gint64            category_id,
                                                       GError          **error);
RapportQuestion *rapport_question_sql_delete          (RapportDatabase  *db,
                                                       gint64            question_id,
                                                       GError          **error);
gint64           rapport_question_sql_restore         (RapportDatabase  *db,
                                                       RapportQuestion  *deleted,
                                                       GError          **error);
gint64           rapport_question_sql_add_category    (RapportDatabase  *db,
                                                       const char       *name,
                                                       GError          **error);
gboolean         rapport_question_sql_rename_category (RapportDatabase  *db,
                                                       gint64            category_id,
                                                       const char       *name,
                                                       GError          **error);

/* Shared by the two files of SQL. */
const char      *rapport_question_sql_shown_text      (const char       *seed_key,
                                                       const char       *stored);
const char      *rapport_question_sql_text_to_store   (const char       *seed_key,
                                                       const char       *text);
char            *rapport_question_sql_dup_stripped    (const char       *text);
gboolean         rapport_question_sql_set_not_found   (GError          **error);

G_END_DECLS
