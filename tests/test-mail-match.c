/* test-mail-match.c -- what of the user's mailbox concerns a contact, and the snippet kept of it
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rapport-contact-store.h"
#include "rapport-mail-match.h"
#include "rapport-mailbox-ignored.h"
#include "rapport-mailbox-sql.h"
#include "test-util.h"

static RapportMailHeaders *
headers (const char *from,
         const char *to,
         const char *reference)
{
  RapportMailHeaders *h = rapport_mail_headers_new ();

  h->from = g_strdup (from);
  if (to != NULL)
    g_ptr_array_add (h->recipients, g_strdup (to));
  if (reference != NULL)
    g_ptr_array_add (h->references, g_strdup (reference));
  h->message_id = g_strdup ("x@mail.test");
  return h;
}

static RapportMailIndex *
index_new (void)
{
  RapportMailIndex *index = rapport_mail_index_new ();

  rapport_mail_index_add_contact (index, "Ana.Ruiz@Example.com", 1);
  rapport_mail_index_add_contact (index, "bob@example.net", 2);
  /* a second contact with Bob's address: the first keeps it */
  rapport_mail_index_add_contact (index, "BOB@example.net", 9);
  rapport_mail_index_add_sent (index, "req-carla@example.org", 3);
  rapport_mail_index_add_own (index, "Me@example.org");
  return index;
}

static void
test_match (void)
{
  g_autoptr(RapportMailIndex) index = index_new ();
  gint64 id = 0;
  RapportInteractionKind kind;

  {
    g_autoptr(RapportMailHeaders) h = headers ("ana.ruiz@example.com", "me@example.org", NULL);
    g_assert_true (rapport_mail_index_match (index, h, FALSE, &id, &kind));
    g_assert_cmpint (id, ==, 1);
    g_assert_cmpint (kind, ==, RAPPORT_INTERACTION_EMAIL_RECEIVED);
  }
  {
    /* a reply to what Rapport sent, from an address nobody has */
    g_autoptr(RapportMailHeaders) h = headers ("carla.private@gmail.test", "me@example.org", "req-carla@example.org");
    g_assert_true (rapport_mail_index_match (index, h, FALSE, &id, &kind));
    g_assert_cmpint (id, ==, 3);
    g_assert_cmpint (kind, ==, RAPPORT_INTERACTION_EMAIL_RECEIVED);
  }
  {
    /* the user's own mail to a contact, by their address or by the folder */
    g_autoptr(RapportMailHeaders) h = headers ("me@EXAMPLE.org", "Bob@Example.NET", NULL);
    g_autoptr(RapportMailHeaders) in_sent = headers ("alias@example.org", "ana.ruiz@example.com", NULL);
    g_assert_true (rapport_mail_index_match (index, h, FALSE, &id, &kind));
    g_assert_cmpint (id, ==, 2);
    g_assert_cmpint (kind, ==, RAPPORT_INTERACTION_EMAIL_SENT);
    g_assert_true (rapport_mail_index_match (index, in_sent, TRUE, &id, &kind));
    g_assert_cmpint (id, ==, 1);
    g_assert_cmpint (kind, ==, RAPPORT_INTERACTION_EMAIL_SENT);
  }
  {
    /* unrelated: a stranger to the user, the user to a stranger, a stranger's reply to a stranger */
    g_autoptr(RapportMailHeaders) a = headers ("news@shop.test", "me@example.org", NULL);
    g_autoptr(RapportMailHeaders) b = headers ("me@example.org", "friend@example.com", NULL);
    g_autoptr(RapportMailHeaders) c = headers ("x@example.com", "me@example.org", "other@example.org");
    g_autoptr(RapportMailHeaders) d = headers (NULL, NULL, NULL);
    g_assert_false (rapport_mail_index_match (index, a, FALSE, &id, &kind));
    g_assert_false (rapport_mail_index_match (index, b, FALSE, &id, &kind));
    g_assert_false (rapport_mail_index_match (index, c, FALSE, &id, &kind));
    g_assert_false (rapport_mail_index_match (index, d, FALSE, &id, &kind));
  }
  g_assert_cmpuint (rapport_mail_index_get_n_contacts (index), ==, 2);
}

/* An ignored address: its mail is not the contact's, even as a reply to
 * what Rapport sent; the user's own mail to it still is. */
