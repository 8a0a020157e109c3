/* rapport-meeting-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-sql.h"
#include "rapport-meeting-sql.h"
#include "rapport-text.h"

/* Meetings write to the contact's timeline, the one record of what happened:
 * scheduling, moving, cancelling and holding a meeting each leave an entry
 * tied to the meeting (interaction.meeting_id), so that the reminders can
 * tell what a meeting's state is from the timeline and the meeting alone. */

#define MEETING_COLUMNS \
  "m.id, m.contact_id, c.display_name, coalesce (o.name, ''), m.starts_at, m.duration, m.place, " \
  "m.purpose, m.status, m.notes, m.agenda_done, m.summary, m.next_steps, " \
  "coalesce (m.started_at, 0), coalesce (m.ended_at, 0), coalesce (m.keep_in_touch_at, 0), " \
  "coalesce (m.event_uid, '') " \
  "FROM meeting m JOIN contact c ON c.id = m.contact_id " \
  "LEFT JOIN organisation o ON o.id = c.organisation_id "

static RapportMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  RapportMeeting *meeting;

  meeting = rapport_meeting_new (sqlite3_column_int64 (stmt, 1),
                                 sqlite3_column_int64 (stmt, 4),
                                 sqlite3_column_int (stmt, 5));
  rapport_meeting_set_id (meeting, sqlite3_column_int64 (stmt, 0));
  rapport_meeting_set_contact_details (meeting,
                                       rapport_sql_column_text (stmt, 2),
                                       rapport_sql_column_text (stmt, 3));
  rapport_meeting_set_place (meeting, rapport_sql_column_text (stmt, 6));
  rapport_meeting_set_purpose (meeting, rapport_sql_column_text (stmt, 7));
  rapport_meeting_set_status (meeting, CLAMP (sqlite3_column_int (stmt, 8), 0, RAPPORT_N_MEETING_STATUSES - 1));
  rapport_meeting_set_notes (meeting, rapport_sql_column_text (stmt, 9));
  rapport_meeting_set_agenda_done (meeting, sqlite3_column_int (stmt, 10));
  rapport_meeting_set_summary (meeting, rapport_sql_column_text (stmt, 11));
  rapport_meeting_set_next_steps (meeting, rapport_sql_column_text (stmt, 12));
  rapport_meeting_set_started_at (meeting, sqlite3_column_int64 (stmt, 13));
  rapport_meeting_set_ended_at (meeting, sqlite3_column_int64 (stmt, 14));
  rapport_meeting_set_keep_in_touch_at (meeting, sqlite3_column_int64 (stmt, 15));
  rapport_meeting_set_event_uid (meeting, rapport_sql_column_text (stmt, 16));
  return meeting;
}

GPtrArray *
rapport_meeting_sql_list (RapportDatabase     *db,
                          RapportMeetingList   which,
                          gint64               contact_id,
                          gint64               now,
                          GError             **error)
{
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  /* The lists stop at 500: a long-forgotten past is not worth a row there,
   * and each contact's page keeps all of its own. */
  switch (which)
    {
    case RAPPORT_MEETING_LIST_UPCOMING:
      /* The first term lets the index on starts_at do the work: no meeting
       * is longer than a day. */
      sql = "SELECT " MEETING_COLUMNS
            "WHERE m.starts_at >= ?1 - 86400 AND m.starts_at + m.duration * 60 >= ?1 "
            "  AND m.status IN (0, 1) AND c.trashed = 0 AND ?2 = ?2 "
            "ORDER BY m.starts_at, m.id LIMIT 500";
      break;
    case RAPPORT_MEETING_LIST_PAST:
      sql = "SELECT " MEETING_COLUMNS
            "WHERE (m.status NOT IN (0, 1) OR m.starts_at + m.duration * 60 < ?1) "
            "  AND c.trashed = 0 AND ?2 = ?2 "
            "ORDER BY m.starts_at DESC, m.id DESC LIMIT 500";
      break;
    case RAPPORT_MEETING_LIST_CONTACT:
      sql = "SELECT " MEETING_COLUMNS
            "WHERE m.contact_id = ?2 AND ?1 = ?1 "
            "ORDER BY m.starts_at DESC, m.id DESC";
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (meetings, meeting_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "list meetings", error);
      return NULL;
    }

  return g_steal_pointer (&meetings);
}

