/* test-contact-import.c -- importing contacts into the store: duplicates, skip, merge, cancel,
 * a .vcf file's birthdays without EDS's services
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-contact-file.h"
#include "rapport-contact-import.h"
#include "test-contact-util.h"
#include "test-util.h"

/* Tests {{{ */

static GPtrArray *
file_contacts (void)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  RapportContact *c;
  const char *tags[] = { "alumni", NULL };

  /* New. */
  g_ptr_array_add (contacts, test_make_contact ("Nia Adebayo", "Kente Labs", "nia@kente.example"));
  /* Same email as the existing Ada, but another spelling of the name. */
  c = test_make_contact ("Ada King", "", "ADA@engines.example");
  rapport_contact_set_role (c, "Countess");
  rapport_contact_set_tags (c, tags);
  g_ptr_array_add (contacts, c);
  /* Same name and organisation as the existing Grace, no email. */
  c = test_make_contact ("grace hopper", "NAVY", NULL);
  rapport_contact_set_location (c, "Arlington");
  g_ptr_array_add (contacts, c);
  /* Twice in the file. */
  g_ptr_array_add (contacts, test_make_contact ("Nia Adebayo", "Kente Labs", NULL));

  return contacts;
}

static void
seed_existing (ContactFixture *fixture)
{
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", "Analytical Engines", "ada@engines.example");
  g_autoptr(RapportContact) grace = test_make_contact ("Grace Hopper", "Navy", NULL);

  rapport_contact_set_role (ada, "Analyst");
  test_save_contact (fixture, ada);
  test_save_contact (fixture, grace);
}

