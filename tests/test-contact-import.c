/* test-contact-import.c -- importing contacts into the store: duplicates, skip, merge, cancel
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
import_run (ContactFixture       *fixture,
            GPtrArray            *contacts,
            gboolean              merge,
            GCancellable         *cancellable,
            RapportImportResult  *counts,
            GError              **error)
{
  g_autoptr(RapportContactFile) file = test_contact_file_new (contacts);
  g_autoptr(GAsyncResult) result = NULL;
  gint progress = 0;

  rapport_contact_import_run_async (fixture->store, file, merge, &progress, cancellable, test_store_result_cb, &result);
  rapport_contact_import_run_finish (fixture->store, test_wait_for (&result), counts, error);
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

  return g_test_run ();
}
