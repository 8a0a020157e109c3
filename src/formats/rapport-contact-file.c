/* rapport-contact-file.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-file"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-contact-file.h"
#include "rapport-import-private.h"
#include "rapport-vcard.h"

/* A file of contacts to import, read and parsed on a worker thread: a vCard
 * file, LinkedIn's Connections.csv, or any CSV, whose columns the user can
 * map to fields before importing (each new mapping is applied on a worker
 * too). Nothing is written anywhere here. */
struct _RapportContactFile
{
  GObject                   parent_instance;

  GFile                    *file;
  RapportContactFileFormat  format;
  GPtrArray                *contacts;
  GPtrArray                *rows;          /* CSV only: RapportCsvRow */
  guint                     header_index;
  RapportCsvField          *mapping;       /* CSV only: one per column */
  guint                     n_columns;
};

G_DEFINE_FINAL_TYPE (RapportContactFile, rapport_contact_file, G_TYPE_OBJECT)

static void
rapport_contact_file_finalize (GObject *object)
{
  RapportContactFile *self = (RapportContactFile *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, g_free);

  G_OBJECT_CLASS (rapport_contact_file_parent_class)->finalize (object);
}

static void
rapport_contact_file_class_init (RapportContactFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_contact_file_finalize;
}

static void
rapport_contact_file_init (RapportContactFile *self)
{
}

static gboolean
looks_like_vcard (GFile      *file,
                  const char *data,
                  gsize       length)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *p = data;
  const char *end = data + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  if (end - p >= 11 && g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) == 0)
    return TRUE;

  return g_str_has_suffix (name, ".vcf") || g_str_has_suffix (name, ".vcard") ||
         g_str_has_suffix (name, ".VCF");
}

static gboolean
parse (RapportContactFile  *self,
       const char          *data,
       gsize                length,
       GCancellable        *cancellable,
       GError             **error)
{
  const RapportCsvRow *header;

  if (looks_like_vcard (self->file, data, length))
    {
      self->format = RAPPORT_CONTACT_FILE_VCARD;
      self->contacts = rapport_vcard_parse (data, length, cancellable, error);
      return self->contacts != NULL;
    }

  self->rows = rapport_csv_read (data, length, cancellable, error);
  if (self->rows == NULL)
    return FALSE;

  if (!rapport_csv_find_header (self->rows, &self->header_index))
    {
      g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                           _("This is neither a vCard file nor a CSV file with a header row that names "
                             "its columns, such as “Name” or “Email”."));
      return FALSE;
    }

  header = g_ptr_array_index (self->rows, self->header_index);
  self->format = rapport_csv_is_linkedin_header (header) ? RAPPORT_CONTACT_FILE_LINKEDIN
                                                         : RAPPORT_CONTACT_FILE_CSV;
  self->n_columns = header->n_fields;
  self->mapping = rapport_csv_guess_mapping (header);

  if (!rapport_csv_check_rows (self->rows, self->header_index, error))
    return FALSE;

  self->contacts = rapport_csv_map_rows (self->rows, self->header_index, self->mapping,
                                         self->n_columns, cancellable, error);
  return self->contacts != NULL;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(RapportContactFile) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Read whole into memory: nobody has a gigabyte of contacts, and a file
   * that large would take that much memory several times over. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > RAPPORT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *max = g_format_size_full (RAPPORT_IMPORT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_task_return_new_error (task, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                               /* Translators: %s is a size, "1.0 GiB" */
                               _("The file is larger than %s, more than Rapport imports"), max);
      return;
    }
  g_clear_error (&error);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self = g_object_new (RAPPORT_TYPE_CONTACT_FILE, NULL);
  self->file = g_object_ref (file);

  if (!parse (self, data, length, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

void
rapport_contact_file_read_async (GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_contact_file_read_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

/**
 * rapport_contact_file_read_finish:
 *
 * Returns: (transfer full): the parsed file, or %NULL with @error set in the
 *   %RAPPORT_IMPORT_ERROR or %G_IO_ERROR domain
 */
RapportContactFile *
rapport_contact_file_read_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
rapport_contact_file_get_file (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  return self->file;
}

RapportContactFileFormat
rapport_contact_file_get_format (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), 0);
  return self->format;
}

/**
 * rapport_contact_file_get_contacts:
 *
 * Returns: (transfer none) (element-type RapportContact): the contacts read
 */
GPtrArray *
rapport_contact_file_get_contacts (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  return self->contacts;
}

guint
rapport_contact_file_get_n_columns (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), 0);
  return self->n_columns;
}

const char *
rapport_contact_file_get_column_title (RapportContactFile *self,
                                       guint               column)
{
  const RapportCsvRow *header;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  header = g_ptr_array_index (self->rows, self->header_index);
  return header->fields[column];
}

/* The first value of the column, to help the user tell what it holds. */
const char *
rapport_contact_file_get_column_sample (RapportContactFile *self,
                                        guint               column)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  for (guint i = self->header_index + 1; i < self->rows->len; i++)
    {
      const RapportCsvRow *row = g_ptr_array_index (self->rows, i);

      if (column < row->n_fields && row->fields[column][0] != '\0')
        return row->fields[column];
    }

  return "";
}

RapportCsvField
rapport_contact_file_get_column_field (RapportContactFile *self,
                                       guint               column)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), 0);
  g_return_val_if_fail (column < self->n_columns, 0);

  return self->mapping[column];
}

typedef struct
{
  RapportCsvField *mapping;
  GPtrArray       *contacts;
} Remap;

static void
remap_free (gpointer data)
{
  Remap *remap = data;

  g_free (remap->mapping);
  g_clear_pointer (&remap->contacts, g_ptr_array_unref);
  g_free (remap);
}

static void
remap_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RapportContactFile *self = source_object;
  Remap *remap = task_data;
  GError *error = NULL;

  /* Only reads self->rows, which never change after parsing. */
  remap->contacts = rapport_csv_map_rows (self->rows, self->header_index, remap->mapping,
                                          self->n_columns, cancellable, &error);
  if (remap->contacts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rapport_contact_file_remap_async:
 * @mapping: a field for each column
 *
 * Reads the CSV rows again with another column mapping.
 */
void
rapport_contact_file_remap_async (RapportContactFile    *self,
                                  const RapportCsvField *mapping,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Remap *remap;

  g_return_if_fail (RAPPORT_IS_CONTACT_FILE (self));
  g_return_if_fail (self->rows != NULL);
  g_return_if_fail (mapping != NULL);

  remap = g_new0 (Remap, 1);
  remap->mapping = g_memdup2 (mapping, sizeof (RapportCsvField) * self->n_columns);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_contact_file_remap_async);
  g_task_set_task_data (task, remap, remap_free);
  g_task_run_in_thread (task, remap_thread);
}

/**
 * rapport_contact_file_remap_finish:
 *
 * On success the file's contacts and mapping are the new ones; on error
 * (no row gives a contact with that mapping) they stay as they were.
 */
gboolean
rapport_contact_file_remap_finish (RapportContactFile  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  Remap *remap;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  remap = g_task_get_task_data (G_TASK (result));
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = g_steal_pointer (&remap->contacts);
  g_free (self->mapping);
  self->mapping = g_memdup2 (remap->mapping, sizeof (RapportCsvField) * self->n_columns);
  return TRUE;
}
