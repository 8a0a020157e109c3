/* rapport-target-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-target"

#include "config.h"

#include <string.h>

#include "rapport-reminder.h"
#include "rapport-second-person.h"
#include "rapport-sql.h"
#include "rapport-target-sql.h"
#include "rapport-text.h"

/* The target list in one query, in the method's order: Motivation, then
 * Posting, then Advocacy, all highest first, then by name. Advocacy is the
 * user's own answer where given, else whether anyone of the user's contacts
 * works there. The next step looks at those contacts: a 3B7 "second person"
 * reminder that is due (with whom to ask, rapport-second-person.c), then
 * the furthest stage anyone there reached. */
static const char list_sql[] =
  "WITH t AS ("
  "  SELECT t.organisation_id AS id, o.name, o.name_key, t.motivation, t.posting, t.advocacy, t.stage,"
  "    (SELECT count (*) FROM contact c WHERE c.organisation_id = o.id AND c.trashed = 0) AS n_people"
  "  FROM organisation_target t JOIN organisation o ON o.id = t.organisation_id"
  ") "
  "SELECT id, name, motivation, posting, coalesce (advocacy, n_people > 0), n_people > 0, stage, n_people,"
  "  EXISTS (SELECT 1 FROM reminder r JOIN contact c ON c.id = r.contact_id"
  "          WHERE c.organisation_id = t.id AND c.trashed = 0 AND r.kind = ?2 AND r.state = ?3"
  "            AND r.due_at <= ?1),"
  "  (SELECT c.display_name FROM contact c WHERE c.organisation_id = t.id AND c.trashed = 0"
  "     AND c.stage IN (?4, ?5, ?6, ?7) ORDER BY c.sort_key LIMIT 1),"
  "  (SELECT c.display_name FROM contact c WHERE c.organisation_id = t.id AND c.trashed = 0"
  "     AND c.stage = ?8 ORDER BY c.sort_key LIMIT 1),"
  "  (SELECT c.display_name FROM contact c WHERE c.organisation_id = t.id AND c.trashed = 0"
  "     AND c.stage = ?9 ORDER BY c.sort_key LIMIT 1) "
  "FROM t ORDER BY motivation DESC, posting DESC, coalesce (advocacy, n_people > 0) DESC, name_key";

