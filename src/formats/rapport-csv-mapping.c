/* rapport-csv-mapping.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-csv.h"
#include "rapport-import-private.h"

/* How far into a file the header row is looked for: LinkedIn puts three
 * lines of notes before it. */

typedef struct
{
  const char      *name;    /* normalized, see normalize_header() */
  RapportCsvField  field;
} KnownColumn;

/*
 * Column names of Rapport's own export, LinkedIn's Connections.csv, Google
 * Contacts ("E-mail 1 - Value"), Outlook ("E-mail 2 Address", "Business
 * City"), and common hand-made headings in English, German, French and
 * Spanish (without their accents: see normalize_header()).
 */
static const KnownColumn known_columns[] = {
  { "name", RAPPORT_CSV_FIELD_DISPLAY_NAME },
  { "fullname", RAPPORT_CSV_FIELD_DISPLAY_NAME },
  { "displayname", RAPPORT_CSV_FIELD_DISPLAY_NAME },
  { "contactname", RAPPORT_CSV_FIELD_DISPLAY_NAME },
  { "formattedname", RAPPORT_CSV_FIELD_DISPLAY_NAME },

  { "firstname", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "givenname", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "forename", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "first", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "vorname", RAPPORT_CSV_FIELD_GIVEN_NAME },

  { "lastname", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "familyname", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "surname", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "last", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "nachname", RAPPORT_CSV_FIELD_FAMILY_NAME },
  /* French and Spanish sheets pair "Prénom" with "Nom", "Nombre" with "Apellidos" */
  { "prenom", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "nom", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "nomdefamille", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "nomcomplet", RAPPORT_CSV_FIELD_DISPLAY_NAME },
  { "nombre", RAPPORT_CSV_FIELD_GIVEN_NAME },
  { "apellido", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "apellidos", RAPPORT_CSV_FIELD_FAMILY_NAME },
  { "nombrecompleto", RAPPORT_CSV_FIELD_DISPLAY_NAME },

  { "email", RAPPORT_CSV_FIELD_EMAIL },
  { "emails", RAPPORT_CSV_FIELD_EMAIL },
  { "emailaddress", RAPPORT_CSV_FIELD_EMAIL },
  { "emailaddresses", RAPPORT_CSV_FIELD_EMAIL },
  { "emailvalue", RAPPORT_CSV_FIELD_EMAIL },
  { "mail", RAPPORT_CSV_FIELD_EMAIL },
  { "primaryemail", RAPPORT_CSV_FIELD_EMAIL },
  { "workemail", RAPPORT_CSV_FIELD_EMAIL },
  { "businessemail", RAPPORT_CSV_FIELD_EMAIL },
  { "personalemail", RAPPORT_CSV_FIELD_EMAIL },
  { "emailadresse", RAPPORT_CSV_FIELD_EMAIL },
  { "courriel", RAPPORT_CSV_FIELD_EMAIL },
  { "adressecourriel", RAPPORT_CSV_FIELD_EMAIL },
  { "adresseemail", RAPPORT_CSV_FIELD_EMAIL },
  { "correo", RAPPORT_CSV_FIELD_EMAIL },
  { "correoelectronico", RAPPORT_CSV_FIELD_EMAIL },

  { "phone", RAPPORT_CSV_FIELD_PHONE },
  { "phones", RAPPORT_CSV_FIELD_PHONE },
  { "phonenumber", RAPPORT_CSV_FIELD_PHONE },
  { "phonenumbers", RAPPORT_CSV_FIELD_PHONE },
  { "phonevalue", RAPPORT_CSV_FIELD_PHONE },
  { "telephone", RAPPORT_CSV_FIELD_PHONE },
  { "tel", RAPPORT_CSV_FIELD_PHONE },
  { "mobile", RAPPORT_CSV_FIELD_PHONE },
  { "mobilephone", RAPPORT_CSV_FIELD_PHONE },
  { "mobilenumber", RAPPORT_CSV_FIELD_PHONE },
  { "cell", RAPPORT_CSV_FIELD_PHONE },
  { "cellphone", RAPPORT_CSV_FIELD_PHONE },
  { "businessphone", RAPPORT_CSV_FIELD_PHONE },
  { "workphone", RAPPORT_CSV_FIELD_PHONE },
  { "homephone", RAPPORT_CSV_FIELD_PHONE },
  { "primaryphone", RAPPORT_CSV_FIELD_PHONE },
  { "telefon", RAPPORT_CSV_FIELD_PHONE },
  { "telefonnummer", RAPPORT_CSV_FIELD_PHONE },
  { "handy", RAPPORT_CSV_FIELD_PHONE },
  { "mobil", RAPPORT_CSV_FIELD_PHONE },
  { "portable", RAPPORT_CSV_FIELD_PHONE },
  { "numerodetelephone", RAPPORT_CSV_FIELD_PHONE },
  { "telefono", RAPPORT_CSV_FIELD_PHONE },
  { "movil", RAPPORT_CSV_FIELD_PHONE },
  { "telefonomovil", RAPPORT_CSV_FIELD_PHONE },
  { "telephoneportable", RAPPORT_CSV_FIELD_PHONE },
  { "celular", RAPPORT_CSV_FIELD_PHONE },

  { "organisation", RAPPORT_CSV_FIELD_ORGANISATION },
  { "organization", RAPPORT_CSV_FIELD_ORGANISATION },
  { "organisationname", RAPPORT_CSV_FIELD_ORGANISATION },
  { "organizationname", RAPPORT_CSV_FIELD_ORGANISATION },
  { "company", RAPPORT_CSV_FIELD_ORGANISATION },
  { "companyname", RAPPORT_CSV_FIELD_ORGANISATION },
  { "org", RAPPORT_CSV_FIELD_ORGANISATION },
  { "employer", RAPPORT_CSV_FIELD_ORGANISATION },
  { "firma", RAPPORT_CSV_FIELD_ORGANISATION },
  { "unternehmen", RAPPORT_CSV_FIELD_ORGANISATION },
  { "entreprise", RAPPORT_CSV_FIELD_ORGANISATION },
  { "societe", RAPPORT_CSV_FIELD_ORGANISATION },
  { "employeur", RAPPORT_CSV_FIELD_ORGANISATION },
  { "empresa", RAPPORT_CSV_FIELD_ORGANISATION },
  { "organizacion", RAPPORT_CSV_FIELD_ORGANISATION },
  { "compania", RAPPORT_CSV_FIELD_ORGANISATION },

  { "role", RAPPORT_CSV_FIELD_ROLE },
  { "position", RAPPORT_CSV_FIELD_ROLE },
  { "jobtitle", RAPPORT_CSV_FIELD_ROLE },
  { "organisationtitle", RAPPORT_CSV_FIELD_ROLE },
  { "organizationtitle", RAPPORT_CSV_FIELD_ROLE },
  { "occupation", RAPPORT_CSV_FIELD_ROLE },
  { "rolle", RAPPORT_CSV_FIELD_ROLE },
  { "poste", RAPPORT_CSV_FIELD_ROLE },
  { "fonction", RAPPORT_CSV_FIELD_ROLE },
  { "cargo", RAPPORT_CSV_FIELD_ROLE },
  { "puesto", RAPPORT_CSV_FIELD_ROLE },

  { "profileurl", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "profile", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "url", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "linkedin", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "linkedinurl", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "linkedinprofile", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "website", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "websitevalue", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "webpage", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "homepage", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "webseite", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "siteweb", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "profil", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "sitioweb", RAPPORT_CSV_FIELD_PROFILE_URL },
  { "perfil", RAPPORT_CSV_FIELD_PROFILE_URL },

  { "location", RAPPORT_CSV_FIELD_LOCATION },
  { "city", RAPPORT_CSV_FIELD_LOCATION },
  { "town", RAPPORT_CSV_FIELD_LOCATION },
  { "country", RAPPORT_CSV_FIELD_LOCATION },
  { "addresscity", RAPPORT_CSV_FIELD_LOCATION },
  { "addresscountry", RAPPORT_CSV_FIELD_LOCATION },
  { "businesscity", RAPPORT_CSV_FIELD_LOCATION },
  { "businesscountryregion", RAPPORT_CSV_FIELD_LOCATION },
  { "ort", RAPPORT_CSV_FIELD_LOCATION },
  { "standort", RAPPORT_CSV_FIELD_LOCATION },
  { "stadt", RAPPORT_CSV_FIELD_LOCATION },
  { "land", RAPPORT_CSV_FIELD_LOCATION },
  { "ville", RAPPORT_CSV_FIELD_LOCATION },
  { "pays", RAPPORT_CSV_FIELD_LOCATION },
  { "lieu", RAPPORT_CSV_FIELD_LOCATION },
  { "ciudad", RAPPORT_CSV_FIELD_LOCATION },
  { "pais", RAPPORT_CSV_FIELD_LOCATION },
  { "ubicacion", RAPPORT_CSV_FIELD_LOCATION },

  { "source", RAPPORT_CSV_FIELD_SOURCE },
  { "howwemet", RAPPORT_CSV_FIELD_SOURCE },
  { "quelle", RAPPORT_CSV_FIELD_SOURCE },
  { "origine", RAPPORT_CSV_FIELD_SOURCE },
  { "origen", RAPPORT_CSV_FIELD_SOURCE },

  { "notes", RAPPORT_CSV_FIELD_NOTES },
  { "note", RAPPORT_CSV_FIELD_NOTES },
  { "comments", RAPPORT_CSV_FIELD_NOTES },
  { "comment", RAPPORT_CSV_FIELD_NOTES },
  { "description", RAPPORT_CSV_FIELD_NOTES },
  { "notizen", RAPPORT_CSV_FIELD_NOTES },
  { "notiz", RAPPORT_CSV_FIELD_NOTES },
  { "bemerkungen", RAPPORT_CSV_FIELD_NOTES },
  { "remarques", RAPPORT_CSV_FIELD_NOTES },
  { "commentaires", RAPPORT_CSV_FIELD_NOTES },
  { "notas", RAPPORT_CSV_FIELD_NOTES },
  { "nota", RAPPORT_CSV_FIELD_NOTES },
  { "comentarios", RAPPORT_CSV_FIELD_NOTES },
  { "observaciones", RAPPORT_CSV_FIELD_NOTES },

  { "tags", RAPPORT_CSV_FIELD_TAGS },
  { "tag", RAPPORT_CSV_FIELD_TAGS },
  { "categories", RAPPORT_CSV_FIELD_TAGS },
  { "category", RAPPORT_CSV_FIELD_TAGS },
  { "labels", RAPPORT_CSV_FIELD_TAGS },
  { "groups", RAPPORT_CSV_FIELD_TAGS },
  { "groupmembership", RAPPORT_CSV_FIELD_TAGS },
  { "kategorien", RAPPORT_CSV_FIELD_TAGS },
  { "etiquettes", RAPPORT_CSV_FIELD_TAGS },
  { "groupes", RAPPORT_CSV_FIELD_TAGS },
  { "etiquetas", RAPPORT_CSV_FIELD_TAGS },
  { "categorias", RAPPORT_CSV_FIELD_TAGS },
  { "grupos", RAPPORT_CSV_FIELD_TAGS },

  { "stage", RAPPORT_CSV_FIELD_STAGE },
  { "phase", RAPPORT_CSV_FIELD_STAGE },
  { "etape", RAPPORT_CSV_FIELD_STAGE },
  { "etapa", RAPPORT_CSV_FIELD_STAGE },

  { "connectedon", RAPPORT_CSV_FIELD_CONNECTED_ON },

  { "birthday", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "bday", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "birthdate", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "dateofbirth", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "geburtstag", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "geburtsdatum", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "anniversaire", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "datedenaissance", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "cumpleanos", RAPPORT_CSV_FIELD_BIRTHDAY },
  { "fechadenacimiento", RAPPORT_CSV_FIELD_BIRTHDAY },
};

