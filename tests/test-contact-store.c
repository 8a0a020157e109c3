/* test-contact-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "storage/rapport-contact-export.h"
#include "storage/rapport-contact-file.h"
#include "storage/rapport-contact-import.h"
#include "storage/rapport-contact-list.h"
#include "storage/rapport-contact-store.h"
#include "storage/rapport-organisation.h"
#include "storage/rapport-text.h"

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *store;
  guint                n_changed;
} Fixture;

/* Helpers {{{ */

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
changed_cb (RapportContactStore *store,
            gint64               id,
            Fixture             *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->db = rapport_database_new (path);
  rapport_database_open_async (fixture->db, NULL, store_result_cb, &result);
  g_assert_true (rapport_database_open_finish (fixture->db, wait_for (&result), &error));
  g_assert_no_error (error);

  fixture->store = rapport_contact_store_new (fixture->db);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

static RapportContact *
make_contact (const char *name,
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

static gint64
save (Fixture        *fixture,
      RapportContact *contact)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_store_save_async (fixture->store, contact, NULL, store_result_cb, &result);
  id = rapport_contact_store_save_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static RapportContact *
load (Fixture *fixture,
      gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  rapport_contact_store_load_async (fixture->store, &id, 1, NULL, store_result_cb, &result);
  contacts = rapport_contact_store_load_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (contacts);
  return contacts->len == 1 ? g_object_ref (g_ptr_array_index (contacts, 0)) : NULL;
}

static GArray *
query (Fixture                   *fixture,
       const RapportContactQuery *q)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  rapport_contact_store_query_async (fixture->store, q, NULL, store_result_cb, &result);
  ids = rapport_contact_store_query_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static GArray *
search (Fixture    *fixture,
        const char *text)
{
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();

  q->text = g_strdup (text);
  return query (fixture, q);
}

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
timeline (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  rapport_contact_store_timeline_async (fixture->store, id, NULL, store_result_cb, &result);
  entries = rapport_contact_store_timeline_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  return entries;
}

static void
trash (Fixture  *fixture,
       gint64    id,
       gboolean  trashed)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_trash_async (fixture->store, id, trashed, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_trash_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
purge (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_purge_trash_async (fixture->store, 0, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_purge_trash_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* }}} */
/* Tests {{{ */

static void
test_create_and_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RapportContact) contact = make_contact ("  Ada Lovelace ", "Analytical Engines Ltd", "ada@engines.example");
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

  id = save (fixture, contact);
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  loaded = load (fixture, id);
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
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RapportContact) contact = make_contact ("Grace Hopper", "Navy", "grace@navy.example");
  g_autoptr(RapportContact) loaded = NULL;
  const char *emails[] = { "grace@cobol.example", "g.hopper@navy.example", NULL };
  gint64 id = save (fixture, contact);

  rapport_contact_set_id (contact, id);
  rapport_contact_set_organisation (contact, "COBOL Committee");
  rapport_contact_set_emails (contact, emails);
  g_assert_cmpint (save (fixture, contact), ==, id);

  loaded = load (fixture, id);
  g_assert_cmpstr (rapport_contact_get_organisation (loaded), ==, "COBOL Committee");
  g_assert_true (g_strv_equal (rapport_contact_get_emails (loaded), emails));
}

static void
test_name_required (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RapportContact) contact = make_contact ("   ", "Nowhere", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_async (fixture->store, contact, NULL, store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_finish (fixture->store, wait_for (&result), &error), ==, 0);
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_organisations_are_shared (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RapportContact) a = make_contact ("Ann", "Acme Robotics", NULL);
  g_autoptr(RapportContact) b = make_contact ("Bob", "ACME robotics", NULL);
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GArray) ids = NULL;
  gint64 id_b;

  save (fixture, a);
  id_b = save (fixture, b);

  /* Same organisation whatever the case: the first spelling wins. */
  loaded = load (fixture, id_b);
  g_assert_cmpstr (rapport_contact_get_organisation (loaded), ==, "Acme Robotics");

  q->sort = RAPPORT_CONTACT_SORT_ORGANISATION;
  ids = query (fixture, q);
  g_assert_cmpuint (ids->len, ==, 2);
}

/* Research notes typed while preparing a meeting reach the organisation of
 * the person met, and nothing else about it changes. */
