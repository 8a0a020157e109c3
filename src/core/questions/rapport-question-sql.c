/* rapport-question-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-sql"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-sql.h"
#include "rapport-question-seed.h"
#include "rapport-question-sql.h"

/* What a deleted question leaves on its tombstone for Undo. */
#define USED_IN_KEY    "rapport-question-used-in"
#define CREATED_AT_KEY "rapport-question-created-at"

/* Helpers {{{ */

const char *
rapport_question_sql_shown_text (const char *seed_key,
            const char *stored)
{
  if (stored[0] != '\0' || seed_key == NULL)
    return stored;
  return rapport_question_seed_translate (seed_key);
}

/* A built-in text saved unchanged stays unstored, so that it keeps following
 * the user's language. */
const char *
rapport_question_sql_text_to_store (const char *seed_key,
               const char *text)
{
  const char *builtin = seed_key != NULL ? rapport_question_seed_translate (seed_key) : NULL;

  return g_strcmp0 (builtin, text) == 0 ? "" : text;
}

char *
rapport_question_sql_dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

gboolean
rapport_question_sql_set_not_found (GError **error)
{
  g_set_error_literal (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_NOT_FOUND,
                       _("The question or category no longer exists."));
  return FALSE;
}

/* Looks up one integer; FALSE with @error set if the statement failed,
 * TRUE with *found FALSE if it returned no row. */
static gboolean
query_int64 (RapportDatabase  *db,
             const char       *sql,
             gint64            param,
             gint64           *out,
             gboolean         *found,
             GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found && out != NULL)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, sql, error);
  return TRUE;
}

static gboolean
category_exists (RapportDatabase  *db,
                 gint64            category_id,
                 GError          **error)
{
  gboolean found = FALSE;

  if (!query_int64 (db, "SELECT id FROM question_category WHERE id = ?1", category_id, NULL, &found, error))
    return FALSE;
  return found ? TRUE : rapport_question_sql_set_not_found (error);
}

static gint64
next_position (RapportDatabase  *db,
               gint64            category_id,
               GError          **error)
{
  gboolean found;
  gint64 position = -1;

  if (!query_int64 (db, "SELECT coalesce (max (position) + 1, 0) FROM question WHERE category_id = ?1",
                    category_id, &position, &found, error))
    return -1;
  return position;
}

/* }}} */
/* Reading {{{ */

/* Every category with its questions, in the user's order. */
GPtrArray *
rapport_question_sql_list (RapportDatabase  *db,
                           GError          **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, seed_key, name, position FROM question_category ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *seed_key = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = rapport_question_sql_shown_text (seed_key, rapport_sql_column_text (stmt, 2));
      RapportQuestionCategory *category;

      category = rapport_question_category_new (sqlite3_column_int64 (stmt, 0), seed_key,
                                                name ? name : "", sqlite3_column_int (stmt, 3));
      g_ptr_array_add (categories, category);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "list question categories", error);
      return NULL;
    }

  for (guint i = 0; i < categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (categories, i);
      gint64 *id = g_new (gint64, 1);

      *id = rapport_question_category_get_id (category);
      g_hash_table_insert (by_id, id, category);
    }

  stmt = rapport_database_prepare (db,
    "SELECT q.id, q.category_id, q.seed_key, q.text, q.position, q.starred, "
    "  (SELECT count (*) FROM meeting_question mq WHERE mq.question_id = q.id), q.tiara "
    "FROM question q ORDER BY q.category_id, q.position, q.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 category_id = sqlite3_column_int64 (stmt, 1);
      const char *seed_key = (const char *) sqlite3_column_text (stmt, 2);
      const char *text = rapport_question_sql_shown_text (seed_key, rapport_sql_column_text (stmt, 3));
      RapportQuestionCategory *category = g_hash_table_lookup (by_id, &category_id);
      g_autoptr(RapportQuestion) question = NULL;

      /* Only a key from a release newer than this one has no text here. */
      if (category == NULL || text == NULL)
        continue;

      question = rapport_question_new (category_id, text);
      rapport_question_set_id (question, sqlite3_column_int64 (stmt, 0));
      rapport_question_set_seed_key (question, seed_key);
      rapport_question_set_position (question, sqlite3_column_int (stmt, 4));
      rapport_question_set_starred (question, sqlite3_column_int (stmt, 5) != 0);
      rapport_question_set_use_count (question, sqlite3_column_int (stmt, 6));
      rapport_question_set_tiara (question, CLAMP (sqlite3_column_int (stmt, 7), 0, RAPPORT_N_TIARA - 1));
      g_list_store_append (G_LIST_STORE (rapport_question_category_get_questions (category)), question);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "list questions", error);
      return NULL;
    }
  return g_steal_pointer (&categories);
}

