/* bench-contacts.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contacts feature at 100,000 contacts: how long inserting them takes,
 * how big the file gets, how long the list takes to show its first page, and
 * how long the list takes to hold the results of each keystroke of a search.
 * The contacts are generated (fixed seed) into a temporary folder.
 *
 *   bench-contacts                       runs the benchmark
 *   bench-contacts --generate-only PATH  only writes the database to PATH
 *                                        (for tests/bench/startup-100k.py)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "rapport-contact-list.h"
#include "rapport-contact-sql.h"
#include "rapport-contact-store.h"
#include "rapport-database.h"
#include "rapport-reminder-sql.h"

#define N_CONTACTS       100000
#define BATCH_SIZE       10000
#define N_ORGANISATIONS  2000
#define FIRST_PAGE       50
#define VISIBLE_ROWS     20

/* Names {{{ */

/* Each with the ASCII form its owner would use in an email address. */
typedef struct
{
  const char *name;
  const char *ascii;
} Name;

static const Name given_names[] = {
  { "Anna", "anna" }, { "Zoë", "zoe" }, { "Amélie", "amelie" }, { "Jürgen", "juergen" },
  { "Priya", "priya" }, { "Kwame", "kwame" }, { "Chiamaka", "chiamaka" }, { "Søren", "soren" },
  { "María", "maria" }, { "Lei", "lei" }, { "伟", "wei" }, { "Yuki", "yuki" },
  { "Oliver", "oliver" }, { "Emma", "emma" }, { "Noah", "noah" }, { "Olivia", "olivia" },
  { "Liam", "liam" }, { "Sophia", "sophia" }, { "Lucas", "lucas" }, { "Mia", "mia" },
  { "Mateo", "mateo" }, { "Isabella", "isabella" }, { "Ahmed", "ahmed" }, { "Fatima", "fatima" },
  { "Björn", "bjorn" }, { "Ingrid", "ingrid" }, { "Łukasz", "lukasz" }, { "Zofia", "zofia" },
  { "Dmitri", "dmitri" }, { "Olga", "olga" }, { "Rahul", "rahul" }, { "Ananya", "ananya" },
  { "Thomas", "thomas" }, { "Claire", "claire" }, { "François", "francois" }, { "Chloé", "chloe" },
  { "Giulia", "giulia" }, { "Marco", "marco" }, { "Seo-yeon", "seoyeon" }, { "Min-jun", "minjun" },
  { "Aisha", "aisha" }, { "Omar", "omar" }, { "Hana", "hana" }, { "Kenji", "kenji" },
  { "Nia", "nia" }, { "Tomás", "tomas" }, { "Siobhán", "siobhan" }, { "Eoin", "eoin" },
  { "Ada", "ada" }, { "Grace", "grace" }, { "Alan", "alan" }, { "Margaret", "margaret" },
  { "Jean", "jean" }, { "Ravi", "ravi" }, { "Elena", "elena" }, { "Pablo", "pablo" },
  { "Sanna", "sanna" }, { "Mikko", "mikko" }, { "Ayşe", "ayse" }, { "Emre", "emre" },
};

static const Name family_names[] = {
  { "Beck", "beck" }, { "Becker", "becker" }, { "Ødegård", "odegard" }, { "Durand", "durand" },
  { "Müller", "mueller" }, { "Raman", "raman" }, { "Mensah", "mensah" }, { "Okafor", "okafor" },
  { "García", "garcia" }, { "李", "li" }, { "王", "wang" }, { "Tanaka", "tanaka" },
  { "Smith", "smith" }, { "Johnson", "johnson" }, { "Williams", "williams" }, { "Brown", "brown" },
  { "Jones", "jones" }, { "Miller", "miller" }, { "Davis", "davis" }, { "Martínez", "martinez" },
  { "Hernández", "hernandez" }, { "López", "lopez" }, { "Wilson", "wilson" }, { "Anderson", "anderson" },
  { "Taylor", "taylor" }, { "Moore", "moore" }, { "Jackson", "jackson" }, { "Martin", "martin" },
  { "Lee", "lee" }, { "Thompson", "thompson" }, { "Nguyễn", "nguyen" }, { "Kowalski", "kowalski" },
  { "Nowak", "nowak" }, { "Ivanova", "ivanova" }, { "Petrov", "petrov" }, { "Sharma", "sharma" },
  { "Patel", "patel" }, { "Dubois", "dubois" }, { "Lefèvre", "lefevre" }, { "Rossi", "rossi" },
  { "Bianchi", "bianchi" }, { "Kim", "kim" }, { "Park", "park" }, { "Haddad", "haddad" },
  { "Yılmaz", "yilmaz" }, { "Kaya", "kaya" }, { "Virtanen", "virtanen" }, { "Korhonen", "korhonen" },
  { "Andersson", "andersson" }, { "Johansson", "johansson" }, { "Hansen", "hansen" }, { "Jensen", "jensen" },
  { "O'Brien", "obrien" }, { "Murphy", "murphy" }, { "Schmidt", "schmidt" }, { "Schneider", "schneider" },
  { "Fischer", "fischer" }, { "Weber", "weber" }, { "Lovelace", "lovelace" }, { "Hopper", "hopper" },
};

