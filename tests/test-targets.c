/* test-targets.c -- the target list (LAMP) on a real database: adding from a
 * typed list and from the contacts, the sort, the derived advocacy, the
 * current focus and each organisation's next step
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-interaction.h"
#include "rapport-reminder.h"
#include "rapport-sql.h"
#include "rapport-target.h"
#include "rapport-targets.h"
#include "test-contact-util.h"
#include "test-util.h"

/* Helpers {{{ */

static GPtrArray *
list (ContactFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *targets;

  rapport_target_list_async (fixture->store, NULL, test_store_result_cb, &result);
  targets = rapport_target_list_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (targets);
  return targets;
}

static gint64
add_names (ContactFixture *fixture,
           const char     *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  rapport_target_add_names_async (fixture->store, text, NULL, test_store_result_cb, &result);
  n = rapport_target_add_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return n;
}

static gint64
add_from_contacts (ContactFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  rapport_target_add_from_contacts_async (fixture->store, NULL, test_store_result_cb, &result);
  n = rapport_target_add_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return n;
}

static RapportTarget *
find (GPtrArray  *targets,
      const char *name)
{
  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (rapport_target_get_name (g_ptr_array_index (targets, i)), name) == 0)
      return g_ptr_array_index (targets, i);
  g_assert_not_reached ();
}

static void
set (ContactFixture     *fixture,
     GPtrArray          *targets,
     const char         *name,
     RapportTargetField  field,
     int                 value)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_target_set_async (fixture->store, rapport_target_get_organisation_id (find (targets, name)), field, value,
                            NULL, test_store_result_cb, &result);
  g_assert_true (rapport_target_write_finish (fixture->store, test_wait_for (&result), &error));
  g_assert_no_error (error);
}

static char *
names (GPtrArray *targets)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < targets->len; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", rapport_target_get_name (g_ptr_array_index (targets, i)));
  return g_string_free (text, FALSE);
}

static void
sql_write (ContactFixture *fixture,
           const char     *sql)
{
  test_exec (fixture->db, sql);
}

/* }}} */
/* Tests {{{ */

/* One a line, blank lines and spaces ignored, a name already on the list
 * (in any case) not added twice, and one from the contacts joins them. */
static void
test_add (ContactFixture *fixture,
          gconstpointer   data)
{
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", "Analytical Engines", "ada@engines.example");
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (add_names (fixture, "Acme\n\n  Globex  \nInitech\r\nacme\n"), ==, 3);
  g_assert_cmpint (add_names (fixture, "Globex\nUmbrella"), ==, 1);

  test_save_contact (fixture, ada);
  g_assert_cmpint (add_from_contacts (fixture), ==, 1);
  g_assert_cmpint (add_from_contacts (fixture), ==, 0);

  targets = list (fixture);
  text = names (targets);
  /* All unrated: Advocacy alone orders them, then the name. */
  g_assert_cmpstr (text, ==, "Analytical Engines,Acme,Globex,Initech,Umbrella");
  g_assert_cmpuint (rapport_target_get_motivation (g_ptr_array_index (targets, 1)), ==, 0);
  g_assert_cmpuint (rapport_target_get_posting (g_ptr_array_index (targets, 1)), ==, 1);
  g_assert_cmpint (rapport_target_get_stage (g_ptr_array_index (targets, 1)), ==, RAPPORT_TARGET_NOT_STARTED);
}

/* Motivation first, then Posting, then Advocacy; the focus is the first
 * five that are not parked. */
