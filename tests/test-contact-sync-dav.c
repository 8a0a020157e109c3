/* test-contact-sync-dav.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-contact-store.h"
#include "rapport-contact-sync.h"
#include "test-radicale.h"
#include "test-util.h"

/* "Keep in sync" through a real CardDAV server: radicale on 127.0.0.1
 * (tests/test-radicale.c), and an EDS address book of the webdav backend
 * ("carddav") pointing at it, added to the private session's registry.
 * A contact put on the server comes into Rapport; a phone edited in
 * Rapport arrives on the server with the book's NICKNAME and X- property
 * still there. */

/* libebook 3.46 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EContact, g_object_unref)

static RapportDatabase *db;
static RapportContactStore *store;
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

/* The card as the server keeps it, or NULL. */
static char *
server_card (const char *name)
{
  g_autoptr(GHashTable) items = test_radicale_dup_items ();

  return g_strdup (g_hash_table_lookup (items, name));
}

static ESource *
add_source (ESourceRegistry *registry)
{
  return test_radicale_add_source (registry, E_SOURCE_EXTENSION_ADDRESS_BOOK, "carddav");
}

static void
test_radicale_round_trip (void)
{
  /* Kept for the process: a registry let go leaves small allocations behind (EDS 3.46). */
  static ESourceRegistry *registry;
  g_autoptr(GError) error = NULL;
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  g_autoptr(RapportContactSync) sync = NULL;
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *card = NULL;
  const char *emails[] = { "carla@example.org", NULL };
  const char *phones[] = { "+39 02 0000 0002", NULL };
  gint64 id;

  test_radicale_start ("book", "VADDRESSBOOK");
  test_radicale_put ("carla.vcf", "text/vcard", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:carla-on-the-server\r\nFN:Carla Bruni\r\n"
                         "N:Bruni;Carla;;;\r\nEMAIL:carla@example.org\r\nTEL:+39 02 0000 0001\r\n"
                         "NICKNAME:Carlita\r\nX-PHONE-ONLY:kept\r\nEND:VCARD\r\n");

  registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = add_source (registry);
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  /* The backend downloads the server's cards (what a refresh in GNOME Contacts does). */
  e_client_refresh_sync (client, NULL, &error);
  g_assert_no_error (error);

  rapport_contact_set_display_name (contact, "Carla Bruni");
  rapport_contact_set_emails (contact, emails);
  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  rapport_contact_set_id (contact, id);

  sync = rapport_contact_sync_new (store, e_source_get_uid (source));
  g_signal_connect (sync, "synced", G_CALLBACK (synced_cb), NULL);
  rapport_contact_sync_start (sync);
  wait_for_pass (sync);
  g_assert_null (rapport_contact_sync_get_message (sync));

  /* the server's phone came in */
  g_clear_object (&result);
  rapport_contact_store_load_async (store, &id, 1, NULL, test_store_result_cb, &result);
  loaded = rapport_contact_store_load_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (rapport_contact_get_phones (g_ptr_array_index (loaded, 0)),
                    ((const char *[]) { "+39 02 0000 0001", NULL }));

  /* Rapport's edit reaches the server, the server's own properties kept */
  rapport_contact_update_from (contact, g_ptr_array_index (loaded, 0));
  rapport_contact_set_phones (contact, phones);
  g_clear_object (&result);
  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  wait_for_pass (sync);
  for (guint tries = 0; ; tries++)
    {
      g_free (card);
      card = server_card ("carla.vcf");
      if (card != NULL && strstr (card, "+39 02 0000 0002") != NULL)
        break;
      g_assert_cmpuint (tries, <, 200);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50 * 1000);
    }
  g_assert_null (strstr (card, "+39 02 0000 0001"));
  g_assert_nonnull (strstr (card, "NICKNAME:Carlita"));
  g_assert_nonnull (strstr (card, "X-PHONE-ONLY:kept"));
  g_assert_nonnull (strstr (card, "UID:carla-on-the-server"));

  /* no second card on the server, none in Rapport */
  {
    g_autofree char *people = test_query_text (db, "SELECT count(*) FROM contact");
    g_autofree char *links = test_query_text (db, "SELECT count(*) FROM eds_contact_link");

    g_assert_cmpstr (people, ==, "1");
    g_assert_cmpstr (links, ==, "1");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  db = test_open_database ();
  store = rapport_contact_store_new (db);

  g_test_add_func ("/contact-sync/radicale", test_radicale_round_trip);
  status = g_test_run ();

  test_radicale_stop ();
  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
