/* rapport-contact-import.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-import"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-file-private.h"
#include "rapport-contact-import.h"
#include "rapport-contact-sql.h"
#include "rapport-text.h"

/* Writing imported contacts: first a dry run that tells how many are new and
 * how many the user already has, then the import itself, in one transaction
 * so that a cancelled or failed import leaves nothing behind. Both read the
 * file's contacts one at a time from where they were staged, so neither
 * holds more than one in memory. */

typedef struct
{
  RapportContactFile *file;
  GCancellable       *cancellable;
  gint               *progress;
  gboolean            merge;

  /* While a job runs, on the database worker */
  RapportDatabase      *db;
  RapportImportKeys    *keys;
  RapportImportPreview *preview;
  RapportImportResult  *result;
  guint                 n_done;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* The keys under which a contact is the same as another one of the same
 * file: each address, and the name with the organisation. */
static char **
identity_keys (RapportContact *contact)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *emails = rapport_contact_get_emails (contact);
  g_autofree char *name = rapport_text_fold (rapport_contact_get_display_name (contact));
  g_autofree char *org = rapport_text_fold (rapport_contact_get_organisation (contact));

  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (emails[i], -1);
      g_autofree char *key = g_strconcat ("email:", folded, NULL);

      g_strv_builder_add (builder, key);
    }
  {
    g_autofree char *key = g_strconcat ("name:", name, "\x1f", org, NULL);
    g_strv_builder_add (builder, key);
  }

  return g_strv_builder_end (builder);
}

static gboolean
find_duplicate_cb (RapportContact  *contact,
                   gpointer         user_data,
                   GError         **error)
{
  Job *job = user_data;
  g_auto(GStrv) keys = identity_keys (contact);
  gint64 id = rapport_contact_sql_find_duplicate (job->db, contact, error);
  gboolean repeated = FALSE;

  if (id < 0)
    return FALSE;

  /* Every key is added, so that a later row sharing any of them is seen
   * as a repeat; a key already there makes this row one. */
  for (guint k = 0; keys[k] != NULL; k++)
    {
      int added = _rapport_import_keys_add (job->keys, keys[k], error);

      if (added < 0)
        return FALSE;
      repeated |= added == 0;
    }

  if (id > 0)
    job->preview->n_existing++;
  else if (repeated)
    job->preview->n_repeated++;
  else
    job->preview->n_new++;

  return TRUE;
}

static gpointer
find_duplicates_func (RapportDatabase  *db,
                      gpointer          data,
                      GError          **error)
{
  Job *job = data;
  g_autofree RapportImportPreview *preview = g_new0 (RapportImportPreview, 1);
  g_autoptr(RapportImportKeys) keys = NULL;
  gboolean ok;

  if ((keys = _rapport_import_keys_new (_rapport_contact_file_get_stage (job->file), error)) == NULL)
    return NULL;

  job->db = db;
  job->keys = keys;
  job->preview = preview;

  /* One read transaction for the whole dry run: the same snapshot for
   * every row, and no lock taken and released for each of them. */
  if (!rapport_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;
  ok = rapport_contact_file_foreach (job->file, find_duplicate_cb, job, job->cancellable, error);
  rapport_database_exec (db, "ROLLBACK", NULL);

  return ok ? g_steal_pointer (&preview) : NULL;
}

static gboolean
import_contact_cb (RapportContact  *contact,
                   gpointer         user_data,
                   GError         **error)
{
  Job *job = user_data;
  RapportImportResult *result = job->result;
  gboolean ok = TRUE;
  gint64 existing;

  /* Within the transaction, so that a person twice in the file is found
   * the second time too. */
  existing = rapport_contact_sql_find_duplicate (job->db, contact, error);
  if (existing < 0)
    ok = FALSE;
  else if (existing == 0)
    {
      g_autoptr(RapportContact) copy = rapport_contact_copy (contact);

      rapport_contact_set_id (copy, 0);
      ok = rapport_contact_sql_save (job->db, copy, error) != 0;
      result->n_added++;
    }
  else if (job->merge)
    {
      ok = rapport_contact_sql_merge (job->db, existing, contact, error);
      result->n_merged++;
    }
  else
    result->n_skipped++;

  if (ok && g_cancellable_set_error_if_cancelled (job->cancellable, error))
    ok = FALSE;

  if (job->progress != NULL)
    g_atomic_int_set (job->progress, ++job->n_done);

  return ok;
}

static gpointer
import_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  Job *job = data;
  g_autofree RapportImportResult *result = g_new0 (RapportImportResult, 1);
  gboolean ok;

  job->db = db;
  job->result = result;

  ok = rapport_sql_begin_bulk (db, error) &&
       rapport_contact_file_foreach (job->file, import_contact_cb, job, NULL, error);

  if (!rapport_sql_end_bulk (db, ok, error))
    return NULL;

  return g_steal_pointer (&result);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportContactStore *store = g_task_get_source_object (task);
  GError *error = NULL;
  gpointer ret;

  ret = rapport_database_run_finish (RAPPORT_DATABASE (object), result, &error);
  if (ret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_get_source_tag (task) == rapport_contact_import_run_async)
    rapport_contact_store_notify_changed (store, 0);

  g_task_return_pointer (task, ret, g_task_get_task_data (task));
}