static void
test_ignored (void)
{
  g_autoptr(RapportMailIndex) index = index_new ();
  g_autoptr(RapportMailHeaders) from_ana = headers ("ana.ruiz@example.com", "me@example.org", NULL);
  g_autoptr(RapportMailHeaders) reply = headers ("ANA.RUIZ@example.com", "me@example.org", "req-carla@example.org");
  g_autoptr(RapportMailHeaders) to_ana = headers ("me@example.org", "ana.ruiz@example.com", NULL);
  gint64 id = 0;
  RapportInteractionKind kind;

  rapport_mail_index_add_ignored (index, " Ana.Ruiz@EXAMPLE.com ");
  g_assert_false (rapport_mail_index_match (index, from_ana, FALSE, &id, &kind));
  g_assert_false (rapport_mail_index_match (index, reply, FALSE, &id, &kind));
  g_assert_true (rapport_mail_index_match (index, to_ana, FALSE, &id, &kind));
  g_assert_cmpint (id, ==, 1);
  g_assert_cmpint (kind, ==, RAPPORT_INTERACTION_EMAIL_SENT);
}

/* Set, listed, in the sync's snapshot, and cleared, on a real database. */
static void
test_ignored_stored (void)
{
  g_autoptr(RapportDatabase) db = test_open_database ();
  g_autoptr(RapportContactStore) store = rapport_contact_store_new (db);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) listed = NULL;
  RapportMailboxSnapshot *snapshot;
  g_autoptr(RapportMailHeaders) from_ana = headers ("ana@example.org", "me@example.org", NULL);
  const char *own[] = { "me@example.org", NULL };
  gint64 id = 0;
  RapportInteractionKind kind;

  rapport_mailbox_set_ignored_async (store, "Ana@Example.ORG", TRUE, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_mailbox_set_ignored_finish (store, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  /* twice is once */
  rapport_mailbox_set_ignored_async (store, "ana@example.org", TRUE, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_mailbox_set_ignored_finish (store, test_wait_for (&result), &error));
  g_clear_object (&result);

  rapport_mailbox_list_ignored_async (store, NULL, test_store_result_cb, &result);
  listed = rapport_mailbox_list_ignored_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (listed, ((const char *[]) { "ana@example.org", NULL }));
  g_clear_object (&result);

  rapport_mailbox_load_async (store, "me@example.org", own, NULL, test_store_result_cb, &result);
  snapshot = rapport_mailbox_load_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  rapport_mail_index_add_contact (snapshot->index, "ana@example.org", 7);
  g_assert_false (rapport_mail_index_match (snapshot->index, from_ana, FALSE, &id, &kind));
  rapport_mailbox_snapshot_free (snapshot);
  g_clear_object (&result);

  rapport_mailbox_set_ignored_async (store, "ANA@example.org", FALSE, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_mailbox_set_ignored_finish (store, test_wait_for (&result), &error));
  g_clear_object (&result);
  g_clear_pointer (&listed, g_strfreev);
  rapport_mailbox_list_ignored_async (store, NULL, test_store_result_cb, &result);
  listed = rapport_mailbox_list_ignored_finish (store, test_wait_for (&result), &error);
  g_assert_cmpstrv (listed, ((const char *[]) { NULL }));
  g_clear_object (&result);
  rapport_database_close (db);
}

static void
check_snippet (const char *text,
               const char *expected)
{
  g_autofree char *snippet = rapport_mail_snippet (text);

  g_assert_cmpstr (snippet, ==, expected);
}

static void
test_snippet (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *snippet = NULL;

  check_snippet ("Hello,\r\n\r\nTuesday works.\r\n\r\n-- \r\nAna\r\nLead Designer\r\n", "Hello, Tuesday works.");
  check_snippet ("Gern!\n\nAm Montag schrieb Jürgen:\n> Hätten Sie Zeit?\n> Danke\n", "Gern!");
  check_snippet ("Oui.\n\nLe lundi, Jürgen a écrit :\n> Avez-vous le temps ?\n", "Oui.");
  check_snippet ("Sure\n\n-----Original Message-----\nFrom: me\n", "Sure");
  /* "wrote:" without a quote after it is what they wrote */
  check_snippet ("She wrote:\nthe book", "She wrote: the book");
  check_snippet ("", "");
  check_snippet (NULL, "");

  for (guint i = 0; i < 100; i++)
    g_string_append (long_text, "wörd ");
  snippet = rapport_mail_snippet (long_text->str);
  g_assert_cmpint (g_utf8_strlen (snippet, -1), ==, RAPPORT_MAIL_SNIPPET_LENGTH);
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_true (g_utf8_validate (snippet, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mail-match/match", test_match);
  g_test_add_func ("/mail-match/ignored", test_ignored);
  g_test_add_func ("/mail-match/ignored-stored", test_ignored_stored);
  g_test_add_func ("/mail-match/snippet", test_snippet);
  return g_test_run ();
}
