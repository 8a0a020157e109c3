/* bench-import.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long importing 10,000 contacts takes: a vCard 3.0 file as address
 * books export it, and a LinkedIn Connections.csv. Both are generated into a
 * temporary folder, read back from disk, and parsed several times; the
 * median is reported, together with the export of the same contacts.
 * Then a hostile card of 100,000 addresses, Cancel during the reading of a
 * 200 MB CSV, and the peak memory of reading and previewing that file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-contact-file.h"
#include "rapport-contact-import.h"
#include "rapport-csv.h"
#include "rapport-vcard.h"
#include "rapport-reminder-sql.h"

#define N_CONTACTS 10000
#define N_RUNS 5

static const char * const given_names[] = {
  "Zoë", "Amélie", "Jürgen", "Priya", "Kwame", "Chiamaka", "Aiyana", "Søren", "María", "Lei",
};
static const char * const family_names[] = {
  "Ødegård", "Durand", "Müller", "Raman", "Mensah", "Okafor", "Redcloud", "Kierkegaard", "García", "李",
};
static const char * const companies[] = {
  "Nordlys Design AS", "Lumière Labs", "Bäckerei Müller GmbH", "Acme, Inc.", "腾讯",
};

static char *
generate_vcards (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      const char *given = given_names[i % G_N_ELEMENTS (given_names)];
      const char *family = family_names[(i / 10) % G_N_ELEMENTS (family_names)];
      const char *company = companies[i % G_N_ELEMENTS (companies)];

      g_string_append_printf (out,
                              "BEGIN:VCARD\r\n"
                              "VERSION:3.0\r\n"
                              "UID:bench-%u\r\n"
                              "FN:%s %s %u\r\n"
                              "N:%s;%s;;;\r\n"
                              "ORG:%s;Engineering\r\n"
                              "TITLE:Senior Engineer\r\n"
                              "EMAIL;TYPE=INTERNET;TYPE=WORK:person%u@example.com\r\n"
                              "EMAIL;TYPE=INTERNET;TYPE=HOME:person%u@example.org\r\n"
                              "TEL;TYPE=CELL:+47 912 %05u\r\n"
                              "ADR;TYPE=WORK:;;Storgata %u;Oslo;;0155;Norway\r\n"
                              "item1.URL:https\\://www.linkedin.com/in/person-%u\r\n"
                              "item1.X-ABLabel:LinkedIn\r\n"
                              "NOTE:Met at a meetup in Oslo\\, talked about design systems and mentoring\r\n"
                              " ; follow up after the product launch in spring.\r\n"
                              "CATEGORIES:myContacts,Mentors,Design\r\n"
                              "BDAY:1988-04-12\r\n"
                              "REV:2024-08-01T10:15:00Z\r\n"
                              "END:VCARD\r\n",
                              i, given, family, i, family, given, company,
                              i, i, i, i % 100, i);
    }

  return g_string_free (out, FALSE);
}

static char *
generate_linkedin (void)
{
  GString *out = g_string_new ("Notes:\n"
                               "\"When exporting your connection data, you may notice that some of the email "
                               "addresses are missing. You will only see email addresses for connections who have "
                               "allowed their connections to see or download their email address using this "
                               "setting https://www.linkedin.com/psettings/privacy/email. You can learn more about "
                               "this by visiting https://www.linkedin.com/help/linkedin/answer/261\"\n"
                               "\n"
                               "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_string_append_printf (out,
                              "%s,%s,https://www.linkedin.com/in/person-%u,%s,\"%s\","
                              "\"Senior Engineer, Cloud\",%02u Mar 2021\n",
                              given_names[i % G_N_ELEMENTS (given_names)],
                              family_names[(i / 10) % G_N_ELEMENTS (family_names)],
                              i,
                              i % 3 == 0 ? "person@example.com" : "",
                              companies[i % G_N_ELEMENTS (companies)],
                              1 + i % 28);
    }

  return g_string_free (out, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef GPtrArray *(*ParseFunc) (const char *data, gsize length, GCancellable *cancellable, GError **error);

/* Writes @text to @dir/@name, then reads and parses it N_RUNS times, as an
 * import would; returns the median time in milliseconds. */
