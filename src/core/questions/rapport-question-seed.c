/* rapport-question-seed.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-seed"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-sql.h"
#include "rapport-question-seed.h"

/* The question bank a new user starts with, following the areas of an
 * informational interview: the industry, the career, what it takes, the
 * organisation, the work itself, advice, owners, and the names to ask for at
 * the end. Categories come before the questions filed under them; the order
 * here is the order shown. New entries go at the end of their category. */
static const RapportQuestionSeed builtin[] = {
  { "category-industry", NULL, N_("The Industry") },
  { "industry-trends", "category-industry", N_("Which changes do you see coming for this industry in the next few years?") },
  { "industry-growth", "category-industry", N_("Is the field growing, holding steady or shrinking, and what drives that?") },
  { "industry-employers", "category-industry", N_("Who are the main employers, and how do large and small ones differ?") },
  { "industry-hiring", "category-industry", N_("How do organisations in this field usually find new people?") },
  { "industry-learn-more", "category-industry", N_("Where do you keep up with the field: publications, events, groups?") },
  { "industry-misconceptions", "category-industry", N_("What do outsiders most often get wrong about this industry?") },

  { "category-career", NULL, N_("The Career Path") },
  { "career-start", "category-career", N_("How did you get started in this line of work?") },
  { "career-entry", "category-career", N_("How do people usually get into this role today?") },
  { "career-path", "category-career", N_("What did your path look like from your first job to where you are now?") },
  { "career-progression", "category-career", N_("What does moving up look like from here, and how long does it usually take?") },
  { "career-differently", "category-career", N_("If you started over, what would you do differently?") },
  { "career-best-worst", "category-career", N_("What do you enjoy most about your work, and what would you rather do without?") },

  { "category-skills", NULL, N_("Skills, Training and Qualifications") },
  { "skills-essential", "category-skills", N_("Which skills matter most for doing this job well?") },
  { "skills-qualifications", "category-skills", N_("Which qualifications are expected, and which are only nice to have?") },
  { "skills-training", "category-skills", N_("What training or courses would you recommend to someone coming in?") },
  { "skills-experience", "category-skills", N_("What kind of experience makes a candidate stand out?") },
  { "skills-transferable", "category-skills", N_("Which skills from other fields carry over well into this one?") },
  { "skills-current", "category-skills", N_("How do you keep your own knowledge up to date?") },

  { "category-organisation", NULL, N_("The Organisation and Its Culture") },
  { "organisation-culture", "category-organisation", N_("How would you describe the culture here to a friend?") },
  { "organisation-values", "category-organisation", N_("What does the organisation value most in its people?") },
  { "organisation-success", "category-organisation", N_("What sets apart the people who do well here?") },
  { "organisation-teams", "category-organisation", N_("How are the teams organised, and how do they work together?") },
  { "organisation-changes", "category-organisation", N_("What has changed here since you joined?") },
  { "organisation-decisions", "category-organisation", N_("How are decisions made, and who has a say in hiring?") },

  { "category-daily-work", NULL, N_("Day-to-Day Work and Challenges") },
  { "daily-typical", "category-daily-work", N_("What does an ordinary working day or week look like for you?") },
  { "daily-challenges", "category-daily-work", N_("What are the biggest challenges in your role right now?") },
  { "daily-time", "category-daily-work", N_("Where does most of your time go?") },
  { "daily-pressure", "category-daily-work", N_("When does the pressure peak, and how do you deal with it?") },
  { "daily-tools", "category-daily-work", N_("Which tools or methods do you rely on every day?") },
  { "daily-surprise", "category-daily-work", N_("What surprised you most when you started in this role?") },

  { "category-advice", NULL, N_("Advice") },
  { "advice-next-step", "category-advice", N_("Given my background, what would you advise me to do next?") },
  { "advice-profile", "category-advice", N_("What would make my profile stronger for this kind of work?") },
  { "advice-mistakes", "category-advice", N_("Which mistakes should I avoid when trying to get into this field?") },
  { "advice-first-step", "category-advice", N_("If you were in my position, what would your first step be?") },
  { "advice-wish-known", "category-advice", N_("What do you wish someone had told you at the start?") },
  { "advice-resources", "category-advice", N_("Is there a book, course or community you would point me to?") },

  { "category-business-owners", NULL, N_("For Business Owners") },
  { "business-why", "category-business-owners", N_("What made you decide to start your own business?") },
  { "business-clients", "category-business-owners", N_("How do you find new clients or customers?") },
  { "business-love-hate", "category-business-owners", N_("What do you love about running a business, and what do you find hardest?") },
  { "business-early-years", "category-business-owners", N_("What were the first years like, and what kept you going?") },
  { "business-hiring", "category-business-owners", N_("When you take people on, what do you look for?") },
  { "business-competition", "category-business-owners", N_("How do you set yourself apart from others in your market?") },

  { "category-contacts", NULL, N_("Asking for More Contacts") },
  { "contacts-who-else", "category-contacts", N_("Who else would you suggest I talk to?") },
  { "contacts-use-name", "category-contacts", N_("May I mention your name when I get in touch with them?") },
  { "contacts-groups", "category-contacts", N_("Are there associations, groups or events where I could meet people in this field?") },
  { "contacts-organisations", "category-contacts", N_("Which other organisations should I find out about?") },
  { "contacts-keep-in-touch", "category-contacts", N_("Would it be all right if I kept in touch with you?") },
  { "contacts-in-return", "category-contacts", N_("Is there anything I could send you or help you with in return?") },
};

