/* rapport-csv.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-import-private.h"

/*
 * libcsv handles the quoting (RFC 4180 and the common variants: LF or CRLF,
 * blank lines, spaces around fields) but knows nothing of line numbers. It
 * is fed one physical line at a time, so that the line being parsed when a
 * row starts, or when strict mode rejects a stray quote, is known.
 */

/* The export's columns, in English whatever the language: the file is read
 * back by programs, and rapport_csv_guess_mapping() knows these names. */
static const char * const export_columns[] = {
  "Name", "Given Name", "Family Name", "Organisation", "Role", "Emails", "Phones",
  "Profile URL", "Location", "Source", "Tags", "Stage", "Notes", "Birthday",
};

#define LIST_SEPARATOR "; "

typedef struct
{
  GPtrArray *rows;        /* finished rows not yet handed on */
  GPtrArray *fields;      /* of the row being read */
  guint      row_line;    /* where that row began; 0 between rows */
} Reader;

/* Reading {{{ */

static GPtrArray *
new_field_array (void)
{
  return g_ptr_array_new_null_terminated (16, g_free, TRUE);
}

static void
field_cb (void   *field,
          size_t  length,
          void   *user_data)
{
  Reader *reader = user_data;

  /* libcsv passes NULL for an empty field before its buffer exists. */
  g_ptr_array_add (reader->fields, field != NULL ? g_strndup (field, length) : g_strdup (""));
}

static void
row_cb (int   terminator,
        void *user_data)
{
  Reader *reader = user_data;
  RapportCsvRow *row = g_new0 (RapportCsvRow, 1);

  row->line = reader->row_line;
  row->n_fields = reader->fields->len;
  row->fields = (char **) g_ptr_array_free (g_steal_pointer (&reader->fields), FALSE);
  g_ptr_array_add (reader->rows, row);

  reader->fields = new_field_array ();
  reader->row_line = 0;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!strchr (" \t\r\n", text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Hands the rows libcsv finished to @func, in order. */
static gboolean
hand_on (Reader            *reader,
         RapportCsvRowFunc  func,
         gpointer           user_data,
         GError           **error)
{
  for (guint i = 0; i < reader->rows->len; i++)
    {
      RapportCsvRow *row = g_steal_pointer (&reader->rows->pdata[i]);

      if (!func (row, user_data, error))
        {
          for (guint j = i + 1; j < reader->rows->len; j++)
            rapport_csv_row_free (g_steal_pointer (&reader->rows->pdata[j]));
          g_ptr_array_set_size (reader->rows, 0);
          return FALSE;
        }
    }

  g_ptr_array_set_size (reader->rows, 0);
  return TRUE;
}

static gboolean
parse_lines (struct csv_parser   *parser,
             Reader              *reader,
             RapportImportLines  *lines,
             RapportCsvRowFunc    func,
             gpointer             user_data,
             GError             **error)
{
  const char *text;
  gsize chunk;
  guint line = 0;

  while (_rapport_import_lines_next (lines, &text, &chunk, &line, error))
    {
      const char *invalid = NULL;

      /* CSV declares no encoding, so anything but UTF-8 (Excel's "CSV" is the
       * Windows code page; it calls UTF-8 "CSV UTF-8") can only be guessed. */
      if (!g_utf8_validate (text, chunk, &invalid))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                       _("Line %u is not UTF-8 text; save the file as UTF-8 and import it again"), line);
          return FALSE;
        }

      if (reader->row_line == 0 && !is_blank (text, chunk))
        reader->row_line = line;

      if (csv_parse (parser, text, chunk, field_cb, row_cb, reader) != chunk)
        {
          if (csv_error (parser) == CSV_EPARSE)
            g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                         _("Line %u has a quotation mark in the middle of a field; "
                           "fields with quotation marks must be enclosed in them"), line);
          else
            g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                         _("Line %u holds a field too large to read"), line);
          return FALSE;
        }

      if (!hand_on (reader, func, user_data, error))
        return FALSE;
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  if ((line = _rapport_import_lines_get_binary_line (lines)) != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                   _("This is not a CSV text file: line %u holds binary data"), line);
      return FALSE;
    }

  if (csv_fini (parser, field_cb, row_cb, reader) != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("A quoted field in the row that begins on line %u is never closed"), reader->row_line);
      return FALSE;
    }

  return hand_on (reader, func, user_data, error);
}

