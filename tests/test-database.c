/* test-database.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rapport-database.h"

/* Helpers {{{ */

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
open_database (RapportDatabase  *db,
               GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_database_open_async (db, NULL, store_result_cb, &result);
  return rapport_database_open_finish (db, wait_for_result (&result), error);
}

static char *
test_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", name, NULL);
}

/* Opens @path with plain SQLite, outside RapportDatabase, and runs @sql. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *conn = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (conn);
}

static gpointer
pragma_text_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  sqlite3 *conn = rapport_database_get_connection (db);
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (conn, data, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ret = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    rapport_database_set_error (error, conn, rc, data);
  sqlite3_finalize (stmt);

  return ret;
}

static gpointer
exec_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  return GINT_TO_POINTER (rapport_database_exec (db, data, error));
}

static char *
query_text (RapportDatabase *db,
            const char      *sql)
{
  g_autoptr(GError) error = NULL;
  char *ret = rapport_database_run_sync (db, pragma_text_func, (gpointer) sql, &error);

  g_assert_no_error (error);
  return ret;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

/* }}} */
/* Tests {{{ */

static void
test_open_creates (void)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *synchronous = NULL;
  g_autofree char *version = NULL;
  g_autofree char *created = NULL;

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "/rapport/rapport.db"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (rapport_database_is_open (db));

  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_database_is_open (db));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (rapport_database_get_schema_version (db), ==, rapport_database_get_latest_version ());
  g_assert_cmpuint (rapport_database_get_latest_version (), >=, 1);

  journal = query_text (db, "PRAGMA journal_mode");
  foreign_keys = query_text (db, "PRAGMA foreign_keys");
  synchronous = query_text (db, "PRAGMA synchronous");
  version = query_text (db, "PRAGMA user_version");
  created = query_text (db, "SELECT value FROM meta WHERE key = 'created'");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpstr (synchronous, ==, "2");   /* FULL */
  g_assert_cmpint (atoi (version), ==, rapport_database_get_latest_version ());
  g_assert_nonnull (created);
  g_assert_true (g_str_has_suffix (created, "Z"));
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
assert_private (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_cmpuint (mode_of (dir), ==, 0700);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);
}

/* The database and its -wal and -shm files are the user's alone, whatever
 * the umask; an older Rapport's 0755 folder and 0644 files are tightened,
 * and that is said once. */
