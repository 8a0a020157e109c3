/* test-contact-sync.c
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

/* libebook 3.46 defines no cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EContact, g_object_unref)

#include "rapport-contact-store.h"
#include "rapport-contact-sync.h"
#include "test-util.h"

/* "Keep in sync" with an address book of evolution-data-server's real
 * services, started by D-Bus on the private session bus of
 * tests/session/headless-session. The other side is a second EBookClient
 * of the test's own, as GNOME Contacts would be. */

#define BOOK "system-address-book"

static RapportDatabase *db;
static RapportContactStore *store;
static EBookClient *client;
static RapportContactSync *sync_;
static guint n_passes;

static void
synced_cb (RapportContactSync *sync,
           gpointer            user_data)
{
  n_passes++;
}

/* Until a pass that started after now has ended and nothing waits. */
static void
wait_for_pass (void)
{
  guint before = n_passes;

  while (n_passes == before || !rapport_contact_sync_is_idle (sync_))
    g_main_context_iteration (NULL, TRUE);
}

static void
sync_now (void)
{
  guint before = n_passes;

  rapport_contact_sync_sync_now (sync_);
  while (n_passes == before || !rapport_contact_sync_is_idle (sync_))
    g_main_context_iteration (NULL, TRUE);
}

static EContact *
book_contact (const char *uid)
{
  g_autoptr(GError) error = NULL;
  EContact *contact = NULL;

  e_book_client_get_contact_sync (client, uid, &contact, NULL, &error);
  g_assert_no_error (error);
  return contact;
}

static char *
book_add (const char *card)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EContact) contact = e_contact_new_from_vcard (card);
  char *uid = NULL;

  e_book_client_add_contact_sync (client, contact, E_BOOK_OPERATION_FLAG_NONE, &uid, NULL, &error);
  g_assert_no_error (error);
  return uid;
}