static double
time_parse (const char *dir,
            const char *name,
            const char *text,
            ParseFunc   parse)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  double times[N_RUNS];

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autofree char *data = NULL;
      gint64 start = g_get_monotonic_time ();
      gsize length;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      contacts = parse (data, length, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (contacts->len, ==, N_CONTACTS);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_unlink (path);
  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

/* What an export writes: formulas guarded, as by default. */
static char *
write_csv (GPtrArray *contacts)
{
  return rapport_csv_write (contacts, RAPPORT_CSV_WRITE_DEFAULT);
}

static double
time_write (GPtrArray *contacts,
            char     *(*write) (GPtrArray *contacts))
{
  double times[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *text = write (contacts);

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (text);
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The whole import as the app runs it, into a new database: reading and
 * parsing the file on a worker, the duplicate check of the preview, and the
 * import in one transaction. */
static double
time_import (const char *dir,
             const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *db_path = g_strconcat (path, ".db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RapportDatabase) db = rapport_database_new (db_path);
  g_autoptr(RapportContactStore) store = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportPreview preview;
  RapportImportResult counts;
  gint progress = 0;
  gint64 start;

  rapport_reminder_rules_attach (db);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_database_open (db, NULL, &error));
  store = rapport_contact_store_new (db);

  start = g_get_monotonic_time ();
  rapport_contact_file_read_async (file, NULL, store_result_cb, &result);
  read = rapport_contact_file_read_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  rapport_contact_import_find_duplicates_async (store, read, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_import_find_duplicates_finish (store, wait_for (&result), &preview, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_printerr ("%s: read and checked in %.1f ms\n", name, (g_get_monotonic_time () - start) / 1000.0);

  rapport_contact_import_run_async (store, read, FALSE, &progress, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_import_run_finish (store, wait_for (&result), &counts, &error));
  g_assert_no_error (error);
  /* The generated LinkedIn rows repeat names without addresses: those are
   * duplicates by name and organisation, and skipped. */
  g_assert_cmpuint (counts.n_added + counts.n_skipped, ==, N_CONTACTS);

  rapport_database_close (db);
  g_unlink (path);
  g_unlink (db_path);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* One card with 100,000 EMAIL lines (2.6 MB), as a hostile file may bring:
 * read and refused, not worked through value by value. Median of N_RUNS. */
static double
time_many_emails (void)
{
  g_autoptr(GString) card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n");
  double times[N_RUNS];

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (card, "EMAIL:person%u@example.org\r\n", i);
  g_string_append (card, "END:VCARD\r\n");

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      contacts = rapport_vcard_parse (card->str, card->len, NULL, &error);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_null (contacts);
      g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
    }

  qsort (times, N_RUNS, sizeof times[0], compare_doubles);
  return times[N_RUNS / 2];
}

typedef struct
{
  gint64   cancelled_at;
  gint64   returned_at;
  gboolean cancelled;
} CancelRun;

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
cancelled_at_cb (GCancellable *cancellable,
                 gpointer      user_data)
{
  CancelRun *run = user_data;

  run->cancelled_at = g_get_monotonic_time ();
}

static void
cancel_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  CancelRun *run = user_data;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GError) error = NULL;

  read = rapport_contact_file_read_finish (result, &error);
  run->returned_at = g_get_monotonic_time ();
  run->cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A CSV of 200 MB as a CRM exports it, some 600,000 rows of 340 bytes
 * (the size of the file that took 1.2 GB before the import streamed),
 * written a row at a time rather than built in memory. */
static char *
generate_huge_csv (const char *dir)
{
  char *path = g_build_filename (dir, "huge.csv", NULL);
  FILE *out = fopen (path, "w");
  gsize length = 0;

  g_assert_nonnull (out);
  length += fprintf (out, "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Notes\n");
  for (guint i = 0; length < (200u << 20); i++)
    length += fprintf (out, "%s,%s %u,https://www.linkedin.com/in/person-%u,person%u@example.org,"
                       "Company %u,Senior Engineer,12 Mar 2021,\"Met at the spring meetup, talked about "
                       "design systems, mentoring and the move to Oslo; follow up after the product "
                       "launch and ask about the platform team, the hiring plan and %u.\"\n",
                       given_names[i % G_N_ELEMENTS (given_names)],
                       family_names[i % G_N_ELEMENTS (family_names)], i, i, i, i % 977, i);
  g_assert_cmpint (fclose (out), ==, 0);

  return path;
}

/* Cancel pressed while the 200 MB CSV is being read, half a second after
 * the read began: how long until the worker has stopped and said so. */
static double
time_cancel (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelRun run = { 0 };

  g_cancellable_connect (cancellable, G_CALLBACK (cancelled_at_cb), &run, NULL);
  rapport_contact_file_read_async (file, cancellable, cancel_read_cb, &run);
  g_timeout_add (500, cancel_cb, cancellable);
  while (run.returned_at == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (run.cancelled);
  return (run.returned_at - run.cancelled_at) / 1000.0;
}

/* In a fresh process (this program again, with --read-huge): the 200 MB
 * CSV read and previewed against an empty database, as the import dialog
 * does before anything is written. */
static int
read_huge (const char *path,
           const char *db_path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RapportDatabase) db = rapport_database_new (db_path);
  g_autoptr(RapportContactStore) store = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportPreview preview;
  gint64 start = g_get_monotonic_time ();

  rapport_reminder_rules_attach (db);
  g_assert_true (rapport_database_open (db, NULL, &error));
  store = rapport_contact_store_new (db);

  rapport_contact_file_read_async (file, NULL, store_result_cb, &result);
  read = rapport_contact_file_read_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), >, 500000);
  g_printerr ("huge.csv: %u rows read in %.1f s\n", rapport_contact_file_get_n_contacts (read),
              (g_get_monotonic_time () - start) / 1e6);

  rapport_contact_import_find_duplicates_async (store, read, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_import_find_duplicates_finish (store, wait_for (&result), &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_new, ==, rapport_contact_file_get_n_contacts (read));
  g_printerr ("huge.csv: previewed after %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  g_clear_object (&read);
  g_clear_object (&store);
  rapport_database_close (db);

  /* VmHWM rather than getrusage(): the kernel carries ru_maxrss over exec,
   * so a child's would include the benchmark's own memory at fork. */
  {
    g_autofree char *status = NULL;
    const char *hwm;

    g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
    g_assert_nonnull ((hwm = strstr (status, "VmHWM:")));
    g_print ("%" G_GUINT64_FORMAT "\n", g_ascii_strtoull (hwm + strlen ("VmHWM:"), NULL, 10));
  }
  return EXIT_SUCCESS;
}

/* The peak resident memory of read_huge() in a child, which reports it. */
static double
peak_rss_huge (const char *argv0,
               const char *path,
               const char *dir)
{
  g_autofree char *db_path = g_build_filename (dir, "huge.db", NULL);
  const char *argv[] = { argv0, "--read-huge", path, db_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_unlink (db_path);
  /* VmHWM is in kilobytes. */
  return g_ascii_strtoull (out, NULL, 10) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *vcards = NULL;
  g_autofree char *linkedin = NULL;

  if (argc == 4 && g_str_equal (argv[1], "--read-huge"))
    return read_huge (argv[2], argv[3]);

  vcards = generate_vcards ();
  linkedin = generate_linkedin ();

  dir = g_dir_make_tmp ("rapport-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  /* The imports' scratch files go there too, not into the user's cache;
   * the child that reads the huge file inherits it. */
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  stage = g_build_filename (dir, "rapport", NULL);

  g_print ("BENCH import_vcard_file_kb %.0f kB\n", strlen (vcards) / 1024.0);
  g_print ("BENCH import_vcard_parse_10k_ms %.1f ms\n",
           time_parse (dir, "contacts.vcf", vcards, rapport_vcard_parse));
  g_print ("BENCH import_linkedin_csv_file_kb %.0f kB\n", strlen (linkedin) / 1024.0);
  g_print ("BENCH import_linkedin_csv_parse_10k_ms %.1f ms\n",
           time_parse (dir, "Connections.csv", linkedin, rapport_csv_parse));

  g_print ("BENCH import_vcard_10k_ms %.1f ms\n", time_import (dir, "import.vcf", vcards));
  g_print ("BENCH import_linkedin_csv_10k_ms %.1f ms\n", time_import (dir, "Connections-import.csv", linkedin));

  contacts = rapport_vcard_parse (vcards, strlen (vcards), NULL, &error);
  g_assert_no_error (error);
  g_print ("BENCH export_vcard_write_10k_ms %.1f ms\n", time_write (contacts, rapport_vcard_write));
  g_print ("BENCH export_csv_write_10k_ms %.1f ms\n", time_write (contacts, write_csv));

  g_print ("BENCH import_vcard_100k_emails_ms %.1f ms\n", time_many_emails ());

  huge = generate_huge_csv (dir);
  g_print ("BENCH import_cancel_ms %.1f ms\n", time_cancel (huge));
  g_print ("BENCH import_csv_200mb_peak_rss_mb %.0f MB\n", peak_rss_huge (argv[0], huge, dir));
  g_unlink (huge);

  g_rmdir (stage);
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
