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

#include "rapport-contact-file-private.h"
#include "rapport-import-private.h"
#include "rapport-vcard.h"

/*
 * A file of contacts to import, read and parsed on a worker thread: a vCard
 * file, LinkedIn's Connections.csv, or any CSV, whose columns the user can
 * map to fields before importing (each new mapping is applied on a worker
 * too). Nothing is written to the user's database here.
 *
 * However large the file, it is read as a stream, and what it holds is
 * staged on disk (rapport-import-stage.c) rather than kept: the rows of a
 * CSV file as they are, so that a new mapping can be applied to them, and
 * the contacts of a vCard file. Only the header, a few sample contacts and
 * one row at a time are in memory. Every row is checked as it is read, so
 * that a file that cannot be imported is refused before the preview.
 */
struct _RapportContactFile
{
  GObject                   parent_instance;

  GFile                    *file;
  RapportContactFileFormat  format;
  RapportImportStage       *stage;
  guint                     n_contacts;
  guint                     n_invalid;     /* rows or cards skipped */
  char                     *invalid_reason; /* why the first of them was */
  GPtrArray                *sample;        /* the first contacts */

  /* CSV only */
  RapportCsvRow            *header;
  guint                     n_columns;
  char                    **column_samples;
  GMutex                    mapping_lock;  /* a worker may read it while a remap replaces it */
  RapportCsvField          *mapping;       /* one per column */
};

G_DEFINE_FINAL_TYPE (RapportContactFile, rapport_contact_file, G_TYPE_OBJECT)

#define ROW_TYPE ((const GVariantType *) "(uas)")

static void
rapport_contact_file_finalize (GObject *object)
{
  RapportContactFile *self = (RapportContactFile *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->stage, _rapport_import_stage_free);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_clear_pointer (&self->invalid_reason, g_free);
  g_clear_pointer (&self->header, rapport_csv_row_free);
  /* Not g_strfreev(): a column without a sample is a NULL in the middle. */
  for (guint i = 0; self->column_samples != NULL && i < self->n_columns; i++)
    g_free (self->column_samples[i]);
  g_clear_pointer (&self->column_samples, g_free);
  g_clear_pointer (&self->mapping, g_free);
  g_mutex_clear (&self->mapping_lock);

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
  g_mutex_init (&self->mapping_lock);
  self->sample = g_ptr_array_new_with_free_func (g_object_unref);
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

/* Reading {{{ */

static GVariant *
row_to_variant (const RapportCsvRow *row)
{
  return g_variant_new ("(u^as)", row->line, row->fields);
}

/* Fills @row with the strings of @record, borrowed: free row->fields alone. */
static void
row_from_variant (GVariant      *record,
                  RapportCsvRow *row)
{
  g_autoptr(GVariant) fields = g_variant_get_child_value (record, 1);
  gsize n = 0;

  g_variant_get_child (record, 0, "u", &row->line);
  row->fields = (char **) g_variant_get_strv (fields, &n);
  row->n_fields = n;
}

static void
add_sample (GPtrArray      *sample,
            RapportContact *contact)
{
  if (sample->len < RAPPORT_CONTACT_FILE_SAMPLE_SIZE)
    g_ptr_array_add (sample, g_object_ref (contact));
}

static void
count_invalid (guint         *n_invalid,
               char         **reason,
               const GError  *error)
{
  if ((*n_invalid)++ == 0)
    *reason = g_strdup (error->message);
}

static gboolean
read_row_cb (RapportCsvRow  *row,
             gpointer        user_data,
             GError        **error)
{
  RapportContactFile *self = user_data;
  g_autoptr(RapportCsvRow) owned = row;
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) row_error = NULL;

  /* The rows before the header (LinkedIn's notes) are dropped. */
  if (self->header == NULL)
    {
      if (rapport_csv_is_header (row))
        {
          self->header = g_steal_pointer (&owned);
          self->format = rapport_csv_is_linkedin_header (row) ? RAPPORT_CONTACT_FILE_LINKEDIN
                                                              : RAPPORT_CONTACT_FILE_CSV;
          self->n_columns = row->n_fields;
          self->mapping = rapport_csv_guess_mapping (row);
          self->column_samples = g_new0 (char *, self->n_columns + 1);
          self->n_contacts = 0;
          return TRUE;
        }

      /* n_contacts counts the rows before the header until there is one. */
      if (++self->n_contacts < RAPPORT_CSV_MAX_HEADER_ROW)
        return TRUE;

      g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                           _("This is neither a vCard file nor a CSV file with a header row that names "
                             "its columns, such as “Name” or “Email”."));
      return FALSE;
    }

  if (!rapport_csv_check_row (self->header, row, error))
    return FALSE;
  if (rapport_csv_row_is_empty (row))
    return TRUE;

  /* The first value of each column, to help the user tell what it holds. */
  for (guint i = 0; i < self->n_columns && i < row->n_fields; i++)
    if (self->column_samples[i] == NULL && row->fields[i][0] != '\0')
      self->column_samples[i] = g_strdup (row->fields[i]);

  /* Every row is staged, since another mapping may make a row that is
   * invalid with this one a good one. */
  if ((contact = rapport_csv_map_row (row, self->mapping, self->n_columns, &row_error)) == NULL)
    {
      if (!_rapport_import_is_row_error (row_error))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      count_invalid (&self->n_invalid, &self->invalid_reason, row_error);
    }
  else
    {
      add_sample (self->sample, contact);
      self->n_contacts++;
    }

  return _rapport_import_stage_add (self->stage, row_to_variant (row), error);
}

