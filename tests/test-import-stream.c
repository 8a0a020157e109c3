/* test-import-stream.c -- reading a contact file as a stream: lines across block boundaries,
 * the scratch file the rows are staged in (private, deleted after, abandoned ones cleaned up),
 * a new column mapping applied to the staged rows, a bounded sample, and rows that cannot be
 * imported left out and counted
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "rapport-contact-file.h"
#include "test-util.h"

/* Helpers {{{ */

static GFile *
write_file (const char *name,
            const char *text,
            gsize       length)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static RapportContactFile *
read_file (GFile   *file,
           GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_contact_file_read_async (file, NULL, test_store_result_cb, &result);
  return rapport_contact_file_read_finish (test_wait_for (&result), error);
}

static char *
stage_folder (void)
{
  return g_build_filename (g_get_user_cache_dir (), "rapport", NULL);
}

/* The scratch files in the user's cache. */
static GPtrArray *
list_staged (void)
{
  g_autofree char *folder = stage_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "import-"))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));

  return found;
}

/* }}} */
/* Tests {{{ */

/* 20,000 rows, CRLF, with quoted notes over two lines: many a row and many
 * a CRLF fall across the reader's 64 KB blocks. */
static void
test_stream_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbfName,Email,Notes\r\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GPtrArray) staged = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = stage_folder ();
  GStatBuf st;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Person %05u,person%u@example.org,\"first line %u\r\nsecond line\"\r\n", i, i, i);
  file = write_file ("people.csv", csv->str, csv->len);

  read = read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 20000);
  g_assert_cmpuint (rapport_contact_file_get_sample (read)->len, ==, RAPPORT_CONTACT_FILE_SAMPLE_SIZE);
  g_assert_cmpstr (rapport_contact_file_get_column_sample (read, 1), ==, "person0@example.org");

  /* The rows wait in one private scratch file, in a private folder. */
  staged = list_staged ();
  g_assert_cmpuint (staged->len, ==, 1);
  g_assert_cmpint (g_stat (g_ptr_array_index (staged, 0), &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);

  contacts = test_contact_file_dup_contacts (read);
  for (guint i = 0; i < contacts->len; i += 997)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *name = g_strdup_printf ("Person %05u", i);
      /* (Line ends in a value are made LF, as ever.) */
      g_autofree char *notes = g_strdup_printf ("first line %u\nsecond line", i);

      g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, name);
      g_assert_cmpstr (rapport_contact_get_notes (contact), ==, notes);
    }

  /* And are gone with the file. */
  g_clear_object (&read);
  g_clear_pointer (&staged, g_ptr_array_unref);
  staged = list_staged ();
  g_assert_cmpuint (staged->len, ==, 0);
}

/* Folded lines unfold across block boundaries too. */
static void
test_stream_vcard (void)
{
  g_autoptr(GString) vcf = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %04u\r\n"
                                 "NOTE:a note that goes on\r\n  over three lines\r\n  for card %u\r\n"
                                 "EMAIL:person%u@example.org\r\nEND:VCARD\r\n", i, i, i);
  file = write_file ("people.vcf", vcf->str, vcf->len);

  read = read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_file_get_format (read), ==, RAPPORT_CONTACT_FILE_VCARD);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 3000);

  contacts = test_contact_file_dup_contacts (read);
  for (guint i = 0; i < contacts->len; i += 101)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *name = g_strdup_printf ("Person %04u", i);
      g_autofree char *notes = g_strdup_printf ("a note that goes on over three lines for card %u", i);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);

      g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, name);
      g_assert_cmpstr (rapport_contact_get_notes (contact), ==, notes);
      g_assert_cmpstr (rapport_contact_get_primary_email (contact), ==, email);
    }
}

/* A new mapping is applied to the staged rows: counts and sample follow. */
static void
test_stream_remap (void)
{
  const char *csv = "Name,Email,Backup Address\n"
                    "Zoë,zoe@example.org,zoe@home.example\n"
                    "Amélie,,amelie@home.example\n";
  g_autoptr(GFile) file = write_file ("remap.csv", csv, strlen (csv));
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportCsvField mapping[] = { RAPPORT_CSV_FIELD_DISPLAY_NAME, RAPPORT_CSV_FIELD_IGNORE, RAPPORT_CSV_FIELD_EMAIL };

  read = read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_file_get_format (read), ==, RAPPORT_CONTACT_FILE_CSV);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 2);

  rapport_contact_file_remap_async (read, mapping, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_file_remap_finish (read, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_file_get_column_field (read, 1), ==, RAPPORT_CSV_FIELD_IGNORE);

  g_assert_cmpstr (rapport_contact_get_primary_email (g_ptr_array_index (rapport_contact_file_get_sample (read), 1)),
                   ==, "amelie@home.example");
  contacts = test_contact_file_dup_contacts (read);
  g_assert_cmpstr (rapport_contact_get_primary_email (g_ptr_array_index (contacts, 0)), ==, "zoe@home.example");
  g_assert_cmpstr (rapport_contact_get_primary_email (g_ptr_array_index (contacts, 1)), ==, "amelie@home.example");
}

