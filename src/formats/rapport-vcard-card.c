/* rapport-vcard-card.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-vcard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-import-private.h"
#include "rapport-vcard-private.h"

/*
 * A card, as EVCard decoded it, to a contact: which of several URLs is the
 * profile, which address tells where someone is, which email comes first.
 */

/* Helpers {{{ */

/* g_set_str() is GLib 2.76. */
static void
set_str (char       **slot,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static char *
attribute_text (EVCardAttribute *attr)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* A value with an unescaped ";" arrives split; put it back together. */
  for (GList *l = e_vcard_attribute_get_values (attr); l != NULL; l = l->next)
    {
      if (l != e_vcard_attribute_get_values (attr))
        g_string_append_c (text, ';');
      g_string_append (text, l->data);
    }

  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

static char *
attribute_component (EVCardAttribute *attr,
                     guint            index)
{
  const char *value = g_list_nth_data (e_vcard_attribute_get_values (attr), index);

  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

static gboolean
is_named (EVCardAttribute *attr,
          const char      *name)
{
  return g_ascii_strcasecmp (e_vcard_attribute_get_name (attr), name) == 0;
}

static gboolean
mentions (EVCardAttribute *attr,
          const char      *label,
          const char      *word)
{
  g_autofree char *folded = label != NULL ? g_utf8_casefold (label, -1) : NULL;

  return e_vcard_attribute_has_type (attr, word) || (folded != NULL && strstr (folded, word) != NULL);
}

/* Whether @url's host is @domain or one of its subdomains. */
static gboolean
is_on_domain (const char *url,
              const char *domain)
{
  const char *host = strstr (url, "://");
  gsize host_length;
  gsize domain_length = strlen (domain);

  host = host != NULL ? host + 3 : url;
  host_length = strcspn (host, "/:?#");

  if (host_length < domain_length)
    return FALSE;

  host += host_length - domain_length;
  if (g_ascii_strncasecmp (host, domain, domain_length) != 0)
    return FALSE;

  return host_length == domain_length || host[-1] == '.';
}

/* Higher is better: a LinkedIn profile, then any profile or network page,
 * then a plain URL such as a company's home page. */
static int
rate_url (EVCardAttribute *attr,
          const char      *url,
          const char      *label)
{
  static const char * const networks[] = {
    "xing.com", "github.com", "gitlab.com", "twitter.com", "x.com", "bsky.app",
    "mastodon.social", "behance.net", "dribbble.com", "medium.com",
  };

  if (is_on_domain (url, "linkedin.com") || mentions (attr, label, "linkedin"))
    return 3;

  if (is_named (attr, "X-SOCIALPROFILE") || mentions (attr, label, "profile"))
    return 2;

  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    {
      if (is_on_domain (url, networks[i]))
        return 2;
    }

  return 1;
}

static gboolean
is_web_address (const char *url)
{
  return g_ascii_strncasecmp (url, "http://", 7) == 0 || g_ascii_strncasecmp (url, "https://", 8) == 0;
}

/* "City, Country": what tells a job seeker where someone is, without the
 * street. The region stands in for a missing city. */
static char *
address_location (EVCardAttribute *attr)
{
  g_autofree char *city = attribute_component (attr, 3);
  g_autofree char *region = attribute_component (attr, 4);
  g_autofree char *country = attribute_component (attr, 6);
  const char *place = *city != '\0' ? city : region;

  if (*place != '\0' && *country != '\0')
    return g_strconcat (place, ", ", country, NULL);

  return g_strdup (*place != '\0' ? place : country);
}

/* A postal label's lines, joined with commas. */
static char *
label_location (const char *label)
{
  g_auto(GStrv) lines = g_strsplit_set (label, "\r\n", -1);
  g_auto(RapportValueSet) parts = { NULL };
  g_autoptr(GPtrArray) all = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    _rapport_value_set_add (&parts, lines[i], FALSE);

  all = _rapport_value_set_steal (&parts);
  return g_strjoinv (", ", (char **) all->pdata);
}

static void
strip_scheme (char       *value,
              const char *scheme)
{
  gsize length = strlen (scheme);

  if (g_ascii_strncasecmp (value, scheme, length) == 0)
    memmove (value, value + length, strlen (value + length) + 1);
}

static gboolean
check_version (const char  *version,
               guint        line,
               GError     **error)
{
  if (g_str_has_prefix (version, "2.") || g_str_has_prefix (version, "3.") || g_str_has_prefix (version, "4."))
    return TRUE;

  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INVALID_VALUE,
               /* Translators: %u is a line number, %s a version such as "5.0" */
               _("Line %u: vCard version “%s” is not supported"), line, version);
  return FALSE;
}

/* Each property reached EVCard as one line of ours, in order, so the
 * attribute at @index came from origins[@index]. */
static RapportVCardOrigin
origin_at (GArray *origins,
           guint   index,
           guint   card_line)
{
  RapportVCardOrigin fallback = { card_line, FALSE };

  return index < origins->len ? g_array_index (origins, RapportVCardOrigin, index) : fallback;
}

/* }}} */
/* Private API {{{ */

/**
 * _rapport_vcard_to_contact:
 * @vcard: a card parsed by EVCard
 * @origins: (element-type RapportVCardOrigin): where each of its properties came from
 * @card_line: the line of its BEGIN:VCARD
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Returns: (transfer full): a new contact with the card's values
 */
RapportContact *
_rapport_vcard_to_contact (EVCard     *vcard,
                           GArray     *origins,
                           guint       card_line,
                           GError    **error)
{
  g_auto(RapportValueSet) emails = { NULL };
  g_auto(RapportValueSet) phones = { NULL };
  g_auto(RapportValueSet) tags = { NULL };
  g_autoptr(GPtrArray) email_list = NULL;
  g_autoptr(GPtrArray) phone_list = NULL;
  g_autoptr(GPtrArray) tag_list = NULL;
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(RapportContact) contact = _rapport_import_new_contact ();
  g_autofree char *display_name = NULL;
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *role = NULL;
  g_autofree char *title = NULL;
  g_autofree char *url = NULL;
  g_autofree char *location = NULL;
  g_autofree char *postal_label = NULL;
  GList *attributes = e_vcard_get_attributes (vcard);
  int url_rating = 0;
  int location_rating = 0;
  guint index = 0;

  for (GList *l = attributes; l != NULL; l = l->next, index++)
    {
      EVCardAttribute *attr = l->data;
      RapportVCardOrigin origin = origin_at (origins, index, card_line);

      for (GList *v = e_vcard_attribute_get_values (attr); v != NULL; v = v->next)
        {
          if (g_utf8_validate (v->data, -1, NULL))
            continue;

          if (origin.has_charset)
            g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                         _("Line %u is not valid text in the character set it declares"), origin.line);
          else
            g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                         _("Line %u is not valid UTF-8 text and declares no character set"), origin.line);
          return NULL;
        }

      if (is_named (attr, "X-ABLABEL") && e_vcard_attribute_get_group (attr) != NULL)
        g_hash_table_insert (labels, (gpointer) e_vcard_attribute_get_group (attr),
                             e_vcard_attribute_get_values (attr)->data);
    }

  index = 0;
  for (GList *l = attributes; l != NULL; l = l->next, index++)
    {
      EVCardAttribute *attr = l->data;
      RapportVCardOrigin origin = origin_at (origins, index, card_line);
      const char *group = e_vcard_attribute_get_group (attr);
      const char *label = group != NULL ? g_hash_table_lookup (labels, group) : NULL;
      gboolean preferred = e_vcard_attribute_has_type (attr, "pref");
      g_autofree char *text = attribute_text (attr);

      if (!_rapport_import_check_length (text, is_named (attr, "NOTE"), origin.line, error))
        return NULL;

      if (is_named (attr, "VERSION"))
        {
          if (!check_version (text, origin.line, error))
            return NULL;
        }
      else if (is_named (attr, "FN"))
        {
          if (display_name == NULL || *display_name == '\0')
            set_str (&display_name, text);
        }
      else if (is_named (attr, "N"))
        {
          if (family == NULL && given == NULL)
            {
              family = attribute_component (attr, 0);
              given = attribute_component (attr, 1);
            }
        }
      else if (is_named (attr, "ORG"))
        {
          if (organisation == NULL || *organisation == '\0')
            {
              g_free (organisation);
              organisation = attribute_component (attr, 0);
            }
        }
      else if (is_named (attr, "TITLE"))
        {
          if (title == NULL || *title == '\0')
            set_str (&title, text);
        }
      else if (is_named (attr, "ROLE"))
        {
          if (role == NULL || *role == '\0')
            set_str (&role, text);
        }
      else if (is_named (attr, "EMAIL"))
        {
          strip_scheme (text, "mailto:");
          _rapport_value_set_add (&emails, text, preferred);
          if (!_rapport_value_set_check_size (&emails, RAPPORT_VALUE_EMAIL, card_line, error))
            return NULL;
        }
      else if (is_named (attr, "TEL"))
        {
          strip_scheme (text, "tel:");
          _rapport_value_set_add (&phones, text, preferred);
          if (!_rapport_value_set_check_size (&phones, RAPPORT_VALUE_PHONE, card_line, error))
            return NULL;
        }
      else if (is_named (attr, "URL") || (is_named (attr, "X-SOCIALPROFILE") && is_web_address (text)))
        {
          int rating = *text != '\0' ? rate_url (attr, text, label) : 0;

          if (rating > url_rating)
            {
              url_rating = rating;
              set_str (&url, text);
            }
        }
      else if (is_named (attr, "ADR"))
        {
          g_autofree char *place = address_location (attr);
          int rating = *place == '\0' ? 0 : preferred ? 3 : e_vcard_attribute_has_type (attr, "work") ? 2 : 1;

          if (rating > location_rating)
            {
              location_rating = rating;
              set_str (&location, place);
            }
        }
      else if (is_named (attr, "LABEL"))
        {
          if (postal_label == NULL || *postal_label == '\0')
            postal_label = label_location (text);
        }
      else if (is_named (attr, "NOTE"))
        {
          g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
          g_autofree char *note = g_strjoinv ("\n", lines);

          if (*note != '\0')
            g_string_append_printf (notes, "%s%s", notes->len > 0 ? "\n\n" : "", note);
        }
      else if (is_named (attr, "BDAY"))
        {
          /* A BDAY that is no day of a month (VALUE=text "circa 1800", a
           * year alone) says nothing Rapport can keep. */
          if (rapport_contact_get_birthday (contact) == NULL)
            rapport_contact_set_birthday (contact, text);
        }
      else if (is_named (attr, "CATEGORIES"))
        {
          for (GList *v = e_vcard_attribute_get_values (attr); v != NULL; v = v->next)
            {
              /* Google files every contact under its own "myContacts" group. */
              if (g_strcmp0 (v->data, "myContacts") != 0)
                _rapport_value_set_add (&tags, v->data, FALSE);
            }
          if (!_rapport_value_set_check_size (&tags, RAPPORT_VALUE_TAG, card_line, error))
            return NULL;
        }
      else if (is_named (attr, "X-RAPPORT-STAGE"))
        {
          RapportStage stage;

          /* A stage from a newer Rapport is not worth failing an import for. */
          if (_rapport_import_parse_stage (text, &stage))
            rapport_contact_set_stage (contact, stage);
          else
            g_debug ("Line %u: ignoring unknown stage “%s”", origin.line, text);
        }
      else if (is_named (attr, "X-RAPPORT-SOURCE"))
        rapport_contact_set_source (contact, text);
      else if (is_named (attr, "X-RAPPORT-REFERRED-BY"))
        rapport_contact_set_referred_by_name (contact, text);
    }

  if (display_name == NULL || *display_name == '\0')
    {
      g_free (display_name);
      display_name = _rapport_import_compose_name (given, family);
    }
  if (*display_name == '\0' && organisation != NULL)
    set_str (&display_name, organisation);
  email_list = _rapport_value_set_steal (&emails);
  phone_list = _rapport_value_set_steal (&phones);
  tag_list = _rapport_value_set_steal (&tags);
  if (*display_name == '\0' && email_list->len > 0)
    set_str (&display_name, g_ptr_array_index (email_list, 0));
  if (*display_name == '\0')
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INCOMPLETE,
                   _("The contact card that begins on line %u has no name, organisation or email address"),
                   card_line);
      return NULL;
    }

  rapport_contact_set_display_name (contact, display_name);
  rapport_contact_set_given_name (contact, given);
  rapport_contact_set_family_name (contact, family);
  rapport_contact_set_organisation (contact, organisation);
  rapport_contact_set_role (contact, title != NULL && *title != '\0' ? title : role);
  rapport_contact_set_profile_url (contact, url);
  rapport_contact_set_location (contact, location != NULL ? location : postal_label);
  rapport_contact_set_notes (contact, notes->str);
  rapport_contact_set_emails (contact, (const char * const *) email_list->pdata);
  rapport_contact_set_phones (contact, (const char * const *) phone_list->pdata);
  rapport_contact_set_tags (contact, (const char * const *) tag_list->pdata);

  return g_steal_pointer (&contact);
}

/* }}} */
