/* test-backup.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "rapport-backup.h"
#include "test-util.h"

/* Helpers {{{ */

typedef struct
{
  const char *key;
  const char *value;
} MetaRow;

static gpointer
set_meta_func (RapportDatabase  *db,
               gpointer          data,
               GError          **error)
{
  MetaRow *row = data;
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, row->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rapport_database_set_error (error, rapport_database_get_connection (db), rc, "insert");
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? GINT_TO_POINTER (TRUE) : NULL;
}

static gboolean
set_meta (RapportDatabase  *db,
          const char       *key,
          const char       *value,
          GError          **error)
{
  MetaRow row = { key, value };

  return rapport_database_run_sync (db, set_meta_func, &row, error) != NULL;
}

static char *
get_meta (RapportDatabase *db,
          const char      *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value FROM meta WHERE key = '%s'", key);

  return test_query_text (db, sql);
}

/* Reads a file with plain SQLite, apart from RapportDatabase. */
static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return ret;
}

static GDateTime *
at (int day,
    int hour)
{
  return g_date_time_new_local (2026, 11, day, hour, 0, 0);
}

static char *
backup_folder (RapportDatabase *db)
{
  return rapport_backup_dup_folder (rapport_database_get_path (db));
}

static guint
count_backups (RapportDatabase *db)
{
  g_autofree char *folder = backup_folder (db);
  g_autoptr(GPtrArray) backups = rapport_backup_list (folder, NULL);

  return backups->len;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
fill (RapportDatabase *db,
      guint            n_rows)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i += 500)
    {
      g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT %u UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
                                              "INSERT INTO meta (key, value) SELECT 'filler-' || i, hex (randomblob (100)) FROM n",
                                              i, i + 499);
      g_free (test_query_text (db, g_intern_string (sql)));
    }
}

/* }}} */

static void
test_create_snapshot (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GDateTime) time = at (20, 9);
  g_autofree char *value = NULL;
  g_autofree char *check = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *folder = backup_folder (db);
  g_autofree char *temp = g_build_filename (folder, ".rapport-backup.tmp", NULL);
  g_autofree char *n_rows = NULL;
  gint64 started;

  g_assert_true (set_meta (db, "greeting", "before", &error));
  g_assert_no_error (error);
  fill (db, 5000);

  started = g_get_monotonic_time ();
  backup = rapport_backup_create (db, time, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_test_message ("backup of %" G_GOFFSET_FORMAT " bytes (5,000 rows) took %.1f ms",
                  backup->size, (g_get_monotonic_time () - started) / 1000.0);

  basename = g_path_get_basename (backup->path);
  g_assert_cmpstr (basename, ==, "rapport-2026-11-20T090000.db");
  g_assert_true (g_date_time_equal (backup->time, time));
  g_assert_cmpint (backup->size, >, 5000 * 100);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));

  /* The user's alone, like the database. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (backup->path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
  }

  /* Written after the backup: not in it. */
  g_assert_true (set_meta (db, "greeting", "after", &error));

  value = raw_query (backup->path, "SELECT value FROM meta WHERE key = 'greeting'");
  g_assert_cmpstr (value, ==, "before");
  n_rows = raw_query (backup->path, "SELECT count(*) FROM meta WHERE key LIKE 'filler-%'");
  g_assert_cmpstr (n_rows, ==, "5000");
  check = raw_query (backup->path, "PRAGMA quick_check");
  g_assert_cmpstr (check, ==, "ok");
  /* One file, whole on its own: no WAL to carry along. */
  mode = raw_query (backup->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
}

