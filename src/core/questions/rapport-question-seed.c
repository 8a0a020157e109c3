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
 * here is the order shown. New entries go at the end of their category.
 * Each question carries its TIARA area where it has one; the tiara-* keys
 * were added so that every area has several. */
static const RapportQuestionSeed builtin[] = {
  { "category-industry", NULL, N_("The Industry"), RAPPORT_TIARA_NONE },
  { "industry-trends", "category-industry", N_("Which changes do you see coming for this industry in the next few years?"), RAPPORT_TIARA_TRENDS },
  { "industry-growth", "category-industry", N_("Is the field growing, holding steady or shrinking, and what drives that?"), RAPPORT_TIARA_TRENDS },
  { "industry-employers", "category-industry", N_("Who are the main employers, and how do large and small ones differ?"), RAPPORT_TIARA_NONE },
  { "industry-hiring", "category-industry", N_("How do organisations in this field usually find new people?"), RAPPORT_TIARA_NONE },
  { "industry-learn-more", "category-industry", N_("Where do you keep up with the field: publications, events, groups?"), RAPPORT_TIARA_RESOURCES },
  { "industry-misconceptions", "category-industry", N_("What do outsiders most often get wrong about this industry?"), RAPPORT_TIARA_NONE },
  { "tiara-trends-own-work", "category-industry", N_("Which change in the field is reshaping your own work the most right now?"), RAPPORT_TIARA_TRENDS },
  { "tiara-trends-watch", "category-industry", N_("Which developments should a newcomer to this field keep an eye on?"), RAPPORT_TIARA_TRENDS },
  { "tiara-trends-five-years", "category-industry", N_("How do you expect a role like yours to look different in five years?"), RAPPORT_TIARA_TRENDS },

  { "category-career", NULL, N_("The Career Path"), RAPPORT_TIARA_NONE },
  { "career-start", "category-career", N_("How did you get started in this line of work?"), RAPPORT_TIARA_NONE },
  { "career-entry", "category-career", N_("How do people usually get into this role today?"), RAPPORT_TIARA_NONE },
  { "career-path", "category-career", N_("What did your path look like from your first job to where you are now?"), RAPPORT_TIARA_NONE },
  { "career-progression", "category-career", N_("What does moving up look like from here, and how long does it usually take?"), RAPPORT_TIARA_NONE },
  { "career-differently", "category-career", N_("If you started over, what would you do differently?"), RAPPORT_TIARA_INSIGHTS },
  { "career-best-worst", "category-career", N_("What do you enjoy most about your work, and what would you rather do without?"), RAPPORT_TIARA_INSIGHTS },
  { "tiara-insights-learned", "category-career", N_("What do you know about this work now that only doing it could have taught you?"), RAPPORT_TIARA_INSIGHTS },
  { "tiara-insights-proud", "category-career", N_("Which piece of work are you proudest of, and what made it succeed?"), RAPPORT_TIARA_INSIGHTS },
  { "tiara-insights-first-year", "category-career", N_("What was the hardest lesson of your first year in this role?"), RAPPORT_TIARA_INSIGHTS },

  { "category-skills", NULL, N_("Skills, Training and Qualifications"), RAPPORT_TIARA_NONE },
  { "skills-essential", "category-skills", N_("Which skills matter most for doing this job well?"), RAPPORT_TIARA_NONE },
  { "skills-qualifications", "category-skills", N_("Which qualifications are expected, and which are only nice to have?"), RAPPORT_TIARA_NONE },
  { "skills-training", "category-skills", N_("What training or courses would you recommend to someone coming in?"), RAPPORT_TIARA_RESOURCES },
  { "skills-experience", "category-skills", N_("What kind of experience makes a candidate stand out?"), RAPPORT_TIARA_NONE },
  { "skills-transferable", "category-skills", N_("Which skills from other fields carry over well into this one?"), RAPPORT_TIARA_NONE },
  { "skills-current", "category-skills", N_("How do you keep your own knowledge up to date?"), RAPPORT_TIARA_NONE },

  { "category-organisation", NULL, N_("The Organisation and Its Culture"), RAPPORT_TIARA_NONE },
  { "organisation-culture", "category-organisation", N_("How would you describe the culture here to a friend?"), RAPPORT_TIARA_NONE },
  { "organisation-values", "category-organisation", N_("What does the organisation value most in its people?"), RAPPORT_TIARA_NONE },
  { "organisation-success", "category-organisation", N_("What sets apart the people who do well here?"), RAPPORT_TIARA_INSIGHTS },
  { "organisation-teams", "category-organisation", N_("How are the teams organised, and how do they work together?"), RAPPORT_TIARA_NONE },
  { "organisation-changes", "category-organisation", N_("What has changed here since you joined?"), RAPPORT_TIARA_NONE },
  { "organisation-decisions", "category-organisation", N_("How are decisions made, and who has a say in hiring?"), RAPPORT_TIARA_NONE },

  { "category-daily-work", NULL, N_("Day-to-Day Work and Challenges"), RAPPORT_TIARA_NONE },
  { "daily-typical", "category-daily-work", N_("What does an ordinary working day or week look like for you?"), RAPPORT_TIARA_ASSIGNMENTS },
  { "daily-challenges", "category-daily-work", N_("What are the biggest challenges in your role right now?"), RAPPORT_TIARA_INSIGHTS },
  { "daily-time", "category-daily-work", N_("Where does most of your time go?"), RAPPORT_TIARA_NONE },
  { "daily-pressure", "category-daily-work", N_("When does the pressure peak, and how do you deal with it?"), RAPPORT_TIARA_NONE },
  { "daily-tools", "category-daily-work", N_("Which tools or methods do you rely on every day?"), RAPPORT_TIARA_NONE },
  { "daily-surprise", "category-daily-work", N_("What surprised you most when you started in this role?"), RAPPORT_TIARA_INSIGHTS },
  { "tiara-assignments-first-projects", "category-daily-work", N_("What kind of projects is someone new in this role usually given first?"), RAPPORT_TIARA_ASSIGNMENTS },
  { "tiara-assignments-first-year", "category-daily-work", N_("What would a newcomer need to deliver in the first year to be seen as doing well?"), RAPPORT_TIARA_ASSIGNMENTS },
  { "tiara-assignments-try", "category-daily-work", N_("Is there a small project I could take on myself to get a feel for this work?"), RAPPORT_TIARA_ASSIGNMENTS },

  { "category-advice", NULL, N_("Advice"), RAPPORT_TIARA_NONE },
  { "advice-next-step", "category-advice", N_("Given my background, what would you advise me to do next?"), RAPPORT_TIARA_ADVICE },
  { "advice-profile", "category-advice", N_("What would make my profile stronger for this kind of work?"), RAPPORT_TIARA_ADVICE },
  { "advice-mistakes", "category-advice", N_("Which mistakes should I avoid when trying to get into this field?"), RAPPORT_TIARA_ADVICE },
  { "advice-first-step", "category-advice", N_("If you were in my position, what would your first step be?"), RAPPORT_TIARA_ADVICE },
  { "advice-wish-known", "category-advice", N_("What do you wish someone had told you at the start?"), RAPPORT_TIARA_ADVICE },
  { "advice-resources", "category-advice", N_("Is there a book, course or community you would point me to?"), RAPPORT_TIARA_RESOURCES },
  { "tiara-advice-three-months", "category-advice", N_("If you were preparing to move into this field, how would you spend the next three months?"), RAPPORT_TIARA_ADVICE },
  { "tiara-advice-background", "category-advice", N_("How could someone with a background like mine best show that it fits this field?"), RAPPORT_TIARA_ADVICE },
  { "tiara-advice-skip", "category-advice", N_("Is there a step people often take that you would advise me to skip?"), RAPPORT_TIARA_ADVICE },
  { "tiara-resources-read", "category-advice", N_("Which newsletters, podcasts or books do people in your field really read?"), RAPPORT_TIARA_RESOURCES },
  { "tiara-resources-learn", "category-advice", N_("Where would you learn the skills this work needs if you were starting today?"), RAPPORT_TIARA_RESOURCES },
  { "tiara-resources-communities", "category-advice", N_("Which events or online communities are worth a newcomer’s time?"), RAPPORT_TIARA_RESOURCES },

  { "category-business-owners", NULL, N_("For Business Owners"), RAPPORT_TIARA_NONE },
  { "business-why", "category-business-owners", N_("What made you decide to start your own business?"), RAPPORT_TIARA_NONE },
  { "business-clients", "category-business-owners", N_("How do you find new clients or customers?"), RAPPORT_TIARA_NONE },
  { "business-love-hate", "category-business-owners", N_("What do you love about running a business, and what do you find hardest?"), RAPPORT_TIARA_NONE },
  { "business-early-years", "category-business-owners", N_("What were the first years like, and what kept you going?"), RAPPORT_TIARA_NONE },
  { "business-hiring", "category-business-owners", N_("When you take people on, what do you look for?"), RAPPORT_TIARA_NONE },
  { "business-competition", "category-business-owners", N_("How do you set yourself apart from others in your market?"), RAPPORT_TIARA_NONE },

  { "category-contacts", NULL, N_("Asking for More Contacts"), RAPPORT_TIARA_NONE },
  { "contacts-who-else", "category-contacts", N_("Who else would you suggest I talk to?"), RAPPORT_TIARA_NONE },
  { "contacts-use-name", "category-contacts", N_("May I mention your name when I get in touch with them?"), RAPPORT_TIARA_NONE },
  { "contacts-groups", "category-contacts", N_("Are there associations, groups or events where I could meet people in this field?"), RAPPORT_TIARA_RESOURCES },
  { "contacts-organisations", "category-contacts", N_("Which other organisations should I find out about?"), RAPPORT_TIARA_NONE },
  { "contacts-keep-in-touch", "category-contacts", N_("Would it be all right if I kept in touch with you?"), RAPPORT_TIARA_NONE },
  { "contacts-in-return", "category-contacts", N_("Is there anything I could send you or help you with in return?"), RAPPORT_TIARA_NONE },
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
    "INSERT INTO question (category_id, seed_key, position, created_at, updated_at, tiara) "
    "SELECT ?1, ?2, coalesce (max (position) + 1, 0), ?3, ?3, ?4 FROM question WHERE category_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, category_id);
  rapport_sql_bind_text (stmt, 2, seed->key);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  sqlite3_bind_int (stmt, 4, seed->tiara);
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
