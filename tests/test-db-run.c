/* test-db-run.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one job runner (rapport_db_run()) and the commit hooks, on a real
 * database file: reads and writes, cancelling, errors, the order results
 * come back in, and the transaction a write runs in.
 */

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-sql.h"
#include "test-util.h"

typedef struct
{
  RapportDatabase *db;
  GObject         *source;   /* stands for a store */
  GThread         *main_thread;
  guint            n_done;
  guint            n_ran;
  guint            n_result_freed;
  guint            n_hook;
  gboolean         hook_fails;
  gboolean         hook_in_transaction;
  gboolean         hook_on_worker;
  GArray          *order;
} Fixture;

/* Jobs {{{ */

static gpointer
create_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  return rapport_database_exec (db, "CREATE TABLE run_test (n INTEGER NOT NULL)", error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
insert_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  Fixture *fixture = data;
  sqlite3_stmt *stmt;

  g_atomic_int_inc (&fixture->n_ran);
  stmt = rapport_database_prepare (db, "INSERT INTO run_test (n) VALUES (?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) fixture->n_ran);
  if (!rapport_sql_step_done (db, stmt, error))
    return NULL;
  return rapport_db_id_result (sqlite3_last_insert_rowid (rapport_database_get_connection (db)));
}

/* Inserts a row, then fails: inside a transaction of the runner's the row
 * must go again. */
static gpointer
insert_then_fail_func (RapportDatabase  *db,
                       gpointer          data,
                       GError          **error)
{
  g_autofree gint64 *id = insert_func (db, data, error);

  if (id == NULL)
    return NULL;
  return rapport_database_exec (db, "INSERT INTO no_such_table VALUES (1)", error) ? g_steal_pointer (&id) : NULL;
}

static gpointer
count_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  Fixture *fixture = data;
  sqlite3_stmt *stmt;
  gint64 count;

  g_atomic_int_inc (&fixture->n_ran);
  stmt = rapport_database_prepare (db, "SELECT count (*) FROM run_test", error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rapport_sql_fail (db, sqlite3_reset (stmt), "count", error);
      return NULL;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return g_memdup2 (&count, sizeof count);
}

static gpointer
index_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  return data;
}

static void
result_free (gpointer data)
{
  /* The results of insert_then_fail_func are plain ids. */
  g_free (data);
}

static Fixture *current_fixture;

static void
counting_result_free (gpointer data)
{
  current_fixture->n_result_freed++;
  g_free (data);
}

static void
done (gpointer source_object,
      gpointer data,
      gpointer result)
{
  Fixture *fixture = current_fixture;

  g_assert_true (g_thread_self () == fixture->main_thread);
  g_assert_true (source_object == fixture->source);
  fixture->n_done++;
}

static gboolean
hook (RapportDatabase  *db,
      gpointer          user_data,
      GError          **error)
{
  Fixture *fixture = user_data;

  fixture->n_hook++;
  fixture->hook_in_transaction = !sqlite3_get_autocommit (rapport_database_get_connection (db));
  fixture->hook_on_worker = g_thread_self () != fixture->main_thread;
  if (fixture->hook_fails)
    {
      g_set_error_literal (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FAILED, "the hook said no");
      return FALSE;
    }
  return TRUE;
}

/* }}} */
/* Helpers {{{ */

static void
run (Fixture             *fixture,
     RapportDbRunFlags    flags,
     RapportDatabaseFunc  func,
     GDestroyNotify       free_func,
     GCancellable        *cancellable,
     GAsyncResult       **slot)
{
  rapport_db_run (fixture->source, run, fixture->db, flags, func, fixture, NULL, free_func, done,
                  cancellable, test_store_result_cb, slot);
}

static gint64
count_rows (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *count = NULL;

  run (fixture, RAPPORT_DB_RUN_READ, count_func, g_free, NULL, &result);
  count = rapport_db_run_finish (fixture->source, test_wait_for (&result), run, &error);
  g_assert_no_error (error);
  g_assert_nonnull (count);
  return *count;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  current_fixture = fixture;
  fixture->main_thread = g_thread_self ();
  fixture->db = test_open_database ();
  fixture->source = g_object_new (G_TYPE_OBJECT, NULL);
  fixture->order = g_array_new (FALSE, FALSE, sizeof (guint));
  rapport_database_add_commit_hook (fixture->db, hook, fixture, NULL);

  run (fixture, RAPPORT_DB_RUN_TRANSACTION, create_func, NULL, NULL, &result);
  g_assert_true (rapport_db_run_finish_boolean (fixture->source, test_wait_for (&result), run, &error));
  g_assert_no_error (error);
  fixture->n_done = fixture->n_hook = 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->source);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->order, g_array_unref);
  current_fixture = NULL;
}

/* }}} */
/* Tests {{{ */

