/* test-question-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-migrations.h"
#include "rapport-question-seed.h"
#include "rapport-question-store.h"
#include "rapport-reminder-sql.h"
#include "test-util.h"

typedef struct
{
  RapportDatabase      *db;
  RapportQuestionStore *store;
  guint                 n_changed;
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
changed_cb (RapportQuestionStore *store,
            Fixture              *fixture)
{
  fixture->n_changed++;
}

static void
open_store (Fixture *fixture)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->db = rapport_database_new (path);
  rapport_reminder_rules_attach (fixture->db);
  rapport_database_open_async (fixture->db, NULL, store_result_cb, &result);
  g_assert_true (rapport_database_open_finish (fixture->db, wait_for (&result), &error));
  g_assert_no_error (error);

  fixture->store = rapport_question_store_new (fixture->db);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
close_store (Fixture *fixture)
{
  g_clear_object (&fixture->store);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  open_store (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_store (fixture);
}

static GPtrArray *
list (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *categories;

  rapport_question_store_list_async (fixture->store, NULL, store_result_cb, &result);
  categories = rapport_question_store_list_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (categories);
  return categories;
}

static guint
count_questions (GPtrArray *categories)
{
  guint n = 0;

  for (guint i = 0; i < categories->len; i++)
    n += g_list_model_get_n_items (rapport_question_category_get_questions (g_ptr_array_index (categories, i)));
  return n;
}

/* (transfer full) */
static RapportQuestion *
find_question (GPtrArray  *categories,
               const char *seed_key,
               const char *text)
{
  for (guint i = 0; i < categories->len; i++)
    {
      GListModel *questions = rapport_question_category_get_questions (g_ptr_array_index (categories, i));

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);

          if ((seed_key != NULL && g_strcmp0 (rapport_question_get_seed_key (question), seed_key) == 0) ||
              (text != NULL && g_strcmp0 (rapport_question_get_text (question), text) == 0))
            return g_steal_pointer (&question);
        }
    }
  return NULL;
}

static RapportQuestionCategory *
find_category (GPtrArray  *categories,
               const char *seed_key)
{
  for (guint i = 0; i < categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (categories, i);

      if (g_strcmp0 (rapport_question_category_get_seed_key (category), seed_key) == 0)
        return category;
    }
  return NULL;
}

static gpointer
seed_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  GArray *seeds = data;
  int n = rapport_question_seed_apply (db, (RapportQuestionSeed *) (gpointer) seeds->data, seeds->len, error);

  return n < 0 ? NULL : GINT_TO_POINTER (n + 1);
}

/* Runs the seeding as an upgrade would, with @seeds for the release's table. */
static int
reseed (Fixture *fixture,
        GArray  *seeds)
{
  g_autoptr(GError) error = NULL;
  gpointer ret = rapport_database_run_sync (fixture->db, seed_func, seeds, &error);

  g_assert_no_error (error);
  return GPOINTER_TO_INT (ret) - 1;
}

static GArray *
builtin_seeds (void)
{
  guint n;
  const RapportQuestionSeed *builtin = rapport_question_seed_get_builtin (&n);
  GArray *seeds = g_array_new (FALSE, FALSE, sizeof (RapportQuestionSeed));

  g_array_append_vals (seeds, builtin, n);
  return seeds;
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  test_exec (fixture->db, sql);
}

static gpointer
count_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (rapport_database_get_connection (db), data, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return GINT_TO_POINTER ((int) n + 1);
}

static int
count_sql (Fixture    *fixture,
           const char *sql)
{
  return GPOINTER_TO_INT (rapport_database_run_sync (fixture->db, count_func, (gpointer) sql, NULL)) - 1;
}

static gint64
save (Fixture          *fixture,
      RapportQuestion  *question,
      GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_question_store_save_async (fixture->store, question, NULL, store_result_cb, &result);
  return rapport_question_store_save_finish (fixture->store, wait_for (&result), error);
}

