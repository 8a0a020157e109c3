/* rapport-mailbox-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database side of reading the user's mailbox: what a sync needs to
 * decide what concerns a contact, and, in one transaction, the timeline
 * entries it found with where each folder's sync stopped. The entries are
 * ordinary interactions, so the reminder rules react to a reply found in
 * the mailbox exactly as to one logged by hand (they run in the same
 * transaction, rapport_sql_commit_or_rollback()).
 */
#define G_LOG_DOMAIN "rapport-mailbox"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-sql.h"
#include "rapport-db-run.h"
#include "rapport-mailbox-sql.h"
#include "rapport-sql.h"

void
rapport_mailbox_snapshot_free (RapportMailboxSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->index, rapport_mail_index_unref);
  g_clear_pointer (&snapshot->folders, g_ptr_array_unref);
  g_free (snapshot);
}

void
rapport_mailbox_reply_free (RapportMailboxReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->name);
  g_free (reply);
}

typedef struct
{
  char       *account;
  GStrv       own;
  GPtrArray  *folders;
  GPtrArray  *matches;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->account);
  g_strfreev (job->own);
  g_clear_pointer (&job->folders, g_ptr_array_unref);
  g_clear_pointer (&job->matches, g_ptr_array_unref);
  g_free (job);
}

/* Loading {{{ */

static gpointer
load_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Job *job = data;
  g_autoptr(RapportMailboxSnapshot) snapshot = g_new0 (RapportMailboxSnapshot, 1);
  sqlite3_stmt *stmt;
  int rc;

  snapshot->index = rapport_mail_index_new ();
  snapshot->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_mail_folder_state_free);
  for (guint i = 0; job->own != NULL && job->own[i] != NULL; i++)
    rapport_mail_index_add_own (snapshot->index, job->own[i]);

  stmt = rapport_database_prepare (db,
    "SELECT e.address, e.contact_id FROM contact_email e JOIN contact c ON c.id = e.contact_id "
    "WHERE NOT c.trashed ORDER BY c.id, e.position", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_mail_index_add_contact (snapshot->index, rapport_sql_column_text (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "contact addresses", error), NULL;

  stmt = rapport_database_prepare (db, "SELECT address FROM mail_ignored", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_mail_index_add_ignored (snapshot->index, rapport_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "ignored addresses", error), NULL;

  /* Only what Rapport sent (a sent kind), not what it read: a reply to a
   * reply the contact sent is found by their address anyway. */
  stmt = rapport_database_prepare (db,
    "SELECT message_id, contact_id FROM interaction WHERE message_id IS NOT NULL AND kind IN (0, 6)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    rapport_mail_index_add_sent (snapshot->index, rapport_sql_column_text (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "sent messages", error), NULL;

  stmt = rapport_database_prepare (db,
    "SELECT folder, uidvalidity, last_uid, modseq FROM mailbox_folder WHERE account = ?1", error);
  if (stmt == NULL)
    return NULL;
  rapport_sql_bind_text (stmt, 1, job->account);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportMailFolderState *state = rapport_mail_folder_state_new (rapport_sql_column_text (stmt, 0));

      state->uidvalidity = (guint32) sqlite3_column_int64 (stmt, 1);
      state->last_uid = (guint32) sqlite3_column_int64 (stmt, 2);
      state->modseq = (guint64) sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (snapshot->folders, state);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "mailbox folders", error), NULL;

  return g_steal_pointer (&snapshot);
}

/**
 * rapport_mailbox_load_async:
 * @account: the mail account's key (its user name on its server)
 * @own_addresses: the user's own addresses, mail from which is theirs
 */
void
rapport_mailbox_load_async (RapportContactStore *store,
                            const char          *account,
                            const char * const  *own_addresses,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (account != NULL);

  job = g_new0 (Job, 1);
  job->account = g_strdup (account);
  job->own = g_strdupv ((GStrv) own_addresses);
  rapport_db_run (store, rapport_mailbox_load_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_READ, load_func, job, job_free,
                  (GDestroyNotify) rapport_mailbox_snapshot_free, NULL, cancellable, callback, user_data);
}

RapportMailboxSnapshot *
rapport_mailbox_load_finish (RapportContactStore  *store,
                             GAsyncResult         *result,
                             GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_mailbox_load_async, error);
}

/* }}} */
/* Applying {{{ */

static gboolean
insert_match (RapportDatabase   *db,
              RapportMailMatch  *match,
              GPtrArray         *replies,
              GHashTable        *touched,
              GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 now = rapport_sql_now ();
  int changes;
  int rc;

  /* Once per message: whatever contact it was put on first (a message
   * found in INBOX and Sent, at each sync, or sent by Rapport itself). */
  stmt = rapport_database_prepare (db,
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, body, message_id, created_at, updated_at) "
    "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7 WHERE EXISTS (SELECT 1 FROM contact WHERE id = ?1 AND NOT trashed) "
    "AND NOT EXISTS (SELECT 1 FROM interaction WHERE message_id = ?6) "
    "RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, match->contact_id);
  sqlite3_bind_int (stmt, 2, match->kind);
  sqlite3_bind_int64 (stmt, 3, match->date);
  rapport_sql_bind_text (stmt, 4, match->subject != NULL && match->subject[0] != '\0'
                                  ? match->subject : _("(no subject)"));
  rapport_sql_bind_text (stmt, 5, match->snippet != NULL ? match->snippet : "");
  rapport_sql_bind_text (stmt, 6, match->message_id);
  sqlite3_bind_int64 (stmt, 7, now);
  rc = sqlite3_step (stmt);
  changes = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "mail entry", error);
  if (!changes)
    return TRUE;

  g_hash_table_add (touched, g_memdup2 (&match->contact_id, sizeof match->contact_id));
  if (match->kind == RAPPORT_INTERACTION_EMAIL_RECEIVED)
    {
      RapportMailboxReply *reply = g_new0 (RapportMailboxReply, 1);

      stmt = rapport_database_prepare (db, "SELECT display_name FROM contact WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, match->contact_id);
      rc = sqlite3_step (stmt);
      reply->contact_id = match->contact_id;
      reply->name = g_strdup (rc == SQLITE_ROW ? rapport_sql_column_text (stmt, 0) : "");
      sqlite3_reset (stmt);
      g_ptr_array_add (replies, reply);
    }
  return TRUE;
}

static gboolean
save_folder (RapportDatabase         *db,
             const char              *account,
             RapportMailFolderState  *state,
             GError                 **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db,
    "INSERT INTO mailbox_folder (account, folder, uidvalidity, last_uid, modseq, synced_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account, folder) DO UPDATE SET "
    "uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, modseq = excluded.modseq, "
    "synced_at = excluded.synced_at", error);

  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, account);
  rapport_sql_bind_text (stmt, 2, state->name);
  sqlite3_bind_int64 (stmt, 3, state->uidvalidity);
  sqlite3_bind_int64 (stmt, 4, state->last_uid);
  sqlite3_bind_int64 (stmt, 5, (gint64) state->modseq);
  sqlite3_bind_int64 (stmt, 6, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error);
}

