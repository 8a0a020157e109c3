/* rapport-contact-sync-db.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-sync"

#include "config.h"

#include "rapport-contact-sync-db.h"
#include "rapport-db-run.h"
#include "rapport-sql.h"

/* The sync's state in eds_contact_link, read and written as jobs on the
 * database thread. */

void
rapport_contact_link_free (RapportContactLink *link)
{
  if (link == NULL)
    return;
  g_free (link->eds_uid);
  g_free (link->rev);
  g_free (link->synced);
  g_free (link->rapport_fingerprint);
  g_free (link->book_fingerprint);
  g_free (link->conflict);
  g_free (link);
}

void
rapport_contact_sync_state_free (RapportContactSyncState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->links, g_hash_table_unref);
  g_clear_pointer (&state->by_email, g_hash_table_unref);
  g_free (state);
}

/* Reading {{{ */

typedef struct
{
  char      *source_uid;
  GPtrArray *cards;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->source_uid);
  g_ptr_array_unref (job->cards);
  g_free (job);
}

static gpointer
read_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  ReadJob *job = data;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  RapportContactSyncState *state = g_new0 (RapportContactSyncState, 1);
  sqlite3_stmt *stmt;
  int rc;

  state->links = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) rapport_contact_link_free);
  state->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = rapport_database_prepare (db,
    "SELECT l.contact_id, l.eds_uid, l.rev, l.synced, l.rapport_fingerprint, l.book_fingerprint, l.conflict"
    "  FROM eds_contact_link l JOIN contact c ON c.id = l.contact_id"
    "  WHERE l.source_uid = ?1 AND c.trashed = 0", error);
  if (stmt == NULL)
    goto fail;
  rapport_sql_bind_text (stmt, 1, job->source_uid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportContactLink *link = g_new0 (RapportContactLink, 1);

      link->contact_id = sqlite3_column_int64 (stmt, 0);
      link->eds_uid = g_strdup (rapport_sql_column_text (stmt, 1));
      link->rev = g_strdup (rapport_sql_column_text (stmt, 2));
      link->synced = g_strdup (rapport_sql_column_text (stmt, 3));
      link->rapport_fingerprint = g_strdup (rapport_sql_column_text (stmt, 4));
      link->book_fingerprint = g_strdup (rapport_sql_column_text (stmt, 5));
      link->conflict = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NULL
                       : g_strdup (rapport_sql_column_text (stmt, 6));
      g_hash_table_insert (state->links, link->eds_uid, link);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "contact links", error);
      goto fail;
    }

  /* Then by email: a contact not linked to any book yet (one that is
   * belongs to that card alone), and each only once. */
  stmt = rapport_database_prepare (db,
    "SELECT e.contact_id FROM contact_email e JOIN contact c ON c.id = e.contact_id"
    "  WHERE e.address = ?1 COLLATE NOCASE AND c.trashed = 0"
    "    AND NOT EXISTS (SELECT 1 FROM eds_contact_link l WHERE l.contact_id = e.contact_id)"
    "  ORDER BY e.contact_id", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < job->cards->len; i++)
    {
      RapportBookCard *card = g_ptr_array_index (job->cards, i);
      g_auto(GStrv) emails = NULL;
      gint64 found = 0;

      if (card->uid == NULL || g_hash_table_contains (state->links, card->uid) ||
          *card->fields.values[RAPPORT_BOOK_FIELD_EMAILS] == '\0')
        continue;
      emails = g_strsplit (card->fields.values[RAPPORT_BOOK_FIELD_EMAILS], "\n", -1);
      for (guint e = 0; emails[e] != NULL && found == 0; e++)
        {
          rapport_sql_bind_text (stmt, 1, emails[e]);
          while (found == 0 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);

              if (!g_hash_table_contains (taken, &id))
                found = id;
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            {
              rapport_sql_fail (db, rc, "contacts by email", error);
              goto fail;
            }
        }
      if (found != 0)
        {
          g_hash_table_add (taken, g_memdup2 (&found, sizeof found));
          g_hash_table_insert (state->by_email, g_strdup (card->uid), g_memdup2 (&found, sizeof found));
        }
    }
  return state;

fail:
  rapport_contact_sync_state_free (state);
  return NULL;
}

void
rapport_contact_sync_db_read_async (RapportContactStore *store,
                                    const char          *source_uid,
                                    GPtrArray           *cards,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  ReadJob *job = g_new0 (ReadJob, 1);

  job->source_uid = g_strdup (source_uid);
  job->cards = g_ptr_array_ref (cards);
  rapport_db_run (store, rapport_contact_sync_db_read_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_READ, read_func, job, read_job_free,
                  (GDestroyNotify) rapport_contact_sync_state_free, NULL, cancellable, callback, user_data);
}