static void
book_set_phone (const char *uid,
                const char *phone)
{
  g_autoptr(EContact) contact = book_contact (uid);
  g_autoptr(GError) error = NULL;

  e_contact_set (contact, E_CONTACT_PHONE_MOBILE, phone);
  e_vcard_remove_attributes (E_VCARD (contact), NULL, EVC_TEL);
  e_vcard_append_attribute_with_value (E_VCARD (contact), e_vcard_attribute_new (NULL, EVC_TEL), phone);
  e_book_client_modify_contact_sync (client, contact, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
}

static void
book_set_note (const char *uid,
               const char *note)
{
  g_autoptr(EContact) contact = book_contact (uid);
  g_autoptr(GError) error = NULL;

  e_contact_set (contact, E_CONTACT_NOTE, note);
  e_book_client_modify_contact_sync (client, contact, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
}

/* As GNOME Contacts writes it: an EContactDate. */
static void
book_set_birth_date (const char *uid,
                     const char *iso)
{
  g_autoptr(EContact) contact = book_contact (uid);
  g_autoptr(GError) error = NULL;
  EContactDate *date = e_contact_date_from_string (iso);

  e_contact_set (contact, E_CONTACT_BIRTH_DATE, date);
  e_contact_date_free (date);
  e_book_client_modify_contact_sync (client, contact, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
}

static char *
book_bday (const char *uid)
{
  g_autoptr(EContact) contact = book_contact (uid);
  EVCardAttribute *attr = e_vcard_get_attribute (E_VCARD (contact), EVC_BDAY);

  return attr != NULL ? e_vcard_attribute_get_value (attr) : NULL;
}

static RapportContact *
load (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  rapport_contact_store_load_async (store, &id, 1, NULL, test_store_result_cb, &result);
  contacts = rapport_contact_store_load_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  return g_object_ref (g_ptr_array_index (contacts, 0));
}

static void
save (RapportContact *contact)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
}

static gint64
rapport_add (const char *name,
             const char *email)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *emails[] = { email, NULL };
  gint64 id;

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_emails (contact, emails);
  rapport_contact_set_stage (contact, RAPPORT_STAGE_MET);
  rapport_contact_store_save_async (store, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static char *
book_tel (const char *uid)
{
  g_autoptr(EContact) contact = book_contact (uid);
  GList *attrs = e_contact_get_attributes (contact, E_CONTACT_TEL);
  char *value;

  g_assert_cmpuint (g_list_length (attrs), ==, 1);
  value = e_vcard_attribute_get_value (attrs->data);
  g_list_free_full (attrs, (GDestroyNotify) e_vcard_attribute_free);
  return value;
}

static guint
book_count (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uids = NULL;
  guint n;

  e_book_client_get_contacts_uids_sync (client, "(exists \"uid\")", &uids, NULL, &error);
  g_assert_no_error (error);
  n = g_slist_length (uids);
  g_slist_free_full (uids, g_free);
  return n;
}

/* Linked by email; a phone edited on each side arrives on the other; the
 * properties Rapport does not know stay in the book; stage stays Rapport's. */
static void
test_both_ways (void)
{
  g_autofree char *uid = book_add ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nN:Ruiz;Ana;;;\r\n"
                                   "EMAIL;TYPE=WORK:ana@example.org\r\nTEL;TYPE=CELL:+34 600 000 001\r\n"
                                   "NICKNAME:Anita\r\nX-EXAMPLE-FIELD:kept\r\nEND:VCARD\r\n");
  gint64 id = rapport_add ("Ana Ruiz", "ana@example.org");
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(EContact) card = NULL;
  g_autofree char *tel = NULL;
  g_autofree char *link_uid = NULL;
  const char *phones[] = { "+34 600 000 002", NULL };
  g_autofree char *sql = NULL;

  rapport_contact_sync_start (sync_);
  wait_for_pass ();
  sql = g_strdup_printf ("SELECT eds_uid FROM eds_contact_link WHERE contact_id = %" G_GINT64_FORMAT, id);
  link_uid = test_query_text (db, sql);
  g_assert_cmpstr (link_uid, ==, uid);

  /* the first link: Rapport had no phone, the book's comes in */
  contact = load (id);
  g_assert_cmpstrv (rapport_contact_get_phones (contact), ((const char *[]) { "+34 600 000 001", NULL }));
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Ana");

  /* Rapport → the book */
  rapport_contact_set_phones (contact, phones);
  save (contact);
  wait_for_pass ();
  tel = book_tel (uid);
  g_assert_cmpstr (tel, ==, "+34 600 000 002");
  card = book_contact (uid);
  g_assert_cmpstr (e_contact_get_const (card, E_CONTACT_NICKNAME), ==, "Anita");
  g_assert_nonnull (e_vcard_get_attribute (E_VCARD (card), "X-EXAMPLE-FIELD"));
  {
    g_autofree char *kept = e_vcard_attribute_get_value (e_vcard_get_attribute (E_VCARD (card), "X-EXAMPLE-FIELD"));

    g_assert_cmpstr (kept, ==, "kept");
  }
  /* the address keeps its TYPE, as it was not changed */
  g_assert_true (e_vcard_attribute_has_type (e_vcard_get_attribute (E_VCARD (card), EVC_EMAIL), "WORK"));

  /* the book → Rapport */
  book_set_phone (uid, "+34 600 000 003");
  wait_for_pass ();
  g_clear_object (&contact);
  contact = load (id);
  g_assert_cmpstrv (rapport_contact_get_phones (contact), ((const char *[]) { "+34 600 000 003", NULL }));
  g_assert_cmpint (rapport_contact_get_stage (contact), ==, RAPPORT_STAGE_MET);

  /* and a round trip later, the nickname and the X- property are still there */
  g_clear_object (&card);
  card = book_contact (uid);
  g_assert_cmpstr (e_contact_get_const (card, E_CONTACT_NICKNAME), ==, "Anita");
  g_assert_nonnull (e_vcard_get_attribute (E_VCARD (card), "X-EXAMPLE-FIELD"));
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);
}

/* A note changed differently on both sides is a conflict: both values are
 * kept, pass after pass, until the user chooses. */
static void
test_conflict (void)
{
  g_autofree char *uid = book_add ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lind\r\n"
                                   "EMAIL:bo@example.org\r\nNOTE:first\r\nEND:VCARD\r\n");
  gint64 id = rapport_add ("Bo Lind", "bo@example.org");
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(EContact) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;
  RapportContactConflict *shown;

  wait_for_pass ();
  contact = load (id);
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "first");

  rapport_contact_set_notes (contact, "Rapport's note");
  book_set_note (uid, "the book's note");
  save (contact);
  wait_for_pass ();
  sync_now ();

  conflicts = rapport_contact_sync_get_conflicts (sync_);
  g_assert_cmpuint (conflicts->len, ==, 1);
  shown = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (shown->contact_id, ==, id);
  g_assert_cmpstr (shown->name, ==, "Bo Lind");
  g_assert_cmpint (shown->field, ==, RAPPORT_BOOK_FIELD_NOTE);
  g_assert_cmpstr (shown->ours, ==, "Rapport's note");
  g_assert_cmpstr (shown->theirs, ==, "the book's note");
  g_clear_object (&contact);
  contact = load (id);
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "Rapport's note");
  card = book_contact (uid);
  g_assert_cmpstr (e_contact_get_const (card, E_CONTACT_NOTE), ==, "the book's note");

  /* the user keeps the book's */
  rapport_contact_sync_resolve_async (sync_, id, RAPPORT_CONTACT_SYNC_KEEP_BOOK, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_sync_resolve_finish (sync_, test_wait_for (&result), &error));
  g_assert_no_error (error);
  wait_for_pass ();
  sync_now ();
  g_clear_object (&contact);
  contact = load (id);
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "the book's note");
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);

  /* and another, where the user keeps Rapport's */
  rapport_contact_set_notes (contact, "Rapport's again");
  book_set_note (uid, "the book's again");
  save (contact);
  wait_for_pass ();
  sync_now ();
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 1);
  g_clear_object (&result);
  rapport_contact_sync_resolve_async (sync_, id, RAPPORT_CONTACT_SYNC_KEEP_RAPPORT, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_sync_resolve_finish (sync_, test_wait_for (&result), &error));
  wait_for_pass ();
  sync_now ();
  g_clear_object (&card);
  card = book_contact (uid);
  g_assert_cmpstr (e_contact_get_const (card, E_CONTACT_NOTE), ==, "Rapport's again");
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);
}

