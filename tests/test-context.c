/* test-context.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RapportContext on a real database file, without GTK: opening, the check
 * of the whole file and the daily backup after it, a backup made now and
 * restored, and a damaged file with its latest backup offered and then
 * moved aside.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rapport-context.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  char           *path;
  GSettings      *settings;
  RapportContext *context;
  guint           n_backups_changed;
  GPtrArray      *notices;
} Fixture;

static void
backups_changed_cb (RapportContext *context,
                    Fixture        *fixture)
{
  fixture->n_backups_changed++;
}

static void
notice_cb (RapportContext *context,
           const char     *message,
           Fixture        *fixture)
{
  g_ptr_array_add (fixture->notices, g_strdup (message));
}

static void
new_context (Fixture *fixture)
{
  g_clear_object (&fixture->context);
  fixture->context = rapport_context_new (fixture->settings, fixture->path);
  g_signal_connect (fixture->context, "backups-changed", G_CALLBACK (backups_changed_cb), fixture);
  g_signal_connect (fixture->context, "notice", G_CALLBACK (notice_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rapport-test-context-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "rapport.db", NULL);
  fixture->settings = g_settings_new (APP_ID);
  fixture->notices = g_ptr_array_new_with_free_func (g_free);
  new_context (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  if (fixture->context != NULL)
    rapport_context_close (fixture->context);
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->notices, g_ptr_array_unref);
  g_assert_cmpint (system (command), ==, 0);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The one warning a damaged file must give, taken out of the fatal
 * warnings of the test (g_test_expect_message() sees only the old API). */
static gboolean expect_open_warning;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (expect_open_warning && (log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "rapport-context") == 0 &&
      message != NULL && g_str_has_prefix (message, "Could not open "))
    {
      expect_open_warning = FALSE;
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Spins the main context until @done says so, at most ten seconds. */
static void
spin_until (gboolean (*done) (Fixture *fixture),
            Fixture   *fixture)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
settled (Fixture *fixture)
{
  return rapport_context_get_ready (fixture->context) || rapport_context_get_error (fixture->context) != NULL;
}

static gboolean
checked (Fixture *fixture)
{
  return rapport_context_get_checked (fixture->context);
}

static gboolean
backed_up (Fixture *fixture)
{
  return fixture->n_backups_changed > 0;
}

static gboolean
has_latest_backup (Fixture *fixture)
{
  return rapport_context_get_latest_backup (fixture->context) != NULL;
}

static gboolean
has_notice (Fixture *fixture)
{
  return fixture->notices->len > 0;
}

static gboolean
settled_again (Fixture *fixture)
{
  return has_notice (fixture) && rapport_context_get_ready (fixture->context);
}

/* Opened, checked, and the day's backup made after the check. */
static void
open_and_back_up (Fixture *fixture)
{
  g_assert_false (rapport_context_get_ready (fixture->context));
  rapport_context_open (fixture->context);
  spin_until (settled, fixture);
  g_assert_true (rapport_context_get_ready (fixture->context));
  g_assert_null (rapport_context_get_error (fixture->context));
  g_assert_false (rapport_context_get_checked (fixture->context));

  test_write (rapport_context_get_database (fixture->context),
              "INSERT INTO contact (display_name, sort_key, created_at, updated_at) VALUES ('Ada', 'ada', 0, 0)");
  rapport_context_check (fixture->context, TRUE);
  spin_until (checked, fixture);
  g_assert_null (rapport_context_get_error (fixture->context));
  spin_until (backed_up, fixture);
}

static void
test_open_check_back_up (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  open_and_back_up (fixture);
  g_assert_cmpuint (fixture->n_backups_changed, ==, 1);
  /* The stores are the context's, over its one database. */
  g_assert_true (RAPPORT_IS_CONTACT_STORE (rapport_context_get_contact_store (fixture->context)));
  g_assert_true (RAPPORT_IS_MEETING_STORE (rapport_context_get_meeting_store (fixture->context)));
  g_assert_true (RAPPORT_IS_REMINDER_STORE (rapport_context_get_reminder_store (fixture->context)));
  g_assert_true (rapport_context_get_settings (fixture->context) == fixture->settings);

  rapport_context_back_up_async (fixture->context, NULL, test_store_result_cb, &result);
  backup = rapport_context_back_up_finish (fixture->context, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  g_assert_true (g_file_test (backup->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (fixture->n_backups_changed, ==, 2);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *count = NULL;
  RapportDatabase *db;

  open_and_back_up (fixture);
  db = rapport_context_get_database (fixture->context);
  rapport_context_back_up_async (fixture->context, NULL, test_store_result_cb, &result);
  backup = rapport_context_back_up_finish (fixture->context, test_wait_for (&result), &error);
  g_assert_no_error (error);

  test_write (db, "DELETE FROM contact");
  g_clear_object (&result);
  rapport_context_restore_async (fixture->context, backup->path, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_context_restore_finish (fixture->context, test_wait_for (&result), &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  g_assert_true (rapport_context_get_ready (fixture->context));
  g_assert_true (rapport_context_get_checked (fixture->context));
  g_assert_null (rapport_context_get_latest_backup (fixture->context));
  count = test_query_text (db, "SELECT count (*) FROM contact");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_damaged_then_moved_aside (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  const GError *state;

  open_and_back_up (fixture);
  rapport_context_close (fixture->context);
  g_assert_true (g_file_set_contents (fixture->path, "This is not an SQLite file, nor was it ever one.", -1, &error));
  g_assert_no_error (error);
  /* As private as Rapport keeps it, so that only the move aside is said. */
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);

  /* A damaged file: refused, untouched, and the backup of the day offered. */
  new_context (fixture);
  expect_open_warning = TRUE;
  rapport_context_open (fixture->context);
  spin_until (settled, fixture);
  g_assert_false (expect_open_warning);
  state = rapport_context_get_error (fixture->context);
  g_assert_false (rapport_context_get_ready (fixture->context));
  g_assert_error ((GError *) state, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  spin_until (has_latest_backup, fixture);
  basename = g_path_get_basename (rapport_context_get_latest_backup (fixture->context));
  g_assert_true (g_str_has_suffix (basename, ".db"));

  /* Moved aside: said once, and a new database is ready. */
  rapport_context_move_aside (fixture->context);
  spin_until (settled_again, fixture);
  g_assert_cmpuint (fixture->notices->len, ==, 1);
  g_assert_true (g_str_has_prefix (fixture->notices->pdata[0], "The old database was kept as"));
  g_assert_null (rapport_context_get_error (fixture->context));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_add ("/context/open-check-back-up", Fixture, NULL, fixture_set_up, test_open_check_back_up,
              fixture_tear_down);
  g_test_add ("/context/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/context/damaged-then-moved-aside", Fixture, NULL, fixture_set_up,
              test_damaged_then_moved_aside, fixture_tear_down);

  return g_test_run ();
}