static gboolean
read_contact_cb (RapportContact  *contact,
                 const GError    *invalid,
                 gpointer         user_data,
                 GError         **error)
{
  RapportContactFile *self = user_data;
  g_autoptr(RapportContact) owned = contact;

  if (contact == NULL)
    {
      count_invalid (&self->n_invalid, &self->invalid_reason, invalid);
      return TRUE;
    }

  add_sample (self->sample, contact);
  self->n_contacts++;
  return _rapport_import_stage_add (self->stage, _rapport_import_contact_to_variant (contact), error);
}

static gboolean
parse (RapportContactFile  *self,
       GInputStream        *stream,
       GCancellable        *cancellable,
       GError             **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new_sized (stream, 4096);
  const char *head;
  gsize length;

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 4096, cancellable, error) < 0)
    return FALSE;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &length);

  if ((self->stage = _rapport_import_stage_new (error)) == NULL)
    return FALSE;

  if (looks_like_vcard (self->file, head, length))
    {
      self->format = RAPPORT_CONTACT_FILE_VCARD;
      if (!rapport_vcard_read (buffered, read_contact_cb, self, cancellable, error))
        return FALSE;
    }
  else
    {
      if (!rapport_csv_read_stream (buffered, read_row_cb, self, cancellable, error))
        return FALSE;

      if (self->header == NULL)
        {
          g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                               _("This is neither a vCard file nor a CSV file with a header row that names "
                                 "its columns, such as “Name” or “Email”."));
          return FALSE;
        }
    }

  return _rapport_import_stage_commit (self->stage, error);
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
  g_autoptr(GFileInputStream) stream = NULL;

  /* Read as a stream, so memory does not grow with the file; the cap keeps
   * the scratch copy on disk and the time it takes within reason. */
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

  if ((stream = g_file_read (file, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self = g_object_new (RAPPORT_TYPE_CONTACT_FILE, NULL);
  self->file = g_object_ref (file);

  if (!parse (self, G_INPUT_STREAM (stream), cancellable, &error))
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

/**
 * rapport_contact_file_new_for_contacts:
 * @contacts: (element-type RapportContact): contacts from elsewhere (an
 *   address book), to import as a file's
 *
 * Stages @contacts as a vCard file's would be, so that they are previewed
 * and imported the same way.
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
RapportContactFile *
rapport_contact_file_new_for_contacts (GPtrArray  *contacts,
                                       GError    **error)
{
  g_autoptr(RapportContactFile) self = NULL;

  g_return_val_if_fail (contacts != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_CONTACT_FILE, NULL);
  self->format = RAPPORT_CONTACT_FILE_VCARD;
  if ((self->stage = _rapport_import_stage_new (error)) == NULL)
    return NULL;

  for (guint i = 0; i < contacts->len; i++)
    if (!read_contact_cb (g_object_ref (g_ptr_array_index (contacts, i)), NULL, self, error))
      return NULL;

  if (!_rapport_import_stage_commit (self->stage, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rapport_contact_file_get_file:
 *
 * Returns: (transfer none) (nullable): the file read, or %NULL for contacts
 *   from elsewhere
 */
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

/* The number of contacts the file gives with the current mapping. */
guint
rapport_contact_file_get_n_contacts (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), 0);
  return self->n_contacts;
}

/* How many rows or cards cannot be imported (no name nor address, an
 * unknown stage, a value over a cap) and are left out. */
guint
rapport_contact_file_get_n_invalid (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), 0);
  return self->n_invalid;
}

/* What is wrong with the first of them, naming its line; %NULL if none. */
const char *
rapport_contact_file_get_invalid_reason (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  return self->invalid_reason;
}

/**
 * rapport_contact_file_get_sample:
 *
 * Returns: (transfer none) (element-type RapportContact): the first
 *   %RAPPORT_CONTACT_FILE_SAMPLE_SIZE contacts or fewer, for a preview
 */
GPtrArray *
rapport_contact_file_get_sample (RapportContactFile *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  return self->sample;
}

typedef struct
{
  RapportContactFile     *self;
  RapportCsvField        *mapping;
  RapportContactFileFunc  func;
  gpointer                user_data;
  guint                   n_invalid;
  char                   *invalid_reason;
} Foreach;