static void
test_sort_and_focus (ContactFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(RapportContact) grace = test_make_contact ("Grace Hopper", "Delta", "grace@delta.example");
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) focus = NULL;
  g_autofree char *text = NULL;
  g_autofree char *focus_text = NULL;

  add_names (fixture, "Alpha\nBravo\nCharlie\nDelta\nEcho\nFoxtrot\nGolf");
  test_save_contact (fixture, grace);
  targets = list (fixture);
  set (fixture, targets, "Alpha", RAPPORT_TARGET_FIELD_MOTIVATION, 1);
  set (fixture, targets, "Bravo", RAPPORT_TARGET_FIELD_MOTIVATION, 3);
  set (fixture, targets, "Charlie", RAPPORT_TARGET_FIELD_MOTIVATION, 3);
  set (fixture, targets, "Charlie", RAPPORT_TARGET_FIELD_POSTING, 2);
  set (fixture, targets, "Delta", RAPPORT_TARGET_FIELD_MOTIVATION, 3);   /* Advocacy from Grace */
  set (fixture, targets, "Echo", RAPPORT_TARGET_FIELD_MOTIVATION, 2);
  set (fixture, targets, "Echo", RAPPORT_TARGET_FIELD_STAGE, RAPPORT_TARGET_PARKED);
  set (fixture, targets, "Foxtrot", RAPPORT_TARGET_FIELD_MOTIVATION, 2);
  set (fixture, targets, "Foxtrot", RAPPORT_TARGET_FIELD_POSTING, 3);
  g_clear_pointer (&targets, g_ptr_array_unref);

  targets = list (fixture);
  text = names (targets);
  g_assert_cmpstr (text, ==, "Charlie,Delta,Bravo,Foxtrot,Echo,Alpha,Golf");

  focus = rapport_target_focus (targets);
  focus_text = names (focus);
  g_assert_cmpstr (focus_text, ==, "Charlie,Delta,Bravo,Foxtrot,Alpha");
}

/* Advocacy follows the contacts there until the user answers otherwise;
 * an answer that matches the contacts is not kept as the user's own. */
static void
test_advocacy (ContactFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", "Acme", "ada@acme.example");
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  add_names (fixture, "Acme\nGlobex");
  targets = list (fixture);
  g_assert_false (rapport_target_get_advocacy (find (targets, "Acme")));
  g_clear_pointer (&targets, g_ptr_array_unref);

  id = test_save_contact (fixture, ada);
  targets = list (fixture);
  g_assert_true (rapport_target_get_advocacy (find (targets, "Acme")));
  g_assert_true (rapport_target_get_advocacy_derived (find (targets, "Acme")));
  g_assert_cmpuint (rapport_target_get_n_people (find (targets, "Acme")), ==, 1);

  /* The user knows someone at Globex who is not a contact. */
  set (fixture, targets, "Globex", RAPPORT_TARGET_FIELD_ADVOCACY, 1);
  set (fixture, targets, "Acme", RAPPORT_TARGET_FIELD_ADVOCACY, 1);
  stored = test_query_text (fixture->db, "SELECT group_concat (coalesce (advocacy, 'derived'), ',') FROM "
                                         "(SELECT advocacy FROM organisation_target ORDER BY organisation_id)");
  g_assert_cmpstr (stored, ==, "derived,1");
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = list (fixture);
  g_assert_true (rapport_target_get_advocacy (find (targets, "Globex")));
  g_assert_false (rapport_target_get_advocacy_derived (find (targets, "Globex")));

  /* Ada in the trash: nobody at Acme any more. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    rapport_contact_store_trash_async (fixture->store, id, TRUE, NULL, test_store_result_cb, &result);
    g_assert_true (rapport_contact_store_trash_finish (fixture->store, test_wait_for (&result), &error));
  }
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = list (fixture);
  g_assert_false (rapport_target_get_advocacy (find (targets, "Acme")));
  g_assert_cmpint (rapport_target_get_step (find (targets, "Acme")), ==, RAPPORT_TARGET_STEP_FIND_CONTACT);
}

/* The next step from the people there: nobody, someone to write to, a
 * request out, a 3B7 second person due, a meeting, everyone declined. */
static void
test_next_step (ContactFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", "Acme", "ada@acme.example");
  g_autoptr(RapportContact) bob = test_make_contact ("Bob Babbage", "Acme", "bob@acme.example");
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *sql = NULL;
  RapportTarget *acme;
  gint64 ada_id;

  add_names (fixture, "Acme\nGlobex");
  ada_id = test_save_contact (fixture, ada);
  test_save_contact (fixture, bob);

  targets = list (fixture);
  g_assert_cmpint (rapport_target_get_step (find (targets, "Globex")), ==, RAPPORT_TARGET_STEP_FIND_CONTACT);
  acme = find (targets, "Acme");
  g_assert_cmpint (rapport_target_get_step (acme), ==, RAPPORT_TARGET_STEP_WRITE);
  g_assert_cmpstr (rapport_target_get_step_person (acme), ==, "Ada Lovelace");
  g_clear_pointer (&targets, g_ptr_array_unref);

  sql = g_strdup_printf ("UPDATE contact SET stage = %d WHERE id = %" G_GINT64_FORMAT,
                         RAPPORT_STAGE_REQUEST_SENT, ada_id);
  sql_write (fixture, sql);
  targets = list (fixture);
  acme = find (targets, "Acme");
  g_assert_cmpint (rapport_target_get_step (acme), ==, RAPPORT_TARGET_STEP_WAIT);
  g_assert_cmpstr (rapport_target_get_step_person (acme), ==, "Ada Lovelace");
  g_clear_pointer (&targets, g_ptr_array_unref);

  /* The 3B7 reminder to write to a second person, due: that comes first. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO reminder (kind, contact_id, due_at, state, created_at, updated_at) "
                         "VALUES (%d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, 0, 0)",
                         RAPPORT_REMINDER_SECOND_CONTACT, ada_id, rapport_sql_now () - 60, RAPPORT_REMINDER_PENDING);
  sql_write (fixture, sql);
  targets = list (fixture);
  acme = find (targets, "Acme");
  g_assert_cmpint (rapport_target_get_step (acme), ==, RAPPORT_TARGET_STEP_SECOND_CONTACT);
  /* and whom to ask: Bob, the one other person there */
  g_assert_cmpstr (rapport_target_get_step_person (acme), ==, "Bob Babbage");
  g_clear_pointer (&targets, g_ptr_array_unref);

  g_free (sql);
  sql = g_strdup_printf ("UPDATE reminder SET state = %d; UPDATE contact SET stage = %d WHERE id = %" G_GINT64_FORMAT,
                         RAPPORT_REMINDER_DONE, RAPPORT_STAGE_SCHEDULED, ada_id);
  sql_write (fixture, sql);
  targets = list (fixture);
  g_assert_cmpint (rapport_target_get_step (find (targets, "Acme")), ==, RAPPORT_TARGET_STEP_TALKING);
  g_clear_pointer (&targets, g_ptr_array_unref);

  g_free (sql);
  sql = g_strdup_printf ("UPDATE contact SET stage = %d", RAPPORT_STAGE_DECLINED);
  sql_write (fixture, sql);
  targets = list (fixture);
  g_assert_cmpint (rapport_target_get_step (find (targets, "Acme")), ==, RAPPORT_TARGET_STEP_FIND_ANOTHER);
}

static void
add_interaction (ContactFixture *fixture,
                 gint64          contact_id,
                 int             kind,
                 gint64          at)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, "
                                          "updated_at) VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", '', 0, 0)",
                                          contact_id, kind, at);

  sql_write (fixture, sql);
}

