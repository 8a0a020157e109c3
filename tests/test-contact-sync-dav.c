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

#include "rapport-birthday.h"
#include "rapport-contact-store.h"
#include "rapport-contact-sync.h"
#include "test-radicale.h"
#include "test-util.h"

/* "Keep in sync" through a real CardDAV server: radicale on 127.0.0.1
 * (tests/test-radicale.c), and an EDS address book of the webdav backend
 * ("carddav") pointing at it, added to the private session's registry.
 * A contact put on the server comes into Rapport; a phone edited in
 * Rapport arrives on the server with the book's NICKNAME and X- property
 * still there. A birthday goes both ways, with its year and without. */

/* libebook 3.46 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EContact, g_object_unref)

static RapportDatabase *db;
static RapportContactStore *store;
static guint n_passes;

/* One server, book and sync for the process, made by the first test that
 * needs them (open_book(), sync_pass()), so that each test also runs
 * alone. The registry is kept to the end: one let go leaves small
 * allocations behind (EDS 3.46). */
static ESourceRegistry *registry;
static ESource *source;
static EClient *client;
static RapportContactSync *sync_;

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

/* How long the server or the book may take to show an edit (EDS writes
 * to the server and reads it on its own time, after the pass). */
#define WAIT_USEC (30 * G_USEC_PER_SEC)

/* The server's BDAY of the card as Rapport keeps a birthday ("--07-14"
 * for one without a year, whichever form the server stored), "" for a
 * card without one, NULL for no card. */
static char *
server_birthday (const char *name)
{
  g_autofree char *card = server_card (name);
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) folds = NULL;

  if (card == NULL)
    return NULL;
  folds = g_regex_new ("\\r?\\n[ \\t]", 0, 0, NULL);
  unfolded = g_regex_replace_literal (folds, card, -1, 0, "", 0, NULL);
  lines = g_regex_split_simple ("\\r?\\n", unfolded, 0, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (g_ascii_strncasecmp (lines[i], "BDAY", 4) == 0 && (lines[i][4] == ':' || lines[i][4] == ';')
          && colon != NULL)
        {
          char *birthday = rapport_birthday_normalize (colon + 1);

          /* Some BDAY that is no birthday: say what the server has. */
          return birthday != NULL ? birthday : g_strdup (colon + 1);
        }
    }
  return g_strdup ("");
}

/* The radicale server, an EDS address book of the webdav backend
 * ("carddav") on it, added to the private session's registry, and a
 * client of that book: the other side, as GNOME Contacts would be. */
static void
open_book (void)
{
  g_autoptr(GError) error = NULL;

  if (client != NULL)
    return;
  test_radicale_start ("book", "VADDRESSBOOK");
  registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = test_radicale_add_source (registry, E_SOURCE_EXTENSION_ADDRESS_BOOK, "carddav");
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
}

/* What another device does: a card put on the server, and the book told to
 * download it (what a refresh in GNOME Contacts does). */
static void
server_put (const char *name,
            const char *card)
{
  g_autoptr(GError) error = NULL;

  test_radicale_put (name, "text/vcard", card);
  e_client_refresh_sync (client, NULL, &error);
  g_assert_no_error (error);
}

/* A pass of the sync, started on the first call. */
static void
sync_pass (void)
{
  if (sync_ == NULL)
    {
      sync_ = rapport_contact_sync_new (store, e_source_get_uid (source));
      g_signal_connect (sync_, "synced", G_CALLBACK (synced_cb), NULL);
      rapport_contact_sync_start (sync_);
    }
  else
    rapport_contact_sync_sync_now (sync_);
  wait_for_pass (sync_);
  g_assert_null (rapport_contact_sync_get_message (sync_));
}

static gint64
rapport_add (RapportContact *contact)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  rapport_contact_set_id (contact, id);
  return id;
}

static RapportContact *
rapport_load (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) loaded = NULL;

  rapport_contact_store_load_async (store, &id, 1, NULL, test_store_result_cb, &result);
  loaded = rapport_contact_store_load_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  return g_object_ref (g_ptr_array_index (loaded, 0));
}

/* Rapport's edit of a birthday, until the server keeps it; what the
 * server has instead is the failure's message. */