static void
test_organisation_notes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RapportContact) a = make_contact ("Ann", "Acme Robotics", NULL);
  g_autoptr(RapportContact) solo = make_contact ("Sol", NULL, NULL);
  g_autoptr(RapportOrganisation) organisation = NULL;
  g_autoptr(RapportOrganisation) none = NULL;
  g_autoptr(RapportOrganisation) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id_a = save (fixture, a);
  gint64 id_solo = save (fixture, solo);
  guint n_changed;

  rapport_organisation_for_contact_async (fixture->store, id_a, NULL, store_result_cb, &result);
  organisation = rapport_organisation_for_contact_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_organisation_get_id (organisation), >, 0);
  g_assert_cmpstr (rapport_organisation_get_name (organisation), ==, "Acme Robotics");
  g_assert_cmpstr (rapport_organisation_get_notes (organisation), ==, "");
  g_clear_object (&result);

  rapport_organisation_for_contact_async (fixture->store, id_solo, NULL, store_result_cb, &result);
  none = rapport_organisation_for_contact_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_organisation_get_id (none), ==, 0);
  g_clear_object (&result);

  n_changed = fixture->n_changed;
  rapport_organisation_save_notes_async (fixture->store, rapport_organisation_get_id (organisation),
                                         "Builds warehouse robots; hiring in Lyon.", NULL, store_result_cb, &result);
  g_assert_true (rapport_organisation_save_notes_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
  g_clear_object (&result);

  rapport_organisation_for_contact_async (fixture->store, id_a, NULL, store_result_cb, &result);
  again = rapport_organisation_for_contact_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_organisation_get_notes (again), ==, "Builds warehouse robots; hiring in Lyon.");
  g_assert_cmpstr (rapport_organisation_get_name (again), ==, "Acme Robotics");
}

static void
test_referrals (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RapportContact) first = make_contact ("First Friend", NULL, NULL);
  g_autoptr(RapportContact) second = make_contact ("Second Person", NULL, NULL);
  g_autoptr(RapportContact) third = make_contact ("Third Expert", NULL, NULL);
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) referred = NULL;
  gint64 id1, id2, id3;

  id1 = save (fixture, first);
  rapport_contact_set_referred_by_id (second, id1);
  id2 = save (fixture, second);
  rapport_contact_set_referred_by_id (third, id2);
  id3 = save (fixture, third);

  loaded = load (fixture, id3);
  g_assert_cmpint (rapport_contact_get_referred_by_id (loaded), ==, id2);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "Second Person");

  rapport_contact_store_referrals_async (fixture->store, id3, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_referrals_finish (fixture->store, wait_for (&result), &chain, &referred, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, ==, 2);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (chain, 0)), ==, id2);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (chain, 1)), ==, id1);
  g_assert_cmpuint (referred->len, ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&chain, g_ptr_array_unref);
  g_clear_pointer (&referred, g_ptr_array_unref);

  rapport_contact_store_referrals_async (fixture->store, id1, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_referrals_finish (fixture->store, wait_for (&result), &chain, &referred, &error));
  g_assert_cmpuint (chain->len, ==, 0);
  g_assert_cmpuint (referred->len, ==, 1);
  g_assert_cmpint (rapport_contact_get_id (g_ptr_array_index (referred, 0)), ==, id2);
  g_clear_object (&result);

  /* A loop is refused: the first cannot have been introduced by the third. */
  rapport_contact_set_id (first, id1);
  rapport_contact_set_referred_by_id (first, id3);
  rapport_contact_store_save_async (fixture->store, first, NULL, store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_finish (fixture->store, wait_for (&result), &error), ==, 0);
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Deleting the referrer keeps the contact and clears the link. */
  trash (fixture, id2, TRUE);
  g_clear_object (&loaded);
  loaded = load (fixture, id3);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "");
  trash (fixture, id2, FALSE);
  g_clear_object (&loaded);
  loaded = load (fixture, id3);
  g_assert_cmpstr (rapport_contact_get_referred_by_name (loaded), ==, "Second Person");

  trash (fixture, id2, TRUE);
  purge (fixture);
  g_clear_object (&loaded);
  loaded = load (fixture, id3);
  g_assert_nonnull (loaded);
  g_assert_cmpint (rapport_contact_get_referred_by_id (loaded), ==, 0);
  g_assert_null (load (fixture, id2));
}

