/* rapport-mailbox-ignored.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The addresses whose mail the mailbox sync leaves alone, set one by one
 * from a contact's page. What was read from such an address before stays
 * on the timeline (the user can delete it); only later mail is not read.
 */
#define G_LOG_DOMAIN "rapport-mailbox"

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-mail-match.h"
#include "rapport-mailbox-ignored.h"
#include "rapport-sql.h"

typedef struct
{
  char     *key;       /* casefolded, as the sync compares */
  gboolean  ignored;
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->key);
  g_free (change);
}

static gpointer
set_func (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  Change *change = data;
  sqlite3_stmt *stmt = rapport_database_prepare (db, change->ignored
    ? "INSERT INTO mail_ignored (address, created_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
    : "DELETE FROM mail_ignored WHERE address = ?1", error);

  if (stmt == NULL)
    return NULL;
  rapport_sql_bind_text (stmt, 1, change->key);
  if (change->ignored)
    sqlite3_bind_int64 (stmt, 2, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* From now on, mail from @address is read (@ignored FALSE) or not. */
void
rapport_mailbox_set_ignored_async (RapportContactStore *store,
                                   const char          *address,
                                   gboolean             ignored,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Change *change;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (address != NULL);

  change = g_new0 (Change, 1);
  change->key = rapport_mail_address_key (address);
  change->ignored = !!ignored;
  rapport_db_run (store, rapport_mailbox_set_ignored_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_WRITE, set_func, change, change_free, NULL, NULL, cancellable, callback,
                  user_data);
}

gboolean
rapport_mailbox_set_ignored_finish (RapportContactStore  *store,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_mailbox_set_ignored_async, error);
}

static gpointer
list_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = rapport_database_prepare (db, "SELECT address FROM mail_ignored ORDER BY address", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, rapport_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "ignored addresses", error), NULL;
  return g_strv_builder_end (builder);
}

/* The ignored addresses, casefolded (rapport_mail_address_key()). */
void
rapport_mailbox_list_ignored_async (RapportContactStore *store,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  rapport_db_run (store, rapport_mailbox_list_ignored_async, rapport_contact_store_get_database (store),
                  RAPPORT_DB_RUN_READ, list_func, NULL, NULL, (GDestroyNotify) g_strfreev, NULL, cancellable,
                  callback, user_data);
}

/**
 * rapport_mailbox_list_ignored_finish:
 *
 * Returns: (transfer full): the addresses, or %NULL with @error set
 */
GStrv
rapport_mailbox_list_ignored_finish (RapportContactStore  *store,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_mailbox_list_ignored_async, error);
}