static gint64
add_category (Fixture     *fixture,
              const char  *name,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_question_store_add_category_async (fixture->store, name, NULL, store_result_cb, &result);
  return rapport_question_store_add_category_finish (fixture->store, wait_for (&result), error);
}

static RapportQuestion *
delete_question (Fixture *fixture,
                 gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportQuestion *deleted;

  rapport_question_store_delete_async (fixture->store, id, NULL, store_result_cb, &result);
  deleted = rapport_question_store_delete_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  return deleted;
}

/* }}} */
/* Tests {{{ */

static void
test_seed (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GArray) seeds = builtin_seeds ();
  g_autoptr(RapportQuestion) who_else = NULL;

  g_assert_cmpuint (categories->len, ==, 8);
  g_assert_cmpuint (count_questions (categories), >=, 40);
  for (guint i = 0; i < categories->len; i++)
    {
      RapportQuestionCategory *category = g_ptr_array_index (categories, i);

      g_assert_cmpstr (rapport_question_category_get_name (category), !=, "");
      g_assert_cmpuint (g_list_model_get_n_items (rapport_question_category_get_questions (category)), >=, 5);
    }
  g_assert_cmpstr (rapport_question_category_get_name (g_ptr_array_index (categories, 0)), ==, "The Industry");
  g_assert_cmpstr (rapport_question_category_get_name (g_ptr_array_index (categories, 7)), ==,
                   "Asking for More Contacts");

  /* Unedited built-in texts are not copied into the database: they follow
   * the user's language. */
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question WHERE text != ''"), ==, 0);
  who_else = find_question (categories, "contacts-who-else", NULL);
  g_assert_nonnull (who_else);
  g_assert_cmpstr (rapport_question_get_text (who_else), ==, "Who else would you suggest I talk to?");
  g_assert_cmpuint (rapport_question_get_use_count (who_else), ==, 0);

  /* Seeding again, by listing or directly, adds nothing and writes nothing. */
  again = list (fixture);
  g_assert_cmpuint (count_questions (again), ==, count_questions (categories));
  g_assert_cmpint (reseed (fixture, seeds), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_deleted_seed_stays_deleted (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(GArray) seeds = builtin_seeds ();
  g_autoptr(RapportQuestion) question = find_question (categories, "industry-trends", NULL);
  g_autoptr(RapportQuestion) deleted = NULL;
  g_autoptr(RapportQuestion) gone = NULL;
  guint n = count_questions (categories);

  deleted = delete_question (fixture, rapport_question_get_id (question));
  g_assert_cmpstr (rapport_question_get_text (deleted), ==, rapport_question_get_text (question));
  g_assert_cmpuint (fixture->n_changed, ==, 1);

  /* An upgrade runs the seeding again, with the same or a longer table. */
  g_assert_cmpint (reseed (fixture, seeds), ==, 0);
  after = list (fixture);
  g_assert_cmpuint (count_questions (after), ==, n - 1);
  gone = find_question (after, "industry-trends", NULL);
  g_assert_null (gone);

  /* Also across a restart of the application. */
  close_store (fixture);
  open_store (fixture);
  reopened = list (fixture);
  g_assert_cmpuint (count_questions (reopened), ==, n - 1);
}

static void
test_new_seed_on_upgrade (Fixture       *fixture,
                          gconstpointer  data)
{
  static const RapportQuestionSeed later[] = {
    { "category-salary", NULL, "Pay and Conditions", RAPPORT_TIARA_NONE },
    { "salary-range", "category-salary", "What salary range is usual for this role?", RAPPORT_TIARA_NONE },
    { "advice-later", "category-advice", "What would you read this month?", RAPPORT_TIARA_RESOURCES },
  };
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GArray) seeds = builtin_seeds ();

  g_array_append_vals (seeds, later, G_N_ELEMENTS (later));
  g_assert_cmpint (reseed (fixture, seeds), ==, 3);
  g_assert_cmpint (reseed (fixture, seeds), ==, 0);

  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question_category"), ==, 9);
  g_assert_cmpint (count_sql (fixture,
                              "SELECT q.position = (SELECT max (position) FROM question WHERE category_id = c.id) "
                              "FROM question q JOIN question_category c ON c.id = q.category_id "
                              "WHERE q.seed_key = 'advice-later' AND c.seed_key = 'category-advice'"), ==, 1);
  g_assert_cmpint (count_sql (fixture,
                              "SELECT count (*) FROM question q JOIN question_category c ON c.id = q.category_id "
                              "WHERE q.seed_key = 'salary-range' AND c.seed_key = 'category-salary'"), ==, 1);
  /* A seed added later brings its TIARA area. */
  g_assert_cmpint (count_sql (fixture, "SELECT tiara FROM question WHERE seed_key = 'advice-later'"), ==,
                   RAPPORT_TIARA_RESOURCES);
}

