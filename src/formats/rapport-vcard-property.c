/* rapport-vcard-property.c
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
 * One property line, made fit for EVCard. EVCard reports odd syntax with
 * g_warning() and carries on, and it turns bytes that are not UTF-8 into
 * U+FFFD before it applies a CHARSET= parameter. So the line's syntax is
 * checked here, its parameters are rewritten to the few Rapport uses, raw
 * 8-bit text is converted from its declared charset, and escapes EVCard
 * does not know are made plain.
 */

/* The properties Rapport reads; the rest (photos, keys, anniversaries...)
 * are dropped after a syntax check, which also keeps large PHOTO values away
 * from EVCard. */
static const char * const kept_properties[] = {
  "VERSION", "FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "ADR",
  "LABEL", "NOTE", "CATEGORIES", "X-SOCIALPROFILE", "X-ABLABEL", "BDAY",
};

#define RAPPORT_PREFIX "X-RAPPORT-"

/* Syntax {{{ */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

static const char *
skip_name (const char *p)
{
  while (is_name_char (*p))
    p++;
  return p;
}

/*
 * Finds the property name in "[group.]name;params:value". Returns where the
 * parameters or the colon start, or %NULL if there is no name.
 */
const char *
_rapport_vcard_skip_name (const char  *line,
                          const char **name,
                          gsize       *name_length)
{
  const char *p = skip_name (line);

  *name = line;
  if (*p == '.' && p > line)
    {
      *name = p + 1;
      p = skip_name (*name);
    }
  *name_length = p - *name;

  if (*name_length == 0 || (*p != ':' && *p != ';'))
    return NULL;

  return p;
}

gboolean
_rapport_vcard_equal_nocase (const char *text,
                             gsize       length,
                             const char *word)
{
  return strlen (word) == length && g_ascii_strncasecmp (text, word, length) == 0;
}

/* Finds the colon that ends the name and parameters, outside quotes. */
const char *
_rapport_vcard_find_value (const char *p)
{
  gboolean quoted = FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }

  return NULL;
}

/* A parameter value EVCard reads back unchanged without quotes. Not "="
 * either: EDS 3.46's parser takes "TYPE=A=B" as two parameter names and
 * leaks the first parameter (found by tests/fuzz/fuzz-vcard; the inputs are
 * corpus/vcard/leak-eds-*). No valid TYPE, VALUE or CHARSET holds one. */