static void
test_stage_changes_on_timeline (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RapportContact) contact = make_contact ("Katherine Johnson", "NASA", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(RapportContact) loaded = NULL;
  gint64 id = save (fixture, contact);

  rapport_contact_store_set_stage_async (fixture->store, id, RAPPORT_STAGE_REQUEST_SENT, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_set_stage_finish (fixture->store, wait_for (&result), &error));
  g_clear_object (&result);

  /* Through a full save too. */
  rapport_contact_set_id (contact, id);
  rapport_contact_set_stage (contact, RAPPORT_STAGE_SCHEDULED);
  save (fixture, contact);

  /* Setting the same stage again records nothing. */
  rapport_contact_store_set_stage_async (fixture->store, id, RAPPORT_STAGE_SCHEDULED, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_set_stage_finish (fixture->store, wait_for (&result), &error));

  entries = timeline (fixture, id);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (rapport_interaction_get_kind (g_ptr_array_index (entries, i)), ==,
                     RAPPORT_INTERACTION_STAGE_CHANGE);
  g_assert_nonnull (strstr (rapport_interaction_get_summary (g_ptr_array_index (entries, 0)), "Scheduled"));

  /* Stage changes are not contact with the person. */
  loaded = load (fixture, id);
  g_assert_cmpint (rapport_contact_get_stage (loaded), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_null (rapport_contact_get_last_contacted (loaded));
}

static void
test_timeline_and_last_contacted (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RapportContact) contact = make_contact ("Mary Somerville", NULL, NULL);
  g_autoptr(GDateTime) early = g_date_time_new_utc (2026, 3, 2, 9, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 4, 20, 15, 30, 0);
  g_autoptr(RapportInteraction) call = NULL;
  g_autoptr(RapportInteraction) note = NULL;
  g_autoptr(RapportContact) loaded = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save (fixture, contact);
  gint64 call_id;

  call = rapport_interaction_new (id, RAPPORT_INTERACTION_CALL, early, "Intro call", "Talked about telescopes");
  rapport_contact_store_save_interaction_async (fixture->store, call, NULL, store_result_cb, &result);
  call_id = rapport_contact_store_save_interaction_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (call_id, >, 0);
  g_clear_object (&result);

  /* A later note does not count as contact. */
  note = rapport_interaction_new (id, RAPPORT_INTERACTION_NOTE, late, "Read her paper", "");
  rapport_contact_store_save_interaction_async (fixture->store, note, NULL, store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_interaction_finish (fixture->store, wait_for (&result), &error), >, 0);
  g_clear_object (&result);

  loaded = load (fixture, id);
  g_assert_cmpint (g_date_time_to_unix (rapport_contact_get_last_contacted (loaded)), ==, g_date_time_to_unix (early));
  g_clear_object (&loaded);

  /* Editing the call moves "last contacted" with it. */
  rapport_interaction_set_id (call, call_id);
  rapport_interaction_set_happened_at (call, late);
  rapport_contact_store_save_interaction_async (fixture->store, call, NULL, store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_save_interaction_finish (fixture->store, wait_for (&result), &error), ==, call_id);
  g_clear_object (&result);
  loaded = load (fixture, id);
  g_assert_cmpint (g_date_time_to_unix (rapport_contact_get_last_contacted (loaded)), ==, g_date_time_to_unix (late));
  g_clear_object (&loaded);

  /* Timeline text is searchable. */
  found = search (fixture, "telesc");
  g_assert_cmpuint (found->len, ==, 1);

  entries = timeline (fixture, id);
  g_assert_cmpuint (entries->len, ==, 2);

  rapport_contact_store_delete_interaction_async (fixture->store, call, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_delete_interaction_finish (fixture->store, wait_for (&result), &error));
  loaded = load (fixture, id);
  g_assert_null (rapport_contact_get_last_contacted (loaded));
  g_clear_pointer (&found, g_array_unref);
  found = search (fixture, "telesc");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RapportContact) zoe = make_contact ("Zoë Ødegård", "Fjord Analytics", "zoe@fjord.example");
  g_autoptr(RapportContact) li = make_contact ("李雷", "北京大学", "li.lei@pku.example");
  g_autoptr(RapportContact) sam = make_contact ("Sam Okafor", "Acme Robotics", "sam@acme.example");
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
  id_zoe = save (fixture, zoe);
  id_li = save (fixture, li);
  id_sam = save (fixture, sam);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) ids = search (fixture, cases[i].text);

      g_test_message ("search “%s”: %u results", cases[i].text, ids->len);
      if (cases[i].expected == NULL)
        g_assert_cmpuint (ids->len, ==, 0);
      else
        g_assert_true (ids_equal (ids, cases[i].expected, 1));
    }

  /* Trashed contacts are not found. */
  trash (fixture, id_sam, TRUE);
  {
    g_autoptr(GArray) ids = search (fixture, "acm");
    g_assert_cmpuint (ids->len, ==, 0);
  }
  trash (fixture, id_sam, FALSE);
  {
    g_autoptr(GArray) ids = search (fixture, "acm");
    g_assert_cmpuint (ids->len, ==, 1);
  }
}

