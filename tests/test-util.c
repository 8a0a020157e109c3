/* test-util.c -- waiting for async results in the model tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "test-util.h"
#include "rapport-reminder-sql.h"
#include "rapport-sql.h"

/* Keeps the result in *user_data, a GAsyncResult * that starts NULL. */
void
test_store_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The real database file, at its default place under the test's own
 * XDG folders (G_TEST_OPTION_ISOLATE_DIRS). */
RapportDatabase *
test_open_database (void)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportDatabase *db = rapport_database_new (path);

  rapport_reminder_rules_attach (db);
  rapport_database_open_async (db, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_database_open_finish (db, test_wait_for (&result), &error));
  g_assert_no_error (error);
  return db;
}

typedef struct
{
  const char *sql;
  char       *text;
} Query;

static gpointer
query_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  Query *query = data;
  sqlite3_stmt *stmt = rapport_database_prepare (db, query->sql, error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    query->text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return GINT_TO_POINTER (TRUE);
}

/* The first column of the first row of @sql, as text, or
 * NULL for no row or NULL. Runs on the database's own thread. */
char *
test_query_text (RapportDatabase *db,
                 const char      *sql)
{
  g_autoptr(GError) error = NULL;
  /* interned: the statement cache is keyed by the string itself */
  Query query = { g_intern_string (sql), NULL };

  g_assert_nonnull (rapport_database_run_sync (db, query_func, &query, &error));
  g_assert_no_error (error);
  return query.text;
}

typedef struct
{
  const char *sql;
  gboolean    transaction;
  gint64      id;
} Exec;

static gpointer
exec_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Exec *exec = data;
  gboolean ok;

  if (exec->transaction && !rapport_sql_begin (db, error))
    return NULL;
  ok = rapport_database_exec (db, exec->sql, error);
  exec->id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
  if (exec->transaction && !rapport_sql_commit_or_rollback (db, ok, error))
    return NULL;
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static gint64
run_exec (RapportDatabase *db,
          const char      *sql,
          gboolean         transaction)
{
  g_autoptr(GError) error = NULL;
  Exec exec = { sql, transaction, 0 };

  g_assert_nonnull (rapport_database_run_sync (db, exec_func, &exec, &error));
  g_assert_no_error (error);
  return exec.id;
}

/* Runs @sql (any number of statements) on the database's own thread, never
 * beside a job of the program's there, and returns the last row id
 * inserted. */
gint64
test_exec (RapportDatabase *db,
           const char      *sql)
{
  return run_exec (db, sql, FALSE);
}

/* test_exec() in one write transaction, whose commit derives what the
 * statements touched as the program's own writes do. */
void
test_write (RapportDatabase *db,
            const char      *sql)
{
  run_exec (db, sql, TRUE);
}

/* The contacts as a file to import, staged as the import dialog's are. */
RapportContactFile *
test_contact_file_new (GPtrArray *contacts)
{
  g_autoptr(GError) error = NULL;
  RapportContactFile *file = rapport_contact_file_new_for_contacts (contacts, &error);

  g_assert_no_error (error);
  return file;
}

static gboolean
collect_cb (RapportContact  *contact,
            gpointer         user_data,
            GError         **error)
{
  g_ptr_array_add (user_data, g_object_ref (contact));
  return TRUE;
}

/* Every contact of @file, read back from where it was staged. */
GPtrArray *
test_contact_file_dup_contacts (RapportContactFile *file)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_contact_file_foreach (file, collect_cb, contacts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, rapport_contact_file_get_n_contacts (file));
  return g_steal_pointer (&contacts);
}