/* }}} */
/* Writing {{{ */

static gboolean
begins_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/**
 * rapport_csv_is_guarded:
 * @value: a cell as read
 *
 * Whether @value begins with the apostrophe that rapport_csv_write() puts
 * before a cell a spreadsheet would evaluate, or before a cell that begins
 * with an apostrophe itself (so that one can be told from the other).
 *
 * Returns: %TRUE if the first byte of @value is that guard
 */
gboolean
rapport_csv_is_guarded (const char *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value[0] == '\'' && (value[1] == '\'' || begins_formula (value + 1));
}

static void
append_field (GString              *out,
              const char           *value,
              RapportCsvWriteFlags  flags)
{
  g_autofree char *guarded = NULL;
  g_autofree char *clean = NULL;
  gsize length = strlen (value);

  /* Control characters that make a file binary ("\x1d", which a contact
   * may hold from elsewhere) are dropped: rapport_csv_read() would refuse
   * the whole file. */
  for (gsize i = 0; i < length; i++)
    {
      if (_rapport_import_is_binary_char (value[i]))
        {
          gsize n = 0;

          clean = g_malloc (length + 1);
          for (gsize j = 0; j < length; j++)
            if (!_rapport_import_is_binary_char (value[j]))
              clean[n++] = value[j];
          clean[n] = '\0';
          value = clean;
          length = n;
          break;
        }
    }

  if ((flags & RAPPORT_CSV_WRITE_VERBATIM) == 0 && (begins_formula (value) || value[0] == '\''))
    {
      guarded = g_strconcat ("'", value, NULL);
      value = guarded;
      length++;
    }

  /* Quoted only when needed: for the separators, and for white space at
   * either end, which readers (libcsv among them) trim from bare fields. */
  if (strpbrk (value, ",\"\r\n") == NULL &&
      (length == 0 || (!g_ascii_isspace (value[0]) && !g_ascii_isspace (value[length - 1]))))
    {
      g_string_append_len (out, value, length);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_list (GString              *out,
             const char * const   *values,
             RapportCsvWriteFlags  flags)
{
  g_autofree char *joined = g_strjoinv (LIST_SEPARATOR, (char **) values);

  append_field (out, joined, flags);
}

static void
append_row (GString              *out,
            RapportContact       *contact,
            GEnumClass           *stages,
            RapportCsvWriteFlags  flags)
{
  GEnumValue *stage = g_enum_get_value (stages, rapport_contact_get_stage (contact));
  const char *birthday = rapport_contact_get_birthday (contact);
  const char *texts[] = {
    rapport_contact_get_display_name (contact),
    rapport_contact_get_given_name (contact),
    rapport_contact_get_family_name (contact),
    rapport_contact_get_organisation (contact),
    rapport_contact_get_role (contact),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      append_field (out, texts[i], flags);
      g_string_append_c (out, ',');
    }

  append_list (out, rapport_contact_get_emails (contact), flags);
  g_string_append_c (out, ',');
  append_list (out, rapport_contact_get_phones (contact), flags);
  g_string_append_c (out, ',');
  append_field (out, rapport_contact_get_profile_url (contact), flags);
  g_string_append_c (out, ',');
  append_field (out, rapport_contact_get_location (contact), flags);
  g_string_append_c (out, ',');
  append_field (out, rapport_contact_get_source (contact), flags);
  g_string_append_c (out, ',');
  append_list (out, rapport_contact_get_tags (contact), flags);
  g_string_append_c (out, ',');
  append_field (out, stage != NULL ? stage->value_nick : "", flags);
  g_string_append_c (out, ',');
  append_field (out, rapport_contact_get_notes (contact), flags);
  g_string_append_c (out, ',');
  append_field (out, birthday != NULL ? birthday : "", flags);
  g_string_append (out, "\r\n");
}

/* }}} */
/* Public API {{{ */

void
rapport_csv_row_free (RapportCsvRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->fields);
  g_free (row);
}

/**
 * rapport_csv_read_stream:
 * @stream: a comma-separated UTF-8 (or UTF-16, with its mark) file
 * @func: called with each row, which it takes; returning %FALSE with an
 *   error set stops the reading
 * @cancellable: (nullable): a #GCancellable, checked as the lines are read
 * @error: return location for a #RAPPORT_IMPORT_ERROR, a %G_IO_ERROR, or
 *   what @func set
 *
 * Splits the file into rows of fields as it reads it, a block at a time, so
 * that only the row being read is in memory. Blank lines are skipped; rows
 * may have different numbers of fields here (files such as LinkedIn's begin
 * with notes), which rapport_csv_check_row() checks against the header.
 *
 * Returns: %TRUE if the whole file was read
 */
gboolean
rapport_csv_read_stream (GInputStream       *stream,
                         RapportCsvRowFunc   func,
                         gpointer            user_data,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(RapportImportLines) lines = NULL;
  struct csv_parser parser;
  Reader reader = { 0 };
  gboolean ok;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((lines = _rapport_import_lines_new (stream, cancellable, error)) == NULL)
    return FALSE;

  reader.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_csv_row_free);
  reader.fields = new_field_array ();

  csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI);
  ok = parse_lines (&parser, &reader, lines, func, user_data, error);
  csv_free (&parser);
  g_ptr_array_unref (reader.fields);
  g_ptr_array_unref (reader.rows);

  return ok;
}