static const char * const linkedin_columns[] = {
  "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
};

/* Helpers {{{ */

/* "E-mail 2 Address" → "emailaddress", "Téléphone" → "telephone": case,
 * accents, punctuation, spaces and the numbers of repeated columns make no
 * difference. */
static char *
normalize_header (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header, "C");
  GString *name = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
    }

  return g_string_free (name, FALSE);
}

static RapportCsvField
guess_field (const char *header)
{
  g_autofree char *name = normalize_header (header);

  for (guint i = 0; i < G_N_ELEMENTS (known_columns); i++)
    {
      if (strcmp (known_columns[i].name, name) == 0)
        return known_columns[i].field;
    }

  return RAPPORT_CSV_FIELD_IGNORE;
}

/* Whether @row has no value at all: such rows are skipped. */
gboolean
rapport_csv_row_is_empty (const RapportCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    {
      if (row->fields[i][strspn (row->fields[i], " \t\r\n")] != '\0')
        return FALSE;
    }

  return TRUE;
}

/*
 * Adds each of the values in @text to @list. Google Contacts joins values
 * with " ::: " and marks its groups "* myContacts"; people join them with
 * semicolons, or with commas when @commas allows it. Rapport writes "; ",
 * so that a tag holding a comma survives unless it is a row's only tag.
 */
