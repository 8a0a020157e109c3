/* rapport-contact-export.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-export"

#include "config.h"

#include <string.h>

#include "rapport-contact-export.h"
#include "rapport-formats.h"
#include "rapport-csv.h"
#include "rapport-vcard.h"

/* Writes the contacts of a query to a vCard 4.0 or CSV file. Contacts are
 * loaded and written in batches, so an export of a large network never holds
 * it all in memory; the file is replaced only once it is complete. */

#define BATCH 500

typedef struct
{
  GArray              *ids;
  guint                next;
  GFile               *file;
  RapportExportFormat  format;
  GString             *out;
  gboolean             formats_loaded;   /* the vCard module, see rapport-formats.c */
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_pointer (&export->ids, g_array_unref);
  g_clear_object (&export->file);
  if (export->out != NULL)
    g_string_free (export->out, TRUE);
  g_free (export);
}

static void load_next (GTask *task);

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, export->ids->len);
}

static void
append_batch (Export    *export,
              GPtrArray *contacts)
{
  g_autofree char *text = NULL;
  const char *start;

  if (contacts->len == 0)
    return;

  if (export->format == RAPPORT_EXPORT_VCARD)
    text = rapport_vcard_write (contacts);
  else
    text = rapport_csv_write (contacts, export->format == RAPPORT_EXPORT_CSV_VERBATIM ? RAPPORT_CSV_WRITE_VERBATIM
                                                                                      : RAPPORT_CSV_WRITE_DEFAULT);
  start = text;

  /* Each CSV batch comes with its byte order mark and header: keep the first. */
  if (export->format != RAPPORT_EXPORT_VCARD && export->out->len > 0)
    {
      const char *end = strstr (text, "\r\n");
      start = end ? end + 2 : text + strlen (text);
    }

  g_string_append (export->out, start);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GPtrArray) contacts = NULL;
  GError *error = NULL;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  append_batch (export, contacts);
  load_next (g_steal_pointer (&task));
}

static void
formats_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!rapport_formats_load_finish (result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  export->formats_loaded = TRUE;
  load_next (task);
}

static void
load_next (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  RapportContactStore *store = g_task_get_source_object (task);
  guint n;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  /* The vCard writer is loaded on a worker, before the first batch needs it. */
  if (export->format == RAPPORT_EXPORT_VCARD && !export->formats_loaded)
    {
      rapport_formats_load_async (g_task_get_cancellable (task), formats_loaded_cb, task);
      return;
    }

  if (export->next >= export->ids->len)
    {
      GBytes *bytes = g_string_free_to_bytes (g_steal_pointer (&export->out));

      g_file_replace_contents_bytes_async (export->file, bytes, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                           g_task_get_cancellable (task), replaced_cb, task);
      g_bytes_unref (bytes);
      return;
    }

  n = MIN (BATCH, export->ids->len - export->next);
  rapport_contact_store_load_async (store, &g_array_index (export->ids, gint64, export->next), n,
                                    g_task_get_cancellable (task), loaded_cb, task);
  export->next += n;
}

static void
queried_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  export->ids = rapport_contact_store_query_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (export->ids == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  load_next (task);
}

RapportExportFormat
rapport_contact_export_format_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".csv") ? RAPPORT_EXPORT_CSV : RAPPORT_EXPORT_VCARD;
}

/**
 * rapport_contact_export_async:
 * @query: which contacts, in which order
 */
void
rapport_contact_export_async (RapportContactStore       *store,
                              const RapportContactQuery *query,
                              GFile                     *file,
                              RapportExportFormat        format,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  g_autoptr(RapportContactQuery) all = NULL;
  GTask *task;
  Export *export;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (query != NULL);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->file = g_object_ref (file);
  export->format = format;
  export->out = g_string_new (NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_contact_export_async);
  g_task_set_task_data (task, export, export_free);

  all = rapport_contact_query_copy (query);
  all->limit = 0;
  rapport_contact_store_query_async (store, all, cancellable, queried_cb, task);
}

/**
 * rapport_contact_export_ids_async:
 * @ids: the contacts to write, in this order
 *
 * Like rapport_contact_export_async(), for contacts the user picked.
 */
void
rapport_contact_export_ids_async (RapportContactStore *store,
                                  const gint64        *ids,
                                  guint                n_ids,
                                  GFile               *file,
                                  RapportExportFormat  format,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Export *export;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (Export, 1);
  export->file = g_object_ref (file);
  export->format = format;
  export->out = g_string_new (NULL);
  export->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (export->ids, ids, n_ids);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_contact_export_async);
  g_task_set_task_data (task, export, export_free);
  load_next (task);
}

/**
 * rapport_contact_export_finish:
 *
 * Returns: how many contacts were written, or 0 with @error set
 */
guint
rapport_contact_export_finish (RapportContactStore  *store,
                               GAsyncResult         *result,
                               GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), 0);

  return g_task_propagate_int (G_TASK (result), error);
}