static void
test_query_filters_and_sorts (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RapportContact) a = make_contact ("Émile Zola", "Zeta", NULL);
  g_autoptr(RapportContact) b = make_contact ("anna Berg", "Alpha", NULL);
  g_autoptr(RapportContact) c = make_contact ("Carl Diaz", NULL, NULL);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  const char *tags[] = { "mentor", NULL };
  gint64 ia, ib, ic;

  rapport_contact_set_stage (a, RAPPORT_STAGE_MET);
  rapport_contact_set_tags (b, tags);
  ia = save (fixture, a);
  ib = save (fixture, b);
  ic = save (fixture, c);

  {
    g_autoptr(GArray) ids = query (fixture, q);
    gint64 expected[] = { ib, ic, ia };   /* by name, ignoring case and accents */
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->sort = RAPPORT_CONTACT_SORT_ORGANISATION;
  {
    g_autoptr(GArray) ids = query (fixture, q);
    gint64 expected[] = { ib, ia, ic };   /* no organisation last */
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->sort = RAPPORT_CONTACT_SORT_STAGE;
  {
    g_autoptr(GArray) ids = query (fixture, q);
    gint64 expected[] = { ib, ic, ia };
    g_assert_true (ids_equal (ids, expected, 3));
  }

  q->stage = RAPPORT_STAGE_MET;
  {
    g_autoptr(GArray) ids = query (fixture, q);
    g_assert_true (ids_equal (ids, &ia, 1));
  }

  q->stage = -1;
  q->tag = g_strdup ("mentor");
  {
    g_autoptr(GArray) ids = query (fixture, q);
    g_assert_true (ids_equal (ids, &ib, 1));
  }

  g_clear_pointer (&q->tag, g_free);
  q->limit = 2;
  {
    g_autoptr(GArray) ids = query (fixture, q);
    g_assert_cmpuint (ids->len, ==, 2);
  }
}

static void
test_insert_many_is_atomic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i);
      g_ptr_array_add (contacts, make_contact (name, "Bulk Org", NULL));
    }
  /* One bad contact at the end: nothing may be written. */
  g_ptr_array_add (contacts, make_contact ("", NULL, NULL));

  rapport_contact_store_insert_many_async (fixture->store, contacts, NULL, store_result_cb, &result);
  g_assert_false (rapport_contact_store_insert_many_finish (fixture->store, wait_for (&result), &error));
  g_assert_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  ids = query (fixture, q);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  g_ptr_array_remove_index (contacts, contacts->len - 1);
  rapport_contact_store_insert_many_async (fixture->store, contacts, NULL, store_result_cb, &result);
  g_assert_true (rapport_contact_store_insert_many_finish (fixture->store, wait_for (&result), &error));
  ids = query (fixture, q);
  g_assert_cmpuint (ids->len, ==, 50);
}

static void
test_tags_in_use (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportContact) a = make_contact ("A", NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  const char *set[] = { "zeta", "Alpha", NULL };

  rapport_contact_set_tags (a, set);
  save (fixture, a);

  rapport_contact_store_list_tags_async (fixture->store, NULL, store_result_cb, &result);
  tags = rapport_contact_store_list_tags_finish (fixture->store, wait_for (&result), &error);
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


static GPtrArray *
file_contacts (void)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  RapportContact *c;
  const char *tags[] = { "alumni", NULL };

  /* New. */
  g_ptr_array_add (contacts, make_contact ("Nia Adebayo", "Kente Labs", "nia@kente.example"));
  /* Same email as the existing Ada, but another spelling of the name. */
  c = make_contact ("Ada King", "", "ADA@engines.example");
  rapport_contact_set_role (c, "Countess");
  rapport_contact_set_tags (c, tags);
  g_ptr_array_add (contacts, c);
  /* Same name and organisation as the existing Grace, no email. */
  c = make_contact ("grace hopper", "NAVY", NULL);
  rapport_contact_set_location (c, "Arlington");
  g_ptr_array_add (contacts, c);
  /* Twice in the file. */
  g_ptr_array_add (contacts, make_contact ("Nia Adebayo", "Kente Labs", NULL));

  return contacts;
}

