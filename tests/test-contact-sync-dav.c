/* test-contact-sync-dav.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-contact-store.h"
#include "rapport-contact-sync.h"
#include "test-util.h"

/* "Keep in sync" through a real CardDAV server: radicale on 127.0.0.1 (a
 * free port, a scratch storage folder, no authentication, so no htpasswd),
 * and an EDS address book of the webdav backend ("carddav") pointing at
 * it, added to the private session's registry. Plain HTTP: EDS's webdav
 * backend takes http:// for a server on the loopback, so no certificate
 * is needed; one would be trusted only inside the test through the
 * session's scratch environment, never the machine's store.
 * A contact put on the server comes into Rapport; a phone edited in
 * Rapport arrives on the server with the book's NICKNAME and X- property
 * still there. */

/* libebook 3.46 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EContact, g_object_unref)

static RapportDatabase *db;
static RapportContactStore *store;
static GSubprocess *radicale;
static char *scratch;
static guint16 port;
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

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static char *
collection_folder (void)
{
  return g_build_filename (scratch, "collections", "collection-root", "rapport", "book", NULL);
}

static void
start_radicale (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *props = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();

  scratch = g_dir_make_tmp ("rapport-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  folder = collection_folder ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* The address book, made as radicale keeps one. */
  props = g_build_filename (folder, ".Radicale.props", NULL);
  g_file_set_contents (props, "{\"tag\": \"VADDRESSBOOK\", \"D:displayname\": \"Radicale\"}", -1, &error);
  g_assert_no_error (error);

  port = free_port ();
  config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n[auth]\ntype = none\n"
                            "[rights]\ntype = authenticated\n[storage]\nfilesystem_folder = %s/collections\n",
                            port, scratch);
  config_path = g_build_filename (scratch, "config", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);
  /* Only this configuration, not /etc/radicale's. */
  radicale = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", "-m", "radicale",
                               "-C", config_path, NULL);
  g_assert_no_error (error);

  for (guint tries = 0; ; tries++)
    {
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GError) refused = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &refused);
      if (connection != NULL)
        break;
      g_assert_cmpuint (tries, <, 200);
      g_usleep (50 * 1000);
    }
}

/* What another device would do: put a card on the server. */
static void
put_card (const char *name,
          const char *card)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_autofree char *request = NULL;
  char reply[64] = { 0 };

  g_assert_no_error (error);
  request = g_strdup_printf ("PUT /rapport/book/%s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                             "Content-Type: text/vcard\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                             name, port, strlen (card), card);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)), reply, sizeof reply - 1,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  /* radicale's server answers in HTTP/1.0 */
  g_assert_true (g_str_has_prefix (reply, "HTTP/1.") && strncmp (reply + 8, " 201", 4) == 0);
}

/* The card as the server keeps it. */
static char *
server_card (const char *name)
{
  g_autofree char *folder = collection_folder ();
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static ESource *
add_source (ESourceRegistry *registry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESource) source = e_source_new (NULL, NULL, &error);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/rapport/book/", port);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  ESource *added = NULL;

  g_assert_no_error (error);
  e_source_set_display_name (source, "Radicale");
  e_source_backend_set_backend_name (e_source_get_extension (source, E_SOURCE_EXTENSION_ADDRESS_BOOK), "carddav");
  e_source_webdav_set_uri (e_source_get_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND), uri);
  e_source_registry_commit_source_sync (registry, source, NULL, &error);
  g_assert_no_error (error);
  while ((added = e_source_registry_ref_source (registry, e_source_get_uid (source))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return added;
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

  start_radicale ();
  put_card ("carla.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:carla-on-the-server\r\nFN:Carla Bruni\r\n"
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
      if (strstr (card, "+39 02 0000 0002") != NULL)
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

  if (radicale != NULL)
    {
      g_subprocess_force_exit (radicale);
      g_subprocess_wait (radicale, NULL, NULL);
      g_clear_object (&radicale);
    }
  if (scratch != NULL)
    {
      /* The scratch folder is the test's own. */
      g_spawn_sync (NULL, (char *[]) { (char *) "rm", (char *) "-rf", scratch, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                    NULL, NULL, NULL, NULL, NULL, NULL);
      g_free (scratch);
    }
  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