/* Stems × kinds: 50 × 40 = 2,000 organisations, "Globex Labs" and so on. */
static const Name organisation_stems[] = {
  { "Globex", "globex" }, { "Initech", "initech" }, { "Umbrella", "umbrella" }, { "Hooli", "hooli" },
  { "Nordlys", "nordlys" }, { "Lumière", "lumiere" }, { "Bäckerei Müller", "baeckerei-mueller" },
  { "Acme", "acme" }, { "腾讯", "tencent" }, { "Stark", "stark" }, { "Wayne", "wayne" },
  { "Cyberdyne", "cyberdyne" }, { "Soylent", "soylent" }, { "Tyrell", "tyrell" }, { "Wonka", "wonka" },
  { "Aperture", "aperture" }, { "Black Mesa", "blackmesa" }, { "Vandelay", "vandelay" },
  { "Pied Piper", "piedpiper" }, { "Massive Dynamic", "massivedynamic" }, { "Oscorp", "oscorp" },
  { "Gringotts", "gringotts" }, { "Monsters", "monsters" }, { "Dunder Mifflin", "dundermifflin" },
  { "Sterling Cooper", "sterlingcooper" }, { "Prestige", "prestige" }, { "Kraków Data", "krakowdata" },
  { "Zürich Analytics", "zurichanalytics" }, { "Ørsted Grid", "orstedgrid" }, { "São Paulo Fintech", "spfintech" },
  { "Blue Harbor", "blueharbor" }, { "Red Kite", "redkite" }, { "Green Valley", "greenvalley" },
  { "Silver Lake", "silverlake" }, { "Northwind", "northwind" }, { "Contoso", "contoso" },
  { "Fabrikam", "fabrikam" }, { "Tailspin", "tailspin" }, { "Adventure Works", "adventureworks" },
  { "Litware", "litware" }, { "Proseware", "proseware" }, { "Wingtip", "wingtip" },
  { "Fourth Coffee", "fourthcoffee" }, { "Alpine Ski", "alpineski" }, { "Coho", "coho" },
  { "Lucerne", "lucerne" }, { "Margie", "margie" }, { "Trey Research", "treyresearch" },
  { "Woodgrove", "woodgrove" }, { "Humongous", "humongous" },
};

static const char * const organisation_kinds[] = {
  "Labs", "GmbH", "AS", "Inc.", "Consulting", "Health", "Bank", "Energy", "Robotics", "Media",
  "Logistics", "Foods", "Software", "Systems", "Analytics", "Capital", "Ventures", "Studios", "Design", "Security",
  "Cloud", "Biotech", "Pharma", "Insurance", "Telecom", "Retail", "Motors", "Aerospace", "Games", "Education",
  "Research", "Partners", "Group", "Holdings", "Networks", "Solutions", "Digital", "Mobility", "Foundation", "Institute",
};

static const char * const roles[] = {
  "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
  "Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher",
  "Data Scientist", "Data Engineer", "Machine Learning Engineer", "Site Reliability Engineer",
  "Recruiter", "Technical Recruiter", "Head of Talent", "CTO", "CEO", "Founder", "VP Engineering",
  "Marketing Lead", "Sales Director", "Account Executive", "Solutions Architect", "Consultant",
  "Research Scientist", "Professor", "PhD Student", "Analyst", "Operations Manager", "Developer Advocate",
};