static void
add_values (RapportValueSet *set,
            const char      *text,
            gboolean         commas)
{
  g_auto(GStrv) parts = NULL;

  if (strstr (text, ":::") != NULL)
    parts = g_strsplit (text, ":::", -1);
  else if (strchr (text, ';') != NULL || !commas)
    parts = g_strsplit (text, ";", -1);
  else
    parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *value = g_strstrip (parts[i]);

      if (g_str_has_prefix (value, "* "))
        value += 2;
      if (strcmp (value, "myContacts") != 0)
        _rapport_value_set_add (set, value, FALSE);
    }
}

/* A field's value, trimmed, without the apostrophe rapport_csv_write() puts
 * before a cell a spreadsheet would evaluate, and with the CRLF of Windows
 * spreadsheets and the lone CR of old Macs inside quoted fields turned into
 * plain line ends. No CR is left, so a value reads back the same after an
 * export ("\r\r\n" would otherwise lose one CR each time round). */
static char *
dup_value (const char *field)
{
  GString *value;

  if (rapport_csv_is_guarded (field))
    field++;

  if (strchr (field, '\r') == NULL)
    return g_strstrip (g_strdup (field));

  value = g_string_sized_new (strlen (field));
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p != '\r')
        g_string_append_c (value, *p);
      else if (p[1] != '\n')
        g_string_append_c (value, '\n');
    }
  return g_strstrip (g_string_free (value, FALSE));
}

