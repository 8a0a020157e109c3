/* test-full-disk.c -- saving contacts on a file system that really fills up
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-backup.c stands in for a full disk with a file size limit, which
 * needs no privileges. This test uses the real thing: a 2 MiB tmpfs,
 * mounted in a mount namespace of its own (unshare), so the mount can't
 * outlive the test and nothing outside sees it. The test runs itself again
 * inside that namespace ("--on-tmpfs DIR"); where the system allows no
 * namespace (no root, no user namespaces), the test says so and skips.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rapport-backup.h"
#include "rapport-contact-import.h"
#include "test-contact-util.h"
#include "test-util.h"
#include "rapport-reminder-sql.h"

#define TMPFS_SIZE "2m"
#define IMPORT_SIZE 10000

/* Inside the namespace {{{ */

static gboolean
save_contact (ContactFixture  *fixture,
              guint            n,
              GError         **error)
{
  g_autofree char *name = g_strdup_printf ("Contact %05u", n);
  g_autofree char *notes = g_strnfill (2000, 'a' + n % 26);
  g_autoptr(RapportContact) contact = test_make_contact (name, "Full Disk Ltd", NULL);
  g_autoptr(GAsyncResult) result = NULL;

  rapport_contact_set_notes (contact, notes);
  rapport_contact_store_save_async (fixture->store, contact, NULL, test_store_result_cb, &result);
  return rapport_contact_store_save_finish (fixture->store, test_wait_for (&result), error) > 0;
}

static gpointer
checkpoint_func (RapportDatabase  *db,
                 gpointer          data,
                 GError          **error)
{
  return rapport_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error) ? GINT_TO_POINTER (1) : NULL;
}

static int
run_on_tmpfs (const char *dir)
{
  ContactFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autofree char *path = g_build_filename (dir, "rapport", "rapport.db", NULL);

  g_autofree char *count = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *check = NULL;
  g_autofree char *expected = NULL;
  /* An import is staged in the cache folder first (a scratch file, see
   * rapport-import-stage.c); here that is beside the full disk, so that it
   * is the import into the database that meets the full disk. */
  g_autofree char *cache = g_strconcat (dir, "-cache", NULL);
  g_autofree char *cache_rapport = g_build_filename (cache, "rapport", NULL);
  guint committed = 0;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  fixture.db = rapport_database_new (path);
  rapport_reminder_rules_attach (fixture.db);
  if (!rapport_database_open (fixture.db, NULL, &error))
    g_error ("open: %s", error->message);
  fixture.store = rapport_contact_store_new (fixture.db);

  /* An import of 10,000 people, more than the disk holds: it fails part
   * way, all or nothing, so nothing of it is kept, and the room its
   * rolled-back pages took is there for the saves that follow. */
  {
    g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(RapportContactFile) file = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    RapportImportResult counts = { 0 };
    gint progress = 0;

    for (guint i = 0; i < IMPORT_SIZE; i++)
      {
        g_autofree char *name = g_strdup_printf ("Imported %05u", i);

        g_autofree char *notes = g_strnfill (300, 'a' + i % 26);
        RapportContact *person = test_make_contact (name, "Import Ltd", NULL);

        rapport_contact_set_notes (person, notes);
        g_ptr_array_add (people, person);
      }
    file = test_contact_file_new (people);
    rapport_contact_import_run_async (fixture.store, file, FALSE, &progress, NULL, test_store_result_cb, &result);
    g_assert_false (rapport_contact_import_run_finish (fixture.store, test_wait_for (&result), &counts, &error));
    g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL);
    g_print ("import: %s\n", error->message);
    g_clear_error (&error);
  }

  /* Save until the file system is full: every save either commits or
   * fails whole. */
  while (save_contact (&fixture, committed + 1, &error))
    committed++;
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL);
  g_assert_cmpuint (committed, >, 10);
  g_print ("committed %u\nsave: %s\n", committed, error->message);
  g_clear_error (&error);

  /* A backup fails the same way and leaves nothing behind. */
  backup = rapport_backup_create (fixture.db, NULL, &error);
  g_assert_null (backup);
  g_assert_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL);
  g_print ("backup: %s\n", error->message);
  g_clear_error (&error);

  /* The write-ahead log copied back into the full file: the checkpoint
   * may fail for want of room, but never loses a committed page. */
  if (!rapport_database_run_sync (fixture.db, checkpoint_func, NULL, &error))
    {
      g_print ("checkpoint: %s\n", error->message);
      g_clear_error (&error);
    }
  else
    g_print ("checkpoint: done\n");

  g_clear_object (&fixture.store);
  rapport_database_close (fixture.db);
  g_clear_object (&fixture.db);

  /* Opened again on the still full disk: every reported commit is there,
   * the failed one is not, and the file is whole. */
  fixture.db = rapport_database_new (path);
  rapport_reminder_rules_attach (fixture.db);
  if (!rapport_database_open (fixture.db, NULL, &error))
    g_error ("reopen: %s", error->message);
  count = test_query_text (fixture.db, "SELECT count(*) FROM contact WHERE display_name LIKE 'Contact %'");
  imported = test_query_text (fixture.db, "SELECT count(*) FROM contact WHERE display_name LIKE 'Imported %'");
  g_assert_cmpstr (imported, ==, "0");
  expected = g_strdup_printf ("%u", committed);
  g_assert_cmpstr (count, ==, expected);
  check = test_query_text (fixture.db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_print ("intact: %s contacts, integrity %s\n", count, check);
  g_rmdir (cache_rapport);
  g_rmdir (cache);
  rapport_database_close (fixture.db);
  g_clear_object (&fixture.db);
  return 0;
}

/* }}} */
/* The test {{{ */

static void
test_full_tmpfs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-full-XXXXXX", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  /* As root a mount namespace is enough; otherwise a user namespace maps
   * the user to root inside it (-r). */
  const char *flags = geteuid () == 0 ? "--mount" : "--map-root-user";
  const char *script = "mount -t tmpfs -o size=" TMPFS_SIZE " rapport-full \"$1\" || exit 77; "
                       "exec \"$2\" --on-tmpfs \"$1\"";
  const char *argv[] = { "unshare", flags, "--mount", "--propagation", "private",
                         "/bin/sh", "-c", script, "sh", dir, self, NULL };
  int status = 0;

  g_assert_nonnull (self);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    {
      g_autofree char *why = g_strdup_printf ("unshare cannot run here: %s", error->message);

      g_test_skip (why);
      g_rmdir (dir);
      return;
    }
  g_rmdir (dir);

  /* unshare itself fails without the privilege; mount fails inside (77). */
  if (!g_spawn_check_wait_status (status, NULL) &&
      (strstr (err, "unshare failed") != NULL || (WIFEXITED (status) && WEXITSTATUS (status) == 77)))
    {
      g_autofree char *why = g_strdup_printf ("no mount namespace here (%s)", g_strstrip (err));

      g_test_skip (why);
      return;
    }

  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "save: The disk is full"));
  g_assert_nonnull (strstr (out, "backup: Could not back up the database: The disk is full"));
  g_assert_nonnull (strstr (out, "import: The disk is full"));
  g_assert_nonnull (strstr (out, "checkpoint: "));
  g_assert_nonnull (strstr (out, "integrity ok"));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--on-tmpfs") == 0)
    return run_on_tmpfs (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/full-disk/tmpfs", test_full_tmpfs);

  return g_test_run ();
}