/* }}} */
/* Questions {{{ */

static gint64
save_locked (RapportDatabase  *db,
             RapportQuestion  *question,
             const char       *text,
             GError          **error)
{
  gint64 id = rapport_question_get_id (question);
  gint64 category_id = rapport_question_get_category_id (question);
  g_autofree char *seed_key = NULL;
  sqlite3_stmt *stmt;
  gint64 position;
  gboolean found;
  int rc;

  if (!category_exists (db, category_id, error))
    return 0;

  if (id == 0)
    {
      if ((position = next_position (db, category_id, error)) < 0)
        return 0;
      stmt = rapport_database_prepare (db,
        "INSERT INTO question (category_id, text, position, starred, created_at, updated_at, tiara) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, category_id);
      rapport_sql_bind_text (stmt, 2, text);
      sqlite3_bind_int64 (stmt, 3, position);
      sqlite3_bind_int (stmt, 4, rapport_question_get_starred (question));
      sqlite3_bind_int64 (stmt, 5, rapport_sql_now ());
      sqlite3_bind_int (stmt, 6, rapport_question_get_tiara (question));
      if (!rapport_sql_step_done (db, stmt, error))
        return 0;
      return sqlite3_last_insert_rowid (rapport_database_get_connection (db));
    }

  /* The key comes from the database, not from the caller's object. */
  stmt = rapport_database_prepare (db, "SELECT seed_key FROM question WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  found = rc == SQLITE_ROW;
  if (found)
    seed_key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "save question", error);
  if (!found)
    return rapport_question_sql_set_not_found (error);

  if (!rapport_question_sql_move (db, id, category_id, error))
    return 0;

  stmt = rapport_database_prepare (db,
    "UPDATE question SET text = ?2, starred = ?3, updated_at = ?4, tiara = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  rapport_sql_bind_text (stmt, 2, rapport_question_sql_text_to_store (seed_key, text));
  sqlite3_bind_int (stmt, 3, rapport_question_get_starred (question));
  sqlite3_bind_int64 (stmt, 4, rapport_sql_now ());
  sqlite3_bind_int (stmt, 5, rapport_question_get_tiara (question));
  return rapport_sql_step_done (db, stmt, error) ? id : 0;
}

/* Inserts a new question (id 0) at the end of its category, or updates the
 * text, category, star and TIARA area of an existing one. Returns its id, or 0. */
gint64
rapport_question_sql_save (RapportDatabase  *db,
                           RapportQuestion  *question,
                           GError          **error)
{
  g_autofree char *text = rapport_question_sql_dup_stripped (rapport_question_get_text (question));
  gint64 id;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_INVALID,
                           _("A question needs some words."));
      return 0;
    }

  if (!rapport_sql_begin (db, error))
    return 0;
  id = save_locked (db, question, text, error);
  return rapport_sql_commit_or_rollback (db, id != 0, error) ? id : 0;
}

gboolean
rapport_question_sql_set_starred (RapportDatabase  *db,
                                  gint64            question_id,
                                  gboolean          starred,
                                  GError          **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db, "UPDATE question SET starred = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question_id);
  sqlite3_bind_int (stmt, 2, !!starred);
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;
  return sqlite3_changes (rapport_database_get_connection (db)) > 0 ? TRUE : rapport_question_sql_set_not_found (error);
}

/* Files a question at the end of another category; a question already there
 * keeps its place. Runs inside the caller's transaction, or on its own. */