gpointer
rapport_target_sql_list (RapportDatabase  *db,
                         gpointer          data,
                         GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, list_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rapport_sql_now ());
  sqlite3_bind_int (stmt, 2, RAPPORT_REMINDER_SECOND_CONTACT);
  sqlite3_bind_int (stmt, 3, RAPPORT_REMINDER_PENDING);
  sqlite3_bind_int (stmt, 4, RAPPORT_STAGE_SCHEDULED);
  sqlite3_bind_int (stmt, 5, RAPPORT_STAGE_MET);
  sqlite3_bind_int (stmt, 6, RAPPORT_STAGE_THANKED);
  sqlite3_bind_int (stmt, 7, RAPPORT_STAGE_KEEPING_IN_TOUCH);
  sqlite3_bind_int (stmt, 8, RAPPORT_STAGE_REQUEST_SENT);
  sqlite3_bind_int (stmt, 9, RAPPORT_STAGE_TO_CONTACT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n_people = sqlite3_column_int (stmt, 7);
      RapportTargetStep step;
      const char *person = NULL;
      g_autofree char *second = NULL;

      if (n_people == 0)
        step = RAPPORT_TARGET_STEP_FIND_CONTACT;
      else if (sqlite3_column_int (stmt, 8))
        {
          step = RAPPORT_TARGET_STEP_SECOND_CONTACT;
          person = second = rapport_second_person_suggest (db, sqlite3_column_int64 (stmt, 0), rapport_sql_now ());
        }
      else if ((person = (const char *) sqlite3_column_text (stmt, 9)))
        step = RAPPORT_TARGET_STEP_TALKING;
      else if ((person = (const char *) sqlite3_column_text (stmt, 10)))
        step = RAPPORT_TARGET_STEP_WAIT;
      else if ((person = (const char *) sqlite3_column_text (stmt, 11)))
        step = RAPPORT_TARGET_STEP_WRITE;
      else
        step = RAPPORT_TARGET_STEP_FIND_ANOTHER;

      g_ptr_array_add (list, rapport_target_new (sqlite3_column_int64 (stmt, 0), rapport_sql_column_text (stmt, 1),
                                                 CLAMP (sqlite3_column_int (stmt, 2), 0, 3),
                                                 CLAMP (sqlite3_column_int (stmt, 3), 1, 3),
                                                 sqlite3_column_int (stmt, 4) != 0, sqlite3_column_int (stmt, 5) != 0,
                                                 CLAMP (sqlite3_column_int (stmt, 6), 0, RAPPORT_N_TARGET_STAGES - 1),
                                                 n_people, step, person));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "list targets", error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
add_one (RapportDatabase  *db,
         const char       *name,
         gint64           *n_added,
         GError          **error)
{
  g_autofree char *key = rapport_text_fold (name);
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db,
    "INSERT INTO organisation (name, name_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) "
    "ON CONFLICT (name_key) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;

  stmt = rapport_database_prepare (db,
    "INSERT OR IGNORE INTO organisation_target (organisation_id, created_at) "
    "SELECT id, ?2 FROM organisation WHERE name_key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;
  *n_added += sqlite3_changes (rapport_database_get_connection (db));
  return TRUE;
}

/* @data is the typed text, one organisation a line; the result the number
 * of organisations new to the list (one already there stays as rated). */
gpointer
rapport_target_sql_add_names (RapportDatabase  *db,
                              gpointer          data,
                              GError          **error)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  gint64 n_added = 0;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;

  ok = TRUE;
  for (guint i = 0; ok && lines[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (lines[i]));

      if (name[0] != '\0')
        ok = add_one (db, name, &n_added, error);
    }

  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return NULL;
  return g_memdup2 (&n_added, sizeof n_added);
}

/* Every organisation someone of the user's contacts works for. */
gpointer
rapport_target_sql_add_from_contacts (RapportDatabase  *db,
                                      gpointer          data,
                                      GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 n_added;

  stmt = rapport_database_prepare (db,
    "INSERT OR IGNORE INTO organisation_target (organisation_id, created_at) "
    "SELECT DISTINCT organisation_id, ?1 FROM contact WHERE organisation_id IS NOT NULL AND trashed = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return NULL;
  n_added = sqlite3_changes (rapport_database_get_connection (db));
  return g_memdup2 (&n_added, sizeof n_added);
}

gpointer
rapport_target_sql_set (RapportDatabase  *db,
                        gpointer          data,
                        GError          **error)
{
  /* Indexed by RapportTargetField: the column is never the caller's text. */
  static const char * const sql[] = {
    "UPDATE organisation_target SET motivation = ?2 WHERE organisation_id = ?1",
    "UPDATE organisation_target SET posting = ?2 WHERE organisation_id = ?1",
    /* The user's answer is kept only where it differs from the contacts. */
    "UPDATE organisation_target SET advocacy = nullif (?2, EXISTS (SELECT 1 FROM contact c "
    "  WHERE c.organisation_id = ?1 AND c.trashed = 0)) WHERE organisation_id = ?1",
    "UPDATE organisation_target SET stage = ?2 WHERE organisation_id = ?1",
  };
  RapportTargetChange *change = data;
  sqlite3_stmt *stmt;

  G_STATIC_ASSERT (G_N_ELEMENTS (sql) == RAPPORT_TARGET_FIELD_STAGE + 1);
  g_return_val_if_fail (change->field < G_N_ELEMENTS (sql), NULL);

  stmt = rapport_database_prepare (db, sql[change->field], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change->organisation_id);
  sqlite3_bind_int (stmt, 2, change->value);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

gpointer
rapport_target_sql_remove (RapportDatabase  *db,
                           gpointer          data,
                           GError          **error)
{
  RapportTargetChange *change = data;
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db, "DELETE FROM organisation_target WHERE organisation_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change->organisation_id);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}
