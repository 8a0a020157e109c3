/* rapport-contact-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include "rapport-contact-sql.h"
#include "rapport-contact-store.h"
#include "rapport-contact-store-private.h"
#include "rapport-db-run.h"

/* Contacts, their organisations, tags and timelines, over the database's
 * single worker: every function here queues a job and answers on the main
 * thread. Writes are one transaction each, and "changed" is emitted once a
 * write has been committed, so lists and detail views can refresh. */

struct _RapportContactStore
{
  GObject          parent_instance;

  RapportDatabase *database;
};

G_DEFINE_FINAL_TYPE (RapportContactStore, rapport_contact_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (rapport-contact-store-error-quark, rapport_contact_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds that count for "last contacted"; keep in step with the triggers
 * in rapport-migrations.c and rapport_interaction_kind_is_contact(). */

/* Jobs {{{ */

static void
job_free (gpointer data)
{
  RapportContactStoreJob *job = data;

  g_clear_pointer (&job->query, rapport_contact_query_free);
  g_clear_pointer (&job->ids, g_free);
  g_clear_object (&job->contact);
  g_clear_object (&job->interaction);
  g_clear_pointer (&job->contacts, g_ptr_array_unref);
  g_clear_object (&job->object);
  g_free (job);
}

static gpointer
query_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  RapportContactStoreJob *job = data;

  return rapport_contact_sql_query (db, job->query, error);
}

static gpointer
load_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  RapportContactStoreJob *job = data;

  return rapport_contact_sql_load_many (db, job->ids, job->n_ids, error);
}

static gpointer
save_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  RapportContactStoreJob *job = data;
  gint64 id;

  if (!rapport_sql_begin (db, error))
    return NULL;
  id = rapport_contact_sql_save (db, job->contact, error);
  if (!rapport_sql_commit_or_rollback (db, id != 0, error))
    return NULL;

  return g_memdup2 (&id, sizeof id);
}

static gpointer
insert_many_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  RapportContactStoreJob *job = data;
  gboolean ok = TRUE;

  if (!rapport_sql_begin_bulk (db, error))
    return NULL;
  for (guint i = 0; ok && i < job->contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (job->contacts, i);
      gint64 id = rapport_contact_sql_save (db, contact, error);

      ok = id != 0;
    }
  if (!rapport_sql_end_bulk (db, ok, error))
    return NULL;

  return GINT_TO_POINTER (TRUE);
}

static gpointer
set_stage_func (RapportDatabase  *db,
                gpointer          data,
                GError          **error)
{
  RapportContactStoreJob *job = data;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;
  ok = rapport_contact_sql_set_stage (db, job->id, job->other, 0, error);
  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
trash_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  RapportContactStoreJob *job = data;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!rapport_sql_begin (db, error))
    return NULL;

  stmt = rapport_database_prepare (db, "UPDATE contact SET trashed = ?2 WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, job->id);
      sqlite3_bind_int (stmt, 2, job->other != 0);
      ok = rapport_sql_step_done (db, stmt, error) && rapport_contact_sql_reindex (db, job->id, error);
    }

  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