/**
 * rapport_question_seed_get_builtin:
 *
 * Returns: (transfer none): the categories and questions Rapport ships
 */
const RapportQuestionSeed *
rapport_question_seed_get_builtin (guint *n_seeds)
{
  g_return_val_if_fail (n_seeds != NULL, NULL);

  *n_seeds = G_N_ELEMENTS (builtin);
  return builtin;
}

/**
 * rapport_question_seed_translate:
 *
 * Returns: (nullable): the built-in text for @key in the current language,
 *   or %NULL for a key this version does not know
 */
const char *
rapport_question_seed_translate (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  /* A linear search: there are a few dozen, looked up once per listing. */
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      if (g_str_equal (builtin[i].key, key))
        return _(builtin[i].text);
    }
  return NULL;
}

static gboolean
insert_seed (RapportDatabase            *db,
             const RapportQuestionSeed  *seed,
             GError                    **error)
{
  sqlite3 *conn = rapport_database_get_connection (db);
  sqlite3_stmt *stmt;
  gint64 category_id = 0;
  int rc;

  stmt = rapport_database_prepare (db, "INSERT OR IGNORE INTO question_seed (seed_key) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, seed->key);
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (conn) == 0)
    return TRUE;   /* seeded before, maybe deleted since: leave it be */

  if (seed->category_key == NULL)
    {
      stmt = rapport_database_prepare (db,
        "INSERT INTO question_category (seed_key, position) "
        "SELECT ?1, coalesce (max (position) + 1, 0) FROM question_category", error);
      if (stmt == NULL)
        return FALSE;
      rapport_sql_bind_text (stmt, 1, seed->key);
      return rapport_sql_step_done (db, stmt, error);
    }

  stmt = rapport_database_prepare (db, "SELECT id FROM question_category WHERE seed_key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, seed->category_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    category_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "seed category", error);

  /* A category cannot be deleted today; if a later version allows it, a new
   * question for a deleted category is not forced back on the user. */
  if (category_id == 0)
    return TRUE;

  stmt = rapport_database_prepare (db,
    "INSERT INTO question (category_id, seed_key, position, created_at, updated_at) "
    "SELECT ?1, ?2, coalesce (max (position) + 1, 0), ?3, ?3 FROM question WHERE category_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  rapport_sql_bind_text (stmt, 2, seed->key);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error);
}

/**
 * rapport_question_seed_apply:
 * @seeds: categories and questions, each category before its questions
 *
 * On the database thread: adds every seed whose key was never seeded into
 * this database. A key seeded once is remembered for good, so a built-in
 * question the user deleted stays deleted, while one added in a later
 * release appears on upgrade. Cheap when there is nothing to add: it only
 * writes (and so only syncs the disk) when a key is new.
 *
 * Returns: how many keys were new, or -1 with @error set
 */
int
rapport_question_seed_apply (RapportDatabase            *db,
                             const RapportQuestionSeed  *seeds,
                             guint                       n_seeds,
                             GError                    **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (db), -1);
  g_return_val_if_fail (seeds != NULL || n_seeds == 0, -1);

  stmt = rapport_database_prepare (db, "SELECT seed_key FROM question_seed", error);
  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (known, g_strdup (rapport_sql_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "read seeds", error);
      return -1;
    }

  for (guint i = 0; i < n_seeds; i++)
    {
      if (!g_hash_table_contains (known, seeds[i].key))
        g_ptr_array_add (missing, (gpointer) &seeds[i]);
    }
  if (missing->len == 0)
    return 0;

  if (!rapport_sql_begin (db, error))
    return -1;
  for (guint i = 0; ok && i < missing->len; i++)
    ok = insert_seed (db, g_ptr_array_index (missing, i), error);
  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return -1;

  g_debug ("Seeded %u new question bank entries", missing->len);
  return (int) missing->len;
}
