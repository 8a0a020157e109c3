/* test-contact-store.c -- saving, loading, searching and the timeline of the contact store
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-birthday.h"
#include "rapport-contact-store.h"
#include "rapport-organisation.h"
#include "rapport-reminder.h"
#include "rapport-text.h"
#include "test-contact-util.h"
#include "test-util.h"

/* Helpers {{{ */

static gboolean
ids_equal (GArray       *ids,
           const gint64 *expected,
           guint         n_expected)
{
  if (ids->len != n_expected)
    return FALSE;
  for (guint i = 0; i < n_expected; i++)
    if (g_array_index (ids, gint64, i) != expected[i])
      return FALSE;
  return TRUE;
}

static GPtrArray *
timeline (ContactFixture *fixture,
          gint64          id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  rapport_contact_store_timeline_async (fixture->store, id, NULL, test_store_result_cb, &result);
  entries = rapport_contact_store_timeline_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return entries;
}

static void
trash (ContactFixture *fixture,
       gint64          id,
       gboolean        trashed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_trash_async (fixture->store, id, trashed, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_trash_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
purge (ContactFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_purge_trash_async (fixture->store, 0, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_purge_trash_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
}

/* }}} */
/* Tests {{{ */

static void
test_create_and_load (ContactFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("  Ada Lovelace ", "Analytical Engines Ltd", "ada@engines.example");
  g_autoptr(RapportContact) loaded = NULL;
  const char *phones[] = { "+44 20 7946 0018", "", "+44 7700 900123", NULL };
  const char *tags[] = { "mathematics", "mentor", NULL };
  gint64 id;

  rapport_contact_set_given_name (contact, "Ada");
  rapport_contact_set_family_name (contact, "Lovelace");
  rapport_contact_set_role (contact, "Analyst");
  rapport_contact_set_phones (contact, phones);
  rapport_contact_set_tags (contact, tags);
  rapport_contact_set_profile_url (contact, "https://example.org/in/ada");
  rapport_contact_set_location (contact, "London");
  rapport_contact_set_source (contact, "Alumni evening");
  rapport_contact_set_notes (contact, "Prefers mornings.");
  rapport_contact_set_stage (contact, RAPPORT_STAGE_REQUEST_SENT);

  id = test_save_contact (fixture, contact);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = test_load_contact (fixture, id);
  g_assert_nonnull (loaded);
  g_assert_cmpint (rapport_contact_get_id (loaded), ==, id);
  g_assert_true (rapport_contact_get_loaded (loaded));
  g_assert_cmpstr (rapport_contact_get_display_name (loaded), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_given_name (loaded), ==, "Ada");
  g_assert_cmpstr (rapport_contact_get_family_name (loaded), ==, "Lovelace");
  g_assert_cmpstr (rapport_contact_get_role (loaded), ==, "Analyst");
  g_assert_cmpstr (rapport_contact_get_organisation (loaded), ==, "Analytical Engines Ltd");
  g_assert_cmpstr (rapport_contact_get_primary_email (loaded), ==, "ada@engines.example");
  g_assert_cmpuint (g_strv_length ((char **) rapport_contact_get_phones (loaded)), ==, 2);
  g_assert_cmpstr (rapport_contact_get_phones (loaded)[1], ==, "+44 7700 900123");
  g_assert_true (g_strv_equal (rapport_contact_get_tags (loaded), tags));
  g_assert_cmpstr (rapport_contact_get_profile_url (loaded), ==, "https://example.org/in/ada");
  g_assert_cmpstr (rapport_contact_get_location (loaded), ==, "London");
  g_assert_cmpstr (rapport_contact_get_source (loaded), ==, "Alumni evening");
  g_assert_cmpstr (rapport_contact_get_notes (loaded), ==, "Prefers mornings.");
  g_assert_cmpint (rapport_contact_get_stage (loaded), ==, RAPPORT_STAGE_REQUEST_SENT);
  g_assert_nonnull (rapport_contact_get_created (loaded));
  g_assert_null (rapport_contact_get_last_contacted (loaded));
}

static void
test_update (ContactFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("Grace Hopper", "Navy", "grace@navy.example");
  g_autoptr(RapportContact) loaded = NULL;
  const char *emails[] = { "grace@cobol.example", "g.hopper@navy.example", NULL };
  gint64 id = test_save_contact (fixture, contact);

  rapport_contact_set_id (contact, id);
  rapport_contact_set_organisation (contact, "COBOL Committee");
  rapport_contact_set_emails (contact, emails);
  g_assert_cmpint (test_save_contact (fixture, contact), ==, id);

  loaded = test_load_contact (fixture, id);
  g_assert_cmpstr (rapport_contact_get_organisation (loaded), ==, "COBOL Committee");
  g_assert_true (g_strv_equal (rapport_contact_get_emails (loaded), emails));
}

static void
test_name_required (ContactFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("   ", "Nowhere", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_async (fixture->store, contact, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_finish (fixture->store, test_wait_for (&result), &error), ==, 0);
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_organisations_are_shared (ContactFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(RapportContact) a = test_make_contact ("Ann", "Acme Robotics", NULL);
  g_autoptr(RapportContact) b = test_make_contact ("Bob", "ACME robotics", NULL);
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GArray) ids = NULL;
  gint64 id_b;

  test_save_contact (fixture, a);
  id_b = test_save_contact (fixture, b);

  /* Same organisation whatever the case: the first spelling wins. */
  loaded = test_load_contact (fixture, id_b);
  g_assert_cmpstr (rapport_contact_get_organisation (loaded), ==, "Acme Robotics");

  q->sort = RAPPORT_CONTACT_SORT_ORGANISATION;
  ids = test_query_contacts (fixture, q);
  g_assert_cmpuint (ids->len, ==, 2);
}

/* Research notes typed while preparing a meeting reach the organisation of
 * the person met, and nothing else about it changes. */
static void
test_organisation_notes (ContactFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(RapportContact) a = test_make_contact ("Ann", "Acme Robotics", NULL);
  g_autoptr(RapportContact) solo = test_make_contact ("Sol", NULL, NULL);
  g_autoptr(RapportOrganisation) organisation = NULL;
  g_autoptr(RapportOrganisation) none = NULL;
  g_autoptr(RapportOrganisation) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a = test_save_contact (fixture, a);
  gint64 id_solo = test_save_contact (fixture, solo);
  guint n_changed;

  rapport_organisation_for_contact_async (fixture->store, id_a, NULL, test_store_result_cb, &result);
  organisation = rapport_organisation_for_contact_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_organisation_get_id (organisation), >, 0);
  g_assert_cmpstr (rapport_organisation_get_name (organisation), ==, "Acme Robotics");
  g_assert_cmpstr (rapport_organisation_get_notes (organisation), ==, "");
  g_clear_object (&result);

  rapport_organisation_for_contact_async (fixture->store, id_solo, NULL, test_store_result_cb, &result);
  none = rapport_organisation_for_contact_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_organisation_get_id (none), ==, 0);
  g_clear_object (&result);

  n_changed = fixture->n_changed;
  rapport_organisation_save_notes_async (fixture->store, rapport_organisation_get_id (organisation),
                                         "Builds warehouse robots; hiring in Lyon.", NULL, test_store_result_cb, &result);
  g_assert_true (rapport_organisation_save_notes_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_clear_object (&result);

  rapport_organisation_for_contact_async (fixture->store, id_a, NULL, test_store_result_cb, &result);
  again = rapport_organisation_for_contact_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_organisation_get_notes (again), ==, "Builds warehouse robots; hiring in Lyon.");
  g_assert_cmpstr (rapport_organisation_get_name (again), ==, "Acme Robotics");
}

static void
test_referrals (ContactFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(RapportContact) first = test_make_contact ("First Friend", NULL, NULL);
  g_autoptr(RapportContact) second = test_make_contact ("Second Person", NULL, NULL);
  g_autoptr(RapportContact) third = test_make_contact ("Third Expert", NULL, NULL);
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) referred = NULL;
  gint64 id1, id2, id3;

  id1 = test_save_contact (fixture, first);
  rapport_contact_set_referred_by_id (second, id1);
  id2 = test_save_contact (fixture, second);
  rapport_contact_set_referred_by_id (third, id2);
  id3 = test_save_contact (fixture, third);

  loaded = test_load_contact (fixture, id3);
  g_assert_cmpint (rapport_contact_get_referred_by_id (loaded), ==, id2);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "Second Person");

  rapport_contact_store_referrals_async (fixture->store, id3, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_referrals_finish (fixture->store, test_wait_for (&result), &chain, &referred, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 2);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (chain, 0)), ==, id2);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (chain, 1)), ==, id1);
  g_assert_cmpuint (referred->len, ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&chain, g_ptr_array_unref);
  g_clear_pointer (&referred, g_ptr_array_unref);

  rapport_contact_store_referrals_async (fixture->store, id1, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_referrals_finish (fixture->store, test_wait_for (&result), &chain, &referred, &error));
  g_assert_cmpuint (chain->len, ==, 0);
  g_assert_cmpuint (referred->len, ==, 1);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (referred, 0)), ==, id2);
  g_clear_object (&result);

  /* A loop is refused: the first cannot have been introduced by the third. */
  rapport_contact_set_id (first, id1);
  rapport_contact_set_referred_by_id (first, id3);
  rapport_contact_store_save_async (fixture->store, first, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_finish (fixture->store, test_wait_for (&result), &error), ==, 0);
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Deleting the referrer keeps the contact and clears the link. */
  trash (fixture, id2, TRUE);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id3);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "");
  trash (fixture, id2, FALSE);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id3);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "Second Person");

  trash (fixture, id2, TRUE);
  purge (fixture);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id3);
  g_assert_nonnull (loaded);
  g_assert_cmpint (rapport_contact_get_referred_by_id (loaded), ==, 0);
  g_assert_null (test_load_contact (fixture, id2));
}