typedef struct
{
  char      *texts[RAPPORT_CSV_N_FIELDS];   /* the first non-empty value of each single field */
  RapportValueSet  location;    /* parts such as city and country */
  GString         *notes;
  RapportValueSet  emails;
  RapportValueSet  phones;
  RapportValueSet  tags;
} RowValues;

static void
row_values_clear (RowValues *values)
{
  for (guint i = 0; i < RAPPORT_CSV_N_FIELDS; i++)
    g_clear_pointer (&values->texts[i], g_free);
  _rapport_value_set_clear (&values->location);
  g_string_free (values->notes, TRUE);
  _rapport_value_set_clear (&values->emails);
  _rapport_value_set_clear (&values->phones);
  _rapport_value_set_clear (&values->tags);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowValues, row_values_clear)

static const char *
text_or_empty (RowValues       *values,
               RapportCsvField  field)
{
  return values->texts[field] != NULL ? values->texts[field] : "";
}

/* Turns one row into a contact, or fails naming its line (see
 * rapport_csv_map_rows()). */
RapportContact *
rapport_csv_map_row (const RapportCsvRow    *row,
                     const RapportCsvField  *mapping,
                     guint                   n_columns,
                     GError                **error)
{
  g_auto(RowValues) values = { .notes = g_string_new (NULL) };
  g_autoptr(GPtrArray) location_parts = NULL;
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GPtrArray) phones = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(RapportContact) contact = _rapport_import_new_contact ();
  g_autofree char *display_name = NULL;
  g_autofree char *location = NULL;
  const char *source;
  gboolean linkedin = FALSE;

  for (guint i = 0; i < MIN (n_columns, row->n_fields); i++)
    {
      g_autofree char *value = dup_value (row->fields[i]);

      if (!_rapport_import_check_length (value, mapping[i] == RAPPORT_CSV_FIELD_NOTES, row->line, error))
        return NULL;

      switch (mapping[i])
        {
        case RAPPORT_CSV_FIELD_EMAIL:
          add_values (&values.emails, value, TRUE);
          if (!_rapport_value_set_check_size (&values.emails, RAPPORT_VALUE_EMAIL, row->line, error))
            return NULL;
          break;

        case RAPPORT_CSV_FIELD_PHONE:
          add_values (&values.phones, value, FALSE);
          if (!_rapport_value_set_check_size (&values.phones, RAPPORT_VALUE_PHONE, row->line, error))
            return NULL;
          break;

        case RAPPORT_CSV_FIELD_TAGS:
          add_values (&values.tags, value, TRUE);
          if (!_rapport_value_set_check_size (&values.tags, RAPPORT_VALUE_TAG, row->line, error))
            return NULL;
          break;

        case RAPPORT_CSV_FIELD_LOCATION:
          _rapport_value_set_add (&values.location, value, FALSE);
          break;

        case RAPPORT_CSV_FIELD_NOTES:
          if (*value != '\0')
            g_string_append_printf (values.notes, "%s%s", values.notes->len > 0 ? "\n\n" : "", value);
          break;

        case RAPPORT_CSV_FIELD_CONNECTED_ON:
          linkedin = TRUE;
          G_GNUC_FALLTHROUGH;
        case RAPPORT_CSV_FIELD_DISPLAY_NAME:
        case RAPPORT_CSV_FIELD_GIVEN_NAME:
        case RAPPORT_CSV_FIELD_FAMILY_NAME:
        case RAPPORT_CSV_FIELD_ORGANISATION:
        case RAPPORT_CSV_FIELD_ROLE:
        case RAPPORT_CSV_FIELD_PROFILE_URL:
        case RAPPORT_CSV_FIELD_SOURCE:
        case RAPPORT_CSV_FIELD_STAGE:
        case RAPPORT_CSV_FIELD_BIRTHDAY:
          if (*value != '\0' && values.texts[mapping[i]] == NULL)
            values.texts[mapping[i]] = g_steal_pointer (&value);
          break;

        case RAPPORT_CSV_FIELD_IGNORE:
        default:
          break;
        }
    }

  display_name = g_strdup (text_or_empty (&values, RAPPORT_CSV_FIELD_DISPLAY_NAME));
  if (*display_name == '\0')
    {
      g_free (display_name);
      display_name = _rapport_import_compose_name (values.texts[RAPPORT_CSV_FIELD_GIVEN_NAME],
                                                   values.texts[RAPPORT_CSV_FIELD_FAMILY_NAME]);
    }
  emails = _rapport_value_set_steal (&values.emails);
  if (*display_name == '\0' && emails->len > 0)
    {
      g_free (display_name);
      display_name = g_strdup (g_ptr_array_index (emails, 0));
    }
  if (*display_name == '\0')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INCOMPLETE,
                   _("Line %u has neither a name nor an email address"), row->line);
      return NULL;
    }

  if (values.texts[RAPPORT_CSV_FIELD_STAGE] != NULL)
    {
      RapportStage stage;

      if (!_rapport_import_parse_stage (values.texts[RAPPORT_CSV_FIELD_STAGE], &stage))
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INVALID_VALUE,
                       /* Translators: %u is a line number, %s what the file gives as the stage */
                       _("Line %u: “%s” is not a stage Rapport knows"),
                       row->line, values.texts[RAPPORT_CSV_FIELD_STAGE]);
          return NULL;
        }
      rapport_contact_set_stage (contact, stage);
    }

  source = text_or_empty (&values, RAPPORT_CSV_FIELD_SOURCE);
  if (*source == '\0' && values.texts[RAPPORT_CSV_FIELD_CONNECTED_ON] != NULL)
    {
      /* Translators: %s is a date as LinkedIn writes it, such as "12 Mar 2021" */
      g_autofree char *connected = g_strdup_printf (_("LinkedIn, connected on %s"),
                                                    values.texts[RAPPORT_CSV_FIELD_CONNECTED_ON]);

      rapport_contact_set_source (contact, connected);
    }
  else if (*source == '\0' && linkedin)
    rapport_contact_set_source (contact, _("LinkedIn"));
  else
    rapport_contact_set_source (contact, source);

  rapport_contact_set_display_name (contact, display_name);
  rapport_contact_set_given_name (contact, text_or_empty (&values, RAPPORT_CSV_FIELD_GIVEN_NAME));
  rapport_contact_set_family_name (contact, text_or_empty (&values, RAPPORT_CSV_FIELD_FAMILY_NAME));
  rapport_contact_set_organisation (contact, text_or_empty (&values, RAPPORT_CSV_FIELD_ORGANISATION));
  rapport_contact_set_role (contact, text_or_empty (&values, RAPPORT_CSV_FIELD_ROLE));
  rapport_contact_set_profile_url (contact, text_or_empty (&values, RAPPORT_CSV_FIELD_PROFILE_URL));
  location_parts = _rapport_value_set_steal (&values.location);
  phones = _rapport_value_set_steal (&values.phones);
  tags = _rapport_value_set_steal (&values.tags);
  location = g_strjoinv (", ", (char **) location_parts->pdata);
  rapport_contact_set_location (contact, location);
  rapport_contact_set_notes (contact, values.notes->str);
  /* A date written some other way ("4/12/1990": whose order?) is dropped,
   * as a vCard's BDAY that is no date is. */
  rapport_contact_set_birthday (contact, values.texts[RAPPORT_CSV_FIELD_BIRTHDAY]);
  rapport_contact_set_emails (contact, (const char * const *) emails->pdata);
  rapport_contact_set_phones (contact, (const char * const *) phones->pdata);
  rapport_contact_set_tags (contact, (const char * const *) tags->pdata);

  return g_steal_pointer (&contact);
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_csv_field_get_label:
 *
 * Returns: the field's name, for the column mapping dialog
 */
