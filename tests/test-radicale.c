/* test-radicale.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-radicale.h"

/* radicale with a scratch storage folder and no authentication, so no
 * htpasswd, and only this configuration, not /etc/radicale's. Plain
 * HTTP: EDS's webdav backends take http:// for a server on the loopback,
 * so no certificate is needed; one would be trusted only inside the test
 * through the session's scratch environment, never the machine's store.
 * The tests read what the server keeps from its storage folder, where
 * radicale writes each item as a file of the collection. */

static GSubprocess *radicale;
static char *scratch;
static char *collection;
static guint16 port;

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
  return g_build_filename (scratch, "collections", "collection-root", "rapport", collection, NULL);
}

void
test_radicale_start (const char *name,
                     const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *props = NULL;
  g_autofree char *props_text = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();

  g_assert_null (radicale);
  scratch = g_dir_make_tmp ("rapport-radicale-XXXXXX", &error);
  g_assert_no_error (error);
  collection = g_strdup (name);
  folder = collection_folder ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* The collection, made as radicale keeps one. */
  props = g_build_filename (folder, ".Radicale.props", NULL);
  props_text = g_strdup_printf ("{\"tag\": \"%s\", \"D:displayname\": \"Radicale\"}", tag);
  g_file_set_contents (props, props_text, -1, &error);
  g_assert_no_error (error);

  port = free_port ();
  config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n[auth]\ntype = none\n"
                            "[rights]\ntype = authenticated\n[storage]\nfilesystem_folder = %s/collections\n",
                            port, scratch);
  config_path = g_build_filename (scratch, "config", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);
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

char *
test_radicale_url (void)
{
  g_assert_nonnull (radicale);
  return g_strdup_printf ("http://127.0.0.1:%u/rapport/%s/", port, collection);
}

void
test_radicale_put (const char *item,
                   const char *content_type,
                   const char *body)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketConnection) connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_autofree char *request = NULL;
  char reply[64] = { 0 };

  g_assert_no_error (error);
  request = g_strdup_printf ("PUT /rapport/%s/%s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n"
                             "Content-Type: %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                             collection, item, port, content_type, strlen (body), body);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)), reply, sizeof reply - 1,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  /* radicale's server answers in HTTP/1.0, and 201 to a new item and a replaced one alike */
  g_assert_true (g_str_has_prefix (reply, "HTTP/1.") && strncmp (reply + 8, " 201", 4) == 0);
}

GHashTable *
test_radicale_dup_items (void)
{
  g_autofree char *folder = collection_folder ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      char *text = NULL;

      /* .Radicale.props, .Radicale.cache and the like are the server's own */
      if (name[0] == '.')
        continue;
      path = g_build_filename (folder, name, NULL);
      /* an item being replaced may be gone for a moment */
      if (g_file_get_contents (path, &text, NULL, NULL))
        g_hash_table_insert (items, g_strdup (name), text);
    }
  return items;
}

void
test_radicale_stop (void)
{
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
      g_clear_pointer (&scratch, g_free);
    }
  g_clear_pointer (&collection, g_free);
}

ESource *
test_radicale_add_source (ESourceRegistry *registry,
                          const char      *extension,
                          const char      *backend)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESource) source = e_source_new (NULL, NULL, &error);
  g_autofree char *url = test_radicale_url ();
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  ESource *added = NULL;

  g_assert_no_error (error);
  e_source_set_display_name (source, "Radicale");
  e_source_backend_set_backend_name (e_source_get_extension (source, extension), backend);
  e_source_webdav_set_uri (e_source_get_extension (source, E_SOURCE_EXTENSION_WEBDAV_BACKEND), uri);
  e_source_registry_commit_source_sync (registry, source, NULL, &error);
  g_assert_no_error (error);
  while ((added = e_source_registry_ref_source (registry, e_source_get_uid (source))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return added;
}
