/* bench-address-book.c -- importing 10,000 contacts from an address book
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * evolution-data-server's local book (its real services on the private
 * session bus of tests/session/headless-session) holds 10,000 contacts,
 * written with libebook first (not timed). Timed: reading the book into the
 * preview's copy, parsing it, and the import itself:
 *   BENCH eds_import_contacts_ms_10k  (target: 5,000 ms)
 * and, over the same, the main loop's stalls longer than a frame
 * (tests/stall-counter.c):
 *   BENCH main_thread_stalls_eds_import  (target: 0)
 */

#include "config.h"

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
#include <glib.h>
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-address-book.h"
#include "rapport-contact-file.h"
#include "rapport-contact-import.h"
#include "rapport-contact-store.h"
#include "stall-counter.h"
#include "test-util.h"

#define N_CONTACTS 10000

int
main (int   argc,
      char *argv[])
{
  /* Kept for the process, as Rapport keeps its own: a registry let go
   * leaves its object manager's small allocations behind (EDS 3.46). */
  static ESourceRegistry *registry;
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(RapportContactStore) store = rapport_contact_store_new (db);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(RapportContactFile) file = NULL;
  g_autoptr(RapportEdsSource) book = rapport_eds_source_new ("system-address-book", "Personal", "");
  RapportImportResult counts = { 0 };
  GSList *contacts = NULL;
  gint progress = 0;
  gint64 t0;
  StallCounter *stalls;
  double longest = 0;
  guint n_stalls;

  if (registry == NULL)
    registry = e_source_registry_new_sync (NULL, NULL);
  g_assert_nonnull (registry);
  source = e_source_registry_ref_source (registry, "system-address-book");
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %05u\r\n"
                                               "N:%05u;Person;;;\r\nEMAIL:person%05u@example.org\r\n"
                                               "TEL:+49 30 %07u\r\nORG:Acme %u\r\nNOTE:met at a fair\r\n"
                                               "END:VCARD\r\n", i, i, i, i, i % 97);

      contacts = g_slist_prepend (contacts, e_contact_new_from_vcard (card));
    }
  e_book_client_add_contacts_sync (E_BOOK_CLIENT (client), contacts, E_BOOK_OPERATION_FLAG_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_slist_free_full (contacts, g_object_unref);

  stalls = stall_counter_start ();
  t0 = g_get_monotonic_time ();
  rapport_address_book_copy_async (book, NULL, test_store_result_cb, &result);
  copy = rapport_address_book_copy_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_print ("# read the book: %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  g_clear_object (&result);
  rapport_contact_file_read_async (copy, NULL, test_store_result_cb, &result);
  file = rapport_contact_file_read_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_print ("# and parsed: %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  g_clear_object (&result);
  rapport_contact_import_run_async (store, file, FALSE, &progress, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_import_run_finish (store, test_wait_for (&result), &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_added, ==, N_CONTACTS);
  g_print ("BENCH eds_import_contacts_ms_10k %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  n_stalls = stall_counter_stop (stalls, &longest);
  g_print ("# the longest gap in the main loop: %.0f ms\n", longest);
  g_print ("BENCH main_thread_stalls_eds_import %u frames\n", n_stalls);

  rapport_address_book_forget_copy (copy);
  g_clear_object (&store);
  rapport_database_close (db);
  return 0;
}
