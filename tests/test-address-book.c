/* test-address-book.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-address-book.h"
#include "rapport-contact-file.h"
#include "rapport-contact-import.h"
#include "rapport-contact-store.h"
#include "test-util.h"

/* Importing from an address book of evolution-data-server's real services,
 * started by D-Bus on the private session bus of tests/session/headless-session:
 * 1,000 contacts written into the local book ("system-address-book", the one
 * GNOME Contacts shows as Personal) with libebook, as GNOME Contacts would,
 * read through Rapport's copy and its import; a second import adds none. */

#define BOOK "system-address-book"
#define N_CONTACTS 1000

static RapportDatabase *db;
static RapportContactStore *store;

static void
fill_book (void)
{
  /* Kept for the process, as Rapport keeps its own: a registry let go
   * leaves its object manager's small allocations behind (EDS 3.46). */
  static ESourceRegistry *registry;
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GSList *contacts = NULL;

  if (registry == NULL)
    registry = e_source_registry_new_sync (NULL, NULL);
  g_assert_nonnull (registry);
  source = e_source_registry_ref_source (registry, BOOK);
  g_assert_nonnull (source);
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %04u\r\n"
                                               "N:%04u;Person;;;\r\nEMAIL;TYPE=WORK:person%04u@example.org\r\n"
                                               "TEL;TYPE=CELL:+49 30 %07u\r\nORG:Acme %u\r\n"
                                               "NICKNAME:P%u\r\nX-EXAMPLE-FIELD:kept\r\nEND:VCARD\r\n",
                                               i, i, i, i, i % 7, i);

      contacts = g_slist_prepend (contacts, e_contact_new_from_vcard (card));
    }
  e_book_client_add_contacts_sync (E_BOOK_CLIENT (client), contacts, E_BOOK_OPERATION_FLAG_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_slist_free_full (contacts, g_object_unref);
}

static RapportContactFile *
read_book (GFile **copy)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) books = NULL;
  g_autoptr(RapportContactFile) file = NULL;
  RapportEdsSource *book = NULL;
  GStatBuf st;

  rapport_address_book_list_async (NULL, test_store_result_cb, &result);
  books = rapport_address_book_list_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < books->len; i++)
    if (g_str_equal (((RapportEdsSource *) g_ptr_array_index (books, i))->uid, BOOK))
      book = g_ptr_array_index (books, i);
  g_assert_nonnull (book);

  g_clear_object (&result);
  rapport_address_book_copy_async (book, NULL, test_store_result_cb, &result);
  *copy = rapport_address_book_copy_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);

  /* the copy is the user's alone, in their private runtime folder */
  g_assert_cmpint (g_stat (g_file_peek_path (*copy), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_str_has_prefix (g_file_peek_path (*copy), g_get_user_runtime_dir ()));

  g_clear_object (&result);
  rapport_contact_file_read_async (*copy, NULL, test_store_result_cb, &result);
  file = rapport_contact_file_read_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_contact_file_get_format (file), ==, RAPPORT_CONTACT_FILE_VCARD);
  return g_object_ref (file);
}

static void
test_import_twice (void)
{
  g_autoptr(RapportContactFile) book = NULL;
  g_autoptr(RapportContactFile) again = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) second_copy = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportImportPreview preview = { 0 };
  RapportImportResult counts = { 0 };
  gint progress = 0;
  RapportContact *first = NULL;

  fill_book ();
  book = read_book (&copy);
  contacts = test_contact_file_dup_contacts (book);
  g_assert_cmpuint (contacts->len, ==, N_CONTACTS);
  for (guint i = 0; i < contacts->len; i++)
    if (g_str_equal (rapport_contact_get_display_name (g_ptr_array_index (contacts, i)), "Person 0042"))
      first = g_ptr_array_index (contacts, i);
  g_assert_nonnull (first);
  g_assert_cmpstr (rapport_contact_get_emails (first)[0], ==, "person0042@example.org");
  g_assert_cmpstr (rapport_contact_get_organisation (first), ==, "Acme 0");

  rapport_contact_import_run_async (store, book, FALSE, &progress, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_run_finish (store, test_wait_for (&result), &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, N_CONTACTS);
  rapport_address_book_forget_copy (copy);

  /* again: every one is already there */
  again = read_book (&second_copy);
  g_clear_object (&result);
  rapport_contact_import_find_duplicates_async (store, again, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_find_duplicates_finish (store, test_wait_for (&result), &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview.n_existing, ==, N_CONTACTS);
  g_assert_cmpuint (preview.n_new, ==, 0);
  g_assert_cmpuint (preview.n_repeated, ==, 0);
  g_clear_object (&result);
  memset (&counts, 0, sizeof counts);
  rapport_contact_import_run_async (store, again, FALSE, &progress, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_run_finish (store, test_wait_for (&result), &counts, &error));
  g_assert_cmpuint (counts.n_added, ==, 0);

  /* the copies are gone once imported */
  rapport_address_book_forget_copy (second_copy);
  while (g_file_query_exists (copy, NULL) || g_file_query_exists (second_copy, NULL))
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: EDS needs the system's schemas and services; the
   * session (headless-session) already gives HOME and XDG folders of its own. */
  g_test_init (&argc, &argv, NULL);
  db = test_open_database ();
  store = rapport_contact_store_new (db);

  g_test_add_func ("/address-book/import-twice", test_import_twice);
  status = g_test_run ();

  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