static void
test_stage_changes_on_timeline (ContactFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("Katherine Johnson", "NASA", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(RapportContact) loaded = NULL;
  gint64 id = test_save_contact (fixture, contact);

  rapport_contact_store_set_stage_async (fixture->store, id, RAPPORT_STAGE_REQUEST_SENT, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_set_stage_finish (fixture->store, test_wait_for (&result), &error));
  g_clear_object (&result);

  /* Through a full save too. */
  rapport_contact_set_id (contact, id);
  rapport_contact_set_stage (contact, RAPPORT_STAGE_SCHEDULED);
  test_save_contact (fixture, contact);

  /* Setting the same stage again records nothing. */
  rapport_contact_store_set_stage_async (fixture->store, id, RAPPORT_STAGE_SCHEDULED, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_set_stage_finish (fixture->store, test_wait_for (&result), &error));

  entries = timeline (fixture, id);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (rapport_interaction_get_kind (g_ptr_array_index (entries, i)), ==,
                     RAPPORT_INTERACTION_STAGE_CHANGE);
  g_assert_nonnull (strstr (rapport_interaction_get_summary (g_ptr_array_index (entries, 0)), "Scheduled"));

  /* Stage changes are not contact with the person. */
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (rapport_contact_get_stage (loaded), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_null (rapport_contact_get_last_contacted (loaded));
}

static void
test_timeline_and_last_contacted (ContactFixture *fixture,
                                  gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("Mary Somerville", NULL, NULL);
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 4, 20, 15, 30, 0);
  g_autoptr(RapportInteraction) call = NULL;
  g_autoptr(RapportInteraction) note = NULL;
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = test_save_contact (fixture, contact);
  gint64 call_id;

  call = rapport_interaction_new (id, RAPPORT_INTERACTION_CALL, early, "Intro call", "Talked about telescopes");
  rapport_contact_store_save_interaction_async (fixture->store, call, NULL, test_store_result_cb, &result);
  call_id = rapport_contact_store_save_interaction_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (call_id, >, 0);
  g_clear_object (&result);

  /* A later note does not count as contact. */
  note = rapport_interaction_new (id, RAPPORT_INTERACTION_NOTE, late, "Read her paper", "");
  rapport_contact_store_save_interaction_async (fixture->store, note, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_interaction_finish (fixture->store, test_wait_for (&result), &error), >, 0);
  g_clear_object (&result);

  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (g_date_time_to_unix (rapport_contact_get_last_contacted (loaded)), ==, g_date_time_to_unix (early));
  g_clear_object (&loaded);

  /* Editing the call moves "last contacted" with it. */
  rapport_interaction_set_id (call, call_id);
  rapport_interaction_set_happened_at (call, late);
  rapport_contact_store_save_interaction_async (fixture->store, call, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_interaction_finish (fixture->store, test_wait_for (&result), &error), ==, call_id);
  g_clear_object (&result);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (g_date_time_to_unix (rapport_contact_get_last_contacted (loaded)), ==, g_date_time_to_unix (late));
  g_clear_object (&loaded);

  /* Timeline text is searchable. */
  found = test_search_contacts (fixture, "telesc");
  g_assert_cmpuint (found->len, ==, 1);

  entries = timeline (fixture, id);
  g_assert_cmpuint (entries->len, ==, 2);

  rapport_contact_store_delete_interaction_async (fixture->store, call, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_delete_interaction_finish (fixture->store, test_wait_for (&result), &error));
  loaded = test_load_contact (fixture, id);
  g_assert_null (rapport_contact_get_last_contacted (loaded));
  g_clear_pointer (&found, g_array_unref);
  found = test_search_contacts (fixture, "telesc");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_search (ContactFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(RapportContact) zoe = test_make_contact ("Zoë Ødegård", "Fjord Analytics", "zoe@fjord.example");
  g_autoptr(RapportContact) li = test_make_contact ("李雷", "北京大学", "li.lei@pku.example");
  g_autoptr(RapportContact) sam = test_make_contact ("Sam Okafor", "Acme Robotics", "sam@acme.example");
  const char *tags[] = { "robotics-lead", NULL };
  gint64 id_zoe, id_li, id_sam;
  struct { const char *text; gint64 *expected; } cases[] = {
    { "zoe", &id_zoe }, { "Zoë", &id_zoe }, { "ode", &id_zoe }, { "ØDEG", &id_zoe }, { "fjo", &id_zoe },
    { "李", &id_li }, { "北京", &id_li }, { "li.lei", &id_li },
    { "acm", &id_sam }, { "sam@acme", &id_sam }, { "robotics-l", &id_sam }, { "okafor acme", &id_sam },
    { "\"sam", &id_sam }, { "AND", NULL }, { "sam zoe", NULL },
  };

  rapport_contact_set_tags (sam, tags);
  rapport_contact_set_role (sam, "Field engineer");
  id_zoe = test_save_contact (fixture, zoe);
  id_li = test_save_contact (fixture, li);
  id_sam = test_save_contact (fixture, sam);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = test_search_contacts (fixture, cases[i].text);

      g_test_message ("search “%s”: %u results", cases[i].text, ids->len);
      if (cases[i].expected == NULL)
        g_assert_cmpuint (ids->len, ==, 0);
      else
        g_assert_true (ids_equal (ids, cases[i].expected, 1));
    }

  /* Trashed contacts are not found. */
  trash (fixture, id_sam, TRUE);
  {
    g_autoptr(GArray) ids = test_search_contacts (fixture, "acm");
    g_assert_cmpuint (ids->len, ==, 0);
  }
  trash (fixture, id_sam, FALSE);
  {
    g_autoptr(GArray) ids = test_search_contacts (fixture, "acm");
    g_assert_cmpuint (ids->len, ==, 1);
  }
}

static void
test_query_filters_and_sorts (ContactFixture *fixture,
                              gconstpointer   data)
{
  g_autoptr(RapportContact) a = test_make_contact ("Émile Zola", "Zeta", NULL);
  g_autoptr(RapportContact) b = test_make_contact ("anna Berg", "Alpha", NULL);
  g_autoptr(RapportContact) c = test_make_contact ("Carl Diaz", NULL, NULL);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  const char *tags[] = { "mentor", NULL };
  gint64 ia, ib, ic;

  rapport_contact_set_stage (a, RAPPORT_STAGE_MET);
  rapport_contact_set_tags (b, tags);
  ia = test_save_contact (fixture, a);
  ib = test_save_contact (fixture, b);
  ic = test_save_contact (fixture, c);

  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    gint64 expected[] = { ib, ic, ia };   /* by name, ignoring case and accents */
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->sort = RAPPORT_CONTACT_SORT_ORGANISATION;
  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    gint64 expected[] = { ib, ia, ic };   /* no organisation last */
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->sort = RAPPORT_CONTACT_SORT_STAGE;
  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    gint64 expected[] = { ib, ic, ia };
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->stage = RAPPORT_STAGE_MET;
  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    g_assert_true (ids_equal (ids, &ia, 1));
  }

  q->stage = -1;
  q->tag = g_strdup ("mentor");
  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    g_assert_true (ids_equal (ids, &ib, 1));
  }

  g_clear_pointer (&q->tag, g_free);
  q->limit = 2;
  {
    g_autoptr(GArray) ids = test_query_contacts (fixture, q);
    g_assert_cmpuint (ids->len, ==, 2);
  }
}