static gboolean
is_clean_param_value (const char *value,
                      gsize       length)
{
  if (length == 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (strchr (";:,\"=", value[i]) != NULL || (guchar) value[i] < 0x20)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gboolean    quoted_printable;
  gboolean    base64;
  char       *charset;       /* a declared charset other than UTF-8 */
  const char *value;         /* where the value starts, after the colon */
} Params;

static void
params_clear (Params *params)
{
  g_clear_pointer (&params->charset, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Params, params_clear)

static void
add_param (GString    *out,
           const char *name,
           gsize       name_length,
           const char *value,
           gsize       value_length,
           Params     *params)
{
  if (name == NULL)
    {
      /* A vCard 2.1 bare parameter: an encoding, or else a type. */
      if (_rapport_vcard_equal_nocase (value, value_length, "QUOTED-PRINTABLE") ||
          _rapport_vcard_equal_nocase (value, value_length, "BASE64"))
        add_param (out, "ENCODING", 8, value, value_length, params);
      else if (!_rapport_vcard_equal_nocase (value, value_length, "8BIT") &&
               !_rapport_vcard_equal_nocase (value, value_length, "7BIT"))
        add_param (out, "TYPE", 4, value, value_length, params);
      return;
    }

  if (_rapport_vcard_equal_nocase (name, name_length, "ENCODING"))
    {
      if (_rapport_vcard_equal_nocase (value, value_length, "QUOTED-PRINTABLE") && !params->quoted_printable)
        {
          params->quoted_printable = TRUE;
          g_string_append (out, ";ENCODING=QUOTED-PRINTABLE");
        }
      else if (_rapport_vcard_equal_nocase (value, value_length, "B") ||
               _rapport_vcard_equal_nocase (value, value_length, "BASE64"))
        params->base64 = TRUE;
    }
  else if (_rapport_vcard_equal_nocase (name, name_length, "CHARSET"))
    {
      if (!_rapport_vcard_equal_nocase (value, value_length, "UTF-8") &&
          !_rapport_vcard_equal_nocase (value, value_length, "US-ASCII") &&
          is_clean_param_value (value, value_length))
        {
          g_free (params->charset);
          params->charset = g_strndup (value, value_length);
        }
    }
  else if (_rapport_vcard_equal_nocase (name, name_length, "PREF"))
    {
      /* vCard 4.0 ranks with PREF=1..100; 1 is what 3.0 calls TYPE=pref. */
      if (_rapport_vcard_equal_nocase (value, value_length, "1"))
        g_string_append (out, ";TYPE=pref");
    }
  else if ((_rapport_vcard_equal_nocase (name, name_length, "TYPE") ||
            _rapport_vcard_equal_nocase (name, name_length, "VALUE")) &&
           is_clean_param_value (value, value_length))
    {
      g_string_append_c (out, ';');
      g_string_append_len (out, name, name_length);
      g_string_append_c (out, '=');
      g_string_append_len (out, value, value_length);
    }

  /* Everything else (LANGUAGE, LABEL, X-...) is of no use to Rapport. */
}

/*
 * Parses the parameters after the property name at @p and appends those
 * Rapport uses to @out in a form EVCard reads without complaint. A quoted
 * TYPE value is a vCard 4.0 list ("work,voice"), which EVCard would take as
 * one value. Returns FALSE if the syntax is broken.
 */
static gboolean
read_params (const char *p,
             GString    *out,
             Params     *params)
{
  while (*p == ';')
    {
      const char *name = ++p;
      gsize name_length;

      p = skip_name (p);
      name_length = p - name;

      if (name_length == 0)
        {
          if (*p == ';' || *p == ':')
            continue;
          return FALSE;
        }

      if (*p != '=')
        {
          add_param (out, NULL, 0, name, name_length, params);
          continue;
        }

      p++;
      for (;;)
        {
          const char *value = p;
          const char *end;

          if (*p == '"')
            {
              value = p + 1;
              if ((end = strchr (value, '"')) == NULL)
                return FALSE;
              p = end + 1;

              if (_rapport_vcard_equal_nocase (name, name_length, "TYPE"))
                {
                  g_autofree char *list = g_strndup (value, end - value);
                  g_auto(GStrv) types = g_strsplit (list, ",", -1);

                  for (guint i = 0; types[i] != NULL; i++)
                    {
                      g_strstrip (types[i]);
                      add_param (out, name, name_length, types[i], strlen (types[i]), params);
                    }
                }
              else
                add_param (out, name, name_length, value, end - value, params);
            }
          else
            {
              p += strcspn (p, ";:,\"");
              add_param (out, name, name_length, value, p - value, params);
            }

          if (*p != ',')
            break;
          p++;
        }

      if (*p != ';' && *p != ':')
        return FALSE;
    }

  if (*p != ':')
    return FALSE;

  params->value = p + 1;
  return TRUE;
}

/*
 * Appends a raw value for EVCard. Google and Apple escape the colons in URLs
 * ("https\://"), which RFC 2426 does not allow and EVCard warns about; other
 * unknown escapes become a literal backslash, which is what EVCard would make
 * of them, minus the warning. Quoted-printable must be "=XX" throughout; a
 * soft line break at the very end of the value is dropped, because EVCard
 * would otherwise read on into the next line.
 */
static gboolean
append_value (GString    *out,
              const char *value,
              gboolean    quoted_printable)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        {
          if (p[1] != '\0' && strchr ("nNrR;,\\", p[1]) != NULL)
            g_string_append_len (out, p++, 2);
          else if (p[1] == ':')
            g_string_append_c (out, *++p);
          else
            g_string_append (out, "\\\\");
        }
      else if (*p == '=' && quoted_printable)
        {
          int byte;

          if (p[1] == '\0')
            break;
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return FALSE;
          /* A control character that makes a file binary ("=1D") is
           * dropped, as it is refused raw: the contact would otherwise hold
           * it, and its export would not read back (found by
           * tests/fuzz/fuzz-vcard). */
          byte = g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]);
          if (!_rapport_import_is_binary_char ((char) byte))
            g_string_append_len (out, p, 3);
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return TRUE;
}

