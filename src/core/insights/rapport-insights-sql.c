/* rapport-insights-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rapport-insights-sql.h"
#include "rapport-sql.h"

/* The funnel of the contacts identified (added) in [from, to), the bin left
 * out, from the summary rows that the triggers of the migration keep
 * (insights_contact): how many stopped at each step, each a count over one
 * range of its index, added up from the last step down; and how many
 * people there are at all, whenever added (@n_people). */
gboolean
rapport_insights_sql_funnel (RapportDatabase  *db,
                             gint64            from,
                             gint64            to,
                             RapportFunnel    *funnel,
                             guint            *n_people,
                             GError          **error)
{
  guint stopped[RAPPORT_N_FUNNEL_STEPS] = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  G_STATIC_ASSERT (RAPPORT_N_FUNNEL_STEPS == 5);

  memset (funnel, 0, sizeof *funnel);
  *n_people = 0;
  stmt = rapport_database_prepare (db,
    "WITH steps (step) AS (VALUES (0), (1), (2), (3), (4)) "
    "SELECT s.step, (SELECT count (*) FROM insights_contact c WHERE c.trashed = 0 AND c.step = s.step "
    "  AND c.identified_at >= ?1 AND c.identified_at < ?2), "
    "  (SELECT count (*) FROM insights_contact WHERE trashed = 0) FROM steps s", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      stopped[CLAMP (sqlite3_column_int (stmt, 0), 0, RAPPORT_N_FUNNEL_STEPS - 1)] = (guint) sqlite3_column_int64 (stmt, 1);
      *n_people = (guint) sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reading the funnel", error);

  for (int i = RAPPORT_N_FUNNEL_STEPS - 1; i >= 0; i--)
    funnel->counts[i] = stopped[i] + (i + 1 < RAPPORT_N_FUNNEL_STEPS ? funnel->counts[i + 1] : 0);
  return TRUE;
}

/* What the user did each week, from the timeline: a request is an email
 * sent, a call or a voicemail that is not about a meeting (a confirmation,
 * news for a referrer); it is a follow-up when the contact's previous
 * request, reply or meeting was a request, that is, when it went
 * unanswered. Meetings are the ones held or logged, thank-yous those sent.
 * @starts holds the RAPPORT_RHYTHM_WEEKS + 1 week boundaries; only the
 * entries between the first and the last are read (interaction_by_time);
 * the few contacts in the bin are listed once rather than each entry's
 * contact looked up. */
gboolean
rapport_insights_sql_rhythm (RapportDatabase    *db,
                             const gint64       *starts,
                             RapportRhythmWeek  *weeks,
                             GError            **error)
{
  sqlite3_stmt *stmt;
  int rc;

  G_STATIC_ASSERT (RAPPORT_RHYTHM_WEEKS == 12);

  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    {
      memset (&weeks[w], 0, sizeof weeks[w]);
      weeks[w].starts_at = starts[w];
    }

  stmt = rapport_database_prepare (db,
    "WITH weeks (n, start, stop) AS (VALUES (0, ?1, ?2), (1, ?2, ?3), (2, ?3, ?4), (3, ?4, ?5),"
    "  (4, ?5, ?6), (5, ?6, ?7), (6, ?7, ?8), (7, ?8, ?9), (8, ?9, ?10), (9, ?10, ?11), (10, ?11, ?12),"
    "  (11, ?12, ?13)),"
    "e AS MATERIALIZED ("
    "  SELECT (SELECT n FROM weeks WHERE i.happened_at >= start AND i.happened_at < stop) AS week,"
    "    i.kind IN (0, 2, 3) AS request,"
    "    i.kind IN (0, 2, 3) AND coalesce ("
    "      (SELECT p.kind IN (0, 2, 3) FROM interaction p"
    "       WHERE p.contact_id = i.contact_id AND p.kind IN (0, 1, 2, 3, 4)"
    "         AND (p.meeting_id IS NULL OR p.kind NOT IN (0, 2, 3))"
    "         AND (p.happened_at, p.id) < (i.happened_at, i.id)"
    "       ORDER BY p.happened_at DESC, p.id DESC LIMIT 1), 0) AS follow_up,"
    "    i.kind AS kind"
    "  FROM interaction i"
    "  WHERE i.kind IN (0, 2, 3, 4, 6) AND i.happened_at >= ?1 AND i.happened_at < ?13"
    "    AND i.contact_id NOT IN (SELECT id FROM contact WHERE trashed = 1)"
    "    AND (i.meeting_id IS NULL OR i.kind NOT IN (0, 2, 3)))"
    "SELECT week, total (request AND NOT follow_up), total (follow_up), total (kind = 4), total (kind = 6) "
    "FROM e GROUP BY week", error);
  if (stmt == NULL)
    return FALSE;
  for (int w = 0; w <= RAPPORT_RHYTHM_WEEKS; w++)
    sqlite3_bind_int64 (stmt, w + 1, starts[w]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int w = sqlite3_column_int (stmt, 0);

      if (w < 0 || w >= RAPPORT_RHYTHM_WEEKS)
        continue;
      for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
        weeks[w].counts[s] = (guint) sqlite3_column_int64 (stmt, (int) s + 1);
    }
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reading the weekly rhythm", error);
  return TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of @delays (seconds, sorted here), in days; -1 for none. */
static double
median_days (GArray *delays)
{
  gint64 *d = (gint64 *) (gpointer) delays->data;
  guint n = delays->len;

  if (n == 0)
    return -1;
  g_array_sort (delays, compare_int64);
  return (n % 2 == 1 ? (double) d[n / 2] : ((double) d[n / 2 - 1] + (double) d[n / 2]) / 2.0) / (24 * 60 * 60);
}

static void
referrer_replies_free (gpointer data)
{
  RapportReferrerReplies *referrer = data;

  g_free (referrer->name);
  g_free (referrer);
}

static int
compare_asked (gconstpointer a,
               gconstpointer b)
{
  const RapportReferrerReplies *x = *(RapportReferrerReplies * const *) a;
  const RapportReferrerReplies *y = *(RapportReferrerReplies * const *) b;

  if (x->referrer_id == 0 || y->referrer_id == 0)
    return (x->referrer_id != 0) - (y->referrer_id != 0);
  if (x->times.asked != y->times.asked)
    return x->times.asked > y->times.asked ? -1 : 1;
  return (x->referrer_id > y->referrer_id) - (x->referrer_id < y->referrer_id);
}

/* The referrers' names, for the few listed. */
static gboolean
name_referrers (RapportDatabase  *db,
                GPtrArray        *referrers,
                GError          **error)
{
  for (guint i = 0; i < referrers->len; i++)
    {
      RapportReferrerReplies *referrer = g_ptr_array_index (referrers, i);
      sqlite3_stmt *stmt;
      int rc;

      referrer->name = g_strdup ("");
      if (referrer->referrer_id == 0)
        continue;
      stmt = rapport_database_prepare (db, "SELECT display_name FROM contact WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, referrer->referrer_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_free (referrer->name);
          referrer->name = g_strdup (rapport_sql_column_text (stmt, 0));
        }
      else if (rc != SQLITE_DONE)
        return rapport_sql_fail (db, rc, "reading the referrers", error);
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* How soon the people of the period (added in [from, to), as the funnel's)
 * answered their first request, all of them and by who introduced them:
 * the times the triggers keep in insights_contact, one row a person asked,
 * in the order of their referrer, so that each referrer's delays are
 * collected in one run. */
gboolean
rapport_insights_sql_replies (RapportDatabase  *db,
                              gint64            from,
                              gint64            to,
                              RapportInsights  *insights,
                              GError          **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (gint64));
  RapportReferrerReplies *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  memset (&insights->replies, 0, sizeof insights->replies);
  g_clear_pointer (&insights->referrers, g_ptr_array_unref);
  insights->referrers = g_ptr_array_new_with_free_func (referrer_replies_free);

  stmt = rapport_database_prepare (db,
    "SELECT referrer, answered_at - asked_at FROM insights_contact "
    "WHERE trashed = 0 AND step IN (1, 2, 3, 4) AND identified_at >= ?1 AND identified_at < ?2 "
    "  AND asked_at IS NOT NULL "
    "ORDER BY referrer", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);

  while (TRUE)
    {
      gint64 referrer = 0;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        referrer = sqlite3_column_int64 (stmt, 0);
      if (current != NULL && (rc != SQLITE_ROW || referrer != current->referrer_id))
        {
          current->times.median_days = median_days (run);
          g_array_set_size (run, 0);
          current = NULL;
        }
      if (rc != SQLITE_ROW)
        break;

      if (current == NULL)
        {
          current = g_new0 (RapportReferrerReplies, 1);
          current->referrer_id = referrer;
          g_ptr_array_add (insights->referrers, current);
        }
      current->times.asked++;
      insights->replies.asked++;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          gint64 delay = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (run, delay);
          g_array_append_val (all, delay);
          current->times.replied++;
          insights->replies.replied++;
        }
    }
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "reading the reply times", error);

  insights->replies.median_days = median_days (all);
  g_ptr_array_sort (insights->referrers, compare_asked);
  if (insights->referrers->len > 0)
    {
      gboolean cold = ((RapportReferrerReplies *) g_ptr_array_index (insights->referrers, 0))->referrer_id == 0;
      guint keep = RAPPORT_INSIGHTS_MAX_REFERRERS + (cold ? 1 : 0);

      if (insights->referrers->len > keep)
        g_ptr_array_set_size (insights->referrers, keep);
    }
  return name_referrers (db, insights->referrers, error);
}