RapportMeeting *
rapport_meeting_sql_load (RapportDatabase  *db,
                          gint64            meeting_id,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  RapportMeeting *meeting = NULL;
  int rc;

  stmt = rapport_database_prepare (db, "SELECT " MEETING_COLUMNS "WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting = meeting_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                 _("The meeting no longer exists."));
  else if (rc != SQLITE_ROW)
    rapport_sql_fail (db, rc, "load meeting", error);
  return meeting;
}

GPtrArray *
rapport_meeting_sql_load_questions (RapportDatabase  *db,
                                    gint64            meeting_id,
                                    GError          **error)
{
  g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, coalesce (question_id, 0), text, answer FROM meeting_question "
    "WHERE meeting_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportMeetingQuestion *question;

      question = rapport_meeting_question_new (sqlite3_column_int64 (stmt, 1),
                                               rapport_sql_column_text (stmt, 2));
      rapport_meeting_question_set_id (question, sqlite3_column_int64 (stmt, 0));
      rapport_meeting_question_set_answer (question, rapport_sql_column_text (stmt, 3));
      g_ptr_array_add (questions, question);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "load meeting questions", error);
      return NULL;
    }

  return g_steal_pointer (&questions);
}

/* A timeline entry that a meeting wrote, tied to it. */
static gboolean
add_entry (RapportDatabase         *db,
           gint64                   contact_id,
           gint64                   meeting_id,
           RapportInteractionKind   kind,
           gint64                   happened_at,
           const char              *summary,
           const char              *body,
           GError                 **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!rapport_contact_sql_add_interaction (db, contact_id, kind, happened_at, summary, body, &id, error))
    return FALSE;

  stmt = rapport_database_prepare (db, "UPDATE interaction SET meeting_id = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  return rapport_sql_step_done (db, stmt, error) &&
         rapport_contact_sql_reindex (db, contact_id, error);
}

static gboolean
validate (RapportMeeting  *meeting,
          GError         **error)
{
  if (rapport_meeting_get_contact_id (meeting) <= 0)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A meeting needs a contact."));
      return FALSE;
    }
  if (rapport_meeting_get_duration (meeting) < 1 || rapport_meeting_get_duration (meeting) > 24 * 60)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A meeting lasts between one minute and one day."));
      return FALSE;
    }
  return TRUE;
}

/* The record of a meeting that took place, for the timeline: what the user
 * heard, so that it can be found again (the timeline is searchable). */
static char *
compose_record (RapportMeeting  *meeting,
                GPtrArray       *questions)
{
  GString *body = g_string_new (NULL);
  const char *summary = rapport_meeting_get_summary (meeting);
  const char *next_steps = rapport_meeting_get_next_steps (meeting);
  const char *notes = rapport_meeting_get_notes (meeting);

  if (*summary != '\0')
    g_string_append_printf (body, "%s\n%s\n\n", _("Summary"), summary);
  if (*next_steps != '\0')
    g_string_append_printf (body, "%s\n%s\n\n", _("Next Steps"), next_steps);
  if (questions != NULL && questions->len > 0)
    {
      g_string_append_printf (body, "%s\n", _("Questions"));
      for (guint i = 0; i < questions->len; i++)
        {
          RapportMeetingQuestion *question = g_ptr_array_index (questions, i);
          const char *answer = rapport_meeting_question_get_answer (question);

          g_string_append_printf (body, "• %s\n", rapport_meeting_question_get_text (question));
          if (*answer != '\0')
            g_string_append_printf (body, "  %s\n", answer);
        }
      g_string_append_c (body, '\n');
    }
  if (*notes != '\0')
    g_string_append_printf (body, "%s\n%s\n", _("Notes"), notes);

  while (body->len > 0 && body->str[body->len - 1] == '\n')
    g_string_truncate (body, body->len - 1);
  return g_string_free (body, FALSE);
}

