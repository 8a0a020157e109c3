/* rapport-book-card.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-birthday.h"
#include "rapport-book-card.h"

void
rapport_book_fields_init (RapportBookFields *fields)
{
  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    fields->values[i] = g_strdup ("");
}

void
rapport_book_fields_clear (RapportBookFields *fields)
{
  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    g_clear_pointer (&fields->values[i], g_free);
}

void
rapport_book_fields_copy (RapportBookFields       *dest,
                          const RapportBookFields *src)
{
  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    dest->values[i] = g_strdup (src->values[i]);
}

void
rapport_book_fields_set (RapportBookFields *fields,
                         RapportBookField   field,
                         const char        *value)
{
  g_return_if_fail (field < RAPPORT_BOOK_N_FIELDS);

  g_free (fields->values[field]);
  /* Surrounding white space is not a change anyone made on purpose. */
  fields->values[field] = g_strstrip (g_strdup (value != NULL ? value : ""));
}

gboolean
rapport_book_fields_equal (const RapportBookFields *a,
                           const RapportBookFields *b)
{
  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

char *
rapport_book_fields_serialize (const RapportBookFields *fields)
{
  g_autoptr(GVariant) variant = g_variant_ref_sink (
    g_variant_new_strv ((const char * const *) fields->values, RAPPORT_BOOK_N_FIELDS));

  return g_variant_print (variant, FALSE);
}

gboolean
rapport_book_fields_parse (RapportBookFields *fields,
                           const char        *text)
{
  g_autoptr(GVariant) variant = NULL;
  g_autofree const char **values = NULL;
  gsize n = 0;

  if (text != NULL)
    variant = g_variant_parse (G_VARIANT_TYPE_STRING_ARRAY, text, NULL, NULL, NULL);
  rapport_book_fields_init (fields);
  if (variant == NULL)
    return FALSE;
  values = g_variant_get_strv (variant, &n);
  /* A list stored by a later version with more fields keeps what this one knows. */
  for (gsize i = 0; i < n && i < RAPPORT_BOOK_N_FIELDS; i++)
    rapport_book_fields_set (fields, i, values[i]);
  return TRUE;
}

char *
rapport_book_fields_fingerprint (const RapportBookFields *fields)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    {
      /* A field added after links were stored (the birthday) counts only
       * when set, so that those links keep their fingerprints and are not
       * all taken for changed on both sides. */
      if (i >= RAPPORT_BOOK_FIELD_BIRTHDAY && *fields->values[i] == '\0')
        continue;
      /* With its terminating NUL, so that ("ab", "") and ("a", "b") differ. */
      g_checksum_update (sum, (const guchar *) fields->values[i], strlen (fields->values[i]) + 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
join_list (const char * const *values)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));

      if (*value != '\0')
        g_strv_builder_add (builder, value);
    }
  kept = g_strv_builder_end (builder);
  return g_strjoinv ("\n", kept);
}

void
rapport_book_fields_from_contact (RapportBookFields *fields,
                                  RapportContact    *contact)
{
  g_autofree char *emails = join_list (rapport_contact_get_emails (contact));
  g_autofree char *phones = join_list (rapport_contact_get_phones (contact));

  rapport_book_fields_init (fields);
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_FULL_NAME, rapport_contact_get_display_name (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_GIVEN_NAME, rapport_contact_get_given_name (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_FAMILY_NAME, rapport_contact_get_family_name (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_EMAILS, emails);
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_PHONES, phones);
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_ORGANISATION, rapport_contact_get_organisation (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_TITLE, rapport_contact_get_role (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_NOTE, rapport_contact_get_notes (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_URL, rapport_contact_get_profile_url (contact));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_BIRTHDAY, rapport_contact_get_birthday (contact));
}

static GStrv
split_list (const char *value)
{
  return *value == '\0' ? g_new0 (char *, 1) : g_strsplit (value, "\n", -1);
}

void
rapport_book_fields_to_contact (const RapportBookFields *fields,
                                RapportContact          *contact)
{
  g_auto(GStrv) emails = split_list (fields->values[RAPPORT_BOOK_FIELD_EMAILS]);
  g_auto(GStrv) phones = split_list (fields->values[RAPPORT_BOOK_FIELD_PHONES]);

  /* A contact has a name to be listed by: a book's card without one keeps Rapport's. */
  if (*fields->values[RAPPORT_BOOK_FIELD_FULL_NAME] != '\0')
    rapport_contact_set_display_name (contact, fields->values[RAPPORT_BOOK_FIELD_FULL_NAME]);
  rapport_contact_set_given_name (contact, fields->values[RAPPORT_BOOK_FIELD_GIVEN_NAME]);
  rapport_contact_set_family_name (contact, fields->values[RAPPORT_BOOK_FIELD_FAMILY_NAME]);
  rapport_contact_set_emails (contact, (const char * const *) emails);
  rapport_contact_set_phones (contact, (const char * const *) phones);
  rapport_contact_set_organisation (contact, fields->values[RAPPORT_BOOK_FIELD_ORGANISATION]);
  rapport_contact_set_role (contact, fields->values[RAPPORT_BOOK_FIELD_TITLE]);
  rapport_contact_set_notes (contact, fields->values[RAPPORT_BOOK_FIELD_NOTE]);
  rapport_contact_set_profile_url (contact, fields->values[RAPPORT_BOOK_FIELD_URL]);
  rapport_contact_set_birthday (contact, fields->values[RAPPORT_BOOK_FIELD_BIRTHDAY]);
}

const char *
rapport_book_field_get_label (RapportBookField field)
{
  switch (field)
    {
    case RAPPORT_BOOK_FIELD_FULL_NAME:
      return _("Name");
    case RAPPORT_BOOK_FIELD_GIVEN_NAME:
      return _("Given name");
    case RAPPORT_BOOK_FIELD_FAMILY_NAME:
      return _("Family name");
    case RAPPORT_BOOK_FIELD_EMAILS:
      return _("Email addresses");
    case RAPPORT_BOOK_FIELD_PHONES:
      return _("Phone numbers");
    case RAPPORT_BOOK_FIELD_ORGANISATION:
      return _("Organisation");
    case RAPPORT_BOOK_FIELD_TITLE:
      return _("Title");
    case RAPPORT_BOOK_FIELD_NOTE:
      return _("Note");
    case RAPPORT_BOOK_FIELD_URL:
      return _("Web address");
    case RAPPORT_BOOK_FIELD_BIRTHDAY:
      return _("Birthday");
    default:
      g_return_val_if_reached ("");
    }
}

RapportBookCard *
rapport_book_card_new (const char *uid,
                       const char *rev)
{
  RapportBookCard *card = g_new0 (RapportBookCard, 1);

  card->uid = g_strdup (uid);
  card->rev = g_strdup (rev != NULL ? rev : "");
  rapport_book_fields_init (&card->fields);
  return card;
}

void
rapport_book_card_free (RapportBookCard *card)
{
  if (card == NULL)
    return;
  g_free (card->uid);
  g_free (card->rev);
  rapport_book_fields_clear (&card->fields);
  g_free (card);
}