static void
seed_existing (Fixture *fixture)
{
  g_autoptr(RapportContact) ada = make_contact ("Ada Lovelace", "Analytical Engines", "ada@engines.example");
  g_autoptr(RapportContact) grace = make_contact ("Grace Hopper", "Navy", NULL);

  rapport_contact_set_role (ada, "Analyst");
  save (fixture, ada);
  save (fixture, grace);
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = file_contacts ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  seed_existing (fixture);
  fixture->n_changed = 0;

  rapport_contact_import_find_duplicates_async (fixture->store, contacts, NULL, store_result_cb, &result);
  found = rapport_contact_import_find_duplicates_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, 0);
  g_assert_cmpint (g_array_index (found, gint64, 1), >, 0);
  g_assert_cmpint (g_array_index (found, gint64, 2), >, 0);
  g_assert_cmpint (g_array_index (found, gint64, 3), ==, -1);

  /* A dry run writes nothing. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
import_run (Fixture             *fixture,
            GPtrArray           *contacts,
            gboolean             merge,
            GCancellable        *cancellable,
            RapportImportResult *counts,
            GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint progress = 0;

  rapport_contact_import_run_async (fixture->store, contacts, merge, &progress, cancellable, store_result_cb, &result);
  rapport_contact_import_run_finish (fixture->store, wait_for (&result), counts, error);
}

static void
test_import_skip (Fixture       *fixture,
                  gconstpointer  data)
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

  ids = query (fixture, q);
  g_assert_cmpuint (ids->len, ==, 3);
}

static void
test_import_merge (Fixture       *fixture,
                   gconstpointer  data)
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
  found = search (fixture, "ada@engines");
  g_assert_cmpuint (found->len, ==, 1);
  ada = load (fixture, g_array_index (found, gint64, 0));
  g_assert_cmpstr (rapport_contact_get_display_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_contact_get_role (ada), ==, "Analyst");
  g_assert_cmpuint (g_strv_length ((char **) rapport_contact_get_emails (ada)), ==, 1);
  g_assert_cmpstr (rapport_contact_get_tags (ada)[0], ==, "alumni");
}

static void
test_import_cancel_rolls_back (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Imported %u", i);
      g_ptr_array_add (contacts, make_contact (name, NULL, NULL));
    }

  g_cancellable_cancel (cancellable);
  import_run (fixture, contacts, FALSE, cancellable, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  ids = query (fixture, q);
  g_assert_cmpuint (ids->len, ==, 0);
}

typedef struct
{
  guint position, removed, added, n_calls;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_calls++;
}

static void
wait_updated (RapportContactList *list)
{
  /* A change of the store starts a query from its "changed" handler. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (rapport_contact_list_get_busy (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_contact_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RapportContactList) list = rapport_contact_list_new (fixture->store);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(RapportContact) bea = make_contact ("Bea", "Org", NULL);
  g_autoptr(RapportContact) dan = make_contact ("Dan", "Org", NULL);
  g_autoptr(RapportContact) cy = make_contact ("Cy", "Other", NULL);
  g_autoptr(RapportContact) item = NULL;
  Change change = { 0 };

  save (fixture, bea);
  save (fixture, dan);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);

  rapport_contact_list_set_query (list, q);
  wait_updated (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RAPPORT_TYPE_CONTACT);

  /* A placeholder first, filled from the database a moment later. */
  item = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_false (rapport_contact_get_loaded (item));
  while (!rapport_contact_get_loaded (item))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rapport_contact_get_display_name (item), ==, "Dan");

  /* A contact added in the middle is announced as just that. */
  change.n_calls = 0;
  save (fixture, cy);
  wait_updated (list);
  g_assert_cmpuint (change.n_calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (rapport_contact_list_find (list, rapport_contact_get_id (item)), ==, 2);

  /* An edit reaches the object the view holds. */
  rapport_contact_set_id (dan, rapport_contact_get_id (item));
  rapport_contact_set_display_name (dan, "Dana");
  save (fixture, dan);
  while (g_strcmp0 (rapport_contact_get_display_name (item), "Dana") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* A search replaces the whole range. */
  q->text = g_strdup ("oth");
  rapport_contact_list_set_query (list, q);
  wait_updated (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static GPtrArray *
export_and_read (Fixture      *fixture,
                 const char   *name,
                 const gint64 *ids,
                 guint         n_ids)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  RapportExportFormat format = rapport_contact_export_format_for_file (file);
  guint n;

  if (ids != NULL)
    rapport_contact_export_ids_async (fixture->store, ids, n_ids, file, format, NULL, store_result_cb, &result);
  else
    rapport_contact_export_async (fixture->store, q, file, format, NULL, store_result_cb, &result);
  n = rapport_contact_export_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  rapport_contact_file_read_async (file, NULL, store_result_cb, &result);
  read = rapport_contact_file_read_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_contacts (read)->len, ==, n);

  return g_ptr_array_ref (rapport_contact_file_get_contacts (read));
}

static void
assert_same_contact (RapportContact *a,
                     RapportContact *b)
{
  g_assert_cmpstr (rapport_contact_get_display_name (a), ==, rapport_contact_get_display_name (b));
  g_assert_cmpstr (rapport_contact_get_organisation (a), ==, rapport_contact_get_organisation (b));
  g_assert_cmpstr (rapport_contact_get_role (a), ==, rapport_contact_get_role (b));
  g_assert_cmpstr (rapport_contact_get_source (a), ==, rapport_contact_get_source (b));
  g_assert_cmpstr (rapport_contact_get_notes (a), ==, rapport_contact_get_notes (b));
  g_assert_true (g_strv_equal (rapport_contact_get_emails (a), rapport_contact_get_emails (b)));
  g_assert_true (g_strv_equal (rapport_contact_get_phones (a), rapport_contact_get_phones (b)));
  g_assert_true (g_strv_equal (rapport_contact_get_tags (a), rapport_contact_get_tags (b)));
  g_assert_cmpint (rapport_contact_get_stage (a), ==, rapport_contact_get_stage (b));
}

static void
test_export_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  const char *emails[] = { "zoe@fjord.example", "z.odegard@example.org", NULL };
  const char *phones[] = { "+47 912 34 567", NULL };
  const char *tags[] = { "design", "mentor", NULL };
  const char * const files[] = { "all.vcf", "all.csv" };
  RapportContact *zoe = make_contact ("Zoë Ødegård", "Fjord Analytics", NULL);
  RapportContact *li = make_contact ("李雷", "北京大学", "li.lei@pku.example");
  gint64 id_li;

  rapport_contact_set_emails (zoe, emails);
  rapport_contact_set_phones (zoe, phones);
  rapport_contact_set_tags (zoe, tags);
  rapport_contact_set_role (zoe, "Head of Design, Nordics");
  rapport_contact_set_source (zoe, "Conference; \"UX North\"");
  rapport_contact_set_notes (zoe, "Two lines:\nsecond line.");
  rapport_contact_set_stage (zoe, RAPPORT_STAGE_MET);
  save (fixture, zoe);
  id_li = save (fixture, li);
  g_ptr_array_add (saved, li);
  g_ptr_array_add (saved, zoe);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GPtrArray) read = export_and_read (fixture, files[f], NULL, 0);

      g_test_message ("%s: %u contacts", files[f], read->len);
      g_assert_cmpuint (read->len, ==, 2);
      for (guint i = 0; i < read->len; i++)
        {
          RapportContact *r = g_ptr_array_index (read, i);
          RapportContact *expected = g_str_equal (rapport_contact_get_display_name (r), "李雷") ? li : zoe;

          assert_same_contact (r, expected);
        }
    }

  /* One picked contact alone. */
  {
    g_autoptr(GPtrArray) read = export_and_read (fixture, "one.vcf", &id_li, 1);

    g_assert_cmpuint (read->len, ==, 1);
    assert_same_contact (g_ptr_array_index (read, 0), li);
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/contact-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-load", test_create_and_load);
  ADD ("update", test_update);
  ADD ("name-required", test_name_required);
  ADD ("organisations-are-shared", test_organisations_are_shared);
  ADD ("organisation-notes", test_organisation_notes);
  ADD ("referrals", test_referrals);
  ADD ("stage-changes-on-timeline", test_stage_changes_on_timeline);
  ADD ("timeline-and-last-contacted", test_timeline_and_last_contacted);
  ADD ("search", test_search);
  ADD ("query-filters-and-sorts", test_query_filters_and_sorts);
  ADD ("insert-many-is-atomic", test_insert_many_is_atomic);
  ADD ("tags-in-use", test_tags_in_use);
  ADD ("import-preview", test_import_preview);
  ADD ("import-skip", test_import_skip);
  ADD ("import-merge", test_import_merge);
  ADD ("import-cancel-rolls-back", test_import_cancel_rolls_back);
  ADD ("contact-list", test_contact_list);
  ADD ("export-round-trip", test_export_round_trip);
  g_test_add_func ("/contact-store/text-helpers", test_text_helpers);

#undef ADD

  return g_test_run ();
}