static const char *
second_person (ContactFixture *fixture,
               GPtrArray     **targets)
{
  g_clear_pointer (targets, g_ptr_array_unref);
  *targets = list (fixture);
  g_assert_cmpint (rapport_target_get_step (find (*targets, "Acme")), ==, RAPPORT_TARGET_STEP_SECOND_CONTACT);
  return rapport_target_get_step_person (find (*targets, "Acme"));
}

/* Whom the 3B7 routine suggests next, by reply class: someone who answered
 * quickly before, then someone never asked, then someone who took their
 * time; never someone who did not answer, nor the first person. */
static void
test_second_person (ContactFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(RapportContact) ada = test_make_contact ("Ada Lovelace", "Acme", "ada@acme.example");
  g_autoptr(RapportContact) bob = test_make_contact ("Bob Babbage", "Acme", "bob@acme.example");
  g_autoptr(RapportContact) cy = test_make_contact ("Cy Young", "Acme", "cy@acme.example");
  g_autoptr(RapportContact) dee = test_make_contact ("Dee Quick", "Acme", "dee@acme.example");
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *sql = NULL;
  gint64 now = rapport_sql_now ();
  gint64 ada_id, bob_id, cy_id, dee_id;

  add_names (fixture, "Acme");
  ada_id = test_save_contact (fixture, ada);
  bob_id = test_save_contact (fixture, bob);
  cy_id = test_save_contact (fixture, cy);
  dee_id = test_save_contact (fixture, dee);
  sql = g_strdup_printf ("UPDATE contact SET stage = %d WHERE id = %" G_GINT64_FORMAT "; "
                         "INSERT INTO reminder (kind, contact_id, due_at, state, created_at, updated_at) "
                         "VALUES (%d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, 0, 0)",
                         RAPPORT_STAGE_REQUEST_SENT, ada_id,
                         RAPPORT_REMINDER_SECOND_CONTACT, ada_id, now - 60, RAPPORT_REMINDER_PENDING);
  sql_write (fixture, sql);

  /* Bob never asked, Cy asked a month ago and silent, Dee never asked:
   * Bob, first by name among those never asked. */
  add_interaction (fixture, cy_id, RAPPORT_INTERACTION_EMAIL_SENT, now - 30 * 86400);
  g_assert_cmpstr (second_person (fixture, &targets), ==, "Bob Babbage");

  /* Cy answered after three weeks: still after those never asked. */
  add_interaction (fixture, cy_id, RAPPORT_INTERACTION_EMAIL_RECEIVED, now - 9 * 86400);
  g_assert_cmpstr (second_person (fixture, &targets), ==, "Bob Babbage");

  /* Dee answered an earlier request within the hour: Dee comes first. */
  add_interaction (fixture, dee_id, RAPPORT_INTERACTION_EMAIL_SENT, now - 60 * 86400);
  add_interaction (fixture, dee_id, RAPPORT_INTERACTION_EMAIL_RECEIVED, now - 60 * 86400 + 3600);
  g_assert_cmpstr (second_person (fixture, &targets), ==, "Dee Quick");

  /* Nobody left to ask but the slow one: Cy. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE contact SET stage = %d WHERE id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         RAPPORT_STAGE_DECLINED, bob_id, dee_id);
  sql_write (fixture, sql);
  g_assert_cmpstr (second_person (fixture, &targets), ==, "Cy Young");

  /* and nobody at all: the step stands without a name */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE contact SET stage = %d WHERE id = %" G_GINT64_FORMAT, RAPPORT_STAGE_PAUSED, cy_id);
  sql_write (fixture, sql);
  g_assert_cmpstr (second_person (fixture, &targets), ==, "");
}