/* A birthday comes from the book on the first link, goes to the book
 * without its year, comes back as another program writes it, and one
 * changed differently on both sides is a conflict like any field. */
static void
test_birthday (void)
{
  g_autofree char *uid = book_add ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Berg\r\n"
                                   "EMAIL:cy@example.org\r\nBDAY:1985-03-09\r\nEND:VCARD\r\n");
  gint64 id = rapport_add ("Cy Berg", "cy@example.org");
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(EContact) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bday = NULL;
  RapportContactConflict *shown;
  EContactDate *date;

  wait_for_pass ();
  contact = load (id);
  g_assert_cmpstr (rapport_contact_get_birthday (contact), ==, "1985-03-09");

  /* Rapport → the book, without the year */
  rapport_contact_set_birthday (contact, "--07-14");
  save (contact);
  wait_for_pass ();
  bday = book_bday (uid);
  g_assert_cmpstr (bday, ==, "--07-14");

  /* the book → Rapport */
  book_set_birth_date (uid, "1986-03-09");
  wait_for_pass ();
  g_clear_object (&contact);
  contact = load (id);
  g_assert_cmpstr (rapport_contact_get_birthday (contact), ==, "1986-03-09");
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);

  /* both → a conflict, shown with both days */
  rapport_contact_set_birthday (contact, "1986-03-10");
  book_set_birth_date (uid, "1986-03-11");
  save (contact);
  wait_for_pass ();
  sync_now ();
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 1);
  shown = g_ptr_array_index (rapport_contact_sync_get_conflicts (sync_), 0);
  g_assert_cmpint (shown->contact_id, ==, id);
  g_assert_cmpint (shown->field, ==, RAPPORT_BOOK_FIELD_BIRTHDAY);
  g_assert_cmpstr (shown->ours, ==, "1986-03-10");
  g_assert_cmpstr (shown->theirs, ==, "1986-03-11");

  /* the user keeps Rapport's: the book reads it as its own birth date */
  rapport_contact_sync_resolve_async (sync_, id, RAPPORT_CONTACT_SYNC_KEEP_RAPPORT, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_sync_resolve_finish (sync_, test_wait_for (&result), &error));
  g_assert_no_error (error);
  wait_for_pass ();
  sync_now ();
  card = book_contact (uid);
  date = e_contact_get (card, E_CONTACT_BIRTH_DATE);
  g_assert_nonnull (date);
  g_assert_cmpuint (date->year, ==, 1986);
  g_assert_cmpuint (date->month, ==, 3);
  g_assert_cmpuint (date->day, ==, 10);
  e_contact_date_free (date);
  g_assert_cmpuint (rapport_contact_sync_get_conflicts (sync_)->len, ==, 0);
}

/* However often it runs, the sync adds no one on either side. */
static void
test_no_duplicates (void)
{
  guint in_book = book_count ();
  g_autofree char *in_rapport = test_query_text (db, "SELECT count(*) FROM contact");
  g_autofree char *links = test_query_text (db, "SELECT count(*) FROM eds_contact_link");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *now = NULL;

      sync_now ();
      now = test_query_text (db, "SELECT count(*) FROM contact");
      g_assert_cmpstr (now, ==, in_rapport);
      g_free (now);
      now = test_query_text (db, "SELECT count(*) FROM eds_contact_link");
      g_assert_cmpstr (now, ==, links);
      g_assert_cmpuint (book_count (), ==, in_book);
    }
  g_assert_cmpstr (links, ==, "3");
  g_assert_null (rapport_contact_sync_get_message (sync_));
}

int
main (int   argc,
      char *argv[])
{
  static ESourceRegistry *registry;
  g_autoptr(ESource) source = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: EDS needs the system's schemas and services; the
   * session (headless-session) already gives HOME and XDG folders of its own. */
  g_test_init (&argc, &argv, NULL);
  db = test_open_database ();
  store = rapport_contact_store_new (db);

  /* Kept for the process: a registry let go leaves small allocations behind (EDS 3.46). */
  registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = e_source_registry_ref_source (registry, BOOK);
  g_assert_nonnull (source);
  client = E_BOOK_CLIENT (e_book_client_connect_sync (source, (guint32) -1, NULL, &error));
  g_assert_no_error (error);

  sync_ = rapport_contact_sync_new (store, BOOK);
  g_signal_connect (sync_, "synced", G_CALLBACK (synced_cb), NULL);

  g_test_add_func ("/contact-sync/both-ways", test_both_ways);
  g_test_add_func ("/contact-sync/conflict", test_conflict);
  g_test_add_func ("/contact-sync/birthday", test_birthday);
  g_test_add_func ("/contact-sync/no-duplicates", test_no_duplicates);
  status = g_test_run ();

  g_clear_object (&sync_);
  g_clear_object (&client);
  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);
  return status;
}