gboolean
rapport_question_sql_move (RapportDatabase  *db,
                           gint64            question_id,
                           gint64            category_id,
                           GError          **error)
{
  gint64 current = 0;
  gint64 position;
  gboolean found;
  sqlite3_stmt *stmt;

  if (!query_int64 (db, "SELECT category_id FROM question WHERE id = ?1", question_id, &current, &found, error))
    return FALSE;
  if (!found)
    return rapport_question_sql_set_not_found (error);
  if (current == category_id)
    return TRUE;
  if (!category_exists (db, category_id, error) ||
      (position = next_position (db, category_id, error)) < 0)
    return FALSE;

  stmt = rapport_database_prepare (db,
    "UPDATE question SET category_id = ?2, position = ?3, updated_at = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, question_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error);
}

static RapportQuestion *
delete_locked (RapportDatabase  *db,
               gint64            question_id,
               GError          **error)
{
  g_autoptr(RapportQuestion) deleted = NULL;
  g_autoptr(GArray) used_in = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 created_at;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT category_id, seed_key, text, position, starred, created_at, tiara FROM question WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *seed_key = (const char *) sqlite3_column_text (stmt, 1);
      const char *text = rapport_question_sql_shown_text (seed_key, rapport_sql_column_text (stmt, 2));

      deleted = rapport_question_new (sqlite3_column_int64 (stmt, 0), text);
      rapport_question_set_id (deleted, question_id);
      rapport_question_set_seed_key (deleted, seed_key);
      rapport_question_set_position (deleted, sqlite3_column_int (stmt, 3));
      rapport_question_set_starred (deleted, sqlite3_column_int (stmt, 4) != 0);
      rapport_question_set_tiara (deleted, CLAMP (sqlite3_column_int (stmt, 6), 0, RAPPORT_N_TIARA - 1));
      created_at = sqlite3_column_int64 (stmt, 5);
      g_object_set_data_full (G_OBJECT (deleted), CREATED_AT_KEY, g_memdup2 (&created_at, sizeof created_at), g_free);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "delete question", error);
      return NULL;
    }
  if (deleted == NULL)
    {
      rapport_question_sql_set_not_found (error);
      return NULL;
    }

  /* The meetings that asked it keep their copy of the text; their links
   * are noted so that Undo brings the use count back too. */
  stmt = rapport_database_prepare (db, "SELECT id FROM meeting_question WHERE question_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (used_in, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "delete question", error);
      return NULL;
    }
  rapport_question_set_use_count (deleted, used_in->len);
  g_object_set_data_full (G_OBJECT (deleted), USED_IN_KEY, g_steal_pointer (&used_in),
                          (GDestroyNotify) g_array_unref);

  stmt = rapport_database_prepare (db, "DELETE FROM question WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, question_id);
  if (!rapport_sql_step_done (db, stmt, error))
    return NULL;

  return g_steal_pointer (&deleted);
}

/* Returns the deleted question as it was, for rapport_question_sql_restore(). */
RapportQuestion *
rapport_question_sql_delete (RapportDatabase  *db,
                             gint64            question_id,
                             GError          **error)
{
  g_autoptr(RapportQuestion) deleted = NULL;

  if (!rapport_sql_begin (db, error))
    return NULL;
  deleted = delete_locked (db, question_id, error);
  if (!rapport_sql_commit_or_rollback (db, deleted != NULL, error))
    return NULL;
  return g_steal_pointer (&deleted);
}

static gint64
restore_locked (RapportDatabase  *db,
                RapportQuestion  *deleted,
                GError          **error)
{
  gint64 id = rapport_question_get_id (deleted);
  const char *seed_key = rapport_question_get_seed_key (deleted);
  GArray *used_in = g_object_get_data (G_OBJECT (deleted), USED_IN_KEY);
  gint64 *created_at = g_object_get_data (G_OBJECT (deleted), CREATED_AT_KEY);
  gint64 now = rapport_sql_now ();
  sqlite3_stmt *stmt;
  gboolean taken;

  if (!category_exists (db, rapport_question_get_category_id (deleted), error) ||
      !query_int64 (db, "SELECT id FROM question WHERE id = ?1", id, NULL, &taken, error))
    return 0;

  /* Its rowid may have gone to a question added since; then it gets a new one. */
  stmt = rapport_database_prepare (db,
    "INSERT INTO question (id, category_id, seed_key, text, position, starred, created_at, updated_at, tiara) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return 0;
  if (!taken)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rapport_question_get_category_id (deleted));
  if (seed_key != NULL)
    rapport_sql_bind_text (stmt, 3, seed_key);
  rapport_sql_bind_text (stmt, 4, rapport_question_sql_text_to_store (seed_key, rapport_question_get_text (deleted)));
  sqlite3_bind_int (stmt, 5, rapport_question_get_position (deleted));
  sqlite3_bind_int (stmt, 6, rapport_question_get_starred (deleted));
  sqlite3_bind_int64 (stmt, 7, created_at != NULL ? *created_at : now);
  sqlite3_bind_int64 (stmt, 8, now);
  sqlite3_bind_int (stmt, 9, rapport_question_get_tiara (deleted));
  if (!rapport_sql_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));

  for (guint i = 0; used_in != NULL && i < used_in->len; i++)
    {
      stmt = rapport_database_prepare (db,
        "UPDATE meeting_question SET question_id = ?2 WHERE id = ?1 AND question_id IS NULL", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, g_array_index (used_in, gint64, i));
      sqlite3_bind_int64 (stmt, 2, id);
      if (!rapport_sql_step_done (db, stmt, error))
        return 0;
    }
  return id;
}

gint64
rapport_question_sql_restore (RapportDatabase  *db,
                              RapportQuestion  *deleted,
                              GError          **error)
{
  gint64 id;

  if (!rapport_sql_begin (db, error))
    return 0;
  id = restore_locked (db, deleted, error);
  return rapport_sql_commit_or_rollback (db, id != 0, error) ? id : 0;
}

/* }}} */