static void
test_private_files (void)
{
  g_autofree char *path = test_path ("private.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  db = rapport_database_new (path);
  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  assert_private (path);
  g_assert_false (rapport_database_get_made_private (db));
  g_clear_object (&db);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  db = rapport_database_new (path);
  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  assert_private (path);
  g_assert_true (rapport_database_get_made_private (db));
  g_clear_object (&db);

  /* A database put by hand in a shared folder (sticky and open to all, as
   * /tmp is): the file is private, the folder is left as it was. */
  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);
  db = rapport_database_new (path);
  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  {
    struct stat st;

    g_assert_cmpint (g_stat (dir, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 07777, ==, 01777);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  umask (old_umask);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = test_path ("reopen.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_true (open_database (db, &error));
  first = query_text (db, "SELECT value FROM meta WHERE key = 'created'");
  rapport_database_close (db);
  g_assert_false (rapport_database_is_open (db));

  /* Closing folds the WAL back: the main file holds everything on its own. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  second = query_text (db, "SELECT value FROM meta WHERE key = 'created'");
  g_assert_cmpstr (first, ==, second);
}

static void
test_too_new_is_refused (void)
{
  g_autofree char *path = test_path ("newer.db");
  g_autofree char *sql = NULL;
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  sql = g_strdup_printf ("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                         "CREATE TABLE from_the_future (x);"
                         "PRAGMA application_id = %d; PRAGMA user_version = %u;",
                         0x52505254, rapport_database_get_latest_version () + 1);
  raw_exec (path, sql);
  before = read_file (path);

  db = rapport_database_new (path);
  g_assert_false (open_database (db, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_TOO_NEW);
  g_assert_false (rapport_database_is_open (db));

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_garbage_is_refused_then_moved_aside (void)
{
  static const char garbage[] = "BEGIN:VCARD\nVERSION:3.0\nFN:Not a database\nEND:VCARD\n";
  g_autofree char *path = test_path ("garbage.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *basename = NULL;

  /* Make it long enough to have a whole header's worth of bytes. */
  g_autoptr(GString) contents = g_string_new (NULL);
  for (guint i = 0; i < 100; i++)
    g_string_append (contents, garbage);
  write_file (path, contents->str, contents->len);
  before = read_file (path);

  g_assert_false (open_database (db, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  rapport_database_move_aside_async (db, NULL, store_result_cb, &result);
  moved = rapport_database_move_aside_finish (db, wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);

  basename = g_path_get_basename (moved);
  g_assert_true (g_str_has_prefix (basename, "garbage.db.damaged-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  after = read_file (moved);
  g_assert_true (g_bytes_equal (before, after));

  /* A fresh database takes its place; the old file stays untouched. */
  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_file (moved);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_damaged_pages_are_refused (void)
{
  g_autofree char *path = test_path ("damaged.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *copy = NULL;
  gsize len;

  g_assert_true (open_database (db, &error));
  rapport_database_close (db);

  /* Fill the file with rows over many pages, then scribble over the middle
   * of it, leaving the header intact. */
  raw_exec (path,
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
            "INSERT INTO meta (key, value) SELECT 'filler-' || i, hex (randomblob (64)) FROM n;"
            "PRAGMA wal_checkpoint(TRUNCATE);");
  bytes = read_file (path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  g_assert_cmpuint (len, >, 16 * 4096);
  memset (copy + 8 * 4096, 0x5a, 4 * 4096);
  write_file (path, copy, len);

  /* The header is intact, so the file opens; the check finds the damage and
   * closes it. */
  if (open_database (db, &error))
    {
      g_autoptr(GAsyncResult) result = NULL;

      g_assert_true (rapport_database_is_open (db));
      rapport_database_check_async (db, NULL, store_result_cb, &result);
      g_assert_false (rapport_database_check_finish (db, wait_for_result (&result), &error));
      g_assert_false (rapport_database_is_open (db));
    }
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* And the damaged file is still there, for a look or a repair. */
  g_assert_cmpuint (len, ==, ({ g_autoptr(GBytes) b = read_file (path); g_bytes_get_size (b); }));
}

static void
test_check_passes (void)
{
  g_autofree char *path = test_path ("healthy.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (open_database (db, &error));
  g_assert_true (rapport_database_check (db, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_database_is_open (db));
}

static void
test_foreign_database_is_refused (void)
{
  g_autofree char *path = test_path ("foreign.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  raw_exec (path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue in Green');");
  before = read_file (path);

  g_assert_false (open_database (db, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static gpointer
hold_lock_thread (gpointer data)
{
  sqlite3 *conn = data;

  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (conn, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return NULL;
}

static void
test_waits_for_a_lock (void)
{
  g_autofree char *path = test_path ("locked.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  GThread *thread;
  gint64 start;

  raw_exec (path, "PRAGMA user_version = 0;");
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  thread = g_thread_new ("hold-lock", hold_lock_thread, other);
  start = g_get_monotonic_time ();
  g_assert_true (open_database (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 200 * G_TIME_SPAN_MILLISECOND);

  g_thread_join (thread);
  sqlite3_close (other);
}

static gpointer
write_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  if (!rapport_database_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;
  if (!rapport_database_exec (db, "CREATE TABLE IF NOT EXISTS edit (x); INSERT INTO edit VALUES (1); COMMIT", error))
    {
      rapport_database_exec (db, "ROLLBACK", NULL);
      return NULL;
    }
  return GINT_TO_POINTER (1);
}

static void
count_waiting_cb (RapportDatabase *db,
                  GParamSpec      *pspec,
                  GPtrArray       *seen)
{
  g_ptr_array_add (seen, GINT_TO_POINTER (rapport_database_get_waiting (db)));
}

static gboolean
release_cb (gpointer data)
{
  g_assert_cmpint (sqlite3_exec (data, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return G_SOURCE_REMOVE;
}

/* Another program holds the write lock for 1.5 s: the write waits, says
 * so after a second, and goes through once the lock is let go. */
static void
test_waiting_is_shown (void)
{
  g_autofree char *path = test_path ("held.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;

  g_assert_true (open_database (db, &error));
  g_assert_false (rapport_database_get_waiting (db));
  g_signal_connect (db, "notify::waiting", G_CALLBACK (count_waiting_cb), seen);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_timeout_add (1500, release_cb, other);

  rapport_database_run_async (db, write_func, NULL, NULL, NULL, NULL, store_result_cb, &result);
  g_assert_nonnull (rapport_database_run_finish (db, wait_for_result (&result), &error));
  g_assert_no_error (error);
  while (seen->len < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (GPOINTER_TO_INT (seen->pdata[0]));
  g_assert_false (GPOINTER_TO_INT (seen->pdata[1]));
  g_assert_false (rapport_database_get_waiting (db));
  sqlite3_close (other);
}

/* A lock held past the limit: the write fails as busy, and the database
 * is usable again at once when the lock goes. */
static void
test_busy_past_the_limit (void)
{
  g_autofree char *path = test_path ("busy.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  g_assert_true (open_database (db, &error));
  rapport_database_set_busy_limit (db, 300);

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  rapport_database_run_async (db, write_func, NULL, NULL, NULL, NULL, store_result_cb, &result);
  g_assert_null (rapport_database_run_finish (db, wait_for_result (&result), &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_BUSY);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  rapport_database_run_async (db, write_func, NULL, NULL, NULL, NULL, store_result_cb, &again);
  g_assert_nonnull (rapport_database_run_finish (db, wait_for_result (&again), &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint   index;
  GArray *completed;
} OrderData;

static gpointer
insert_index_func (RapportDatabase  *db,
                   gpointer          data,
                   GError          **error)
{
  OrderData *order = data;
  sqlite3_stmt *stmt;
  int rc;

  /* Goes through the statement cache: the same statement, 200 times. */
  stmt = rapport_database_prepare (db, "INSERT INTO order_log (i) VALUES (?1)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, order->index);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (error, rapport_database_get_connection (db), rc, "insert");
      return NULL;
    }

  return GUINT_TO_POINTER (order->index + 1);
}

static void
insert_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GArray *completed = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ret = rapport_database_run_finish (RAPPORT_DATABASE (object), result, &error);

  g_assert_no_error (error);
  g_array_append_val (completed, (guint) { GPOINTER_TO_UINT (ret) - 1 });
}

static void
test_jobs_run_in_order (void)
{
  g_autofree char *path = test_path ("order.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GArray) completed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  const guint n = 200;

  g_assert_true (open_database (db, &error));
  g_assert_nonnull (rapport_database_run_sync (db, exec_func, (gpointer) "CREATE TABLE order_log (i INTEGER)", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      OrderData *order = g_new0 (OrderData, 1);

      order->index = i;
      rapport_database_run_async (db, insert_index_func, order, g_free, NULL,
                                  NULL, insert_done_cb, completed);
      g_string_append_printf (expected, "%s%u", i ? "," : "", i);
    }

  while (completed->len < n)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (completed, guint, i), ==, i);

  /* rowid order is insertion order: the jobs ran in the order queued. */
  listed = query_text (db, "SELECT group_concat (i, ',') FROM (SELECT i FROM order_log ORDER BY rowid)");
  g_assert_cmpstr (listed, ==, expected->str);
}

static void
test_use_before_open (void)
{
  g_autofree char *path = test_path ("closed.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GError) error = NULL;
  gpointer ret;

  ret = rapport_database_run_sync (db, pragma_text_func, (gpointer) "SELECT 1", &error);
  g_assert_null (ret);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CLOSED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cancelled_open (void)
{
  g_autofree char *path = test_path ("cancelled.db");
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  rapport_database_open_async (db, cancellable, store_result_cb, &result);
  g_assert_false (rapport_database_open_finish (db, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (rapport_database_is_open (db));
}

static void
test_guards (void)
{
  g_test_expect_message ("rapport-database", G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_null (rapport_database_new (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("rapport-database", G_LOG_LEVEL_CRITICAL, "*RAPPORT_IS_DATABASE*");
  g_assert_null (rapport_database_get_path (NULL));
  g_test_assert_expected_messages ();
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/open-creates", test_open_creates);
  g_test_add_func ("/database/private-files", test_private_files);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/too-new-is-refused", test_too_new_is_refused);
  g_test_add_func ("/database/garbage-is-refused-then-moved-aside", test_garbage_is_refused_then_moved_aside);
  g_test_add_func ("/database/damaged-pages-are-refused", test_damaged_pages_are_refused);
  g_test_add_func ("/database/check-passes", test_check_passes);
  g_test_add_func ("/database/foreign-database-is-refused", test_foreign_database_is_refused);
  g_test_add_func ("/database/waits-for-a-lock", test_waits_for_a_lock);
  g_test_add_func ("/database/waiting-is-shown", test_waiting_is_shown);
  g_test_add_func ("/database/busy-past-the-limit", test_busy_past_the_limit);
  g_test_add_func ("/database/jobs-run-in-order", test_jobs_run_in_order);
  g_test_add_func ("/database/use-before-open", test_use_before_open);
  g_test_add_func ("/database/cancelled-open", test_cancelled_open);
  g_test_add_func ("/database/guards", test_guards);

  return g_test_run ();
}