static gboolean
foreach_row_cb (GVariant  *record,
                gpointer   user_data,
                GError   **error)
{
  Foreach *each = user_data;
  RapportCsvRow row = { 0 };
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GError) row_error = NULL;

  row_from_variant (record, &row);
  contact = rapport_csv_map_row (&row, each->mapping, each->self->n_columns, &row_error);
  g_free (row.fields);

  if (contact == NULL)
    {
      if (!_rapport_import_is_row_error (row_error))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      count_invalid (&each->n_invalid, &each->invalid_reason, row_error);
      return TRUE;
    }

  return each->func (contact, each->user_data, error);
}

static gboolean
foreach_contact_cb (GVariant  *record,
                    gpointer   user_data,
                    GError   **error)
{
  Foreach *each = user_data;
  g_autoptr(RapportContact) contact = _rapport_import_contact_from_variant (record);

  return each->func (contact, each->user_data, error);
}

/* Also says how many rows @mapping makes invalid, and why the first is. */
static gboolean
foreach_with_mapping (RapportContactFile      *self,
                      RapportCsvField         *mapping,
                      RapportContactFileFunc   func,
                      gpointer                 user_data,
                      guint                   *n_invalid,
                      char                   **invalid_reason,
                      GCancellable            *cancellable,
                      GError                 **error)
{
  Foreach each = { self, mapping, func, user_data, 0, NULL };
  gboolean ok;

  if (self->header == NULL)
    ok = _rapport_import_stage_foreach (self->stage, G_VARIANT_TYPE_VARDICT, foreach_contact_cb, &each,
                                        cancellable, error);
  else
    ok = _rapport_import_stage_foreach (self->stage, ROW_TYPE, foreach_row_cb, &each, cancellable, error);

  if (n_invalid != NULL)
    *n_invalid = each.n_invalid;
  if (invalid_reason != NULL)
    *invalid_reason = g_steal_pointer (&each.invalid_reason);
  g_free (each.invalid_reason);
  return ok;
}

/**
 * rapport_contact_file_foreach:
 * @func: called with each contact in the file's order; returning %FALSE
 *   with an error set stops
 *
 * Reads the staged contacts back one at a time, with the mapping current
 * when it is called, leaving out the rows it makes invalid. Safe on any
 * thread, also while a remap runs.
 *
 * Returns: %TRUE if @func saw every contact
 */
gboolean
rapport_contact_file_foreach (RapportContactFile      *self,
                              RapportContactFileFunc   func,
                              gpointer                 user_data,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autofree RapportCsvField *mapping = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_mutex_lock (&self->mapping_lock);
  mapping = g_memdup2 (self->mapping, sizeof (RapportCsvField) * self->n_columns);
  g_mutex_unlock (&self->mapping_lock);

  return foreach_with_mapping (self, mapping, func, user_data, NULL, NULL, cancellable, error);
}

RapportImportStage *
_rapport_contact_file_get_stage (RapportContactFile *self)
{
  return self->stage;
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
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->header->fields[column];
}

/* The first value of the column, to help the user tell what it holds. */
const char *
rapport_contact_file_get_column_sample (RapportContactFile *self,
                                        guint               column)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_FILE (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->column_samples[column] != NULL ? self->column_samples[column] : "";
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
  GPtrArray       *sample;
  guint            n_contacts;
  guint            n_invalid;
  char            *invalid_reason;
} Remap;

static void
remap_free (gpointer data)
{
  Remap *remap = data;

  g_free (remap->mapping);
  g_clear_pointer (&remap->sample, g_ptr_array_unref);
  g_free (remap->invalid_reason);
  g_free (remap);
}

static gboolean
remap_contact_cb (RapportContact  *contact,
                  gpointer         user_data,
                  GError         **error)
{
  Remap *remap = user_data;

  add_sample (remap->sample, contact);
  remap->n_contacts++;
  return TRUE;
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

  /* Only reads the staged rows, which never change after parsing. */
  remap->sample = g_ptr_array_new_with_free_func (g_object_unref);
  if (!foreach_with_mapping (self, remap->mapping, remap_contact_cb, remap, &remap->n_invalid,
                             &remap->invalid_reason, cancellable, &error))
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
  g_return_if_fail (self->header != NULL);
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
 * On success the file's contacts, their count, the invalid rows and the
 * mapping are the new ones; on error they stay as they were.
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
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  self->sample = g_steal_pointer (&remap->sample);
  self->n_contacts = remap->n_contacts;
  self->n_invalid = remap->n_invalid;
  g_free (self->invalid_reason);
  self->invalid_reason = g_steal_pointer (&remap->invalid_reason);

  g_mutex_lock (&self->mapping_lock);
  g_free (self->mapping);
  self->mapping = g_steal_pointer (&remap->mapping);
  g_mutex_unlock (&self->mapping_lock);
  return TRUE;
}