static void
test_insert_many_is_atomic (ContactFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);
      g_ptr_array_add (contacts, test_make_contact (name, "Bulk Org", NULL));
    }
  /* One bad contact at the end: nothing may be written. */
  g_ptr_array_add (contacts, test_make_contact ("", NULL, NULL));

  rapport_contact_store_insert_many_async (fixture->store, contacts, NULL, test_store_result_cb, &result);
  g_assert_false (rapport_contact_store_insert_many_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  ids = test_query_contacts (fixture, q);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_ptr_array_remove_index (contacts, contacts->len - 1);
  rapport_contact_store_insert_many_async (fixture->store, contacts, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_insert_many_finish (fixture->store, test_wait_for (&result), &error));
  ids = test_query_contacts (fixture, q);
  g_assert_cmpuint (ids->len, ==, 50);
}

static void
test_tags_in_use (ContactFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(RapportContact) a = test_make_contact ("A", NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  const char *set[] = { "zeta", "Alpha", NULL };

  rapport_contact_set_tags (a, set);
  test_save_contact (fixture, a);

  rapport_contact_store_list_tags_async (fixture->store, NULL, test_store_result_cb, &result);
  tags = rapport_contact_store_list_tags_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "Alpha");
  g_assert_cmpstr (tags[1], ==, "zeta");
}