static gboolean
record_held (RapportDatabase  *db,
             gint64            meeting_id,
             GError          **error)
{
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autofree char *record = NULL;
  g_autofree char *summary = NULL;
  const char *purpose;
  gint64 started;

  meeting = rapport_meeting_sql_load (db, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  questions = rapport_meeting_sql_load_questions (db, meeting_id, error);
  if (questions == NULL)
    return FALSE;

  purpose = rapport_meeting_get_purpose (meeting);
  if (*purpose != '\0')
    /* Translators: a timeline entry; %s is the meeting's purpose */
    summary = g_strdup_printf (_("Informational interview: %s"), purpose);
  else
    summary = g_strdup (_("Informational interview"));
  record = compose_record (meeting, questions);
  started = rapport_meeting_get_started_at (meeting);

  return add_entry (db, rapport_meeting_get_contact_id (meeting), meeting_id,
                    RAPPORT_INTERACTION_MEETING,
                    started != 0 ? started : rapport_meeting_get_starts_at (meeting),
                    summary, record, error) &&
         rapport_contact_sql_set_stage (db, rapport_meeting_get_contact_id (meeting),
                                        RAPPORT_STAGE_MET, meeting_id, error);
}

/* What changed between the stored meeting and @meeting, on the timeline. */
static gboolean
record_changes (RapportDatabase  *db,
                RapportMeeting   *old,
                RapportMeeting   *meeting,
                GError          **error)
{
  RapportMeetingStatus status = rapport_meeting_get_status (meeting);
  gint64 contact_id = rapport_meeting_get_contact_id (meeting);
  gint64 id = rapport_meeting_get_id (meeting);
  gint64 now = rapport_sql_now ();
  g_autofree char *when = rapport_meeting_format_when (meeting);
  g_autofree char *summary = NULL;

  if (old == NULL)
    {
      /* Translators: a timeline entry; %s is a date and time */
      summary = g_strdup_printf (_("Meeting scheduled for %s"), when);
      if (!add_entry (db, contact_id, id, RAPPORT_INTERACTION_NOTE, now, summary,
                      rapport_meeting_get_purpose (meeting), error))
        return FALSE;
      if (rapport_meeting_status_is_open (status))
        return rapport_contact_sql_set_stage (db, contact_id, RAPPORT_STAGE_SCHEDULED, id, error);
      return status == RAPPORT_MEETING_HELD ? record_held (db, id, error) : TRUE;
    }

  if (rapport_meeting_status_is_open (status) &&
      rapport_meeting_get_starts_at (old) != rapport_meeting_get_starts_at (meeting))
    {
      /* Translators: a timeline entry; %s is a date and time */
      summary = g_strdup_printf (_("Meeting moved to %s"), when);
      if (!add_entry (db, contact_id, id, RAPPORT_INTERACTION_NOTE, now, summary, "", error))
        return FALSE;
    }

  if (rapport_meeting_get_status (old) == status)
    return TRUE;

  switch (status)
    {
    case RAPPORT_MEETING_PROPOSED:
    case RAPPORT_MEETING_CONFIRMED:
      if (status == RAPPORT_MEETING_CONFIRMED &&
          !add_entry (db, contact_id, id, RAPPORT_INTERACTION_NOTE, now, _("Meeting confirmed"), when, error))
        return FALSE;
      return rapport_contact_sql_set_stage (db, contact_id, RAPPORT_STAGE_SCHEDULED, id, error);
    case RAPPORT_MEETING_HELD:
      return record_held (db, id, error);
    case RAPPORT_MEETING_CANCELLED:
      return add_entry (db, contact_id, id, RAPPORT_INTERACTION_NOTE, now, _("Meeting cancelled"), when, error);
    case RAPPORT_MEETING_NO_SHOW:
      return add_entry (db, contact_id, id, RAPPORT_INTERACTION_NOTE, now,
                        _("Meeting did not take place"), when, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gint64
rapport_meeting_sql_save (RapportDatabase  *db,
                          RapportMeeting   *meeting,
                          GError          **error)
{
  g_autoptr(RapportMeeting) old = NULL;
  g_autofree char *place = g_strstrip (g_strdup (rapport_meeting_get_place (meeting)));
  sqlite3_stmt *stmt;
  gint64 id = rapport_meeting_get_id (meeting);
  RapportStage stage;

  if (!validate (meeting, error) ||
      !rapport_contact_sql_read_stage (db, rapport_meeting_get_contact_id (meeting), &stage, error))
    return 0;

  if (id != 0)
    {
      old = rapport_meeting_sql_load (db, id, error);
      if (old == NULL)
        return 0;
      stmt = rapport_database_prepare (db,
        "UPDATE meeting SET contact_id = ?2, starts_at = ?3, duration = ?4, place = ?5, purpose = ?6, "
        "  status = ?7, summary = ?8, next_steps = ?9, keep_in_touch_at = nullif (?10, 0), updated_at = ?11 "
        "WHERE id = ?1", error);
    }
  else
    stmt = rapport_database_prepare (db,
        "INSERT INTO meeting (contact_id, starts_at, duration, place, purpose, status, summary, "
        "  next_steps, keep_in_touch_at, created_at, updated_at) "
        "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif (?10, 0), ?11, ?11)", error);
  if (stmt == NULL)
    return 0;

  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rapport_meeting_get_contact_id (meeting));
  sqlite3_bind_int64 (stmt, 3, rapport_meeting_get_starts_at (meeting));
  sqlite3_bind_int (stmt, 4, rapport_meeting_get_duration (meeting));
  rapport_sql_bind_text (stmt, 5, place);
  rapport_sql_bind_text (stmt, 6, rapport_meeting_get_purpose (meeting));
  sqlite3_bind_int (stmt, 7, rapport_meeting_get_status (meeting));
  rapport_sql_bind_text (stmt, 8, rapport_meeting_get_summary (meeting));
  rapport_sql_bind_text (stmt, 9, rapport_meeting_get_next_steps (meeting));
  sqlite3_bind_int64 (stmt, 10, rapport_meeting_get_keep_in_touch_at (meeting));
  sqlite3_bind_int64 (stmt, 11, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return 0;

  if (id == 0)
    {
      id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
      rapport_meeting_set_id (meeting, id);
    }

  return record_changes (db, old, meeting, error) ? id : 0;
}

gboolean
rapport_meeting_sql_delete (RapportDatabase  *db,
                            gint64            meeting_id,
                            GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "DELETE FROM meeting WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return rapport_sql_step_done (db, stmt, error);
}

/* Makes the meeting's questions exactly @questions, in that order: rows
 * that are gone are deleted (with their answers), kept rows keep theirs. */
GArray *
rapport_meeting_sql_set_questions (RapportDatabase  *db,
                                   gint64            meeting_id,
                                   GPtrArray        *questions,
                                   GError          **error)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), questions->len);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) existing = NULL;
  sqlite3_stmt *stmt;

  existing = rapport_meeting_sql_load_questions (db, meeting_id, error);
  if (existing == NULL)
    return NULL;
  for (guint i = 0; i < questions->len; i++)
    {
      RapportMeetingQuestion *question = g_ptr_array_index (questions, i);
      gint64 *id = g_new (gint64, 1);

      *id = rapport_meeting_question_get_id (question);
      g_hash_table_add (kept, id);
    }

  for (guint i = 0; i < existing->len; i++)
    {
      gint64 id = rapport_meeting_question_get_id (g_ptr_array_index (existing, i));

      if (g_hash_table_contains (kept, &id))
        continue;
      stmt = rapport_database_prepare (db, "DELETE FROM meeting_question WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!rapport_sql_step_done (db, stmt, error))
        return NULL;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      RapportMeetingQuestion *question = g_ptr_array_index (questions, i);
      gint64 id = rapport_meeting_question_get_id (question);

      if (id != 0)
        {
          stmt = rapport_database_prepare (db,
            "UPDATE meeting_question SET position = ?2 WHERE id = ?1 AND meeting_id = ?3", error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 1, id);
        }
      else
        {
          stmt = rapport_database_prepare (db,
            "INSERT INTO meeting_question (meeting_id, question_id, text, position, answer) "
            "VALUES (?3, nullif (?4, 0), ?5, ?2, ?6)", error);
          if (stmt == NULL)
            return NULL;
          sqlite3_bind_int64 (stmt, 4, rapport_meeting_question_get_question_id (question));
          rapport_sql_bind_text (stmt, 5, rapport_meeting_question_get_text (question));
          rapport_sql_bind_text (stmt, 6, rapport_meeting_question_get_answer (question));
        }
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, meeting_id);
      if (!rapport_sql_step_done (db, stmt, error))
        return NULL;
      if (id == 0)
        id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

gboolean
rapport_meeting_sql_save_notes (RapportDatabase  *db,
                                gint64            meeting_id,
                                const char       *notes,
                                guint             agenda_done,
                                GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db,
    "UPDATE meeting SET notes = ?2, agenda_done = ?3, updated_at = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rapport_sql_bind_text (stmt, 2, notes);
  sqlite3_bind_int (stmt, 3, agenda_done);
  sqlite3_bind_int64 (stmt, 4, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error);
}

gboolean
rapport_meeting_sql_save_answer (RapportDatabase  *db,
                                 gint64            meeting_question_id,
                                 const char       *answer,
                                 GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "UPDATE meeting_question SET answer = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_question_id);
  rapport_sql_bind_text (stmt, 2, answer);
  return rapport_sql_step_done (db, stmt, error);
}

gboolean
rapport_meeting_sql_start (RapportDatabase  *db,
                           gint64            meeting_id,
                           gint64            now,
                           GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db,
    "UPDATE meeting SET started_at = coalesce (started_at, ?2), updated_at = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return rapport_sql_step_done (db, stmt, error);
}

static gint64
add_referral (RapportDatabase  *db,
              RapportMeeting   *meeting,
              RapportReferral  *referral,
              GError          **error)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autofree char *name = g_strstrip (g_strdup (referral->name != NULL ? referral->name : ""));
  g_autofree char *email = g_strstrip (g_strdup (referral->email != NULL ? referral->email : ""));
  g_autofree char *source = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *notes = NULL;
  const char *host = rapport_meeting_get_contact_name (meeting);
  gint64 id;

  if (*name == '\0')
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("Each referral needs a name."));
      return 0;
    }
  if (*email != '\0' && !rapport_text_is_email (email))
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("“%s” is not an email address."), email);
      return 0;
    }

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_organisation (contact, referral->organisation);
  if (*email != '\0')
    {
      const char *emails[] = { email, NULL };

      rapport_contact_set_emails (contact, emails);
    }
  rapport_contact_set_referred_by_id (contact, rapport_meeting_get_contact_id (meeting));
  /* Translators: how we met a contact; %s is the person who referred them */
  source = g_strdup_printf (_("Referred by %s"), host);
  rapport_contact_set_source (contact, source);
  if (referral->may_use_name)
    /* Translators: %s is the person who referred this contact */
    notes = g_strdup_printf (_("%s said you may mention their name when you get in touch."), host);
  else
    /* Translators: %s is the person who referred this contact */
    notes = g_strdup_printf (_("Ask %s before you mention their name."), host);
  rapport_contact_set_notes (contact, notes);

  id = rapport_contact_sql_save (db, contact, error);
  if (id == 0)
    return 0;

  /* Translators: a timeline entry; %s is the name of a new contact */
  summary = g_strdup_printf (_("Suggested you talk to %s"), name);
  if (!add_entry (db, rapport_meeting_get_contact_id (meeting), rapport_meeting_get_id (meeting),
                  RAPPORT_INTERACTION_REFERRAL_RECEIVED, rapport_sql_now (), summary,
                  referral->organisation != NULL ? referral->organisation : "", error))
    return 0;
  return id;
}