purge_func (RapportDatabase  *db,
            gpointer          data,
            GError          **error)
{
  RapportContactStoreJob *job = data;
  sqlite3_stmt *stmt;

  /* ON DELETE clauses clear the referral links to these contacts and remove
   * their addresses, tags and timelines; the search rows went at trashing. */
  stmt = rapport_database_prepare (db, "DELETE FROM contact WHERE trashed = 1 AND (?1 = 0 OR id = ?1)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

typedef struct
{
  GPtrArray *chain;
  GPtrArray *referred;
} Referrals;

static void
referrals_free (gpointer data)
{
  Referrals *referrals = data;

  g_clear_pointer (&referrals->chain, g_ptr_array_unref);
  g_clear_pointer (&referrals->referred, g_ptr_array_unref);
  g_free (referrals);
}

static GArray *
select_ids (RapportDatabase  *db,
            const char       *sql,
            gint64            id,
            GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, sql, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gpointer
referrals_func (RapportDatabase  *db,
                gpointer          data,
                GError          **error)
{
  RapportContactStoreJob *job = data;
  g_autoptr(GArray) up = NULL;
  g_autoptr(GArray) down = NULL;
  Referrals *referrals;

  /* UNION (not UNION ALL) and the depth limit keep a loop written by an
   * older version or by hand from running forever. */
  up = select_ids (db,
    "WITH RECURSIVE up (id, depth) AS ("
    "  SELECT referred_by, 1 FROM contact WHERE id = ?1 AND referred_by IS NOT NULL"
    "  UNION SELECT c.referred_by, up.depth + 1 FROM contact c JOIN up ON c.id = up.id"
    "  WHERE c.referred_by IS NOT NULL AND up.depth < 100"
    ") SELECT up.id FROM up JOIN contact c ON c.id = up.id WHERE c.trashed = 0 AND up.id != ?1 "
    "GROUP BY up.id ORDER BY min (up.depth)", job->id, error);
  if (up == NULL)
    return NULL;

  down = select_ids (db, "SELECT id FROM contact WHERE referred_by = ?1 AND trashed = 0 ORDER BY sort_key",
                     job->id, error);
  if (down == NULL)
    return NULL;

  referrals = g_new0 (Referrals, 1);
  referrals->chain = rapport_contact_sql_load_many (db, (gint64 *) (gpointer) up->data, up->len, error);
  referrals->referred = referrals->chain ? rapport_contact_sql_load_many (db, (gint64 *) (gpointer) down->data, down->len, error) : NULL;
  if (referrals->referred == NULL)
    {
      referrals_free (referrals);
      return NULL;
    }

  return referrals;
}

static gpointer
list_tags_func (RapportDatabase  *db,
                gpointer          data,
                GError          **error)
{
  return rapport_contact_sql_strings (db,
                       "SELECT t.name FROM tag t WHERE ?1 = ?1 AND EXISTS ("
                       "  SELECT 1 FROM contact_tag ct JOIN contact c ON c.id = ct.contact_id "
                       "  WHERE ct.tag_id = t.id AND c.trashed = 0) ORDER BY t.name COLLATE NOCASE",
                       0, error);
}

/* }}} */
/* Plumbing {{{ */

static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  RapportContactStoreJob *job = data;

  g_signal_emit (source_object, signals[CHANGED], 0, job->changed_id);
}

void
_rapport_contact_store_run (RapportContactStore    *self,
                            RapportDatabaseFunc     func,
                            RapportContactStoreJob *job,
                            GDestroyNotify          result_free,
                            gboolean                is_write,
                            gint64                  changed_id,
                            gpointer                source_tag,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  job->changed_id = changed_id;
  rapport_db_run (self, source_tag, self->database, is_write ? RAPPORT_DB_RUN_WRITE : RAPPORT_DB_RUN_READ,
                  func, job, job_free, result_free, is_write ? announce : NULL,
                  cancellable, callback, user_data);
}

/* }}} */
/* GObject {{{ */

static void
rapport_contact_store_dispose (GObject *object)
{
  RapportContactStore *self = (RapportContactStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rapport_contact_store_parent_class)->dispose (object);
}

static void
rapport_contact_store_class_init (RapportContactStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_contact_store_dispose;

  /**
   * RapportContactStore::changed:
   * @contact_id: the contact that changed, or 0 when many did
   *
   * Emitted on the main thread once a write has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rapport_contact_store_init (RapportContactStore *self)
{
}

/* }}} */
/* Public API {{{ */

RapportContactStore *
rapport_contact_store_new (RapportDatabase *database)
{
  RapportContactStore *self;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTACT_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

/**
 * rapport_contact_store_notify_changed:
 *
 * For writers outside the store (the importer): emits "changed".
 */
void
rapport_contact_store_notify_changed (RapportContactStore *self,
                                      gint64               contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, contact_id);
}

RapportDatabase *
rapport_contact_store_get_database (RapportContactStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (self), NULL);
  return self->database;
}

void
rapport_contact_store_query_async (RapportContactStore       *self,
                                   const RapportContactQuery *query,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (query != NULL);

  job = g_new0 (RapportContactStoreJob, 1);
  job->query = rapport_contact_query_copy (query);
  _rapport_contact_store_run (self, query_func, job, (GDestroyNotify) g_array_unref, FALSE, 0,
       rapport_contact_store_query_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_query_finish:
 *
 * Returns: (transfer full): the ids of the matching contacts, in order
 */
GArray *
rapport_contact_store_query_finish (RapportContactStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_contact_store_query_async, error);
}

void
rapport_contact_store_load_async (RapportContactStore *self,
                                  const gint64        *ids,
                                  guint                n_ids,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  job = g_new0 (RapportContactStoreJob, 1);
  job->ids = g_memdup2 (ids, sizeof (gint64) * n_ids);
  job->n_ids = n_ids;
  _rapport_contact_store_run (self, load_func, job, (GDestroyNotify) g_ptr_array_unref, FALSE, 0,
       rapport_contact_store_load_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_load_finish:
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts that
 *   still exist, in the order asked for
 */
GPtrArray *
rapport_contact_store_load_finish (RapportContactStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_contact_store_load_async, error);
}

/**
 * rapport_contact_store_save_async:
 *
 * Inserts @contact if its id is 0, otherwise updates it, with its emails,
 * phones, tags, organisation (created when new) and referrer. A change of
 * stage is written to the timeline.
 */
void
rapport_contact_store_save_async (RapportContactStore *self,
                                  RapportContact      *contact,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (RAPPORT_IS_CONTACT (contact));

  job = g_new0 (RapportContactStoreJob, 1);
  job->contact = rapport_contact_copy (contact);
  _rapport_contact_store_run (self, save_func, job, g_free, TRUE, rapport_contact_get_id (contact),
       rapport_contact_store_save_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_save_finish:
 *
 * Returns: the contact's id, or 0 with @error set
 */
gint64
rapport_contact_store_save_finish (RapportContactStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  return rapport_db_run_finish_id (self, result, rapport_contact_store_save_async, error);
}

/**
 * rapport_contact_store_insert_many_async:
 * @contacts: (element-type RapportContact): new contacts
 *
 * Inserts all of @contacts in one transaction: all or nothing.
 */
void
rapport_contact_store_insert_many_async (RapportContactStore *self,
                                         GPtrArray           *contacts,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (contacts != NULL);

  job = g_new0 (RapportContactStoreJob, 1);
  job->contacts = g_ptr_array_ref (contacts);
  _rapport_contact_store_run (self, insert_many_func, job, NULL, TRUE, 0,
       rapport_contact_store_insert_many_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_insert_many_finish (RapportContactStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_insert_many_async, error);
}

void
rapport_contact_store_set_stage_async (RapportContactStore *self,
                                       gint64               contact_id,
                                       RapportStage         stage,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));
  g_return_if_fail (stage < RAPPORT_N_STAGES);

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  job->other = stage;
  _rapport_contact_store_run (self, set_stage_func, job, NULL, TRUE, contact_id,
       rapport_contact_store_set_stage_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_set_stage_finish (RapportContactStore  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_set_stage_async, error);
}

/**
 * rapport_contact_store_trash_async:
 * @trashed: %TRUE to delete (undoably), %FALSE to bring back
 *
 * A trashed contact disappears from every list and search at once, but keeps
 * all its data until rapport_contact_store_purge_trash_async().
 */
void
rapport_contact_store_trash_async (RapportContactStore *self,
                                   gint64               contact_id,
                                   gboolean             trashed,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  job->other = trashed;
  _rapport_contact_store_run (self, trash_func, job, NULL, TRUE, contact_id,
       rapport_contact_store_trash_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_trash_finish (RapportContactStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_trash_async, error);
}

/**
 * rapport_contact_store_purge_trash_async:
 * @contact_id: the trashed contact to remove for good, or 0 for all
 */
void
rapport_contact_store_purge_trash_async (RapportContactStore *self,
                                         gint64               contact_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  _rapport_contact_store_run (self, purge_func, job, NULL, TRUE, contact_id,
       rapport_contact_store_purge_trash_async, cancellable, callback, user_data);
}

gboolean
rapport_contact_store_purge_trash_finish (RapportContactStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_contact_store_purge_trash_async, error);
}

void
rapport_contact_store_referrals_async (RapportContactStore *self,
                                       gint64               contact_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  RapportContactStoreJob *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  job = g_new0 (RapportContactStoreJob, 1);
  job->id = contact_id;
  _rapport_contact_store_run (self, referrals_func, job, referrals_free, FALSE, 0,
       rapport_contact_store_referrals_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_referrals_finish:
 * @chain: (out) (transfer full) (element-type RapportContact): who introduced
 *   the contact, then who introduced them, and so on up
 * @referred: (out) (transfer full) (element-type RapportContact): whom the
 *   contact introduced
 */
gboolean
rapport_contact_store_referrals_finish (RapportContactStore  *self,
                                        GAsyncResult         *result,
                                        GPtrArray           **chain,
                                        GPtrArray           **referred,
                                        GError              **error)
{
  Referrals *referrals = rapport_db_run_finish (self, result, rapport_contact_store_referrals_async, error);

  if (referrals == NULL)
    return FALSE;

  if (chain != NULL)
    *chain = g_steal_pointer (&referrals->chain);
  if (referred != NULL)
    *referred = g_steal_pointer (&referrals->referred);
  referrals_free (referrals);
  return TRUE;
}

void
rapport_contact_store_list_tags_async (RapportContactStore *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (self));

  _rapport_contact_store_run (self, list_tags_func, g_new0 (RapportContactStoreJob, 1), (GDestroyNotify) g_strfreev, FALSE, 0,
       rapport_contact_store_list_tags_async, cancellable, callback, user_data);
}

/**
 * rapport_contact_store_list_tags_finish:
 *
 * Returns: (transfer full): the tags in use, sorted
 */
char **
rapport_contact_store_list_tags_finish (RapportContactStore  *self,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_contact_store_list_tags_async, error);
}

/* }}} */