const char *
rapport_csv_field_get_label (RapportCsvField field)
{
  switch (field)
    {
    case RAPPORT_CSV_FIELD_IGNORE:       return C_("csv field", "Do Not Import");
    case RAPPORT_CSV_FIELD_DISPLAY_NAME: return C_("csv field", "Name");
    case RAPPORT_CSV_FIELD_GIVEN_NAME:   return C_("csv field", "Given Name");
    case RAPPORT_CSV_FIELD_FAMILY_NAME:  return C_("csv field", "Family Name");
    case RAPPORT_CSV_FIELD_EMAIL:        return C_("csv field", "Email");
    case RAPPORT_CSV_FIELD_PHONE:        return C_("csv field", "Phone");
    case RAPPORT_CSV_FIELD_ORGANISATION: return C_("csv field", "Organisation");
    case RAPPORT_CSV_FIELD_ROLE:         return C_("csv field", "Role");
    case RAPPORT_CSV_FIELD_PROFILE_URL:  return C_("csv field", "Profile URL");
    case RAPPORT_CSV_FIELD_LOCATION:     return C_("csv field", "Location");
    case RAPPORT_CSV_FIELD_SOURCE:       return C_("csv field", "How We Met");
    case RAPPORT_CSV_FIELD_NOTES:        return C_("csv field", "Notes");
    case RAPPORT_CSV_FIELD_TAGS:         return C_("csv field", "Tags");
    case RAPPORT_CSV_FIELD_STAGE:        return C_("csv field", "Stage");
    case RAPPORT_CSV_FIELD_CONNECTED_ON: return C_("csv field", "LinkedIn Connection Date");
    case RAPPORT_CSV_FIELD_BIRTHDAY:     return C_("csv field", "Birthday");
    default:                             g_return_val_if_reached (NULL);
    }
}

