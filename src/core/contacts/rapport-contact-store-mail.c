/* rapport-contact-store-mail.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-template.h"
#include "rapport-contact-sql.h"
#include "rapport-contact-store-mail.h"
#include "rapport-contact-store-private.h"

/* Drafts and sent messages, through the contact store's jobs, so that the
 * contact's page hears of them and the reminders follow in the same
 * transaction (rapport_sql_commit_or_rollback()). */

/* Jobs {{{ */

static RapportDraft *
row_to_draft (sqlite3_stmt *stmt)
{
  RapportDraft *draft = rapport_draft_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                           rapport_sql_column_text (stmt, 3));

  rapport_draft_set_id (draft, sqlite3_column_int64 (stmt, 0));
  rapport_draft_set_to (draft, rapport_sql_column_text (stmt, 4));
  rapport_draft_set_subject (draft, rapport_sql_column_text (stmt, 5));
  rapport_draft_set_body (draft, rapport_sql_column_text (stmt, 6));
  rapport_draft_set_error (draft, rapport_sql_column_text (stmt, 7));
  rapport_draft_set_updated_at (draft, sqlite3_column_int64 (stmt, 8));
  return draft;
}

static gpointer
list_drafts_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  RapportContactStoreJob *job = data;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, contact_id, coalesce (meeting_id, 0), template_key, to_address, subject, body, error, updated_at "
    "FROM draft WHERE contact_id = ?1 ORDER BY updated_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (drafts, row_to_draft (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "drafts", error);
      return NULL;
    }
  return g_steal_pointer (&drafts);
}

static gpointer
save_draft_func (RapportDatabase  *db,
                 gpointer          data,
                 GError          **error)
{
  RapportContactStoreJob *job = data;
  RapportDraft *draft = RAPPORT_DRAFT (job->object);
  gint64 id = rapport_draft_get_id (draft);
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    id == 0 ? "INSERT INTO draft (contact_id, meeting_id, template_key, to_address, subject, body, error, "
              "  created_at, updated_at) VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6, ?7, ?8, ?8) RETURNING id"
            : "UPDATE draft SET meeting_id = nullif (?2, 0), template_key = ?3, to_address = ?4, subject = ?5, "
              "  body = ?6, error = ?7, updated_at = ?8 WHERE id = ?9 AND contact_id = ?1 RETURNING id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rapport_draft_get_contact_id (draft));
  sqlite3_bind_int64 (stmt, 2, rapport_draft_get_meeting_id (draft));
  rapport_sql_bind_text (stmt, 3, rapport_draft_get_template_key (draft));
  rapport_sql_bind_text (stmt, 4, rapport_draft_get_to (draft));
  rapport_sql_bind_text (stmt, 5, rapport_draft_get_subject (draft));
  rapport_sql_bind_text (stmt, 6, rapport_draft_get_body (draft));
  rapport_sql_bind_text (stmt, 7, rapport_draft_get_error (draft));
  sqlite3_bind_int64 (stmt, 8, rapport_sql_now ());
  if (id != 0)
    sqlite3_bind_int64 (stmt, 9, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                           _("The draft no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      rapport_sql_fail (db, rc, "draft", error);
      return NULL;
    }
  return g_memdup2 (&id, sizeof id);
}

static gboolean
delete_draft (RapportDatabase  *db,
              gint64            id,
              GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, "DELETE FROM draft WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rapport_sql_step_done (db, stmt, error);
}

static gpointer
delete_draft_func (RapportDatabase  *db,
                   gpointer          data,
                   GError          **error)
{
  RapportContactStoreJob *job = data;

  return delete_draft (db, job->id, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* The timeline entry's body: the message as it went out. */
static char *
entry_body (RapportDraft *message)
{
  /* Translators: the start of a sent message on the timeline; %s is an address */
  return g_strdup_printf (_("To: %s\nSubject: %s\n\n%s"), rapport_draft_get_to (message),
                          rapport_draft_get_subject (message), rapport_draft_get_body (message));
}

/* Puts the message on @other's (job->other) timeline, tied to its meeting,
 * drops its draft, and moves the contact along: a request makes a contact
 * still to be contacted "Request sent", a thank-you a contact met
 * "Thanked". The reminders follow when the transaction commits. */
static gpointer
record_mail_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  RapportContactStoreJob *job = data;
  RapportDraft *message = RAPPORT_DRAFT (job->object);
  RapportTemplatePurpose purpose = rapport_template_purpose_for_key (rapport_draft_get_template_key (message));
  RapportInteractionKind kind = rapport_interaction_get_kind (job->interaction);
  g_autofree char *body = entry_body (message);
  RapportStage stage;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;

  stmt = rapport_database_prepare (db,
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, body, meeting_id, created_at, updated_at, "
    "  message_id) "
    "VALUES (?1, ?2, ?3, ?4, ?5, coalesce ((SELECT id FROM meeting WHERE id = ?6), "
    "  (SELECT id FROM meeting WHERE ?9 AND contact_id = ?8 AND status = 2 ORDER BY starts_at, id LIMIT 1)), ?7, ?7, "
    "  nullif (?10, ''))",
    error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, job->other);
      sqlite3_bind_int (stmt, 2, kind);
      sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (rapport_interaction_get_happened_at (job->interaction)));
      rapport_sql_bind_text (stmt, 4, rapport_interaction_get_summary (job->interaction));
      rapport_sql_bind_text (stmt, 5, body);
      sqlite3_bind_int64 (stmt, 6, rapport_draft_get_meeting_id (message));
      sqlite3_bind_int64 (stmt, 7, rapport_sql_now ());
      /* An update to the referrer written without a meeting at hand is
       * about the first one held, the one their reminder is for. */
      sqlite3_bind_int64 (stmt, 8, rapport_draft_get_contact_id (message));
      sqlite3_bind_int (stmt, 9, purpose == RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE);
      /* So that the reply to it is known for what it is, and the copy in
       * the Sent folder is not a second entry (rapport-mailbox-sql.c). */
      rapport_sql_bind_text (stmt, 10, rapport_draft_get_message_id (message));
      ok = rapport_sql_step_done (db, stmt, error);
      id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
    }

  ok = ok && rapport_contact_sql_reindex (db, job->other, error);
  if (ok && rapport_draft_get_id (message) != 0)
    ok = delete_draft (db, rapport_draft_get_id (message), error);

  if (ok && job->other == rapport_draft_get_contact_id (message))
    {
      ok = rapport_contact_sql_read_stage (db, job->other, &stage, error);
      if (ok && purpose == RAPPORT_TEMPLATE_PURPOSE_REQUEST && stage == RAPPORT_STAGE_TO_CONTACT)
        ok = rapport_contact_sql_set_stage (db, job->other, RAPPORT_STAGE_REQUEST_SENT, 0, error);
      else if (ok && purpose == RAPPORT_TEMPLATE_PURPOSE_THANK_YOU && stage == RAPPORT_STAGE_MET)
        ok = rapport_contact_sql_set_stage (db, job->other, RAPPORT_STAGE_THANKED,
                                            rapport_draft_get_meeting_id (message), error);
    }

  if (!rapport_sql_commit_or_rollback (db, ok, error))
    return NULL;
  return g_memdup2 (&id, sizeof id);
}

