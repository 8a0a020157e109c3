/* rapport-question-sql-categories.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-sql"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-sql.h"
#include "rapport-question-sql.h"
#include "rapport-text.h"

/* Categories {{{ */

/* Names are compared as shown, so "advice" is refused next to the built-in
 * "Advice" in any language. */
static gboolean
check_category_name (RapportDatabase  *db,
                     const char       *name,
                     gint64            except_id,
                     GError          **error)
{
  g_autofree char *folded = rapport_text_fold (name);
  sqlite3_stmt *stmt;
  gboolean clash = FALSE;
  int rc;

  if (name[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_INVALID,
                           _("A category needs a name."));
      return FALSE;
    }

  stmt = rapport_database_prepare (db, "SELECT id, seed_key, name FROM question_category", error);
  if (stmt == NULL)
    return FALSE;
  while (!clash && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *shown = rapport_question_sql_shown_text ((const char *) sqlite3_column_text (stmt, 1),
                                      rapport_sql_column_text (stmt, 2));
      g_autofree char *other = rapport_text_fold (shown ? shown : "");

      clash = sqlite3_column_int64 (stmt, 0) != except_id && g_strcmp0 (other, folded) == 0;
    }
  sqlite3_reset (stmt);
  if (!clash && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "category names", error);

  if (clash)
    {
      g_set_error (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_INVALID,
                   _("There is already a category called “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

gint64
rapport_question_sql_add_category (RapportDatabase  *db,
                                   const char       *name,
                                   GError          **error)
{
  g_autofree char *stripped = rapport_question_sql_dup_stripped (name);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return 0;

  ok = check_category_name (db, stripped, 0, error);
  if (ok)
    {
      stmt = rapport_database_prepare (db,
        "INSERT INTO question_category (name, position) "
        "SELECT ?1, coalesce (max (position) + 1, 0) FROM question_category", error);
      ok = stmt != NULL;
      if (ok)
        {
          rapport_sql_bind_text (stmt, 1, stripped);
          ok = rapport_sql_step_done (db, stmt, error);
        }
    }

  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return 0;
  return sqlite3_last_insert_rowid (rapport_database_get_connection (db));
}

gboolean
rapport_question_sql_rename_category (RapportDatabase  *db,
                                      gint64            category_id,
                                      const char       *name,
                                      GError          **error)
{
  g_autofree char *stripped = rapport_question_sql_dup_stripped (name);
  g_autofree char *seed_key = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  int rc;

  if (!rapport_sql_begin (db, error))
    return FALSE;

  stmt = rapport_database_prepare (db, "SELECT seed_key FROM question_category WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, category_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        seed_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      ok = rc == SQLITE_ROW ? TRUE
         : rc == SQLITE_DONE ? rapport_question_sql_set_not_found (error)
         : rapport_sql_fail (db, rc, "rename category", error);
    }

  ok = ok && check_category_name (db, stripped, category_id, error);
  if (ok)
    {
      stmt = rapport_database_prepare (db, "UPDATE question_category SET name = ?2 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, category_id);
          rapport_sql_bind_text (stmt, 2, rapport_question_sql_text_to_store (seed_key, stripped));
          ok = rapport_sql_step_done (db, stmt, error);
        }
    }

  return rapport_sql_commit_or_rollback (db, ok, error);
}

/* }}} */