static const char * const tags[] = {
  "mentor", "alumni", "hiring", "conference", "referral", "fintech", "climate", "design",
  "research", "remote", "berlin", "oslo", "follow-up", "warm", "cold", "recruiter",
};

static const char * const locations[] = {
  "Berlin", "Oslo", "München", "Zürich", "Paris", "London", "New York", "San Francisco",
  "Toronto", "São Paulo", "Lagos", "Nairobi", "Bengaluru", "Shanghai", "Tokyo", "Seoul",
  "Kraków", "Helsinki", "Stockholm", "Madrid", "Remote", "",
};

static const char * const sources[] = {
  "LinkedIn", "Conference", "Referral", "Alumni network", "Meetup", "Cold email", "Twitter", "",
};

static const char * const summaries[] = {
  "Coffee chat about the data platform team",
  "Sent a thank-you note after the interview",
  "Call about open roles in the design group",
  "Introduced me to their hiring manager",
  "Meeting at the conference booth",
  "Follow-up email with my portfolio",
  "Voicemail about rescheduling",
  "Lunch near the office, talked about career paths",
};

static const RapportInteractionKind summary_kinds[] = {
  RAPPORT_INTERACTION_MEETING,
  RAPPORT_INTERACTION_THANK_YOU_SENT,
  RAPPORT_INTERACTION_CALL,
  RAPPORT_INTERACTION_REFERRAL_RECEIVED,
  RAPPORT_INTERACTION_MEETING,
  RAPPORT_INTERACTION_EMAIL_SENT,
  RAPPORT_INTERACTION_VOICEMAIL,
  RAPPORT_INTERACTION_NOTE,
};

G_STATIC_ASSERT (G_N_ELEMENTS (organisation_stems) * G_N_ELEMENTS (organisation_kinds) == N_ORGANISATIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (summaries) == G_N_ELEMENTS (summary_kinds));

/* What a user types, one keystroke at a time: organisation names, family
 * names, an email address, names with letters beyond ASCII (typed both ways),
 * a role, a word from a timeline entry, and two words at once. */
static const char * const searches[] = {
  "Globex",
  "Glo",
  "Beck",
  "Ødegård",
  "odegard",
  "李",
  "Zoë Müller",
  "anna.beck@globex",
  "Initech Labs",
  "product manager",
  "portfolio",
  "Nguyễn",
  "Siobhán",
  "recruiter berlin",
};