static gboolean
is_kept (const char *name,
         gsize       length)
{
  gsize prefix_length = strlen (RAPPORT_PREFIX);

  if (length > prefix_length && g_ascii_strncasecmp (name, RAPPORT_PREFIX, prefix_length) == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (kept_properties); i++)
    {
      if (_rapport_vcard_equal_nocase (name, length, kept_properties[i]))
        return TRUE;
    }

  return FALSE;
}

/* }}} */
/* Private API {{{ */

gboolean
_rapport_vcard_set_malformed (GError **error,
                              guint    line)
{
  g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
               _("Line %u is not a valid vCard property"), line);
  return FALSE;
}

/**
 * _rapport_vcard_add_property:
 * @card: the card being collected for EVCard
 * @origins: (element-type RapportVCardOrigin): where each property of @card came from
 * @line: an unfolded property line
 * @line_number: the line it began on
 * @error: return location for a #RAPPORT_IMPORT_ERROR
 *
 * Appends the property to @card, cleaned up for EVCard, if it is one that
 * Rapport reads; other properties are dropped.
 *
 * Returns: %FALSE if the line is broken
 */
gboolean
_rapport_vcard_add_property (GString     *card,
                             GArray      *origins,
                             const char  *line,
                             guint        line_number,
                             GError     **error)
{
  g_auto(Params) params = { 0 };
  g_autofree char *converted = NULL;
  RapportVCardOrigin origin = { line_number, FALSE };
  gsize start = card->len;
  const char *params_start;
  const char *name;
  gsize name_length;

  params_start = _rapport_vcard_skip_name (line, &name, &name_length);
  if (params_start == NULL)
    return _rapport_vcard_set_malformed (error, line_number);
  if (!is_kept (name, name_length))
    return TRUE;

  g_string_append_len (card, line, params_start - line);
  if (!read_params (params_start, card, &params))
    return _rapport_vcard_set_malformed (error, line_number);

  /* Base64 text values are practically unheard of; skip rather than guess. */
  if (params.base64)
    {
      g_string_truncate (card, start);
      return TRUE;
    }

  if (!g_utf8_validate (line, -1, NULL))
    {
      gsize length = 0;

      if (params.charset == NULL)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                       _("Line %u is not valid UTF-8 text and declares no character set"), line_number);
          return FALSE;
        }

      /* Raw 8-bit text in a declared charset (Outlook's CHARSET=Windows-1252):
       * convert it here, since EVCard would mangle it first. Parameter names
       * and values are ASCII, so the whole line converts alike. In a
       * quoted-printable value, raw 8-bit bytes have no place at all. */
      converted = g_convert (line, -1, "UTF-8", params.charset, NULL, &length, NULL);
      if (converted == NULL || params.quoted_printable)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                       /* Translators: %u is a line number, %s a character set such as "windows-1252" */
                       _("Line %u is not valid text in the character set it declares (%s)"),
                       line_number, params.charset);
          return FALSE;
        }

      params_start = converted + (params_start - line);
      line = converted;
      params_clear (&params);
      memset (&params, 0, sizeof params);
      g_string_truncate (card, start);
      g_string_append_len (card, line, params_start - line);
      if (!read_params (params_start, card, &params))
        return _rapport_vcard_set_malformed (error, line_number);
      g_clear_pointer (&params.charset, g_free);
    }
  else if (params.charset != NULL)
    {
      /* Keep it: EVCard applies it after decoding quoted-printable. */
      origin.has_charset = TRUE;
      g_string_append_printf (card, ";CHARSET=%s", params.charset);
    }

  g_string_append_c (card, ':');
  if (!append_value (card, params.value, params.quoted_printable))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("Line %u has a broken quoted-printable value"), line_number);
      return FALSE;
    }
  g_string_append (card, "\r\n");
  g_array_append_val (origins, origin);

  return TRUE;
}

/* }}} */