static void
test_text_helpers (void)
{
  g_autofree char *folded = rapport_text_fold ("Zoë ØDEGÅRD Straße");
  g_auto(GStrv) parts = rapport_text_split_list (" a@x.org, ;b@y.org ");
  g_autofree char *match = rapport_contact_store_build_match ("  ad\"a  lov ");

  g_assert_cmpstr (folded, ==, "zoe odegard strasse");
  /* every word of a search, in any order */
  g_assert_true (rapport_text_has_words (folded, "strasse zoe"));
  g_assert_true (rapport_text_has_words (folded, "  "));
  g_assert_true (rapport_text_has_words (folded, NULL));
  g_assert_false (rapport_text_has_words (folded, "zoe berlin"));
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_cmpstr (parts[1], ==, "b@y.org");
  g_assert_cmpstr (match, ==, "\"ada\"* \"lov\"*");
  g_assert_null (rapport_contact_store_build_match ("   "));

  g_assert_true (rapport_text_is_email ("ada@engines.example"));
  g_assert_true (rapport_text_is_email ("zoë@fjord.example"));
  g_assert_false (rapport_text_is_email ("ada@engines"));
  g_assert_false (rapport_text_is_email ("ada engines@x.org"));
  g_assert_false (rapport_text_is_email ("@x.org"));
  g_assert_false (rapport_text_is_email ("a@@x.org"));
  g_assert_false (rapport_text_is_email ("a@x..org"));
  g_assert_true (rapport_text_is_web_url ("https://www.example.org/in/ada"));
  g_assert_true (rapport_text_is_web_url ("http://example.org"));
  g_assert_false (rapport_text_is_web_url ("example.org"));
  g_assert_false (rapport_text_is_web_url ("ftp://example.org"));
  g_assert_false (rapport_text_is_web_url ("https://exa mple.org"));
}

