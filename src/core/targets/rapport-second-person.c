/* rapport-second-person.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-target"

#include "config.h"

#include "rapport-contact.h"
#include "rapport-interaction.h"
#include "rapport-reminder-sql.h"
#include "rapport-reply-speed.h"
#include "rapport-second-person.h"
#include "rapport-sql.h"

/* When the first person at an organisation has not answered within three
 * business days, the 3B7 routine asks the user to write to someone else
 * there; this says whom. The reply classes order the people there: those
 * who answered the user quickly before come first (people who reply fast
 * tend to enjoy helping, and can say whom else to ask), then those never
 * asked, then those who took their time. Anyone with a request still out,
 * who declined, who never replied or who is paused is left out: writing to
 * them again is not a second contact. The classes are worked out here, as
 * on the contact page, from the first request and the first answer after
 * it, in business days; they are never stored. */
static const char candidates_sql[] =
  "SELECT x.display_name, x.asked, coalesce ((SELECT min (i.happened_at) FROM interaction i"
  "    WHERE i.contact_id = x.id AND i.kind IN (?5, ?6) AND i.happened_at >= x.asked), 0) "
  "FROM (SELECT c.id, c.display_name, c.sort_key, coalesce ((SELECT min (i.happened_at) FROM interaction i"
  "        WHERE i.contact_id = c.id AND i.kind IN (?2, ?3, ?4)), 0) AS asked"
  "      FROM contact c WHERE c.organisation_id = ?1 AND c.trashed = 0"
  "        AND c.stage NOT IN (?7, ?8, ?9, ?10)) x "
  "ORDER BY x.sort_key";

/* Lower comes first; G_MAXUINT is never suggested. */
static guint
rank (RapportReplySpeed speed)
{
  switch (speed)
    {
    case RAPPORT_REPLY_SPEED_QUICK:     return 0;
    case RAPPORT_REPLY_SPEED_NOT_ASKED: return 1;
    case RAPPORT_REPLY_SPEED_SLOW:      return 2;
    case RAPPORT_REPLY_SPEED_WAITING:
    case RAPPORT_REPLY_SPEED_NO_REPLY:
    default:
      return G_MAXUINT;
    }
}

/**
 * rapport_second_person_suggest:
 * @organisation_id: where, 0 for a contact who works for none
 * @now: Unix seconds, for the classes of those still waiting
 *
 * Runs on the database worker. Only a suggestion: one that cannot be made
 * is logged and leaves the step or the reminder without a name.
 *
 * Returns: (transfer full) (nullable): the display name of the person to
 *   write to next at @organisation_id, or %NULL when nobody there fits
 */
char *
rapport_second_person_suggest (RapportDatabase *db,
                               gint64           organisation_id,
                               gint64           now)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days_off = NULL;
  RapportReminderSettings settings;
  g_autofree char *best = NULL;
  guint best_rank = G_MAXUINT;
  sqlite3_stmt *stmt;
  int rc;

  if (organisation_id == 0)
    return NULL;

  /* Business days as the reminders count them: the user's days off, in
   * the user's zone (contacts have none of their own yet). */
  rapport_reminder_sql_get_settings (db, &settings);
  days_off = rapport_reminder_settings_dup_days_off (&settings);

  stmt = rapport_database_prepare (db, candidates_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Could not suggest a second person: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  sqlite3_bind_int (stmt, 2, RAPPORT_INTERACTION_EMAIL_SENT);
  sqlite3_bind_int (stmt, 3, RAPPORT_INTERACTION_CALL);
  sqlite3_bind_int (stmt, 4, RAPPORT_INTERACTION_VOICEMAIL);
  sqlite3_bind_int (stmt, 5, RAPPORT_INTERACTION_EMAIL_RECEIVED);
  sqlite3_bind_int (stmt, 6, RAPPORT_INTERACTION_MEETING);
  sqlite3_bind_int (stmt, 7, RAPPORT_STAGE_REQUEST_SENT);
  sqlite3_bind_int (stmt, 8, RAPPORT_STAGE_DECLINED);
  sqlite3_bind_int (stmt, 9, RAPPORT_STAGE_NO_REPLY);
  sqlite3_bind_int (stmt, 10, RAPPORT_STAGE_PAUSED);

  while (best_rank > 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportReplySpeed speed = rapport_reply_speed_classify (sqlite3_column_int64 (stmt, 1),
                                                              sqlite3_column_int64 (stmt, 2), now, tz,
                                                              (const char * const *) days_off);

      if (rank (speed) < best_rank)
        {
          best_rank = rank (speed);
          g_free (best);
          best = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  if (best_rank == 0)
    rc = SQLITE_DONE;   /* stopped at the first quick one: nobody ranks higher */
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "suggest a second person", &error);
      g_warning ("Could not suggest a second person: %s", error->message);
      return NULL;
    }
  return g_steal_pointer (&best);
}
