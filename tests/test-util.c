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
