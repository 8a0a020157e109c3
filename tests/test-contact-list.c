/* test-contact-list.c -- the lazy list model over the contact store
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-contact-list.h"
#include "test-contact-util.h"

/* Tests {{{ */

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
test_contact_list (ContactFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(RapportContactList) list = rapport_contact_list_new (fixture->store);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(RapportContact) bea = test_make_contact ("Bea", "Org", NULL);
  g_autoptr(RapportContact) dan = test_make_contact ("Dan", "Org", NULL);
  g_autoptr(RapportContact) cy = test_make_contact ("Cy", "Other", NULL);
  g_autoptr(RapportContact) item = NULL;
  Change change = { 0 };

  test_save_contact (fixture, bea);
  test_save_contact (fixture, dan);
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
  test_save_contact (fixture, cy);
  wait_updated (list);
  g_assert_cmpuint (change.n_calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (rapport_contact_list_find (list, rapport_contact_get_id (item)), ==, 2);

  /* An edit reaches the object the view holds. */
  rapport_contact_set_id (dan, rapport_contact_get_id (item));
  rapport_contact_set_display_name (dan, "Dana");
  test_save_contact (fixture, dan);
  while (g_strcmp0 (rapport_contact_get_display_name (item), "Dana") != 0)
    g_main_context_iteration (NULL, TRUE);

  /* A search replaces the whole range. */
  q->text = g_strdup ("oth");
  rapport_contact_list_set_query (list, q);
  wait_updated (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_CONTACT_ADD ("contact-list", test_contact_list);

  return g_test_run ();
}