/* A contact's own follow-up routine is kept and given back; the default
 * (Preferences) is kept as no routine of its own, and a copy for editing
 * carries it. */
static void
test_playbook (ContactFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("Grace Hopper", "Navy", "grace@navy.example");
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(RapportContact) copy = NULL;
  gint64 id;

  g_assert_cmpint (rapport_contact_get_playbook (contact), ==, RAPPORT_CONTACT_PLAYBOOK_DEFAULT);
  id = test_save_contact (fixture, contact);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (rapport_contact_get_playbook (loaded), ==, RAPPORT_CONTACT_PLAYBOOK_DEFAULT);

  rapport_contact_set_playbook (loaded, RAPPORT_PLAYBOOK_3B7);
  copy = rapport_contact_copy (loaded);
  g_assert_cmpint (rapport_contact_get_playbook (copy), ==, RAPPORT_PLAYBOOK_3B7);
  test_save_contact (fixture, copy);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (rapport_contact_get_playbook (loaded), ==, RAPPORT_PLAYBOOK_3B7);

  rapport_contact_set_playbook (loaded, RAPPORT_PLAYBOOK_TWO_WEEK);
  test_save_contact (fixture, loaded);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (rapport_contact_get_playbook (loaded), ==, RAPPORT_PLAYBOOK_TWO_WEEK);

  rapport_contact_set_playbook (loaded, RAPPORT_CONTACT_PLAYBOOK_DEFAULT);
  test_save_contact (fixture, loaded);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpint (rapport_contact_get_playbook (loaded), ==, RAPPORT_CONTACT_PLAYBOOK_DEFAULT);
}

