/* rapport-vcard-writer.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-vcard"

#include "config.h"

#include <string.h>

#include "rapport-birthday.h"
#include "rapport-import-private.h"
#include "rapport-vcard.h"

/* RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets, line break excluded. */
#define MAX_LINE_OCTETS 75

/* Helpers {{{ */

/*
 * Appends "@name:@value" folded into lines of at most 75 octets, each
 * continuation starting with a space. A fold never falls inside a UTF-8
 * sequence, which would leave both halves invalid for readers that check
 * each line.
 */
static void
append_folded (GString    *out,
               const char *name,
               const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);
  const char *p = line;
  gsize left = strlen (line);
  gsize limit = MAX_LINE_OCTETS;

  while (left > limit)
    {
      gsize cut = limit;

      while (cut > 0 && ((guchar) p[cut] & 0xc0) == 0x80)
        cut--;
      if (cut == 0)
        cut = limit;   /* not UTF-8 at all: any cut is as good */

      g_string_append_len (out, p, cut);
      g_string_append (out, "\r\n ");
      p += cut;
      left -= cut;
      limit = MAX_LINE_OCTETS - 1;
    }

  g_string_append_len (out, p, left);
  g_string_append (out, "\r\n");
}

/* RFC 6350 3.4: backslash, comma, semicolon and newline are escaped in text
 * values. A semicolon needs it only in structured values, but escaping it
 * everywhere keeps readers that split every value (EVCard does) exact. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;

        case ',':
          g_string_append (out, "\\,");
          break;

        case ';':
          g_string_append (out, "\\;");
          break;

        case '\r':
          if (p[1] == '\n')
            p++;
          G_GNUC_FALLTHROUGH;
        case '\n':
          g_string_append (out, "\\n");
          break;

        default:
          /* Control characters that make a file binary ("\x1d", which a
           * contact may hold from elsewhere) are dropped: the importer
           * would refuse the whole file (found by tests/fuzz/fuzz-vcard). */
          if (!_rapport_import_is_binary_char (*p))
            g_string_append_c (out, *p);
        }
    }
}

static void
append_text (GString    *out,
             const char *name,
             const char *text)
{
  g_autoptr(GString) value = NULL;

  if (text == NULL || *text == '\0')
    return;

  value = g_string_new (NULL);
  append_escaped (value, text);
  append_folded (out, name, value->str);
}

/* A structured value: the components in order, separated by ";". */
static void
append_structured (GString            *out,
                   const char         *name,
                   const char * const *components,
                   guint               n_components)
{
  g_autoptr(GString) value = g_string_new (NULL);

  for (guint i = 0; i < n_components; i++)
    {
      if (i > 0)
        g_string_append_c (value, ';');
      if (components[i] != NULL)
        append_escaped (value, components[i]);
    }

  append_folded (out, name, value->str);
}

/* The name a card must have: FN is required in vCard 4.0. */
static char *
dup_formatted_name (RapportContact *contact)
{
  const char *display_name = rapport_contact_get_display_name (contact);
  const char *email = rapport_contact_get_primary_email (contact);
  g_autofree char *name = NULL;

  if (*display_name != '\0')
    return g_strdup (display_name);

  name = _rapport_import_compose_name (rapport_contact_get_given_name (contact),
                                       rapport_contact_get_family_name (contact));
  if (*name != '\0')
    return g_steal_pointer (&name);
  if (*rapport_contact_get_organisation (contact) != '\0')
    return g_strdup (rapport_contact_get_organisation (contact));

  return g_strdup (email != NULL ? email : "");
}

static void
append_contact (GString        *out,
                RapportContact *contact)
{
  g_autoptr(GEnumClass) stages = g_type_class_ref (RAPPORT_TYPE_STAGE);
  g_autofree char *formatted_name = dup_formatted_name (contact);
  const char *given = rapport_contact_get_given_name (contact);
  const char *family = rapport_contact_get_family_name (contact);
  const char *location = rapport_contact_get_location (contact);
  g_autofree char *birthday = rapport_birthday_to_vcard (rapport_contact_get_birthday (contact));
  const char * const *tags = rapport_contact_get_tags (contact);
  GEnumValue *stage = g_enum_get_value (stages, rapport_contact_get_stage (contact));

  g_string_append (out, "BEGIN:VCARD\r\n"
                        "VERSION:4.0\r\n"
                        "PRODID:-//Rapport//Rapport " PACKAGE_VERSION "//EN\r\n");

  append_text (out, "FN", formatted_name);

  if (*given != '\0' || *family != '\0')
    {
      const char * const name[] = { family, given, NULL, NULL, NULL };

      append_structured (out, "N", name, G_N_ELEMENTS (name));
    }

  if (*rapport_contact_get_organisation (contact) != '\0')
    {
      const char * const organisation[] = { rapport_contact_get_organisation (contact) };

      append_structured (out, "ORG", organisation, G_N_ELEMENTS (organisation));
    }

  append_text (out, "TITLE", rapport_contact_get_role (contact));

  for (const char * const *email = rapport_contact_get_emails (contact); *email != NULL; email++)
    append_text (out, "EMAIL", *email);
  for (const char * const *phone = rapport_contact_get_phones (contact); *phone != NULL; phone++)
    append_text (out, "TEL", *phone);

  append_text (out, "URL", rapport_contact_get_profile_url (contact));

  /* Rapport keeps a place as free text ("Lyon, France"), which is what the
   * locality of an address shows in other address books. */
  if (*location != '\0')
    {
      const char * const address[] = { NULL, NULL, NULL, location, NULL, NULL, NULL };

      append_structured (out, "ADR", address, G_N_ELEMENTS (address));
    }

  append_text (out, "BDAY", birthday);
  append_text (out, "NOTE", rapport_contact_get_notes (contact));

  if (tags[0] != NULL)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (value, ',');
          append_escaped (value, tags[i]);
        }
      append_folded (out, "CATEGORIES", value->str);
    }

  /* What only Rapport reads: other programs keep X- properties untouched. */
  append_text (out, "X-RAPPORT-STAGE", stage != NULL ? stage->value_nick : NULL);
  append_text (out, "X-RAPPORT-SOURCE", rapport_contact_get_source (contact));
  append_text (out, "X-RAPPORT-REFERRED-BY", rapport_contact_get_referred_by_name (contact));

  g_string_append (out, "END:VCARD\r\n");
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_vcard_write:
 * @contacts: (element-type RapportContact): the contacts to export
 *
 * Writes @contacts as vCard 4.0 (RFC 6350): UTF-8, CRLF line ends, lines
 * folded at 75 octets. Rapport's own fields (stage, source, referrer) go
 * into X-RAPPORT- properties, which rapport_vcard_parse() reads back.
 *
 * Returns: (transfer full): the vCard text
 */
char *
rapport_vcard_write (GPtrArray *contacts)
{
  GString *out;

  g_return_val_if_fail (contacts != NULL, NULL);

  out = g_string_sized_new (512 * contacts->len + 1);
  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), g_string_free (out, TRUE));
      append_contact (out, contact);
    }

  return g_string_free (out, FALSE);
}

/* }}} */