static void
test_read_write (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  run (fixture, RAPPORT_DB_RUN_WRITE, insert_func, g_free, NULL, &result);
  id = rapport_db_run_finish_id (fixture->source, test_wait_for (&result), run, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpuint (fixture->n_done, ==, 1);
  /* A plain write is its function's own business: no transaction, no hook. */
  g_assert_cmpuint (fixture->n_hook, ==, 0);

  g_assert_cmpint (count_rows (fixture), ==, 1);
  g_assert_cmpuint (fixture->n_done, ==, 2);
}

static void
test_cancel_before_run (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) read = NULL;
  g_autoptr(GAsyncResult) write = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);

  /* A cancelled read does not run. */
  run (fixture, RAPPORT_DB_RUN_READ, count_func, g_free, cancellable, &read);
  g_assert_null (rapport_db_run_finish (fixture->source, test_wait_for (&read), run, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_ran, ==, 0);
  g_assert_cmpuint (fixture->n_done, ==, 0);

  /* A write once queued is applied and announced; its caller, who went
   * away, is told it was cancelled. */
  run (fixture, RAPPORT_DB_RUN_TRANSACTION, insert_func, g_free, cancellable, &write);
  g_assert_cmpint (rapport_db_run_finish_id (fixture->source, test_wait_for (&write), run, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->n_ran, ==, 1);
  g_assert_cmpuint (fixture->n_done, ==, 1);
  g_assert_cmpuint (fixture->n_hook, ==, 1);
  g_assert_cmpint (count_rows (fixture), ==, 1);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(GAsyncResult) closed = NULL;
  g_autoptr(GError) error = NULL;

  /* The database's error, as it is; the row is rolled back with the
   * transaction, the result freed, and nothing announced. */
  run (fixture, RAPPORT_DB_RUN_TRANSACTION, insert_then_fail_func, counting_result_free, NULL, &failed);
  g_assert_cmpint (rapport_db_run_finish_id (fixture->source, test_wait_for (&failed), run, &error), ==, 0);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->n_ran, ==, 1);
  g_assert_cmpuint (fixture->n_done, ==, 0);
  g_assert_cmpuint (fixture->n_hook, ==, 0);
  g_assert_cmpint (count_rows (fixture), ==, 0);

  /* A job on a closed database. */
  rapport_database_close (fixture->db);
  fixture->n_ran = 0;
  run (fixture, RAPPORT_DB_RUN_WRITE, insert_func, result_free, NULL, &closed);
  g_assert_cmpint (rapport_db_run_finish_id (fixture->source, test_wait_for (&closed), run, &error), ==, 0);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CLOSED);
  g_assert_cmpuint (fixture->n_ran, ==, 0);
}

static void
test_commit_hook (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GAsyncResult) ok = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GError) error = NULL;

  run (fixture, RAPPORT_DB_RUN_TRANSACTION, insert_func, g_free, NULL, &ok);
  g_assert_cmpint (rapport_db_run_finish_id (fixture->source, test_wait_for (&ok), run, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_hook, ==, 1);
  g_assert_true (fixture->hook_in_transaction);
  g_assert_true (fixture->hook_on_worker);

  /* A hook that fails takes the write back with it. */
  fixture->hook_fails = TRUE;
  run (fixture, RAPPORT_DB_RUN_TRANSACTION, insert_func, counting_result_free, NULL, &refused);
  g_assert_cmpint (rapport_db_run_finish_id (fixture->source, test_wait_for (&refused), run, &error), ==, 0);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "the hook said no");
  g_assert_cmpuint (fixture->n_hook, ==, 2);
  g_assert_cmpuint (fixture->n_result_freed, ==, 1);
  g_assert_cmpuint (fixture->n_done, ==, 1);
  g_assert_cmpint (count_rows (fixture), ==, 1);
}

static void
order_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GError) error = NULL;
  guint index;

  index = GPOINTER_TO_UINT (rapport_db_run_finish (object, result, run, &error)) - 1;
  g_assert_no_error (error);
  g_array_append_val (fixture->order, index);
}

static void
test_queue_order (Fixture       *fixture,
                  gconstpointer  data)
{
  const guint n_jobs = 40;

  /* Reads and writes mixed: each comes back in the order it was queued. */
  for (guint i = 0; i < n_jobs; i++)
    rapport_db_run (fixture->source, run, fixture->db,
                    i % 3 == 0 ? RAPPORT_DB_RUN_TRANSACTION : i % 3 == 1 ? RAPPORT_DB_RUN_READ : RAPPORT_DB_RUN_WRITE,
                    index_func, GUINT_TO_POINTER (i + 1), NULL, NULL, done, NULL, order_cb, fixture);

  while (fixture->order->len < n_jobs)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < n_jobs; i++)
    g_assert_cmpuint (g_array_index (fixture->order, guint, i), ==, i);
  g_assert_cmpuint (fixture->n_done, ==, n_jobs);
  g_assert_cmpuint (fixture->n_hook, ==, (n_jobs + 2) / 3);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/db-run/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("read-write", test_read_write);
  ADD ("cancel-before-run", test_cancel_before_run);
  ADD ("errors", test_errors);
  ADD ("commit-hook", test_commit_hook);
  ADD ("queue-order", test_queue_order);

#undef ADD

  return g_test_run ();
}