/**
 * rapport_csv_guess_mapping:
 * @header: the header row
 *
 * Guesses from the column names what each column holds.
 *
 * Returns: (transfer full) (array length=header->n_fields): a field for
 *   each column, %RAPPORT_CSV_FIELD_IGNORE where the name means nothing
 */
RapportCsvField *
rapport_csv_guess_mapping (const RapportCsvRow *header)
{
  RapportCsvField *mapping;
  gboolean has_role = FALSE;

  g_return_val_if_fail (header != NULL, NULL);

  mapping = g_new0 (RapportCsvField, MAX (header->n_fields, 1));
  for (guint i = 0; i < header->n_fields; i++)
    {
      mapping[i] = guess_field (header->fields[i]);
      has_role |= mapping[i] == RAPPORT_CSV_FIELD_ROLE;
    }

  /* Outlook's "Title" is "Mr." or "Dr.", next to its "Job Title"; alone, a
   * "Title" column is a job title. */
  for (guint i = 0; i < header->n_fields && !has_role; i++)
    {
      g_autofree char *name = normalize_header (header->fields[i]);

      if (strcmp (name, "title") == 0)
        {
          mapping[i] = RAPPORT_CSV_FIELD_ROLE;
          has_role = TRUE;
        }
    }

  return mapping;
}

