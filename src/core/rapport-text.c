/* rapport-text.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-text"

#include "config.h"

#include <string.h>

#include "rapport-text.h"

/**
 * rapport_text_fold:
 *
 * A key for sorting and matching names the way people read them: case and
 * accents do not count, so "Zoë" sorts and matches with "zoe". Unlike a
 * collation key it does not depend on the locale, so keys stored in the
 * database stay valid when the user's language changes.
 *
 * Returns: (transfer full): the key
 */
char *
rapport_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (text != NULL, NULL);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  key = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      /* NFKD leaves these whole; readers expect them with their base letter. */
      if (c == 0x00F8)         /* ø */
        c = 'o';
      else if (c == 0x00E6)    /* æ */
        {
          g_string_append (key, "ae");
          continue;
        }
      else if (c == 0x0142)    /* ł */
        c = 'l';
      else if (c == 0x00DF)    /* ß */
        {
          g_string_append (key, "ss");
          continue;
        }
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/**
 * rapport_text_is_email:
 *
 * A practical check, not RFC 5322: one "@", a non-empty local part without
 * spaces, and a domain with a dot that neither starts nor ends it. This is
 * what catches the typos people make while typing an address.
 */
/**
 * rapport_text_has_words:
 * @folded_text: text folded with rapport_text_fold()
 * @folded_search: (nullable): a search, folded the same way
 *
 * Whether every word of the search appears in the text, in any order: how
 * the lists that filter in memory (the question bank) match what is typed.
 */
gboolean
rapport_text_has_words (const char *folded_text,
                        const char *folded_search)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (folded_text != NULL, FALSE);

  if (folded_search == NULL || folded_search[0] == '\0')
    return TRUE;

  words = g_strsplit_set (folded_search, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
rapport_text_is_email (const char *text)
{
  const char *at;
  const char *domain;
  const char *dot;

  if (text == NULL || *text == '\0' || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' || *p == '"')
        return FALSE;
    }

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  dot = strrchr (domain, '.');
  return dot != NULL && dot != domain && dot[1] != '\0' && domain[0] != '.' &&
         strstr (domain, "..") == NULL;
}

/**
 * rapport_text_is_web_url:
 *
 * Whether @text is an http or https address with a host.
 */
gboolean
rapport_text_is_web_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL || *text == '\0')
    return FALSE;

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && strchr (host, '.') != NULL && strchr (text, ' ') == NULL;
}

/**
 * rapport_text_split_list:
 *
 * Splits what a user typed into one field for several values ("a@x.org,
 * b@y.org" or "design; research") at commas and semicolons.
 *
 * Returns: (transfer full): the trimmed, non-empty values
 */
char **
rapport_text_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}