/* Rows that cannot be imported on their own are left out and counted, with
 * what is wrong with the first; a new mapping counts afresh. A damaged file
 * is still refused whole. */
static void
test_stream_invalid_rows (void)
{
  const char *csv = "Name,Email,Stage,Alias\n"
                    "Zoë,zoe@example.org,met,\n"
                    ",,,Nameless\n"
                    "Amélie,,Interviewing,\n"
                    "Søren,soren@example.org,,\n";
  const char *vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nEND:VCARD\r\n"
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nobody\r\nEND:VCARD\r\n";
  const char *ragged = "Name,Email\nZoë,zoe@example.org\nAmélie\n";
  g_autoptr(GFile) csv_file = write_file ("invalid.csv", csv, strlen (csv));
  g_autoptr(GFile) vcf_file = write_file ("invalid.vcf", vcf, strlen (vcf));
  g_autoptr(GFile) ragged_file = write_file ("ragged.csv", ragged, strlen (ragged));
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportCsvField mapping[] = { RAPPORT_CSV_FIELD_DISPLAY_NAME, RAPPORT_CSV_FIELD_EMAIL,
                                RAPPORT_CSV_FIELD_IGNORE, RAPPORT_CSV_FIELD_DISPLAY_NAME };

  read = read_file (csv_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 2);
  g_assert_cmpuint (rapport_contact_file_get_n_invalid (read), ==, 2);
  g_assert_nonnull (strstr (rapport_contact_file_get_invalid_reason (read), "Line 3"));
  contacts = test_contact_file_dup_contacts (read);
  g_assert_cmpstr (rapport_contact_get_display_name (g_ptr_array_index (contacts, 1)), ==, "Søren");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* Ignoring the stage and taking the alias as a name, every row will do. */
  rapport_contact_file_remap_async (read, mapping, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_file_remap_finish (read, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 4);
  g_assert_cmpuint (rapport_contact_file_get_n_invalid (read), ==, 0);
  g_assert_null (rapport_contact_file_get_invalid_reason (read));
  contacts = test_contact_file_dup_contacts (read);
  g_assert_cmpstr (rapport_contact_get_display_name (g_ptr_array_index (contacts, 1)), ==, "Nameless");
  g_clear_object (&read);

  read = read_file (vcf_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, 1);
  g_assert_cmpuint (rapport_contact_file_get_n_invalid (read), ==, 1);
  g_assert_nonnull (strstr (rapport_contact_file_get_invalid_reason (read), "line 5"));
  g_clear_object (&read);

  read = read_file (ragged_file, &error);
  g_assert_null (read);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_RAGGED);
}

/* A scratch file left by an import that was cut short (its process gone)
 * is deleted by the next one; a running import's is left alone. */
static void
test_stream_abandoned (void)
{
  const char *csv = "Name,Email\nZoë,zoe@example.org\n";
  g_autoptr(GFile) file = write_file ("small.csv", csv, strlen (csv));
  g_autofree char *folder = stage_folder ();
  g_autofree char *running_name = g_strdup_printf ("import-%d-running.db", (int) getpid ());
  g_autofree char *running = g_build_filename (folder, running_name, NULL);
  g_autofree char *abandoned = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "true", NULL };
  GPid pid;

  /* A pid that was a process and is no more. */
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  {
    g_autofree char *name = g_strdup_printf ("import-%d-abcdef.db", (int) pid);

    abandoned = g_build_filename (folder, name, NULL);
  }

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (abandoned, "left over", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (running, "in use", -1, &error);
  g_assert_no_error (error);

  read = read_file (file, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (abandoned, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_unlink (running);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import-stream/csv", test_stream_csv);
  g_test_add_func ("/import-stream/vcard", test_stream_vcard);
  g_test_add_func ("/import-stream/remap", test_stream_remap);
  g_test_add_func ("/import-stream/invalid-rows", test_stream_invalid_rows);
  g_test_add_func ("/import-stream/abandoned", test_stream_abandoned);

  return g_test_run ();
}
