/* bench-contact-sync.c -- a pass over 1,000 linked contacts, nothing changed
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * evolution-data-server's local book (its real services on the private
 * session bus of tests/session/headless-session) holds 1,000 contacts and
 * Rapport the same people by email; the first pass links them and brings
 * in their phones (not timed). Timed: the next pass, which finds nothing
 * changed on either side (reading the book, the links and the contacts,
 * comparing the fingerprints):
 *   BENCH eds_sync_contacts_ms_1k  (target: 1,000 ms)
 */

#include "config.h"

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
#include <glib.h>
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-contact-store.h"
#include "rapport-contact-sync.h"
#include "test-util.h"

#define N_CONTACTS 1000

static guint n_passes;

static void
synced_cb (RapportContactSync *sync,
           gpointer            user_data)
{
  n_passes++;
}

static void
wait_for_pass (RapportContactSync *sync)
{
  guint before = n_passes;

  while (n_passes == before || !rapport_contact_sync_is_idle (sync))
    g_main_context_iteration (NULL, TRUE);
}

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
  g_autoptr(RapportContactSync) sync = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *links = NULL;
  GSList *contacts = NULL;
  gint64 t0;

  registry = e_source_registry_new_sync (NULL, NULL);
  g_assert_nonnull (registry);
  source = e_source_registry_ref_source (registry, "system-address-book");
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_CONTACTS; i++)
    {
      g_autofree char *card = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %04u\r\n"
                                               "N:%04u;Person;;;\r\nEMAIL:person%04u@example.org\r\n"
                                               "TEL:+49 30 %07u\r\nORG:Acme %u\r\nNICKNAME:P%u\r\n"
                                               "END:VCARD\r\n", i, i, i, i, i % 7, i);
      g_autofree char *email = g_strdup_printf ("person%04u@example.org", i);
      g_autofree char *name = g_strdup_printf ("Person %04u", i);
      const char *emails[] = { email, NULL };
      RapportContact *person = rapport_contact_new ();

      contacts = g_slist_prepend (contacts, e_contact_new_from_vcard (card));
      rapport_contact_set_display_name (person, name);
      rapport_contact_set_emails (person, emails);
      g_ptr_array_add (people, person);
    }
  e_book_client_add_contacts_sync (E_BOOK_CLIENT (client), contacts, E_BOOK_OPERATION_FLAG_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_slist_free_full (contacts, g_object_unref);
  rapport_contact_store_insert_many_async (store, people, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_insert_many_finish (store, test_wait_for (&result), &error));
  g_assert_no_error (error);

  sync = rapport_contact_sync_new (store, "system-address-book");
  g_signal_connect (sync, "synced", G_CALLBACK (synced_cb), NULL);
  rapport_contact_sync_start (sync);
  wait_for_pass (sync);
  links = test_query_text (db, "SELECT count(*) FROM eds_contact_link");
  g_assert_cmpstr (links, ==, "1000");
  /* The echoes of the first pass's writes have their passes too. */
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < until; )
    g_main_context_iteration (NULL, FALSE);
  while (!rapport_contact_sync_is_idle (sync))
    g_main_context_iteration (NULL, TRUE);

  t0 = g_get_monotonic_time ();
  rapport_contact_sync_sync_now (sync);
  wait_for_pass (sync);
  g_print ("BENCH eds_sync_contacts_ms_1k %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync)->len, ==, 0);
  g_assert_null (rapport_contact_sync_get_message (sync));
  return 0;
}