static void
test_rotation_keeps_seven (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autofree char *folder = backup_folder (db);
  g_autofree char *other = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));

  for (int day = 1; day <= 9; day++)
    {
      g_autoptr(GDateTime) time = at (day, 12);
      g_autoptr(RapportBackup) backup = rapport_backup_create (db, time, &error);

      g_assert_no_error (error);
      g_assert_nonnull (backup);
    }

  backups = rapport_backup_list (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, RAPPORT_BACKUP_KEEP);

  /* The newest seven, newest first: days 9 down to 3. */
  for (guint i = 0; i < backups->len; i++)
    {
      RapportBackup *backup = g_ptr_array_index (backups, i);

      g_assert_cmpint (g_date_time_get_day_of_month (backup->time), ==, 9 - (int) i);
    }

  /* Files that are not backups stay. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

static void
test_same_second (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) time = at (20, 9);
  g_autoptr(RapportBackup) first = rapport_backup_create (db, time, NULL);
  g_autoptr(RapportBackup) second = rapport_backup_create (db, time, NULL);

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpstr (first->path, !=, second->path);
  g_assert_true (g_str_has_suffix (second->path, "T090000-2.db"));
  g_assert_cmpuint (count_backups (db), ==, 2);
}

static void
test_due (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autofree char *folder = backup_folder (db);
  g_autoptr(GDateTime) then = at (20, 9);
  g_autoptr(GDateTime) later_that_day = at (20, 23);
  g_autoptr(GDateTime) next_day = at (21, 9);
  g_autoptr(GDateTime) long_before = at (1, 9);
  g_autoptr(GPtrArray) none = rapport_backup_list (folder, NULL);
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (rapport_backup_is_due (none, then));
  g_assert_true (rapport_backup_is_due (NULL, then));

  g_assert_nonnull ((backup = rapport_backup_create (db, then, NULL)));
  g_clear_pointer (&backup, rapport_backup_free);
  one = rapport_backup_list (folder, NULL);
  g_assert_false (rapport_backup_is_due (one, later_that_day));
  g_assert_true (rapport_backup_is_due (one, next_day));
  /* The clock went back a long way: a new one, rather than none for weeks. */
  g_assert_true (rapport_backup_is_due (one, long_before));

  /* The daily job skips when none is due… */
  rapport_backup_create_async (db, later_that_day, TRUE, NULL, test_store_result_cb, &result);
  backup = rapport_backup_create_finish (db, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_null (backup);
  g_assert_cmpuint (count_backups (db), ==, 1);
  g_clear_object (&result);

  /* …and backs up when one is. */
  rapport_backup_create_async (db, next_day, TRUE, NULL, test_store_result_cb, &result);
  backup = rapport_backup_create_finish (db, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_cmpuint (count_backups (db), ==, 2);
}

static void
test_restore (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(GDateTime) then = at (20, 9);
  g_autoptr(GDateTime) now = at (21, 9);
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *value = NULL;
  g_autofree char *kept_value = NULL;

  g_assert_true (set_meta (db, "greeting", "old", &error));
  backup = rapport_backup_create (db, then, &error);
  g_assert_no_error (error);
  g_assert_true (set_meta (db, "greeting", "new", &error));

  g_assert_true (rapport_backup_restore (db, backup->path, now, &kept, &error));
  g_assert_no_error (error);

  /* The old data is back, and the database open on it. */
  g_assert_true (rapport_database_is_open (db));
  value = get_meta (db, "greeting");
  g_assert_cmpstr (value, ==, "old");
  g_assert_cmpuint (rapport_database_get_schema_version (db), ==, rapport_database_get_latest_version ());

  /* What it replaced is a backup of its own. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_suffix (kept, "rapport-2026-11-21T090000.db"));
  kept_value = raw_query (kept, "SELECT value FROM meta WHERE key = 'greeting'");
  g_assert_cmpstr (kept_value, ==, "new");
  g_assert_true (g_file_test (backup->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_backups (db), ==, 2);

  /* Writes go on as usual. */
  g_assert_true (set_meta (db, "greeting", "again", &error));
  g_assert_no_error (error);
}

static void
test_restore_async (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *value = NULL;

  g_assert_true (set_meta (db, "greeting", "old", &error));
  backup = rapport_backup_create (db, NULL, &error);
  g_assert_true (set_meta (db, "greeting", "new", &error));

  rapport_backup_restore_async (db, backup->path, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_backup_restore_finish (db, test_wait_for (&result), &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  value = get_meta (db, "greeting");
  g_assert_cmpstr (value, ==, "old");
}

static void
test_restore_damaged_backup_is_refused (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *value = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *foreign = NULL;
  g_autofree char *temp = NULL;
  gsize len;

  g_assert_true (set_meta (db, "greeting", "current", &error));
  fill (db, 2000);
  backup = rapport_backup_create (db, NULL, &error);
  g_assert_no_error (error);

  /* Scribble over the middle of the backup, leaving its header whole. */
  bytes = read_bytes (backup->path);
  copy = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  g_assert_cmpuint (len, >, 16 * 4096);
  memset (copy + 8 * 4096, 0x5a, 4 * 4096);
  g_assert_true (g_file_set_contents (backup->path, copy, len, NULL));

  g_assert_false (rapport_backup_restore (db, backup->path, NULL, &kept, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_assert_null (kept);
  g_clear_error (&error);

  /* Nothing changed: still open on the current data, no new backup, no
   * temporary copy left. */
  g_assert_true (rapport_database_is_open (db));
  value = get_meta (db, "greeting");
  g_assert_cmpstr (value, ==, "current");
  g_assert_cmpuint (count_backups (db), ==, 1);
  temp = g_strconcat (rapport_database_get_path (db), ".restoring", NULL);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));

  /* Another program's SQLite file is refused too. */
  foreign = g_build_filename (g_get_user_data_dir (), "foreign.db", NULL);
  {
    sqlite3 *conn = NULL;

    g_assert_cmpint (sqlite3_open (foreign, &conn), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (conn, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (conn);
  }
  g_assert_false (rapport_backup_restore (db, foreign, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_true (rapport_database_is_open (db));
  g_assert_cmpuint (count_backups (db), ==, 1);
}

static void
test_restore_over_damaged_file (void)
{
  static const char garbage[] = "This is not a database, but it may be someone's only copy of something. ";
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autofree char *path = g_strdup (rapport_database_get_path (db));
  g_autoptr(RapportDatabase) reopened = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *value = NULL;

  g_assert_true (set_meta (db, "greeting", "saved", &error));
  backup = rapport_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  rapport_database_close (db);

  for (guint i = 0; i < 100; i++)
    g_string_append (contents, garbage);
  g_assert_true (g_file_set_contents (path, contents->str, contents->len, NULL));
  before = read_bytes (path);

  /* As at startup: the open fails, then the user restores. */
  reopened = rapport_database_new (path);
  g_assert_false (rapport_database_open (reopened, NULL, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (rapport_backup_restore (reopened, backup->path, NULL, &kept, &error));
  g_assert_no_error (error);

  /* The bad file was moved aside with a time stamp, byte for byte. */
  g_assert_nonnull (kept);
  basename = g_path_get_basename (kept);
  g_assert_true (g_str_has_prefix (basename, "rapport.db.damaged-"));
  after = read_bytes (kept);
  g_assert_true (g_bytes_equal (before, after));

  value = get_meta (reopened, "greeting");
  g_assert_cmpstr (value, ==, "saved");
  g_assert_cmpuint (count_backups (reopened), ==, 1);
}

/* A full disk while saving. RLIMIT_FSIZE makes every write past the limit
 * fail with EFBIG, as a full file system fails with ENOSPC, without
 * mounting anything (which needs privileges a test should not assume). It
 * applies to the whole process, so it is set in a subprocess. */
static void
test_full_disk_subprocess (void)
{
  g_autoptr(RapportDatabase) db = rapport_database_new (g_getenv ("RAPPORT_TEST_DATABASE"));
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autofree char *folder = backup_folder (db);
  g_autofree char *temp = g_build_filename (folder, ".rapport-backup.tmp", NULL);
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  /* Opened first: the open writes the -shm file, past the limit. */
  g_assert_true (rapport_database_open (db, NULL, &error));

  /* The default action of SIGXFSZ ends the process; ignored, the write
   * fails with EFBIG instead, as it would on a full disk. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (guint i = 0; i < 10000; i++)
    g_string_append (big, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n");

  g_assert_false (set_meta (db, "big", big->str, &error));
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL);
  g_print ("save: %s\n", error->message);
  g_clear_error (&error);

  /* The database is larger than the limit, so a backup cannot be written
   * either: it fails with the same message and leaves no partial file. */
  backup = rapport_backup_create (db, NULL, &error);
  g_assert_null (backup);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL);
  g_print ("backup: %s\n", error->message);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
}

static void
test_full_disk (void)
{
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *big = NULL;
  g_autofree char *check = NULL;
  g_autofree char *n_rows = NULL;
  g_autofree char *path = NULL;

  db = test_open_database ();
  g_assert_true (set_meta (db, "greeting", "committed", &error));
  g_assert_no_error (error);
  fill (db, 2000);
  rapport_database_close (db);
  g_clear_object (&db);

  /* The subprocess has isolated folders of its own. */
  path = rapport_database_dup_default_path ();
  g_setenv ("RAPPORT_TEST_DATABASE", path, TRUE);
  g_test_trap_subprocess ("/backup/full-disk/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*save: The database file has reached the largest size allowed*");
  g_test_trap_assert_stdout ("*backup: Could not back up the database: The database file has reached*");

  /* Everything committed before is there, the failed write is not, and the
   * file is whole. */
  db = test_open_database ();
  value = get_meta (db, "greeting");
  g_assert_cmpstr (value, ==, "committed");
  big = get_meta (db, "big");
  g_assert_null (big);
  n_rows = test_query_text (db, "SELECT count(*) FROM meta WHERE key LIKE 'filler-%'");
  g_assert_cmpstr (n_rows, ==, "2000");
  g_assert_true (rapport_database_check (db, &error));
  g_assert_no_error (error);
  check = test_query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
test_describe_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 22, 10, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 22, 9, 12, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 11, 21, 23, 5, 0);
  g_autoptr(GDateTime) earlier = g_date_time_new_local (2026, 11, 2, 9, 12, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new_local (2025, 12, 31, 18, 0, 0);
  g_autoptr(GDateTime) new_year = g_date_time_new_local (2026, 1, 1, 8, 0, 0);
  g_autoptr(GDateTime) parsed = rapport_backup_parse_time ("rapport-2026-11-20T091200.db");
  g_autoptr(GDateTime) parsed_second = rapport_backup_parse_time ("rapport-2026-11-20T091200-2.db");
  g_autofree char *a = rapport_backup_describe_time (today, now);
  g_autofree char *b = rapport_backup_describe_time (yesterday, now);
  g_autofree char *c = rapport_backup_describe_time (earlier, now);
  g_autofree char *d = rapport_backup_describe_time (last_year, now);
  g_autofree char *e = rapport_backup_describe_time (last_year, new_year);
  g_autofree char *f = rapport_backup_format_date (today, now);

  g_assert_cmpstr (a, ==, "Today at 09:12");
  g_assert_cmpstr (b, ==, "Yesterday at 23:05");
  g_assert_cmpstr (c, ==, "2 November at 09:12");
  g_assert_cmpstr (d, ==, "31 December 2025 at 18:00");
  /* Across the new year, yesterday is still yesterday. */
  g_assert_cmpstr (e, ==, "Yesterday at 18:00");
  g_assert_cmpstr (f, ==, "22 November at 09:12");

  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_get_hour (parsed), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (parsed), ==, 12);
  g_assert_nonnull (parsed_second);
  g_assert_null (rapport_backup_parse_time ("rapport-2026-11-20T0912.db"));
  g_assert_null (rapport_backup_parse_time (".rapport-backup.tmp"));
  g_assert_null (rapport_backup_parse_time ("rapport-2026-11-20T091200.db.tmp"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/backup/create-snapshot", test_create_snapshot);
  g_test_add_func ("/backup/rotation-keeps-seven", test_rotation_keeps_seven);
  g_test_add_func ("/backup/same-second", test_same_second);
  g_test_add_func ("/backup/due", test_due);
  g_test_add_func ("/backup/restore", test_restore);
  g_test_add_func ("/backup/restore-async", test_restore_async);
  g_test_add_func ("/backup/restore-damaged-backup-is-refused", test_restore_damaged_backup_is_refused);
  g_test_add_func ("/backup/restore-over-damaged-file", test_restore_over_damaged_file);
  g_test_add_func ("/backup/full-disk", test_full_disk);
  g_test_add_func ("/backup/full-disk/subprocess", test_full_disk_subprocess);
  g_test_add_func ("/backup/describe-time", test_describe_time);

  return g_test_run ();
}