static void
test_edit_star_move (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RapportQuestion) question = find_question (categories, "career-start", NULL);
  g_autoptr(RapportQuestion) edited = NULL;
  g_autoptr(RapportQuestion) mine = NULL;
  g_autoptr(RapportQuestion) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportQuestionCategory *advice = find_category (categories, "category-advice");
  gint64 category_id;
  gint64 id;

  /* Starring a built-in question keeps its text unstored. */
  rapport_question_set_starred (question, TRUE);
  g_assert_cmpint (save (fixture, question, &error), ==, rapport_question_get_id (question));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question WHERE text != ''"), ==, 0);

  /* Editing its words stores them; it keeps its seed key. */
  rapport_question_set_text (question, "  How did you start out?  ");
  save (fixture, question, &error);
  g_assert_no_error (error);

  /* A new question of one's own, and a new category to move it to. */
  mine = rapport_question_new (rapport_question_category_get_id (advice), "What should I read first?");
  id = save (fixture, mine, &error);
  g_assert_no_error (error);
  category_id = add_category (fixture, "Remote work", &error);
  g_assert_no_error (error);
  g_assert_cmpint (category_id, >, 0);

  rapport_question_store_move_async (fixture->store, id, category_id, NULL, store_result_cb, &result);
  g_assert_true (rapport_question_store_move_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  rapport_question_store_set_starred_async (fixture->store, id, TRUE, NULL, store_result_cb, &result);
  g_assert_true (rapport_question_store_set_starred_finish (fixture->store, wait_for (&result), &error));
  g_clear_object (&result);

  after = list (fixture);
  g_assert_cmpuint (after->len, ==, 9);
  g_assert_cmpstr (rapport_question_category_get_name (g_ptr_array_index (after, 8)), ==, "Remote work");
  edited = find_question (after, "career-start", NULL);
  g_assert_cmpstr (rapport_question_get_text (edited), ==, "How did you start out?");
  g_assert_true (rapport_question_get_starred (edited));
  found = find_question (after, NULL, "What should I read first?");
  g_assert_cmpint (rapport_question_get_category_id (found), ==, category_id);
  g_assert_true (rapport_question_get_starred (found));
  g_assert_null (rapport_question_get_seed_key (found));
  g_assert_cmpuint (fixture->n_changed, ==, 6);

  /* Refusals: empty words, a name already taken (case and accents aside). */
  rapport_question_set_text (found, "   ");
  g_assert_cmpint (save (fixture, found, &error), ==, 0);
  g_assert_error (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (add_category (fixture, "ADVICE", &error), ==, 0);
  g_assert_error (error, RAPPORT_QUESTION_STORE_ERROR, RAPPORT_QUESTION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Renaming a built-in category. */
  rapport_question_store_rename_category_async (fixture->store, rapport_question_category_get_id (advice),
                                                "Tips", NULL, store_result_cb, &result);
  g_assert_true (rapport_question_store_rename_category_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (fixture,
                              "SELECT count (*) FROM question_category WHERE name = 'Tips' "
                              "AND seed_key = 'category-advice'"), ==, 1);
}

static void
test_use_count_and_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GPtrArray) counted = NULL;
  g_autoptr(GPtrArray) restored_list = NULL;
  g_autoptr(RapportQuestion) question = find_question (categories, "contacts-who-else", NULL);
  g_autoptr(RapportQuestion) with_count = NULL;
  g_autoptr(RapportQuestion) deleted = NULL;
  g_autoptr(RapportQuestion) back = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = rapport_question_get_id (question);
  gint64 restored;

  sql = g_strdup_printf (
    "INSERT INTO contact (id, display_name, sort_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', 0, 0);"
    "INSERT INTO meeting (id, contact_id, starts_at, duration, created_at, updated_at) VALUES (1, 1, 0, 20, 0, 0);"
    "INSERT INTO meeting (id, contact_id, starts_at, duration, created_at, updated_at) VALUES (2, 1, 9, 20, 0, 0);"
    "INSERT INTO meeting_question (meeting_id, question_id, text, position) VALUES (1, %" G_GINT64_FORMAT ", 'x', 0);"
    "INSERT INTO meeting_question (meeting_id, question_id, text, position) VALUES (2, %" G_GINT64_FORMAT ", 'x', 0);",
    id, id);
  exec_sql (fixture, sql);

  counted = list (fixture);
  with_count = find_question (counted, "contacts-who-else", NULL);
  g_assert_cmpuint (rapport_question_get_use_count (with_count), ==, 2);

  /* Delete, then undo: same place, same id, and the meetings count again. */
  deleted = delete_question (fixture, id);
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM meeting_question WHERE question_id IS NULL"), ==, 2);
  rapport_question_store_restore_async (fixture->store, deleted, NULL, store_result_cb, &result);
  restored = rapport_question_store_restore_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (restored, ==, id);

  restored_list = list (fixture);
  back = find_question (restored_list, "contacts-who-else", NULL);
  g_assert_nonnull (back);
  g_assert_cmpuint (rapport_question_get_use_count (back), ==, 2);
  g_assert_cmpint (rapport_question_get_position (back), ==, rapport_question_get_position (question));
  g_assert_cmpstr (rapport_question_get_text (back), ==, rapport_question_get_text (question));
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question WHERE text != ''"), ==, 0);
}