/* }}} */
/* Helpers {{{ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank, on a sorted array. */
static double
percentile (const GArray *sorted,
            double        p)
{
  guint rank;

  g_assert (sorted->len > 0);

  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static RapportDatabase *
open_database (const char *path)
{
  g_autoptr(RapportDatabase) db = rapport_database_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_reminder_rules_attach (db);
  rapport_database_open_async (db, NULL, store_result_cb, &result);
  g_assert_true (rapport_database_open_finish (db, wait_for (&result), &error));
  g_assert_no_error (error);

  return g_steal_pointer (&db);
}

static gpointer
count_contacts_func (RapportDatabase  *db,
                     gpointer          data,
                     GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 *counts;
  int rc;

  stmt = rapport_database_prepare (db, "SELECT count(*), coalesce (max (id), 0) FROM contact", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  counts = g_new (gint64, 2);
  counts[0] = sqlite3_column_int64 (stmt, 0);
  counts[1] = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return counts;
}

/* Checks that the ids are 1…count, which the referrals rely on. */
static void
assert_dense_ids (RapportDatabase *db,
                  gint64           expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *counts = rapport_database_run_sync (db, count_contacts_func, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (counts[0], ==, expected);
  g_assert_cmpint (counts[1], ==, expected);
}

/* }}} */
/* Generating {{{ */

/* Contact @index (from 0) gets id @index + 1 in a fresh database: a referrer
 * is always a contact inserted before, in this batch or an earlier one. */
static RapportContact *
generate_contact (GRand *rand,
                  guint  index)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  const Name *given = &given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))];
  const Name *family = &family_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (family_names))];
  double skew = g_rand_double (rand);
  /* Squaring makes a few organisations large and most of them small. */
  guint org = (guint) (skew * skew * N_ORGANISATIONS);
  const Name *stem = &organisation_stems[org % G_N_ELEMENTS (organisation_stems)];
  const char *kind = organisation_kinds[org / G_N_ELEMENTS (organisation_stems)];
  g_autofree char *display_name = NULL;
  g_autofree char *organisation = g_strdup_printf ("%s %s", stem->name, kind);
  g_autofree char *email = NULL;
  g_autofree char *profile = NULL;
  const char *contact_tags[4] = { NULL, };
  const char *emails[2] = { NULL, };
  const char *phones[2] = { NULL, };
  g_autofree char *phone = NULL;
  guint n_tags;

  /* Chinese names are written family name first. */
  if ((guchar) family->name[0] >= 0xe0 && (guchar) given->name[0] >= 0xe0)
    display_name = g_strdup_printf ("%s%s", family->name, given->name);
  else
    display_name = g_strdup_printf ("%s %s", given->name, family->name);

  email = g_strdup_printf ("%s.%s@%s.example", given->ascii, family->ascii, stem->ascii);
  emails[0] = email;
  profile = g_strdup_printf ("https://www.linkedin.com/in/%s-%s-%u", given->ascii, family->ascii, index);

  n_tags = g_rand_int_range (rand, 0, 4);
  for (guint i = 0; i < n_tags; i++)
    contact_tags[i] = tags[g_rand_int_range (rand, 0, G_N_ELEMENTS (tags))];

  if (g_rand_int_range (rand, 0, 3) == 0)
    {
      phone = g_strdup_printf ("+49 30 %07u", g_rand_int_range (rand, 0, 10000000));
      phones[0] = phone;
    }

  rapport_contact_set_display_name (contact, display_name);
  rapport_contact_set_given_name (contact, given->name);
  rapport_contact_set_family_name (contact, family->name);
  rapport_contact_set_organisation (contact, organisation);
  rapport_contact_set_role (contact, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))]);
  rapport_contact_set_emails (contact, emails);
  rapport_contact_set_phones (contact, phones);
  rapport_contact_set_tags (contact, contact_tags);
  rapport_contact_set_profile_url (contact, profile);
  rapport_contact_set_location (contact, locations[g_rand_int_range (rand, 0, G_N_ELEMENTS (locations))]);
  rapport_contact_set_source (contact, sources[g_rand_int_range (rand, 0, G_N_ELEMENTS (sources))]);
  if (g_rand_int_range (rand, 0, 4) == 0)
    rapport_contact_set_notes (contact, "Met at a meetup; interested in mentoring and design systems.");
  rapport_contact_set_stage (contact, g_rand_int_range (rand, 0, RAPPORT_N_STAGES));

  if (index > 0 && g_rand_int_range (rand, 0, 5) == 0)
    rapport_contact_set_referred_by_id (contact, g_rand_int_range (rand, 1, index + 1));

  return g_steal_pointer (&contact);
}

typedef struct
{
  GRand *rand;
  guint  n_contacts;
  guint  n_entries;
} TimelineJob;

/* One transaction for every entry, through the store's own SQL: the same
 * insert and search reindex that rapport_contact_store_save_interaction_async()
 * runs, without one commit (and one fsync) per entry. */
