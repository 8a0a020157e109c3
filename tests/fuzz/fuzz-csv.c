/* fuzz-csv.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libFuzzer target for the CSV import. The input is a file to import; it
 * goes the ways the import dialog takes it (rapport-contact-file.c): read
 * into rows, find the header, tell LinkedIn's file apart, guess the columns,
 * check and map the rows; then once more with a column mapping derived from
 * the header, as a user might choose it, and through rapport_csv_parse().
 * Nothing may crash, leak or warn, and every failure must set a
 * RAPPORT_IMPORT_ERROR. The contacts are exported with rapport_csv_write()
 * and imported again, which must give as many contacts with the same names.
 *
 * Built with clang's -fsanitize=fuzzer when meson is set up with
 * -Dfuzzing=true (see tests/fuzz/README); otherwise fuzz-main.c replays the
 * corpus as an ordinary test.
 */

#include "config.h"

#include "rapport-csv.h"

#include "fuzz-common.h"

static void
check_error (const GError *error,
             const char   *what)
{
  if (error == NULL)
    fail ("%s failed without an error", what);
  if (error->domain != RAPPORT_IMPORT_ERROR || error->message == NULL || error->message[0] == '\0')
    fail ("%s failed with an unexpected error: %s", what, error->message);
}

static void
check_round_trip (GPtrArray *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *csv = rapport_csv_write (contacts, RAPPORT_CSV_WRITE_DEFAULT);

  if (csv == NULL)
    fail ("rapport_csv_write() returned NULL");
  if (!g_utf8_validate (csv, -1, NULL))
    fail ("the export is not UTF-8:\n%s", csv);

  again = rapport_csv_parse (csv, strlen (csv), NULL, &error);
  if (again == NULL)
    fail ("the export does not read back: %s\n%s", error->message, csv);
  if (again->len != contacts->len)
    fail ("%u contacts written, %u read back:\n%s", contacts->len, again->len, csv);

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *a = g_ptr_array_index (contacts, i);
      RapportContact *b = g_ptr_array_index (again, i);

      if (g_strcmp0 (rapport_contact_get_display_name (a), rapport_contact_get_display_name (b)) != 0)
        fail ("contact %u: name \"%s\" reads back as \"%s\":\n%s", i,
              g_strescape (rapport_contact_get_display_name (a), NULL),
              g_strescape (rapport_contact_get_display_name (b), NULL), csv);
    }
}

/* Maps the rows after @header_index with @mapping; checks the result. */
static void
map_rows (GPtrArray             *rows,
          guint                  header_index,
          const RapportCsvField *mapping,
          guint                  n_columns,
          gboolean               round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_csv_map_rows (rows, header_index, mapping, n_columns, NULL, &error);

  if (contacts == NULL)
    {
      check_error (error, "rapport_csv_map_rows()");
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      const char *name = rapport_contact_get_display_name (contact);

      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        fail ("contact %u has no valid name", i);
    }

  if (round_trip)
    check_round_trip (contacts);
}

/* The steps of rapport-contact-file.c's parse(). */
static void
import_rows (GPtrArray *rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree RapportCsvField *mapping = NULL;
  g_autofree RapportCsvField *chosen = NULL;
  const RapportCsvRow *header;
  guint header_index;

  if (!rapport_csv_find_header (rows, &header_index))
    return;
  if (header_index >= rows->len)
    fail ("header %u of %u rows", header_index, rows->len);

  header = g_ptr_array_index (rows, header_index);
  (void) rapport_csv_is_linkedin_header (header);
  mapping = rapport_csv_guess_mapping (header);

  for (guint i = 0; i < header->n_fields; i++)
    {
      if (mapping[i] >= RAPPORT_CSV_N_FIELDS)
        fail ("column %u guessed as field %d", i, mapping[i]);
      if (rapport_csv_field_get_label (mapping[i]) == NULL)
        fail ("field %d has no label", mapping[i]);
    }

  if (!rapport_csv_check_rows (rows, header_index, &error))
    {
      check_error (error, "rapport_csv_check_rows()");
      return;
    }

  map_rows (rows, header_index, mapping, header->n_fields, TRUE);

  /* A mapping a user could pick in the dialog: any field for any column,
   * the same column twice, or every column ignored. */
  chosen = g_new0 (RapportCsvField, MAX (header->n_fields, 1));
  for (guint i = 0; i < header->n_fields; i++)
    chosen[i] = (g_str_hash (header->fields[i]) + i) % RAPPORT_CSV_N_FIELDS;
  map_rows (rows, header_index, chosen, header->n_fields, FALSE);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  fuzz_init ();

  rows = rapport_csv_read ((const char *) data, size, NULL, &error);
  if (rows == NULL)
    {
      check_error (error, "rapport_csv_read()");
      return 0;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const RapportCsvRow *row = g_ptr_array_index (rows, i);

      if (row->fields == NULL || g_strv_length (row->fields) != row->n_fields)
        fail ("row %u has %u fields, not NULL-ended", i, row->n_fields);
    }

  import_rows (rows);
  g_clear_error (&error);

  contacts = rapport_csv_parse ((const char *) data, size, NULL, &error);
  if (contacts == NULL)
    check_error (error, "rapport_csv_parse()");

  return 0;
}