static void
test_import_preview (ContactFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(GPtrArray) contacts = file_contacts ();
  g_autoptr(RapportContactFile) file = test_contact_file_new (contacts);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportPreview preview = { 0 };

  seed_existing (fixture);
  fixture->n_changed = 0;

  /* Nia is new, Ada and Grace are there already, Nia's second row repeats her. */
  rapport_contact_import_find_duplicates_async (fixture->store, file, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_find_duplicates_finish (fixture->store, test_wait_for (&result),
                                                                &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_new, ==, 1);
  g_assert_cmpuint (preview.n_existing, ==, 2);
  g_assert_cmpuint (preview.n_repeated, ==, 1);

  /* Asked again (a new column mapping does that), it counts afresh. */
  g_clear_object (&result);
  rapport_contact_import_find_duplicates_async (fixture->store, file, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_find_duplicates_finish (fixture->store, test_wait_for (&result),
                                                                &preview, &error));
  g_assert_cmpuint (preview.n_new, ==, 1);
  g_assert_cmpuint (preview.n_repeated, ==, 1);

  /* A dry run writes nothing. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
import_file_run (ContactFixture       *fixture,
                 RapportContactFile   *file,
                 gboolean              merge,
                 GCancellable         *cancellable,
                 RapportImportResult  *counts,
                 GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint progress = 0;

  rapport_contact_import_run_async (fixture->store, file, merge, &progress, cancellable, test_store_result_cb, &result);
  rapport_contact_import_run_finish (fixture->store, test_wait_for (&result), counts, error);
}

static void
import_run (ContactFixture       *fixture,
            GPtrArray            *contacts,
            gboolean              merge,
            GCancellable         *cancellable,
            RapportImportResult  *counts,
            GError              **error)
{
  g_autoptr(RapportContactFile) file = test_contact_file_new (contacts);

  import_file_run (fixture, file, merge, cancellable, counts, error);
}

static void
test_import_skip (ContactFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GPtrArray) contacts = file_contacts ();
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportResult counts = { 0 };

  seed_existing (fixture);
  import_run (fixture, contacts, FALSE, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 1);
  g_assert_cmpuint (counts.n_skipped, ==, 3);
  g_assert_cmpuint (counts.n_merged, ==, 0);

  ids = test_query_contacts (fixture, q);
  g_assert_cmpuint (ids->len, ==, 3);
}

static void
test_import_merge (ContactFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GPtrArray) contacts = file_contacts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(RapportContact) ada = NULL;
  RapportImportResult counts = { 0 };

  seed_existing (fixture);
  import_run (fixture, contacts, TRUE, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 1);
  g_assert_cmpuint (counts.n_merged, ==, 3);

  /* What the user wrote stays; what was missing is added. */
  found = test_search_contacts (fixture, "ada@engines");
  g_assert_cmpuint (found->len, ==, 1);
  ada = test_load_contact (fixture, g_array_index (found, gint64, 0));
  g_assert_cmpstr (rapport_contact_get_display_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_role (ada), ==, "Analyst");
  g_assert_cmpuint (g_strv_length ((char **) rapport_contact_get_emails (ada)), ==, 1);
  g_assert_cmpstr (rapport_contact_get_tags (ada)[0], ==, "alumni");
}

static void
test_import_cancel_rolls_back (ContactFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Imported %u", i);
      g_ptr_array_add (contacts, test_make_contact (name, NULL, NULL));
    }

  g_cancellable_cancel (cancellable);
  import_run (fixture, contacts, FALSE, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  ids = test_query_contacts (fixture, q);
  g_assert_cmpuint (ids->len, ==, 0);
}

/* Whether the process has mapped a library whose file name starts so. */
static gboolean
mapped (const char *library)
{
  g_autofree char *maps = NULL;
  g_autofree char *needle = g_strconcat ("/", library, NULL);
  g_autoptr(GError) error = NULL;

  g_file_get_contents ("/proc/self/maps", &maps, NULL, &error);
  g_assert_no_error (error);
  return strstr (maps, needle) != NULL;
}

static gint64
find_one (ContactFixture *fixture,
          const char     *text)
{
  g_autoptr(GArray) found = test_search_contacts (fixture, text);

  g_assert_cmpuint (found->len, ==, 1);
  return g_array_index (found, gint64, 0);
}

/* A .vcf file's BDAY all the way into the database, as the import dialog
 * does it: the file read in the formats module and staged in its scratch
 * file, then imported, merging. vCard parsing is EDS's library
 * (libebook-contacts, in rapport-formats.so) but none of EDS's services:
 * there is no session bus here at all (tests/meson.build), and the
 * process never maps EDS's client library (libebook-1.2), which the
 * address books and "Keep in sync" use. With the year, without it, in
 * vCard 3 and 4 forms; a BDAY that is no day is no birthday; a merge
 * fills a missing birthday and keeps the one the user has. */
static void
test_import_vcard_birthday (ContactFixture *fixture,
                            gconstpointer   data)
{
  static const char vcf[] =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nia Adebayo\r\nEMAIL:nia@kente.example\r\n"
    "BDAY:1953-10-15\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Tomás Ruiz\r\nEMAIL:tomas@example.org\r\n"
    "BDAY:--0412\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lin Wei\r\nEMAIL:lin@example.org\r\n"
    "BDAY:1953\r\nEND:VCARD\r\n"
    /* Ada has no birthday in Rapport, Grace has one of her own. */
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEMAIL:ada@engines.example\r\n"
    "BDAY;VALUE=date:--12-10\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@navy.example\r\n"
    "BDAY:1906-12-10T00:00:00Z\r\nEND:VCARD\r\n";
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "birthdays.vcf", NULL);
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", NULL, "ada@engines.example");
  g_autoptr(RapportContact) grace = test_make_contact ("Grace Hopper", NULL, "grace@navy.example");
  g_autoptr(RapportContactFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportResult counts = { 0 };
  static const struct {
    const char *search;
    const char *birthday;
  } expected[] = {
    { "nia@kente", "1953-10-15" },
    { "tomas@example", "--04-12" },
    { "lin@example", NULL },
    { "ada@engines", "--12-10" },
    { "grace@navy", "1906-12-09" },
  };

  /* The premise: nothing of EDS could answer. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_null (bus);
  g_assert_nonnull (error);
  g_clear_error (&error);

  rapport_contact_set_birthday (grace, "1906-12-09");
  test_save_contact (fixture, ada);
  test_save_contact (fixture, grace);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, vcf, sizeof vcf - 1, &error);
  g_assert_no_error (error);
  rapport_contact_file_read_async (gfile, NULL, test_store_result_cb, &result);
  file = rapport_contact_file_read_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_file_get_format (file), ==, RAPPORT_CONTACT_FILE_VCARD);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (file), ==, 5);

  import_file_run (fixture, file, TRUE, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, 3);
  g_assert_cmpuint (counts.n_merged, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RapportContact) loaded = test_load_contact (fixture, find_one (fixture, expected[i].search));

      g_test_message ("the contact of %s", expected[i].search);
      g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, expected[i].birthday);
    }

  /* The vCard parser was EDS's library, loaded with the module; EDS's
   * client, which talks to its services, was never loaded. */
  g_assert_true (mapped ("libebook-contacts-1.2.so"));
  g_assert_false (mapped ("libebook-1.2.so"));
  g_assert_false (mapped ("libedata-book-1.2.so"));
  g_unlink (path);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_CONTACT_ADD ("import-preview", test_import_preview);
  TEST_CONTACT_ADD ("import-skip", test_import_skip);
  TEST_CONTACT_ADD ("import-merge", test_import_merge);
  TEST_CONTACT_ADD ("import-cancel-rolls-back", test_import_cancel_rolls_back);
  TEST_CONTACT_ADD ("import-vcard-birthday", test_import_vcard_birthday);

  return g_test_run ();
}