/* Off the list, the organisation and its people stay. */
static void
test_remove (ContactFixture *fixture,
             gconstpointer   data)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;

  add_names (fixture, "Acme\nGlobex");
  targets = list (fixture);
  rapport_target_remove_async (fixture->store, rapport_target_get_organisation_id (find (targets, "Acme")),
                               NULL, test_store_result_cb, &result);
  g_assert_true (rapport_target_write_finish (fixture->store, test_wait_for (&result), &error));
  g_clear_pointer (&targets, g_ptr_array_unref);
  targets = list (fixture);
  text = names (targets);
  g_assert_cmpstr (text, ==, "Globex");
  n = test_query_text (fixture->db, "SELECT count (*) FROM organisation");
  g_assert_cmpstr (n, ==, "2");
}

/* One RapportTargets for every view: a write lists again once, and each
 * watcher gets the same new list. */
static void
counted_cb (RapportTargets *targets,
            guint          *n_changed)
{
  (*n_changed)++;
}

static void
test_shared_list (ContactFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(RapportTargets) targets = rapport_targets_new (fixture->store);
  g_autofree char *text = NULL;
  guint n_changed = 0;

  g_signal_connect (targets, "changed", G_CALLBACK (counted_cb), &n_changed);
  g_assert_null (rapport_targets_get_list (targets));
  g_assert_true (rapport_targets_get_store (targets) == fixture->store);

  rapport_targets_refresh (targets);
  while (n_changed < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rapport_targets_get_list (targets)->len, ==, 0);

  /* The write's "changed" on the store lists again by itself. */
  add_names (fixture, "Acme\nGlobex");
  while (n_changed < 2)
    g_main_context_iteration (NULL, TRUE);
  text = names (rapport_targets_get_list (targets));
  g_assert_cmpstr (text, ==, "Acme,Globex");

  /* Two refreshes in a row: the first is given up, one list comes. */
  rapport_targets_refresh (targets);
  rapport_targets_refresh (targets);
  while (n_changed < 3)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_usleep (50000);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_changed, ==, 3);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_CONTACT_ADD ("targets/add", test_add);
  TEST_CONTACT_ADD ("targets/sort-and-focus", test_sort_and_focus);
  TEST_CONTACT_ADD ("targets/advocacy", test_advocacy);
  TEST_CONTACT_ADD ("targets/next-step", test_next_step);
  TEST_CONTACT_ADD ("targets/second-person", test_second_person);
  TEST_CONTACT_ADD ("targets/remove", test_remove);
  TEST_CONTACT_ADD ("targets/shared-list", test_shared_list);

  return g_test_run ();
}
