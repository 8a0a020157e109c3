/* rapport-meeting-events.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-store"

#include "config.h"

#include "rapport-contact-sql.h"
#include "rapport-db-run.h"
#include "rapport-meeting-events.h"
#include "rapport-meeting-sql.h"
#include "rapport-sql.h"

/* Each query is one job on the database's worker, in the order queued, so a
 * lookup after a save sees the save. */

typedef struct
{
  gint64  meeting_id;
  char   *text;       /* an event UID, or a calendar */
} Query;

typedef struct
{
  RapportMeeting *meeting;   /* NULL: none */
  char           *email;
  char           *calendar;
} Found;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query);
}

static void
found_free (gpointer data)
{
  Found *found = data;

  g_clear_object (&found->meeting);
  g_free (found->email);
  g_free (found->calendar);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

static RapportDatabase *
database_of (RapportMeetingStore *store)
{
  return rapport_contact_store_get_database (rapport_meeting_store_get_contact_store (store));
}

static void
run (RapportMeetingStore *store,
     gpointer             tag,
     RapportDbRunFlags    flags,
     RapportDatabaseFunc  func,
     Query               *query,
     GDestroyNotify       result_free,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  rapport_db_run (store, tag, database_of (store), flags, func, query, query_free, result_free, NULL,
                  cancellable, callback, user_data);
}

/* The first column of the first row of @sql for @id, "" for no row. */
static char *
read_text (RapportDatabase  *db,
           const char       *sql,
           gint64            id,
           GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  char *text;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  text = g_strdup (rc == SQLITE_ROW ? rapport_sql_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_free (text);
      rapport_sql_fail (db, rc, sql, error);
      return NULL;
    }
  return text;
}

static gpointer
load_job (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  Query *query = data;
  g_autoptr(Found) found = g_new0 (Found, 1);
  gint64 id = query->meeting_id;

  if (query->text != NULL)
    {
      sqlite3_stmt *stmt = rapport_database_prepare (db, "SELECT id FROM meeting WHERE event_uid = ?1", error);
      int rc;

      if (stmt == NULL)
        return NULL;
      rapport_sql_bind_text (stmt, 1, query->text);
      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rapport_sql_fail (db, rc, "find a meeting by its event", error);
          return NULL;
        }
    }

  if (id != 0)
    {
      g_autoptr(GError) local_error = NULL;

      found->meeting = rapport_meeting_sql_load (db, id, &local_error);
      if (found->meeting == NULL &&
          !g_error_matches (local_error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (found->meeting != NULL)
    {
      found->email = read_text (db, "SELECT address FROM contact_email WHERE contact_id = ?1 "
                                    "ORDER BY position LIMIT 1",
                                rapport_meeting_get_contact_id (found->meeting), error);
      if (found->email == NULL)
        return NULL;
      found->calendar = read_text (db, "SELECT event_calendar FROM meeting WHERE id = ?1", id, error);
      if (found->calendar == NULL)
        return NULL;
    }
  return g_steal_pointer (&found);
}

void
rapport_meeting_events_find_async (RapportMeetingStore *store,
                                   const char          *event_uid,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Query *query = g_new0 (Query, 1);

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));
  g_return_if_fail (event_uid != NULL);

  query->text = g_strdup (event_uid);
  /* The tag of the load: the two lookups are one job, and either finish takes either. */
  run (store, rapport_meeting_events_load_async, RAPPORT_DB_RUN_READ, load_job, query, found_free,
       cancellable, callback, user_data);
}

static RapportMeeting *
take_found (RapportMeetingStore  *store,
            GAsyncResult         *result,
            gpointer              tag,
            char                **email,
            char                **calendar,
            GError              **error)
{
  g_autoptr(Found) found = rapport_db_run_finish (store, result, tag, error);

  if (found == NULL)
    return NULL;
  if (email != NULL)
    *email = g_steal_pointer (&found->email);
  if (calendar != NULL)
    *calendar = g_steal_pointer (&found->calendar);
  return g_steal_pointer (&found->meeting);
}

RapportMeeting *
rapport_meeting_events_find_finish (RapportMeetingStore  *store,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return take_found (store, result, rapport_meeting_events_load_async, NULL, NULL, error);
}

void
rapport_meeting_events_load_async (RapportMeetingStore *store,
                                   gint64               meeting_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Query *query = g_new0 (Query, 1);

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));

  query->meeting_id = meeting_id;
  run (store, rapport_meeting_events_load_async, RAPPORT_DB_RUN_READ, load_job, query, found_free,
       cancellable, callback, user_data);
}

RapportMeeting *
rapport_meeting_events_load_finish (RapportMeetingStore  *store,
                                    GAsyncResult         *result,
                                    char                **email,
                                    char                **calendar,
                                    GError              **error)
{
  return take_found (store, result, rapport_meeting_events_load_async, email, calendar, error);
}

static gpointer
mark_written_job (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  Query *query = data;
  sqlite3_stmt *stmt = rapport_database_prepare (db, "UPDATE meeting SET event_calendar = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, query->meeting_id);
  rapport_sql_bind_text (stmt, 2, query->text);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
rapport_meeting_events_mark_written_async (RapportMeetingStore *store,
                                           gint64               meeting_id,
                                           const char          *calendar,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  Query *query = g_new0 (Query, 1);

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));

  query->meeting_id = meeting_id;
  query->text = g_strdup (calendar);
  run (store, rapport_meeting_events_mark_written_async, RAPPORT_DB_RUN_WRITE, mark_written_job, query, NULL,
       cancellable, callback, user_data);
}

gboolean
rapport_meeting_events_mark_written_finish (RapportMeetingStore  *store,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_meeting_events_mark_written_async, error);
}

static gpointer
list_removed_job (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  return rapport_contact_sql_strings (db, "SELECT event_uid FROM calendar_removal WHERE ?1 = ?1", 0, error);
}

void
rapport_meeting_events_list_removed_async (RapportMeetingStore *store,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));

  run (store, rapport_meeting_events_list_removed_async, RAPPORT_DB_RUN_READ, list_removed_job,
       g_new0 (Query, 1), (GDestroyNotify) g_strfreev, cancellable, callback, user_data);
}

GStrv
rapport_meeting_events_list_removed_finish (RapportMeetingStore  *store,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_meeting_events_list_removed_async, error);
}

static gpointer
forget_removed_job (RapportDatabase  *db,
                    gpointer          data,
                    GError          **error)
{
  Query *query = data;
  sqlite3_stmt *stmt = rapport_database_prepare (db, "DELETE FROM calendar_removal WHERE event_uid = ?1", error);

  if (stmt == NULL)
    return NULL;
  rapport_sql_bind_text (stmt, 1, query->text);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
rapport_meeting_events_forget_removed_async (RapportMeetingStore *store,
                                             const char          *event_uid,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  Query *query = g_new0 (Query, 1);

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));

  query->text = g_strdup (event_uid);
  run (store, rapport_meeting_events_forget_removed_async, RAPPORT_DB_RUN_WRITE, forget_removed_job, query, NULL,
       cancellable, callback, user_data);
}

gboolean
rapport_meeting_events_forget_removed_finish (RapportMeetingStore  *store,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_meeting_events_forget_removed_async, error);
}