RapportContactSyncState *
rapport_contact_sync_db_read_finish (RapportContactStore  *store,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_contact_sync_db_read_async, error);
}

/* }}} */
/* Writing {{{ */

typedef struct
{
  char      *source_uid;
  GPtrArray *links;
  GStrv      gone;
  gint64     contact_id;   /* resolving */
  char      *synced;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_free (job->source_uid);
  g_clear_pointer (&job->links, g_ptr_array_unref);
  g_strfreev (job->gone);
  g_free (job->synced);
  g_free (job);
}

static gpointer
write_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  WriteJob *job = data;
  sqlite3_stmt *stmt = rapport_database_prepare (db,
    "INSERT INTO eds_contact_link (contact_id, source_uid, eds_uid, rev, synced, rapport_fingerprint,"
    "                              book_fingerprint, conflict)"
    "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    "  ON CONFLICT (contact_id) DO UPDATE SET source_uid = ?2, eds_uid = ?3, rev = ?4, synced = ?5,"
    "    rapport_fingerprint = ?6, book_fingerprint = ?7, conflict = ?8", error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < job->links->len; i++)
    {
      RapportContactLink *link = g_ptr_array_index (job->links, i);

      sqlite3_bind_int64 (stmt, 1, link->contact_id);
      rapport_sql_bind_text (stmt, 2, job->source_uid);
      rapport_sql_bind_text (stmt, 3, link->eds_uid);
      rapport_sql_bind_text (stmt, 4, link->rev);
      rapport_sql_bind_text (stmt, 5, link->synced);
      rapport_sql_bind_text (stmt, 6, link->rapport_fingerprint);
      rapport_sql_bind_text (stmt, 7, link->book_fingerprint);
      if (link->conflict != NULL)
        rapport_sql_bind_text (stmt, 8, link->conflict);
      else
        sqlite3_bind_null (stmt, 8);
      if (!rapport_sql_step_done (db, stmt, error))
        return NULL;
    }

  /* A contact deleted from the book stays in Rapport, unlinked. */
  stmt = rapport_database_prepare (db, "DELETE FROM eds_contact_link WHERE source_uid = ?1 AND eds_uid = ?2", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; job->gone != NULL && job->gone[i] != NULL; i++)
    {
      rapport_sql_bind_text (stmt, 1, job->source_uid);
      rapport_sql_bind_text (stmt, 2, job->gone[i]);
      if (!rapport_sql_step_done (db, stmt, error))
        return NULL;
    }
  return GINT_TO_POINTER (TRUE);
}

void
rapport_contact_sync_db_write_async (RapportContactStore *store,
                                     const char          *source_uid,
                                     GPtrArray           *links,
                                     GStrv                gone,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->source_uid = g_strdup (source_uid);
  job->links = g_ptr_array_ref (links);
  job->gone = g_strdupv (gone);
  rapport_db_run (store, rapport_contact_sync_db_write_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_TRANSACTION, write_func, job, write_job_free, NULL, NULL, cancellable,
                  callback, user_data);
}

gboolean
rapport_contact_sync_db_write_finish (RapportContactStore  *store,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_contact_sync_db_write_async, error);
}

static gpointer
resolve_func (RapportDatabase  *db,
              gpointer          data,
              GError          **error)
{
  WriteJob *job = data;
  /* The chosen side then reads as the one changed since the last sync,
   * and the next pass carries it to the other. */
  sqlite3_stmt *stmt = rapport_database_prepare (db,
    "UPDATE eds_contact_link SET synced = coalesce (?2, conflict), conflict = NULL,"
    "    rapport_fingerprint = '', book_fingerprint = ''"
    "  WHERE contact_id = ?1 AND conflict IS NOT NULL", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->contact_id);
  if (job->synced != NULL)
    rapport_sql_bind_text (stmt, 2, job->synced);
  else
    sqlite3_bind_null (stmt, 2);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
rapport_contact_sync_db_resolve_async (RapportContactStore *store,
                                       gint64               contact_id,
                                       const char          *synced,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  WriteJob *job = g_new0 (WriteJob, 1);

  job->contact_id = contact_id;
  job->synced = g_strdup (synced);
  rapport_db_run (store, rapport_contact_sync_db_resolve_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_WRITE, resolve_func, job, write_job_free, NULL, NULL, cancellable,
                  callback, user_data);
}

gboolean
rapport_contact_sync_db_resolve_finish (RapportContactStore  *store,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_contact_sync_db_resolve_async, error);
}

/* }}} */