/**
 * rapport_csv_is_linkedin_header:
 *
 * Returns: whether @row is the header of LinkedIn's Connections.csv
 */
gboolean
rapport_csv_is_linkedin_header (const RapportCsvRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  if (row->n_fields < G_N_ELEMENTS (linkedin_columns))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (linkedin_columns); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (row->fields[i]));

      if (g_ascii_strcasecmp (name, linkedin_columns[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_csv_is_header:
 *
 * Returns: whether the column names of @row include a name or an email
 *   column and one more known column
 */
gboolean
rapport_csv_is_header (const RapportCsvRow *row)
{
  g_autofree RapportCsvField *mapping = NULL;
  gboolean has_identity = FALSE;
  guint n_known = 0;

  g_return_val_if_fail (row != NULL, FALSE);

  mapping = rapport_csv_guess_mapping (row);
  for (guint column = 0; column < row->n_fields; column++)
    {
      n_known += mapping[column] != RAPPORT_CSV_FIELD_IGNORE;
      has_identity |= (mapping[column] == RAPPORT_CSV_FIELD_DISPLAY_NAME ||
                       mapping[column] == RAPPORT_CSV_FIELD_GIVEN_NAME ||
                       mapping[column] == RAPPORT_CSV_FIELD_FAMILY_NAME ||
                       mapping[column] == RAPPORT_CSV_FIELD_EMAIL);
    }

  return has_identity && (n_known >= 2 || row->n_fields == 1);
}

/**
 * rapport_csv_find_header:
 * @rows: (element-type RapportCsvRow): rows from rapport_csv_read()
 * @header_index: (out): return location for the header's index in @rows
 *
 * Finds the first of the first %RAPPORT_CSV_MAX_HEADER_ROW rows that
 * rapport_csv_is_header(), skipping notes before it (LinkedIn).
 *
 * Returns: whether a header row was found
 */
gboolean
rapport_csv_find_header (GPtrArray *rows,
                         guint     *header_index)
{
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (header_index != NULL, FALSE);

  for (guint i = 0; i < MIN (rows->len, RAPPORT_CSV_MAX_HEADER_ROW); i++)
    {
      if (rapport_csv_is_header (g_ptr_array_index (rows, i)))
        {
          *header_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rapport_csv_check_row:
 * @header: the header row
 * @row: a row after it
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Checks that @row has as many fields as @header. Extra fields are allowed
 * when they are empty, as a spreadsheet may leave trailing commas.
 *
 * Returns: %TRUE if @row lines up with @header
 */
gboolean
rapport_csv_check_row (const RapportCsvRow  *header,
                       const RapportCsvRow  *row,
                       GError              **error)
{
  guint n_fields;

  g_return_val_if_fail (header != NULL && row != NULL, FALSE);

  n_fields = row->n_fields;
  while (n_fields > header->n_fields && *row->fields[n_fields - 1] == '\0')
    n_fields--;

  if (n_fields != header->n_fields)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_RAGGED,
                   /* Translators: the first and third %u are line numbers, the others counts of fields */
                   _("Line %u has %u fields, but the header on line %u has %u"),
                   row->line, row->n_fields, header->line, header->n_fields);
      return FALSE;
    }

  return TRUE;
}

/**
 * rapport_csv_check_rows:
 * @rows: (element-type RapportCsvRow): rows from rapport_csv_read()
 * @header_index: the index of the header row in @rows
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Checks that every row after the header has as many fields as the header.
 * Extra fields are allowed when they are empty, as a spreadsheet may leave
 * trailing commas.
 *
 * Returns: %TRUE if the rows line up with the header
 */
gboolean
rapport_csv_check_rows (GPtrArray  *rows,
                        guint       header_index,
                        GError    **error)
{
  const RapportCsvRow *header;

  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (header_index < rows->len, FALSE);

  header = g_ptr_array_index (rows, header_index);
  for (guint i = header_index + 1; i < rows->len; i++)
    {
      if (!rapport_csv_check_row (header, g_ptr_array_index (rows, i), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_csv_map_rows:
 * @rows: (element-type RapportCsvRow): rows from rapport_csv_read()
 * @header_index: the index of the header row in @rows; the rows after it are read
 * @mapping: (array length=n_columns): what each column holds
 * @n_columns: the number of entries in @mapping
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Turns the rows after the header into contacts. Rows with no value at all
 * are skipped; a row without a name or an email address, a row whose
 * number of fields differs from the header's, or an unknown stage fails the
 * whole import, naming the line.
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts,
 *   with id 0 and #RapportContact:loaded set
 */
GPtrArray *
rapport_csv_map_rows (GPtrArray              *rows,
                      guint                   header_index,
                      const RapportCsvField  *mapping,
                      guint                   n_columns,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (header_index < rows->len, NULL);
  g_return_val_if_fail (mapping != NULL || n_columns == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < n_columns; i++)
    g_return_val_if_fail (mapping[i] < RAPPORT_CSV_N_FIELDS, NULL);

  if (!rapport_csv_check_rows (rows, header_index, error))
    return NULL;

  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = header_index + 1; i < rows->len; i++)
    {
      const RapportCsvRow *row = g_ptr_array_index (rows, i);
      RapportContact *contact;

      if ((i - header_index - 1) % RAPPORT_IMPORT_CANCEL_LINES == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          _rapport_import_drop_array (g_steal_pointer (&contacts));
          return NULL;
        }

      if (rapport_csv_row_is_empty (row))
        continue;

      if ((contact = rapport_csv_map_row (row, mapping, n_columns, error)) == NULL)
        return NULL;
      g_ptr_array_add (contacts, contact);
    }

  return g_steal_pointer (&contacts);
}

/**
 * rapport_csv_parse:
 * @data: the file's contents
 * @length: the length of @data in bytes
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Reads a CSV file whose header names its columns well enough to guess
 * them: Rapport's own export, LinkedIn's Connections.csv, and the exports
 * of Google Contacts and Outlook among others.
 *
 * Returns: (transfer full) (element-type RapportContact): the contacts
 */
GPtrArray *
rapport_csv_parse (const char    *data,
                   gsize          length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree RapportCsvField *mapping = NULL;
  const RapportCsvRow *header;
  guint header_index;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((rows = rapport_csv_read (data, length, cancellable, error)) == NULL)
    return NULL;

  if (!rapport_csv_find_header (rows, &header_index))
    {
      g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                           _("No header row names the columns, such as “Name” or “Email”"));
      return NULL;
    }

  header = g_ptr_array_index (rows, header_index);
  mapping = rapport_csv_guess_mapping (header);

  return rapport_csv_map_rows (rows, header_index, mapping, header->n_fields, cancellable, error);
}

/* }}} */