/* }}} */

/* TIARA {{{ */

static guint
count_area (GPtrArray    *categories,
            RapportTiara  tiara)
{
  guint n = 0;

  for (guint i = 0; i < categories->len; i++)
    {
      GListModel *questions = rapport_question_category_get_questions (g_ptr_array_index (categories, i));

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);

          n += rapport_question_get_tiara (question) == tiara;
        }
    }
  return n;
}

static void
test_tiara_seeded (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(RapportQuestion) trends = find_question (categories, "industry-trends", NULL);
  g_autoptr(RapportQuestion) assignments = find_question (categories, "tiara-assignments-try", NULL);
  g_autoptr(RapportQuestion) who_else = find_question (categories, "contacts-who-else", NULL);

  /* Every area has at least three questions of its own to choose from. */
  for (RapportTiara tiara = RAPPORT_TIARA_TRENDS; tiara < RAPPORT_N_TIARA; tiara++)
    g_assert_cmpuint (count_area (categories, tiara), >=, 3);
  g_assert_cmpint (rapport_question_get_tiara (trends), ==, RAPPORT_TIARA_TRENDS);
  g_assert_cmpint (rapport_question_get_tiara (assignments), ==, RAPPORT_TIARA_ASSIGNMENTS);
  g_assert_cmpint (rapport_question_get_tiara (who_else), ==, RAPPORT_TIARA_NONE);
  /* The categories stay as they were: the new questions joined them. */
  g_assert_cmpuint (categories->len, ==, 8);
  g_assert_cmpstr (rapport_tiara_get_name (RAPPORT_TIARA_RESOURCES), ==, "Resources");
}