/* A birthday is kept with its year or without it, given back as ISO 8601
 * text whatever the way vCard wrote it, copied for editing, and removed;
 * text that is no day of a month is no birthday. */
static void
test_birthday (ContactFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(RapportContact) contact = test_make_contact ("Ada Lovelace", "Analytical Engines Ltd", "ada@engines.example");
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(RapportContact) copy = NULL;
  gint64 id;

  g_assert_null (rapport_contact_get_birthday (contact));
  id = test_save_contact (fixture, contact);
  loaded = test_load_contact (fixture, id);
  g_assert_null (rapport_contact_get_birthday (loaded));

  rapport_contact_set_birthday (loaded, "18151210");
  g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, "1815-12-10");
  copy = rapport_contact_copy (loaded);
  g_assert_cmpstr (rapport_contact_get_birthday (copy), ==, "1815-12-10");
  test_save_contact (fixture, copy);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, "1815-12-10");

  /* Without the year; 29 February is a day of some year. */
  rapport_contact_set_birthday (loaded, "--0229");
  test_save_contact (fixture, loaded);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, "--02-29");

  rapport_contact_set_birthday (loaded, NULL);
  test_save_contact (fixture, loaded);
  g_clear_object (&loaded);
  loaded = test_load_contact (fixture, id);
  g_assert_null (rapport_contact_get_birthday (loaded));

  rapport_contact_set_birthday (loaded, "circa 1800");
  g_assert_null (rapport_contact_get_birthday (loaded));
  rapport_contact_set_birthday (loaded, "2023-02-29");
  g_assert_null (rapport_contact_get_birthday (loaded));
  rapport_contact_set_birthday (loaded, "1990-0412");
  g_assert_null (rapport_contact_get_birthday (loaded));
  rapport_contact_set_birthday (loaded, "1990");
  g_assert_null (rapport_contact_get_birthday (loaded));
  rapport_contact_set_birthday (loaded, "1990-04-12T00:00:00Z");
  g_assert_cmpstr (rapport_contact_get_birthday (loaded), ==, "1990-04-12");
}

/* What vCard 4.0 writes and what people read. */
static void
test_birthday_text (void)
{
  g_autofree char *with_year = rapport_birthday_to_vcard ("1990-04-12");
  g_autofree char *without = rapport_birthday_to_vcard ("--04-12");
  g_autofree char *label = rapport_birthday_dup_label ("1990-04-12");
  g_autofree char *label_no_year = rapport_birthday_dup_label ("--02-29");

  g_assert_cmpstr (with_year, ==, "19900412");
  g_assert_cmpstr (without, ==, "--0412");
  g_assert_null (rapport_birthday_to_vcard (NULL));
  g_assert_cmpstr (label, ==, "12 April 1990");
  g_assert_cmpstr (label_no_year, ==, "29 February");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_CONTACT_ADD ("create-and-load", test_create_and_load);
  TEST_CONTACT_ADD ("update", test_update);
  TEST_CONTACT_ADD ("name-required", test_name_required);
  TEST_CONTACT_ADD ("organisations-are-shared", test_organisations_are_shared);
  TEST_CONTACT_ADD ("organisation-notes", test_organisation_notes);
  TEST_CONTACT_ADD ("referrals", test_referrals);
  TEST_CONTACT_ADD ("stage-changes-on-timeline", test_stage_changes_on_timeline);
  TEST_CONTACT_ADD ("timeline-and-last-contacted", test_timeline_and_last_contacted);
  TEST_CONTACT_ADD ("search", test_search);
  TEST_CONTACT_ADD ("query-filters-and-sorts", test_query_filters_and_sorts);
  TEST_CONTACT_ADD ("insert-many-is-atomic", test_insert_many_is_atomic);
  TEST_CONTACT_ADD ("tags-in-use", test_tags_in_use);
  TEST_CONTACT_ADD ("playbook", test_playbook);
  TEST_CONTACT_ADD ("birthday", test_birthday);
  g_test_add_func ("/contact-store/birthday-text", test_birthday_text);
  g_test_add_func ("/contact-store/text-helpers", test_text_helpers);

  return g_test_run ();
}