static gboolean
collect_row_cb (RapportCsvRow  *row,
                gpointer        user_data,
                GError        **error)
{
  g_ptr_array_add (user_data, row);
  return TRUE;
}

/**
 * rapport_csv_read:
 * @data: the file's contents
 * @length: the length of @data in bytes
 * @cancellable: (nullable): a #GCancellable, checked as the lines are read
 * @error: return location for a #RAPPORT_IMPORT_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * rapport_csv_read_stream() for a file in memory, keeping every row.
 *
 * Returns: (transfer full) (element-type RapportCsvRow): the rows
 */
GPtrArray *
rapport_csv_read (const char    *data,
                  gsize          length,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_csv_row_free);

  if (!rapport_csv_read_stream (stream, collect_row_cb, rows, cancellable, error))
    {
      _rapport_import_drop_array (g_steal_pointer (&rows));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * rapport_csv_write:
 * @contacts: (element-type RapportContact): the contacts to export
 * @flags: whether to guard cells a spreadsheet would evaluate (the default)
 *
 * Writes @contacts as CSV (RFC 4180, CRLF) with a header row. Lists are
 * joined with "; ", and the stage is written as its nick ("met").
 * Unless @flags say VERBATIM, a cell a spreadsheet would take for a formula
 * is written behind an apostrophe (see #RapportCsvWriteFlags).
 * rapport_csv_parse() reads the result back into the same contacts, the
 * apostrophes taken off again.
 *
 * Returns: (transfer full): the CSV text, UTF-8 with a byte order mark
 */
char *
rapport_csv_write (GPtrArray            *contacts,
                   RapportCsvWriteFlags  flags)
{
  g_autoptr(GEnumClass) stages = NULL;
  GString *out;

  g_return_val_if_fail (contacts != NULL, NULL);

  stages = g_type_class_ref (RAPPORT_TYPE_STAGE);
  out = g_string_sized_new (256 * (contacts->len + 1));

  /* Excel reads a CSV file in the Windows code page unless a byte order
   * mark says UTF-8; other spreadsheets and rapport_csv_read() skip it. */
  g_string_append (out, "\xef\xbb\xbf");

  for (guint i = 0; i < G_N_ELEMENTS (export_columns); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, export_columns[i], flags);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), g_string_free (out, TRUE));
      append_row (out, contact, stages, flags);
    }

  return g_string_free (out, FALSE);
}

/* }}} */
