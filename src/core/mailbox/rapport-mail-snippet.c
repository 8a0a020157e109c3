/* rapport-mail-snippet.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The line a timeline shows for a reply: what the person wrote, not the
 * user's own message quoted back nor their signature.
 */
#define G_LOG_DOMAIN "rapport-mailbox"

#include "config.h"

#include <string.h>

#include "rapport-mail-match.h"

/* "On Mon, 1 Jun 2026, Ana wrote:", "Am … schrieb Ana:", "Le … a écrit :",
 * "El … escribió:": in every language the line that introduces a quote
 * ends with a colon, and quoted lines follow it. */
static gboolean
is_attribution (const char *line,
                const char *next)
{
  gsize len = strlen (line);

  if (next == NULL || len == 0 || line[len - 1] != ':')
    return FALSE;
  while (*next == ' ' || *next == '\t')
    next++;
  return *next == '>';
}

char *
rapport_mail_snippet (const char *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);   /* also drops the CR of CRLF */
      const char *p;

      /* RFC 3676: "-- " alone on a line starts the signature. */
      if (strcmp (line, "--") == 0 || strcmp (line, "-- ") == 0)
        break;
      if (line[0] == '>')
        continue;
      if (is_attribution (line, lines[i + 1]))
        continue;
      /* Outlook's quoted original starts with a rule like this. */
      if (g_str_has_prefix (line, "-----Original Message-----"))
        break;

      for (p = line; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char_validated (p, -1);

          if (c == (gunichar) -1 || c == (gunichar) -2)
            break;
          if (g_unichar_isspace (c))
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      space = out->len > 0;
      if (g_utf8_strlen (out->str, -1) > RAPPORT_MAIL_SNIPPET_LENGTH)
        break;
    }

  if (g_utf8_strlen (out->str, -1) > RAPPORT_MAIL_SNIPPET_LENGTH)
    {
      const char *end = g_utf8_offset_to_pointer (out->str, RAPPORT_MAIL_SNIPPET_LENGTH - 1);

      g_string_truncate (out, end - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
