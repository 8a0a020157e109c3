/* test-contact-util.c -- the contact store fixture and helpers of the contact tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-contact-util.h"
#include "test-util.h"

static void
changed_cb (RapportContactStore *store,
            gint64               id,
            ContactFixture      *fixture)
{
  fixture->n_changed++;
}

void
test_contact_fixture_set_up (ContactFixture *fixture,
                             gconstpointer   data)
{
  fixture->db = test_open_database ();
  fixture->store = rapport_contact_store_new (fixture->db);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

void
test_contact_fixture_tear_down (ContactFixture *fixture,
                                gconstpointer   data)
{
  g_clear_object (&fixture->store);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

RapportContact *
test_make_contact (const char *name,
                   const char *organisation,
                   const char *email)
{
  RapportContact *contact = rapport_contact_new ();
  const char *emails[] = { email, NULL };

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_organisation (contact, organisation);
  if (email != NULL)
    rapport_contact_set_emails (contact, emails);
  return contact;
}

gint64
test_save_contact (ContactFixture *fixture,
                   RapportContact *contact)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_store_save_async (fixture->store, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

RapportContact *
test_load_contact (ContactFixture *fixture,
                   gint64          id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  rapport_contact_store_load_async (fixture->store, &id, 1, NULL, test_store_result_cb, &result);
  contacts = rapport_contact_store_load_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  return contacts->len == 1 ? g_object_ref (g_ptr_array_index (contacts, 0)) : NULL;
}

GArray *
test_query_contacts (ContactFixture            *fixture,
                     const RapportContactQuery *q)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  rapport_contact_store_query_async (fixture->store, q, NULL, test_store_result_cb, &result);
  ids = rapport_contact_store_query_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

GArray *
test_search_contacts (ContactFixture *fixture,
                      const char     *text)
{
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();

  q->text = g_strdup (text);
  return test_query_contacts (fixture, q);
}