static void
test_tiara_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) categories = list (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) restored_list = NULL;
  g_autoptr(RapportQuestion) question = find_question (categories, "career-start", NULL);
  g_autoptr(RapportQuestion) mine = NULL;
  g_autoptr(RapportQuestion) found = NULL;
  g_autoptr(RapportQuestion) edited = NULL;
  g_autoptr(RapportQuestion) deleted = NULL;
  g_autoptr(RapportQuestion) restored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportQuestionCategory *advice = find_category (categories, "category-advice");
  gint64 id;

  /* Tagging a built-in question keeps its words unstored. */
  rapport_question_set_tiara (question, RAPPORT_TIARA_INSIGHTS);
  save (fixture, question, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question WHERE text != ''"), ==, 0);

  /* One's own question, tagged when written. */
  mine = rapport_question_new (rapport_question_category_get_id (advice), "Which blog should I follow?");
  rapport_question_set_tiara (mine, RAPPORT_TIARA_RESOURCES);
  id = save (fixture, mine, &error);
  g_assert_no_error (error);

  after = list (fixture);
  edited = find_question (after, "career-start", NULL);
  g_assert_cmpint (rapport_question_get_tiara (edited), ==, RAPPORT_TIARA_INSIGHTS);
  found = find_question (after, NULL, "Which blog should I follow?");
  g_assert_cmpint (rapport_question_get_tiara (found), ==, RAPPORT_TIARA_RESOURCES);

  /* Untagging, then deleting and undoing: the area comes back with it. */
  rapport_question_set_tiara (edited, RAPPORT_TIARA_NONE);
  save (fixture, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_sql (fixture, "SELECT tiara FROM question WHERE seed_key = 'career-start'"), ==, 0);

  deleted = delete_question (fixture, id);
  g_assert_cmpint (rapport_question_get_tiara (deleted), ==, RAPPORT_TIARA_RESOURCES);
  rapport_question_store_restore_async (fixture->store, deleted, NULL, store_result_cb, &result);
  g_assert_cmpint (rapport_question_store_restore_finish (fixture->store, wait_for (&result), &error), >, 0);
  g_assert_no_error (error);
  restored_list = list (fixture);
  restored = find_question (restored_list, NULL, "Which blog should I follow?");
  g_assert_cmpint (rapport_question_get_tiara (restored), ==, RAPPORT_TIARA_RESOURCES);

  /* The database refuses an area that does not exist. */
  g_assert_cmpint (count_sql (fixture, "SELECT count (*) FROM question WHERE tiara NOT BETWEEN 0 AND 5"), ==, 0);
}

/* A bank seeded by a release before TIARA gets the areas of its built-in
 * questions on upgrade, the user's own stay untagged, and the new TIARA
 * questions are seeded with theirs. */