static gpointer
add_timeline_func (RapportDatabase  *db,
                   gpointer          data,
                   GError          **error)
{
  TimelineJob *job = data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok;

  ok = rapport_sql_begin (db, error);
  if (!ok)
    return NULL;

  for (guint id = 1; ok && id <= job->n_contacts; id++)
    {
      guint which;

      if (g_rand_int_range (job->rand, 0, 10) >= 3)
        continue;

      which = g_rand_int_range (job->rand, 0, G_N_ELEMENTS (summaries));
      ok = rapport_contact_sql_add_interaction (db, id, summary_kinds[which],
                                                now - g_rand_int_range (job->rand, 0, 2 * 365 * 24 * 3600),
                                                summaries[which], "Notes written right after.", NULL, error) &&
           rapport_contact_sql_reindex (db, id, error);
      job->n_entries++;
    }

  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Fills a fresh database; returns the milliseconds spent inserting contacts
 * (not generating them), and the timeline's in @timeline_ms. */
static double
populate (RapportDatabase *db,
          double          *timeline_ms,
          guint           *n_entries)
{
  g_autoptr(RapportContactStore) store = rapport_contact_store_new (db);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(GError) error = NULL;
  TimelineJob timeline = { rand, N_CONTACTS, 0 };
  double insert_ms = 0;
  gint64 start;

  assert_dense_ids (db, 0);

  for (guint first = 0; first < N_CONTACTS; first += BATCH_SIZE)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GAsyncResult) result = NULL;

      for (guint i = first; i < first + BATCH_SIZE; i++)
        g_ptr_array_add (batch, generate_contact (rand, i));

      start = g_get_monotonic_time ();
      rapport_contact_store_insert_many_async (store, batch, NULL, store_result_cb, &result);
      g_assert_true (rapport_contact_store_insert_many_finish (store, wait_for (&result), &error));
      g_assert_no_error (error);
      insert_ms += ms_since (start);
    }

  assert_dense_ids (db, N_CONTACTS);

  start = g_get_monotonic_time ();
  g_assert_nonnull (rapport_database_run_sync (db, add_timeline_func, &timeline, &error));
  g_assert_no_error (error);
  *timeline_ms = ms_since (start);
  *n_entries = timeline.n_entries;

  return insert_ms;
}

/* }}} */
/* Measuring {{{ */

typedef struct
{
  guint  n_updates;
  gint64 updated_us;
} Updates;

static void
updated_cb (RapportContactList *list,
            Updates            *updates)
{
  updates->n_updates++;
  updates->updated_us = g_get_monotonic_time ();
}

/* Sets @text and waits for the list to hold its results; returns the time
 * from the call to "updated" in ms. */
static double
run_query (RapportContactList *list,
           Updates            *updates,
           const char         *text)
{
  g_autoptr(RapportContactQuery) query = rapport_contact_query_new ();
  guint before = updates->n_updates;
  gint64 start;

  query->text = g_strdup (text);
  query->sort = RAPPORT_CONTACT_SORT_NAME;

  start = g_get_monotonic_time ();
  rapport_contact_list_set_query (list, query);
  while (updates->n_updates == before)
    g_main_context_iteration (NULL, TRUE);

  return (updates->updated_us - start) / 1000.0;
}

/* Asks for the first @n rows, as a list view showing them would, and waits
 * until they are all filled in. */
static void
load_rows (RapportContactList *list,
           guint               n)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean all_loaded = FALSE;

  n = MIN (n, g_list_model_get_n_items (G_LIST_MODEL (list)));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (list), i));

  while (!all_loaded)
    {
      all_loaded = TRUE;
      for (guint i = 0; all_loaded && i < rows->len; i++)
        all_loaded = rapport_contact_get_loaded (g_ptr_array_index (rows, i));
      if (!all_loaded)
        g_main_context_iteration (NULL, TRUE);
    }
}

static double
measure_first_page (RapportContactList *list,
                    Updates            *updates)
{
  gint64 start = g_get_monotonic_time ();

  run_query (list, updates, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONTACTS);
  load_rows (list, FIRST_PAGE);

  return ms_since (start);
}