static gpointer
apply_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_mailbox_reply_free);
  g_autoptr(GHashTable) touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < job->matches->len; i++)
    if (!insert_match (db, job->matches->pdata[i], replies, touched, error))
      return NULL;
  g_hash_table_iter_init (&iter, touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!rapport_contact_sql_reindex (db, *(gint64 *) key, error))
      return NULL;
  for (guint i = 0; i < job->folders->len; i++)
    if (!save_folder (db, job->account, job->folders->pdata[i], error))
      return NULL;
  return g_steal_pointer (&replies);
}

static void
applied (gpointer source_object,
         gpointer data,
         gpointer result)
{
  Job *job = data;

  if (job->matches->len > 0)
    rapport_contact_store_notify_changed (source_object, 0);
}

/**
 * rapport_mailbox_apply_async:
 * @folders: (element-type RapportMailFolderState): where each folder's sync
 *   stopped
 * @matches: (element-type RapportMailMatch): what concerns a contact
 *
 * Adds the entries and the folders' states in one transaction.
 */
void
rapport_mailbox_apply_async (RapportContactStore *store,
                             const char          *account,
                             GPtrArray           *folders,
                             GPtrArray           *matches,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (account != NULL && folders != NULL && matches != NULL);

  job = g_new0 (Job, 1);
  job->account = g_strdup (account);
  job->folders = g_ptr_array_ref (folders);
  job->matches = g_ptr_array_ref (matches);
  rapport_db_run (store, rapport_mailbox_apply_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_TRANSACTION, apply_func, job, job_free, (GDestroyNotify) g_ptr_array_unref,
                  applied, cancellable, callback, user_data);
}

/**
 * rapport_mailbox_apply_finish:
 *
 * Returns: (transfer full) (element-type RapportMailboxReply): the replies
 *   added, or %NULL with @error set
 */
GPtrArray *
rapport_mailbox_apply_finish (RapportContactStore  *store,
                              GAsyncResult         *result,
                              GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_mailbox_apply_async, error);
}

/* }}} */
