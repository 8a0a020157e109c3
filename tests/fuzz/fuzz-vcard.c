/* fuzz-vcard.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libFuzzer target for the vCard import. The input is a file to import.
 * Whatever it holds, rapport_vcard_parse() must not crash, leak or warn, and
 * must either return contacts or set a RAPPORT_IMPORT_ERROR with a message.
 * What it returns is exported with rapport_vcard_write() and imported again:
 * that must give as many contacts, with the same names (but for line ends)
 * and first email addresses. They are exported as CSV too, which must read
 * back as as many contacts.
 *
 * Built with clang's -fsanitize=fuzzer when meson is set up with
 * -Dfuzzing=true (see tests/fuzz/README); otherwise fuzz-main.c replays the
 * corpus as an ordinary test.
 */

#include "config.h"

#include "rapport-csv.h"
#include "rapport-vcard.h"

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

/* The writer ends lines in a value as vCard does, with "\n": a CR LF or a
 * lone CR in a name reads back as LF. */
static char *
dup_newlines_normalized (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, *p == '\r' ? '\n' : *p);
    }

  return g_string_free (out, FALSE);
}

static void
check_round_trip (GPtrArray *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *vcf = rapport_vcard_write (contacts);

  if (vcf == NULL)
    fail ("rapport_vcard_write() returned NULL");
  if (!g_utf8_validate (vcf, -1, NULL))
    fail ("the export is not UTF-8:\n%s", vcf);

  again = rapport_vcard_parse (vcf, strlen (vcf), NULL, &error);
  if (again == NULL && contacts->len == 0 && g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY))
    return;
  if (again == NULL)
    fail ("the export does not read back: %s\n%s", error->message, vcf);
  if (again->len != contacts->len)
    fail ("%u contacts written, %u read back:\n%s", contacts->len, again->len, vcf);

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *a = g_ptr_array_index (contacts, i);
      RapportContact *b = g_ptr_array_index (again, i);
      g_autofree char *name = dup_newlines_normalized (rapport_contact_get_display_name (a));

      if (g_strcmp0 (name, rapport_contact_get_display_name (b)) != 0)
        fail ("contact %u: name \"%s\" reads back as \"%s\":\n%s", i,
              g_strescape (rapport_contact_get_display_name (a), NULL),
              g_strescape (rapport_contact_get_display_name (b), NULL), vcf);
      if (g_strcmp0 (rapport_contact_get_primary_email (a), rapport_contact_get_primary_email (b)) != 0)
        fail ("contact %u: email \"%s\" reads back as \"%s\":\n%s", i,
              rapport_contact_get_primary_email (a), rapport_contact_get_primary_email (b), vcf);
    }
}

/* What a user does next with imported contacts: export them as CSV. */
static void
check_csv_export (GPtrArray *contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *csv = rapport_csv_write (contacts, RAPPORT_CSV_WRITE_DEFAULT);

  again = rapport_csv_parse (csv, strlen (csv), NULL, &error);
  if (again == NULL)
    fail ("the CSV export does not read back: %s\n%s", error->message, csv);
  if (again->len != contacts->len)
    fail ("%u contacts written as CSV, %u read back:\n%s", contacts->len, again->len, csv);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  fuzz_init ();

  contacts = rapport_vcard_parse ((const char *) data, size, NULL, &error);
  if (contacts == NULL)
    {
      check_error (error, "rapport_vcard_parse()");
      return 0;
    }
  if (error != NULL)
    fail ("contacts returned with an error: %s", error->message);

  check_round_trip (contacts);
  check_csv_export (contacts);

  return 0;
}