static void
start (RapportContactStore *store,
       RapportDatabaseFunc  func,
       Job                 *job,
       GDestroyNotify       result_free,
       gpointer             source_tag,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (store, job->cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, result_free, NULL);

  /* The job checks the cancellable itself, inside its transaction, so it is
   * not handed to the queue: a cancelled import must still roll back. */
  rapport_database_run_async (rapport_contact_store_get_database (store), func, job, job_free,
                              result_free, NULL, import_done_cb, task);
}

/**
 * rapport_contact_import_find_duplicates_async:
 * @file: contacts read from a file
 *
 * Counts, without writing anything, which of the contacts of @file the user
 * already has.
 */
void
rapport_contact_import_find_duplicates_async (RapportContactStore *store,
                                              RapportContactFile  *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (RAPPORT_IS_CONTACT_FILE (file));

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  start (store, find_duplicates_func, job, g_free,
         rapport_contact_import_find_duplicates_async, callback, user_data);
}

/**
 * rapport_contact_import_find_duplicates_finish:
 * @out_preview: (out): how many contacts are new, the same as one the user
 *   has, or the same as one earlier in the file
 */
gboolean
rapport_contact_import_find_duplicates_finish (RapportContactStore   *store,
                                               GAsyncResult          *result,
                                               RapportImportPreview  *out_preview,
                                               GError               **error)
{
  g_autofree RapportImportPreview *ret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  ret = g_task_propagate_pointer (G_TASK (result), error);
  if (ret == NULL)
    return FALSE;

  if (out_preview != NULL)
    *out_preview = *ret;
  return TRUE;
}

/**
 * rapport_contact_import_run_async:
 * @merge_duplicates: complete the existing contacts with what the file
 *   knows, rather than skip them
 * @progress: (nullable): set to the number of contacts handled so far, from
 *   the database thread; it must stay valid until the callback runs
 *
 * Imports the contacts of @file in one transaction: all or nothing.
 */
void
rapport_contact_import_run_async (RapportContactStore *store,
                                  RapportContactFile  *file,
                                  gboolean             merge_duplicates,
                                  gint                *progress,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (RAPPORT_IS_CONTACT_FILE (file));

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  job->progress = progress;
  job->merge = merge_duplicates;
  start (store, import_func, job, g_free, rapport_contact_import_run_async, callback, user_data);
}

gboolean
rapport_contact_import_run_finish (RapportContactStore  *store,
                                   GAsyncResult         *result,
                                   RapportImportResult  *out_result,
                                   GError              **error)
{
  g_autofree RapportImportResult *ret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  ret = g_task_propagate_pointer (G_TASK (result), error);
  if (ret == NULL)
    return FALSE;

  if (out_result != NULL)
    *out_result = *ret;
  return TRUE;
}