static void
measure_search (RapportContactList *list,
                Updates            *updates)
{
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) with_rows = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clears = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *slowest = NULL;
  double worst = 0;

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autoptr(GString) times = g_string_new (NULL);
      guint n_matches = 0;
      double clear_ms;

      for (const char *end = g_utf8_next_char (searches[s]); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (searches[s], end - searches[s]);
          gint64 start = g_get_monotonic_time ();
          double ms = run_query (list, updates, typed);

          g_array_append_val (keystrokes, ms);
          load_rows (list, VISIBLE_ROWS);
          ms = ms_since (start);
          g_array_append_val (with_rows, ms);
          n_matches = g_list_model_get_n_items (G_LIST_MODEL (list));
          g_string_append_printf (times, " %.0f", g_array_index (keystrokes, double, keystrokes->len - 1));

          if (g_array_index (keystrokes, double, keystrokes->len - 1) > worst)
            {
              worst = g_array_index (keystrokes, double, keystrokes->len - 1);
              g_free (slowest);
              slowest = g_strdup_printf ("\"%s\" (%u matches)", typed, n_matches);
            }

          if (*end == '\0')
            break;
        }

      g_printerr ("search \"%s\": %u matches; ms per keystroke:%s\n", searches[s], n_matches, times->str);
      g_assert_cmpuint (n_matches, >, 0);

      /* The user clears the search field: the whole list comes back. */
      clear_ms = run_query (list, updates, "");
      g_array_append_val (clears, clear_ms);
      load_rows (list, VISIBLE_ROWS);
    }

  g_assert_cmpuint (keystrokes->len, >=, 100);

  g_array_sort (keystrokes, compare_doubles);
  g_array_sort (with_rows, compare_doubles);
  g_array_sort (clears, compare_doubles);

  g_printerr ("%u keystrokes; slowest %.1f ms for %s\n", keystrokes->len, worst, slowest);
  g_print ("BENCH search_keystroke_p50_ms_100k %.1f ms\n", percentile (keystrokes, 50));
  g_print ("BENCH search_keystroke_p95_ms_100k %.1f ms\n", percentile (keystrokes, 95));
  g_print ("BENCH search_keystroke_max_ms_100k %.1f ms\n", percentile (keystrokes, 100));
  g_print ("BENCH search_keystroke_rows_p95_ms_100k %.1f ms\n", percentile (with_rows, 95));
  g_print ("BENCH search_clear_p50_ms_100k %.1f ms\n", percentile (clears, 50));
}

static gpointer
quick_check_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "PRAGMA quick_check", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);

  return GINT_TO_POINTER (TRUE);
}

static double
file_size_mb (const char *path)
{
  GStatBuf buf;

  if (g_stat (path, &buf) != 0)
    return 0;
  return buf.st_size / (1024.0 * 1024.0);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* }}} */

static int
generate_only (const char *path)
{
  g_autoptr(RapportDatabase) db = NULL;
  double timeline_ms;
  double insert_ms;
  guint n_entries;

  /* Never add 100,000 contacts to somebody's real database. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s already exists\n", path);
      return EXIT_FAILURE;
    }

  db = open_database (path);
  insert_ms = populate (db, &timeline_ms, &n_entries);
  rapport_database_close (db);

  g_printerr ("Wrote %d contacts and %u timeline entries to %s in %.0f ms (%.1f MB)\n",
              N_CONTACTS, n_entries, path, insert_ms + timeline_ms, file_size_mb (path));
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(RapportContactStore) store = NULL;
  g_autoptr(RapportContactList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Updates updates = { 0, };
  double timeline_ms;
  double insert_ms;
  guint n_entries;
  gint64 start;

  if (argc == 3 && g_str_equal (argv[1], "--generate-only"))
    return generate_only (argv[2]);
  if (argc != 1)
    {
      g_printerr ("usage: %s [--generate-only PATH]\n", argv[0]);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp ("rapport-bench-contacts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);

  db = open_database (path);
  insert_ms = populate (db, &timeline_ms, &n_entries);
  g_print ("BENCH contacts_insert_100k_ms %.0f ms\n", insert_ms);
  g_printerr ("%u timeline entries, in one transaction\n", n_entries);
  g_print ("BENCH contacts_timeline_insert_ms_100k %.0f ms\n", timeline_ms);

  /* Closing folds the WAL into the file, so its size is the whole database. */
  rapport_database_close (db);
  g_clear_object (&db);
  g_print ("BENCH contacts_db_size_mb_100k %.1f MB\n", file_size_mb (path));

  /* From here on, as the application sees it after a start: a warm page
   * cache, but a new connection with no statements prepared yet. */
  start = g_get_monotonic_time ();
  db = open_database (path);
  g_print ("BENCH contacts_db_open_ms_100k %.1f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  g_assert_nonnull (rapport_database_run_sync (db, quick_check_func, NULL, &error));
  g_assert_no_error (error);
  g_print ("BENCH startup_quick_check_ms_100k %.1f ms\n", ms_since (start));

  store = rapport_contact_store_new (db);
  list = rapport_contact_list_new (store);
  g_signal_connect (list, "updated", G_CALLBACK (updated_cb), &updates);

  g_print ("BENCH contacts_first_page_ms_100k %.1f ms\n", measure_first_page (list, &updates));

  measure_search (list, &updates);

  g_clear_object (&list);
  g_clear_object (&store);
  rapport_database_close (db);
  g_clear_object (&db);

  remove_database (path);
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