static void
rapport_set_birthday (gint64      id,
                      const char *name,
                      const char *birthday)
{
  g_autoptr(RapportContact) contact = rapport_load (id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 deadline;

  rapport_contact_set_birthday (contact, birthday);
  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  wait_for_pass (sync_);
  g_assert_null (rapport_contact_sync_get_message (sync_));

  deadline = g_get_monotonic_time () + WAIT_USEC;
  for (;;)
    {
      g_free (stored);
      stored = server_birthday (name);
      if (g_strcmp0 (stored, birthday) == 0 || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50 * 1000);
    }
  g_assert_cmpstr (stored, ==, birthday);
}

/* The server's edit of a birthday, until Rapport has it. */
static void
wait_for_rapport_birthday (gint64      id,
                           const char *birthday)
{
  g_autoptr(RapportContact) contact = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_USEC;

  for (;;)
    {
      g_clear_object (&contact);
      contact = rapport_load (id);
      if (g_strcmp0 (rapport_contact_get_birthday (contact), birthday) == 0 || g_get_monotonic_time () > deadline)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50 * 1000);
    }
  g_assert_cmpstr (rapport_contact_get_birthday (contact), ==, birthday);
  while (!rapport_contact_sync_is_idle (sync_))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_radicale_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *card = NULL;
  const char *emails[] = { "carla@example.org", NULL };
  const char *phones[] = { "+39 02 0000 0002", NULL };
  gint64 id;

  open_book ();
  server_put ("carla.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:carla-on-the-server\r\nFN:Carla Bruni\r\n"
                           "N:Bruni;Carla;;;\r\nEMAIL:carla@example.org\r\nTEL:+39 02 0000 0001\r\n"
                           "NICKNAME:Carlita\r\nX-PHONE-ONLY:kept\r\nEND:VCARD\r\n");

  rapport_contact_set_display_name (contact, "Carla Bruni");
  rapport_contact_set_emails (contact, emails);
  id = rapport_add (contact);
  sync_pass ();

  /* the server's phone came in */
  loaded = rapport_load (id);
  g_assert_cmpstrv (rapport_contact_get_phones (loaded), ((const char *[]) { "+39 02 0000 0001", NULL }));

  /* Rapport's edit reaches the server, the server's own properties kept */
  rapport_contact_update_from (contact, loaded);
  rapport_contact_set_phones (contact, phones);
  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  wait_for_pass (sync_);
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
    g_autoptr(GHashTable) items = test_radicale_dup_items ();
    g_autofree char *people = test_query_text (db, "SELECT count(*) FROM contact WHERE display_name = 'Carla Bruni'");
    g_autofree char *links = test_query_text (db, "SELECT count(*) FROM eds_contact_link l JOIN contact c "
                                                  "ON c.id = l.contact_id WHERE c.display_name = 'Carla Bruni'");
    GHashTableIter iter;
    const char *text;
    guint n_cards = 0;

    /* (The other tests' cards are on the same server.) */
    g_hash_table_iter_init (&iter, items);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &text))
      n_cards += strstr (text, "Carla") != NULL;
    g_assert_cmpuint (n_cards, ==, 1);
    g_assert_cmpstr (people, ==, "1");
    g_assert_cmpstr (links, ==, "1");
  }
}

/* A birthday through the CardDAV server both ways: the server's comes in
 * on the first link; Rapport's goes to the server without a year and with
 * one, each as that day and no other (a year-less one made an
 * EContactDate would arrive as some day of a made-up year); and the
 * server's next edit, without a year, comes back. */
static void
test_radicale_birthday (void)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportContact) loaded = NULL;
  g_autofree char *card = NULL;
  const char *emails[] = { "dana@example.org", NULL };
  gint64 id;

  open_book ();
  server_put ("dana.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:dana-on-the-server\r\nFN:Dana Ek\r\n"
                          "N:Ek;Dana;;;\r\nEMAIL:dana@example.org\r\nBDAY:1979-11-03\r\nEND:VCARD\r\n");
  rapport_contact_set_display_name (contact, "Dana Ek");
  rapport_contact_set_emails (contact, emails);
  id = rapport_add (contact);
  sync_pass ();

  /* the server → Rapport, on the first link */
  loaded = rapport_load (id);
  g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, "1979-11-03");

  /* Rapport → the server, without the year, then with one */
  rapport_set_birthday (id, "dana.vcf", "--07-14");
  rapport_set_birthday (id, "dana.vcf", "1990-04-12");
  card = server_card ("dana.vcf");
  g_assert_nonnull (strstr (card, "UID:dana-on-the-server"));

  /* the server → Rapport again, without a year, in the basic form ("--0513") */
  server_put ("dana.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:dana-on-the-server\r\nFN:Dana Ek\r\n"
                          "N:Ek;Dana;;;\r\nEMAIL:dana@example.org\r\nBDAY:--0513\r\nEND:VCARD\r\n");
  wait_for_rapport_birthday (id, "--05-13");
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);

  /* and the pass that follows, with both sides equal, leaves the server's card so */
  {
    g_autofree char *stored = server_birthday ("dana.vcf");

    g_assert_cmpstr (stored, ==, "--05-13");
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
  g_test_add_func ("/contact-sync/radicale/birthday", test_radicale_birthday);
  status = g_test_run ();

  g_clear_object (&sync_);
  g_clear_object (&client);
  g_clear_object (&source);
  test_radicale_stop ();
  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