GArray *
rapport_meeting_sql_finish (RapportDatabase  *db,
                            gint64            meeting_id,
                            const char       *summary,
                            const char       *next_steps,
                            gint64            keep_in_touch_at,
                            GPtrArray        *referrals,
                            gint64            now,
                            GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RapportMeeting) meeting = NULL;
  sqlite3_stmt *stmt;

  meeting = rapport_meeting_sql_load (db, meeting_id, error);
  if (meeting == NULL)
    return NULL;
  if (rapport_meeting_get_status (meeting) == RAPPORT_MEETING_HELD)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("This meeting has already been recorded as held."));
      return NULL;
    }

  stmt = rapport_database_prepare (db,
    "UPDATE meeting SET status = 2, summary = ?2, next_steps = ?3, keep_in_touch_at = nullif (?4, 0), "
    "  started_at = coalesce (started_at, starts_at), ended_at = ?5, updated_at = ?5 WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rapport_sql_bind_text (stmt, 2, summary != NULL ? summary : "");
  rapport_sql_bind_text (stmt, 3, next_steps != NULL ? next_steps : "");
  sqlite3_bind_int64 (stmt, 4, keep_in_touch_at);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!rapport_sql_step_done (db, stmt, error) ||
      !record_held (db, meeting_id, error))
    return NULL;

  for (guint i = 0; referrals != NULL && i < referrals->len; i++)
    {
      gint64 id = add_referral (db, meeting, g_ptr_array_index (referrals, i), error);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}
