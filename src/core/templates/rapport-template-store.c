/* rapport-template-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-template-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-db-run.h"
#include "rapport-sql.h"
#include "rapport-template-store.h"

/* Built-in templates are stored only once edited, under their key, like
 * the question bank's seeds: untouched ones follow the language and the
 * wording of newer releases. Resetting one deletes the edit. */

struct _RapportTemplateStore
{
  GObject          parent_instance;

  RapportDatabase *database;
};

G_DEFINE_FINAL_TYPE (RapportTemplateStore, rapport_template_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (rapport-template-store-error-quark, rapport_template_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Jobs {{{ */

typedef struct
{
  gint64           id;
  char            *key;
  RapportTemplate *template;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->key, g_free);
  g_clear_object (&job->template);
  g_free (job);
}

static RapportTemplate *
row_to_template (sqlite3_stmt *stmt)
{
  RapportTemplate *template = rapport_template_new (rapport_sql_column_text (stmt, 2),
                                                    rapport_sql_column_text (stmt, 3),
                                                    rapport_sql_column_text (stmt, 4));

  rapport_template_set_id (template, sqlite3_column_int64 (stmt, 0));
  rapport_template_set_key (template, rapport_sql_column_text (stmt, 1));
  rapport_template_set_modified (template, rapport_template_get_key (template) != NULL);
  return template;
}

static gpointer
list_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) edited = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) own = g_ptr_array_new_with_free_func (g_object_unref);
  const char * const *keys = rapport_template_get_builtin_keys ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id, key, name, subject, body FROM template ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportTemplate *template = row_to_template (stmt);
      const char *key = rapport_template_get_key (template);

      /* an edit of a built-in a later release dropped is the user's own */
      if (key != NULL && !rapport_template_is_builtin_key (key))
        {
          rapport_template_set_key (template, NULL);
          rapport_template_set_modified (template, FALSE);
          key = NULL;
        }
      if (key != NULL)
        g_hash_table_insert (edited, (gpointer) key, template);
      else
        g_ptr_array_add (own, template);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "templates", error);
      return NULL;
    }

  for (guint i = 0; keys[i] != NULL; i++)
    {
      RapportTemplate *template = g_hash_table_lookup (edited, keys[i]);

      g_ptr_array_add (templates, template != NULL ? g_object_ref (template)
                                                   : rapport_template_new_builtin (keys[i]));
    }
  g_ptr_array_extend_and_steal (templates, g_steal_pointer (&own));
  return g_steal_pointer (&templates);
}

static gpointer
save_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Job *job = data;
  RapportTemplate *template = job->template;
  const char *key = rapport_template_get_key (template);
  g_autofree char *name = g_strstrip (g_strdup (rapport_template_get_name (template)));
  gint64 id = rapport_template_get_id (template);
  gint64 now = rapport_sql_now ();
  sqlite3_stmt *stmt;

  if (name[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_TEMPLATE_STORE_ERROR, RAPPORT_TEMPLATE_STORE_ERROR_INVALID,
                           _("A template needs a name."));
      return NULL;
    }
  if (key != NULL && rapport_template_is_builtin_key (key))
    stmt = rapport_database_prepare (db,
      "INSERT INTO template (key, name, subject, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
      "ON CONFLICT (key) DO UPDATE SET name = excluded.name, subject = excluded.subject, body = excluded.body, "
      "  updated_at = excluded.updated_at RETURNING id", error);
  else if (id == 0)
    stmt = rapport_database_prepare (db,
      "INSERT INTO template (key, name, subject, body, created_at, updated_at) VALUES (NULL, ?2, ?3, ?4, ?5, ?5) "
      "RETURNING id", error);
  else
    stmt = rapport_database_prepare (db,
      "UPDATE template SET name = ?2, subject = ?3, body = ?4, updated_at = ?5 WHERE id = ?6 AND key IS NULL "
      "RETURNING id", error);
  if (stmt == NULL)
    return NULL;

  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rapport_sql_bind_text (stmt, 2, name);
  rapport_sql_bind_text (stmt, 3, rapport_template_get_subject (template));
  rapport_sql_bind_text (stmt, 4, rapport_template_get_body (template));
  sqlite3_bind_int64 (stmt, 5, now);
  if (key == NULL && id != 0)
    sqlite3_bind_int64 (stmt, 6, id);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return rapport_db_id_result (id);
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      g_set_error_literal (error, RAPPORT_TEMPLATE_STORE_ERROR, RAPPORT_TEMPLATE_STORE_ERROR_NOT_FOUND,
                           _("The template no longer exists."));
      return NULL;
    default:
      rapport_sql_fail (db, sqlite3_reset (stmt), "template", error);
      return NULL;
    }
}