/* }}} */
/* Public API {{{ */

void
rapport_contact_store_list_drafts_async (RapportContactStore *self,
                                         gint64               contact_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  _rapport_contact_store_run (self, list_drafts_func, job, (GDestroyNotify) g_ptr_array_unref, FALSE, 0,
                              rapport_contact_store_list_drafts_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_list_drafts_finish:
 *
 * Returns: (transfer full) (element-type RapportDraft): the contact's
 *   drafts, newest first
 */
GPtrArray *
rapport_contact_store_list_drafts_finish (RapportContactStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_contact_store_list_drafts_async, error);
}

/* Saves a new draft (id 0) or overwrites one; @draft is copied. */
void
rapport_contact_store_save_draft_async (RapportContactStore *self,
                                        RapportDraft        *draft,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (RAPPORT_IS_DRAFT (draft));

  job = g_new0 (RapportContactStoreJob, 1);
  job->object = G_OBJECT (rapport_draft_copy (draft));
  _rapport_contact_store_run (self, save_draft_func, job, g_free, TRUE, rapport_draft_get_contact_id (draft),
                              rapport_contact_store_save_draft_async, cancellable, callback, user_data);
}

/* Returns: the draft's id, or 0 with @error set */
gint64
rapport_contact_store_save_draft_finish (RapportContactStore  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return rapport_db_run_finish_id (self, result, rapport_contact_store_save_draft_async, error);
}

void
rapport_contact_store_delete_draft_async (RapportContactStore *self,
                                          gint64               draft_id,
                                          gint64               contact_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = draft_id;
  _rapport_contact_store_run (self, delete_draft_func, job, NULL, TRUE, contact_id,
                              rapport_contact_store_delete_draft_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_delete_draft_finish (RapportContactStore  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_delete_draft_async, error);
}

/**
 * rapport_contact_store_record_mail_async:
 * @message: the message that went out (to, subject, body, its template and
 *   meeting); its draft, if it has an id, is deleted
 * @timeline_contact_id: whose timeline it goes on: the contact, or for an
 *   update to the referrer, the referrer
 * @kind: %RAPPORT_INTERACTION_EMAIL_SENT or _THANK_YOU_SENT
 * @summary: the timeline entry's line
 *
 * Records a message sent (or handed to the mail app) in one transaction.
 */
void
rapport_contact_store_record_mail_async (RapportContactStore    *self,
                                         RapportDraft           *message,
                                         gint64                  timeline_contact_id,
                                         RapportInteractionKind  kind,
                                         const char             *summary,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data)
{
  RapportContactStoreJob *job;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (RAPPORT_IS_DRAFT (message));
  g_return_if_fail (summary != NULL);

  now = g_date_time_new_from_unix_utc (rapport_sql_now ());
  job = g_new0 (RapportContactStoreJob, 1);
  job->object = G_OBJECT (rapport_draft_copy (message));
  job->other = timeline_contact_id;
  job->interaction = rapport_interaction_new (timeline_contact_id, kind, now, summary, "");
  _rapport_contact_store_run (self, record_mail_func, job, g_free, TRUE,
                              timeline_contact_id == rapport_draft_get_contact_id (message) ? timeline_contact_id : 0,
                              rapport_contact_store_record_mail_async, cancellable, callback, user_data);
}

/* Returns: the timeline entry's id, or 0 with @error set */
gint64
rapport_contact_store_record_mail_finish (RapportContactStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return rapport_db_run_finish_id (self, result, rapport_contact_store_record_mail_async, error);
}

/* }}} */
