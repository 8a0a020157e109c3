/* rapport-contact-store-timeline.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-sql.h"
#include "rapport-contact-store.h"
#include "rapport-contact-store-private.h"

/* A contact's timeline: listing, saving and deleting its interactions,
 * through the store's jobs (rapport-contact-store.c). */

/* Jobs {{{ */

static gpointer
timeline_func (RapportDatabase  *db,
               gpointer          data,
               GError          **error)
{
  RapportContactStoreJob *job = data;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, kind, happened_at, summary, body FROM interaction WHERE contact_id = ?1 "
    "ORDER BY happened_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, job->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) when = rapport_sql_column_time (stmt, 2);
      RapportInteraction *entry;

      entry = rapport_interaction_new (job->id,
                                       CLAMP (sqlite3_column_int (stmt, 1), 0, RAPPORT_N_INTERACTION_KINDS - 1),
                                       when, rapport_sql_column_text (stmt, 3), rapport_sql_column_text (stmt, 4));
      rapport_interaction_set_id (entry, sqlite3_column_int64 (stmt, 0));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "timeline", error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static gpointer
save_interaction_func (RapportDatabase  *db,
                       gpointer          data,
                       GError          **error)
{
  RapportContactStoreJob *job = data;
  RapportInteraction *entry = job->interaction;
  gint64 id = rapport_interaction_get_id (entry);
  gint64 contact_id = rapport_interaction_get_contact_id (entry);
  g_autofree char *summary = g_strstrip (g_strdup (rapport_interaction_get_summary (entry)));
  gboolean ok;

  if (summary[0] == '\0')
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A timeline entry needs a summary."));
      return NULL;
    }

  if (!rapport_sql_begin (db, error))
    return NULL;

  if (id == 0)
    ok = rapport_contact_sql_add_interaction (db, contact_id, rapport_interaction_get_kind (entry),
                          g_date_time_to_unix (rapport_interaction_get_happened_at (entry)),
                          summary, rapport_interaction_get_body (entry), &id, error);
  else
    {
      sqlite3_stmt *stmt = rapport_database_prepare (db,
        "UPDATE interaction SET kind = ?2, happened_at = ?3, summary = ?4, body = ?5, updated_at = ?6 "
        "WHERE id = ?1 AND contact_id = ?7", error);

      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, id);
          sqlite3_bind_int (stmt, 2, rapport_interaction_get_kind (entry));
          sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (rapport_interaction_get_happened_at (entry)));
          rapport_sql_bind_text (stmt, 4, summary);
          rapport_sql_bind_text (stmt, 5, rapport_interaction_get_body (entry));
          sqlite3_bind_int64 (stmt, 6, rapport_sql_now ());
          sqlite3_bind_int64 (stmt, 7, contact_id);
          ok = rapport_sql_step_done (db, stmt, error);
          if (ok && sqlite3_changes (rapport_database_get_connection (db)) == 0)
            {
              g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                           _("The timeline entry no longer exists."));
              ok = FALSE;
            }
        }
    }

  ok = ok && rapport_contact_sql_reindex (db, contact_id, error);
  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return NULL;

  return g_memdup2 (&id, sizeof id);
}

static gpointer
delete_interaction_func (RapportDatabase  *db,
                         gpointer          data,
                         GError          **error)
{
  RapportContactStoreJob *job = data;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;

  stmt = rapport_database_prepare (db, "DELETE FROM interaction WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, rapport_interaction_get_id (job->interaction));
      ok = rapport_sql_step_done (db, stmt, error) &&
           rapport_contact_sql_reindex (db, rapport_interaction_get_contact_id (job->interaction), error);
    }

  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* }}} */
/* Public API {{{ */

void
rapport_contact_store_timeline_async (RapportContactStore *self,
                                      gint64               contact_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  _rapport_contact_store_run (self, timeline_func, job, (GDestroyNotify) g_ptr_array_unref, FALSE, 0,
       rapport_contact_store_timeline_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_timeline_finish:
 *
 * Returns: (transfer full) (element-type RapportInteraction): the entries,
 *   newest first
 */
GPtrArray *
rapport_contact_store_timeline_finish (RapportContactStore  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_contact_store_timeline_async, error);
}

void
rapport_contact_store_save_interaction_async (RapportContactStore *self,
                                              RapportInteraction  *interaction,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (RAPPORT_IS_INTERACTION (interaction));

  job = g_new0 (RapportContactStoreJob, 1);
  job->interaction = g_object_ref (interaction);
  _rapport_contact_store_run (self, save_interaction_func, job, g_free, TRUE, rapport_interaction_get_contact_id (interaction),
       rapport_contact_store_save_interaction_async, cancellable, callback, user_data);
}

gint64
rapport_contact_store_save_interaction_finish (RapportContactStore  *self,
                                               GAsyncResult         *result,
                                               GError              **error)
{
  return rapport_db_run_finish_id (self, result, rapport_contact_store_save_interaction_async, error);
}

void
rapport_contact_store_delete_interaction_async (RapportContactStore *self,
                                                RapportInteraction  *interaction,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (RAPPORT_IS_INTERACTION (interaction));

  job = g_new0 (RapportContactStoreJob, 1);
  job->interaction = g_object_ref (interaction);
  _rapport_contact_store_run (self, delete_interaction_func, job, NULL, TRUE, rapport_interaction_get_contact_id (interaction),
       rapport_contact_store_delete_interaction_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_delete_interaction_finish (RapportContactStore  *self,
                                                 GAsyncResult         *result,
                                                 GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_delete_interaction_async, error);
}

/* }}} */