static void
test_tiara_upgrade (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = rapport_database_dup_default_path ();
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(RapportQuestion) next_step = NULL;
  g_autoptr(RapportQuestion) typical = NULL;
  g_autoptr(RapportQuestion) mine = NULL;
  g_autoptr(RapportQuestion) added = NULL;
  const char * const *steps;
  guint n_steps, before = 0;
  sqlite3 *conn = NULL;
  char *message = NULL;

  close_store (fixture);
  g_assert_cmpint (g_unlink (path), ==, 0);

  steps = rapport_migrations_get (&n_steps);
  while (before < n_steps && strstr (steps[before], "ADD COLUMN tiara") == NULL)
    before++;
  g_assert_cmpuint (before, <, n_steps);

  g_assert_cmpint (sqlite3_open (path, &conn), ==, SQLITE_OK);
  for (guint i = 0; i < before; i++)
    {
      g_assert_cmpint (sqlite3_exec (conn, steps[i], NULL, NULL, &message), ==, SQLITE_OK);
      g_assert_null (message);
    }
  {
    g_autofree char *bump = g_strdup_printf (
      "PRAGMA application_id = %d; PRAGMA user_version = %u;"
      "INSERT INTO question_seed VALUES ('category-advice'), ('advice-next-step'), "
      "  ('category-daily-work'), ('daily-typical');"
      "INSERT INTO question_category (id, seed_key, position) VALUES (1, 'category-advice', 0), "
      "  (2, 'category-daily-work', 1);"
      "INSERT INTO question (category_id, seed_key, text, position, created_at, updated_at) VALUES "
      "  (1, 'advice-next-step', '', 0, 1, 1), (2, 'daily-typical', 'My words for it', 0, 1, 1), "
      "  (1, NULL, 'A question of my own', 1, 1, 1);",
      0x52505254 /* RAPPORT_DATABASE_APPLICATION_ID */, before);
    g_assert_cmpint (sqlite3_exec (conn, bump, NULL, NULL, &message), ==, SQLITE_OK);
    g_assert_null (message);
  }
  sqlite3_close (conn);

  open_store (fixture);
  categories = list (fixture);
  next_step = find_question (categories, "advice-next-step", NULL);
  typical = find_question (categories, "daily-typical", NULL);
  mine = find_question (categories, NULL, "A question of my own");
  added = find_question (categories, "tiara-advice-skip", NULL);
  g_assert_cmpint (rapport_question_get_tiara (next_step), ==, RAPPORT_TIARA_ADVICE);
  g_assert_cmpint (rapport_question_get_tiara (typical), ==, RAPPORT_TIARA_ASSIGNMENTS);
  g_assert_cmpstr (rapport_question_get_text (typical), ==, "My words for it");
  g_assert_cmpint (rapport_question_get_tiara (mine), ==, RAPPORT_TIARA_NONE);
  g_assert_nonnull (added);
  g_assert_cmpint (rapport_question_get_tiara (added), ==, RAPPORT_TIARA_ADVICE);
}

static RapportTiara
tiara_of_question (gpointer item,
                   gpointer user_data)
{
  return rapport_question_get_tiara (item);
}

static RapportQuestion *
tagged (const char   *text,
        RapportTiara  tiara)
{
  RapportQuestion *question = rapport_question_new (1, text);

  rapport_question_set_tiara (question, tiara);
  return question;
}

static void
test_tiara_order (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *expected[] = { "t", "i1", "i2", "a", "r", "as", "who else", "own" };

  g_ptr_array_add (items, tagged ("who else", RAPPORT_TIARA_NONE));
  g_ptr_array_add (items, tagged ("as", RAPPORT_TIARA_ASSIGNMENTS));
  g_ptr_array_add (items, tagged ("i1", RAPPORT_TIARA_INSIGHTS));
  g_ptr_array_add (items, tagged ("r", RAPPORT_TIARA_RESOURCES));
  g_ptr_array_add (items, tagged ("own", RAPPORT_TIARA_NONE));
  g_ptr_array_add (items, tagged ("a", RAPPORT_TIARA_ADVICE));
  g_ptr_array_add (items, tagged ("i2", RAPPORT_TIARA_INSIGHTS));
  g_ptr_array_add (items, tagged ("t", RAPPORT_TIARA_TRENDS));

  /* T, I, A, R, A; within an area and among the untagged, the order stays. */
  g_assert_true (rapport_tiara_order (items, tiara_of_question, NULL));
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (rapport_question_get_text (items->pdata[i]), ==, expected[i]);

  /* Already in order: nothing to do. */
  g_assert_false (rapport_tiara_order (items, tiara_of_question, NULL));
  g_ptr_array_set_size (items, 1);
  g_assert_false (rapport_tiara_order (items, tiara_of_question, NULL));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/question-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("seed", test_seed);
  ADD ("deleted-seed-stays-deleted", test_deleted_seed_stays_deleted);
  ADD ("new-seed-on-upgrade", test_new_seed_on_upgrade);
  ADD ("edit-star-move", test_edit_star_move);
  ADD ("use-count-and-undo", test_use_count_and_undo);
  ADD ("tiara-seeded", test_tiara_seeded);
  ADD ("tiara-edit", test_tiara_edit);
  ADD ("tiara-upgrade", test_tiara_upgrade);
  g_test_add_func ("/question-store/tiara-order", test_tiara_order);

  return g_test_run ();
}