static gpointer
delete_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  Job *job = data;
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db,
    job->key != NULL ? "DELETE FROM template WHERE key = ?1" : "DELETE FROM template WHERE id = ?2 AND key IS NULL",
    error);
  if (stmt == NULL)
    return NULL;
  if (job->key != NULL)
    sqlite3_bind_text (stmt, 1, job->key, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 2, job->id);
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* }}} */
/* Plumbing {{{ */

static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  g_signal_emit (source_object, signals[CHANGED], 0);
}

static void
run (RapportTemplateStore *self,
     RapportDbRunFlags     flags,
     RapportDatabaseFunc   func,
     Job                  *job,
     GDestroyNotify        result_free,
     gpointer              source_tag,
     GCancellable         *cancellable,
     GAsyncReadyCallback   callback,
     gpointer              user_data)
{
  rapport_db_run (self, source_tag, self->database, flags, func, job, job_free, result_free,
                  (flags & RAPPORT_DB_RUN_WRITE) ? announce : NULL, cancellable, callback, user_data);
}

/* }}} */
/* GObject {{{ */

static void
rapport_template_store_dispose (GObject *object)
{
  RapportTemplateStore *self = (RapportTemplateStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rapport_template_store_parent_class)->dispose (object);
}

static void
rapport_template_store_class_init (RapportTemplateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_template_store_dispose;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_template_store_init (RapportTemplateStore *self)
{
}

/* }}} */
/* Public API {{{ */

RapportTemplateStore *
rapport_template_store_new (RapportDatabase *database)
{
  RapportTemplateStore *self;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), NULL);

  self = g_object_new (RAPPORT_TYPE_TEMPLATE_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

void
rapport_template_store_list_async (RapportTemplateStore *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_TEMPLATE_STORE (self));

  run (self, RAPPORT_DB_RUN_READ, list_func, g_new0 (Job, 1), (GDestroyNotify) g_ptr_array_unref,
       rapport_template_store_list_async, cancellable, callback, user_data);
}

/**
 * rapport_template_store_list_finish:
 *
 * Returns: (transfer full) (element-type RapportTemplate): the built-in
 *   templates in their order (edited or not), then the user's own by name
 */
GPtrArray *
rapport_template_store_list_finish (RapportTemplateStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_template_store_list_async, error);
}

/**
 * rapport_template_store_save_async:
 * @template: a built-in one (its edit is stored under its key), a new one
 *   of the user's own (id 0, no key) or an edited one; it is copied
 */
void
rapport_template_store_save_async (RapportTemplateStore *self,
                                   RapportTemplate      *template,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_TEMPLATE_STORE (self));
  g_return_if_fail (RAPPORT_IS_TEMPLATE (template));

  job = g_new0 (Job, 1);
  job->template = rapport_template_copy (template);
  run (self, RAPPORT_DB_RUN_WRITE, save_func, job, g_free,
       rapport_template_store_save_async, cancellable, callback, user_data);
}

/* Returns: the template's row id, or 0 with @error set */
gint64
rapport_template_store_save_finish (RapportTemplateStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish_id (self, result, rapport_template_store_save_async, error);
}

/* Brings a built-in template back to its wording in the current language. */
void
rapport_template_store_reset_async (RapportTemplateStore *self,
                                    const char           *key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_TEMPLATE_STORE (self));
  g_return_if_fail (key != NULL);

  job = g_new0 (Job, 1);
  job->key = g_strdup (key);
  run (self, RAPPORT_DB_RUN_WRITE, delete_func, job, NULL,
       rapport_template_store_reset_async, cancellable, callback, user_data);
}

gboolean
rapport_template_store_reset_finish (RapportTemplateStore  *self,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_template_store_reset_async, error);
}

/* Deletes one of the user's own templates; built-in ones are only reset. */
void
rapport_template_store_delete_async (RapportTemplateStore *self,
                                     gint64                template_id,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_TEMPLATE_STORE (self));

  job = g_new0 (Job, 1);
  job->id = template_id;
  run (self, RAPPORT_DB_RUN_WRITE, delete_func, job, NULL,
       rapport_template_store_delete_async, cancellable, callback, user_data);
}

gboolean
rapport_template_store_delete_finish (RapportTemplateStore  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_template_store_delete_async, error);
}

/* }}} */
