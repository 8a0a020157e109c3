/* rapport-vcard.c
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
#include "rapport-vcard.h"

/*
 * EVCard decodes a card's values: quoted-printable, CHARSET=, backslash
 * escapes and the splitting of structured values. It is a forgiving parser
 * that never fails, though. It turns bytes that are not UTF-8 into U+FFFD
 * *before* it applies a declared charset, it parses one card per string, and
 * it reports odd input with g_warning(), which the test framework makes fatal.
 * So this file reads the file line by line itself: it unfolds lines and
 * pairs BEGIN:VCARD with END:VCARD; rapport-vcard-property.c checks and
 * cleans each property line; EVCard gets one clean card at a time; and
 * rapport-vcard-card.c maps it to a contact. The line each property came
 * from is kept, so that every problem found later can name it.
 */

/* EDS 3.46 declares no autoptr cleanup for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EVCard, g_object_unref)

typedef enum
{
  LINE_PLAIN,
  LINE_QUOTED_PRINTABLE,
  LINE_BASE64,
} LineKind;

typedef struct
{
  RapportVCardFunc  func;
  gpointer          user_data;
  gboolean          seen_card;

  /* The card being collected; card_line is 0 outside a card. */
  guint       card_line;
  GString    *card;
  GArray     *origins;       /* RapportVCardOrigin of each property in @card */
} Parser;

/* Lines {{{ */

static gboolean
has_prefix_nocase (const char *text,
                   gsize       length,
                   const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  return length >= prefix_length && g_ascii_strncasecmp (text, prefix, prefix_length) == 0;
}

static gboolean
contains_nocase (const char *start,
                 const char *end,
                 const char *word)
{
  gsize length = strlen (word);

  for (const char *p = start; p + length <= end; p++)
    {
      if (g_ascii_strncasecmp (p, word, length) == 0)
        return TRUE;
    }

  return FALSE;
}

static LineKind
classify_line (const char *line)
{
  const char *colon = _rapport_vcard_find_value (line);

  if (colon == NULL)
    return LINE_PLAIN;
  if (contains_nocase (line, colon, "QUOTED-PRINTABLE"))
    return LINE_QUOTED_PRINTABLE;
  if (contains_nocase (line, colon, "BASE64"))
    return LINE_BASE64;

  return LINE_PLAIN;
}

static gboolean
is_base64_data (const char *line,
                gsize       length)
{
  if (length == 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = line[i];

      if (!g_ascii_isalnum (c) && c != '+' && c != '/' && c != '=' && c != ' ' && c != '\t')
        return FALSE;
    }

  return TRUE;
}

/* }}} */
/* Reading the file {{{ */

static gboolean
begin_card (Parser  *self,
            guint    line,
            GError **error)
{
  if (self->card_line != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNBALANCED,
                   /* Translators: both %u are line numbers */
                   _("Line %u begins a contact card, but the card that begins on line %u has no END:VCARD"),
                   line, self->card_line);
      return FALSE;
    }

  self->seen_card = TRUE;
  self->card_line = line;
  g_string_assign (self->card, "BEGIN:VCARD\r\n");
  g_array_set_size (self->origins, 0);

  return TRUE;
}

static gboolean
end_card (Parser  *self,
          guint    line,
          GError **error)
{
  g_autoptr(EVCard) vcard = NULL;
  g_autoptr(GError) card_error = NULL;
  RapportContact *contact;

  if (self->card_line == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNBALANCED,
                   _("Line %u ends a contact card that was never begun with BEGIN:VCARD"), line);
      return FALSE;
    }

  g_string_append (self->card, "END:VCARD\r\n");
  vcard = e_vcard_new_from_string (self->card->str);
  contact = _rapport_vcard_to_contact (vcard, self->origins, self->card_line, &card_error);
  self->card_line = 0;

  if (contact == NULL && !_rapport_import_is_row_error (card_error))
    {
      g_propagate_error (error, g_steal_pointer (&card_error));
      return FALSE;
    }

  return self->func (contact, card_error, self->user_data, error);
}

/* Whether @p, after BEGIN or END, is ":VCARD". */
static gboolean
is_vcard_value (const char *p)
{
  if (*p != ':')
    return FALSE;

  p += 1 + strspn (p + 1, " \t");
  if (g_ascii_strncasecmp (p, "VCARD", 5) != 0)
    return FALSE;

  p += 5;
  return p[strspn (p, " \t")] == '\0';
}

/* Handles one unfolded line, which began on line @line_number. */
static gboolean
read_line (Parser      *self,
           const char  *line,
           guint        line_number,
           GError     **error)
{
  const char *name = line;
  const char *p;
  gsize name_length;
  gboolean is_begin;
  gboolean is_end;

  /* Blank, or DOS's end-of-file mark after the last card. */
  if (line[strspn (line, " \t\x1a")] == '\0')
    return TRUE;

  p = _rapport_vcard_skip_name (line, &name, &name_length);

  is_begin = p != NULL && _rapport_vcard_equal_nocase (name, name_length, "BEGIN");
  is_end = p != NULL && _rapport_vcard_equal_nocase (name, name_length, "END");

  if (!self->seen_card && !(is_begin && is_vcard_value (p)))
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                   _("This is not a vCard file: line %u should begin a contact card with BEGIN:VCARD"),
                   line_number);
      return FALSE;
    }

  if (p == NULL || _rapport_vcard_find_value (p) == NULL)
    return _rapport_vcard_set_malformed (error, line_number);

  if (is_begin || is_end)
    {
      if (!is_vcard_value (p))
        return _rapport_vcard_set_malformed (error, line_number);
      if (is_begin)
        return begin_card (self, line_number, error);
      else
        return end_card (self, line_number, error);
    }

  if (self->card_line == 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_MALFORMED,
                   _("Line %u is outside of any contact card"), line_number);
      return FALSE;
    }

  return _rapport_vcard_add_property (self->card, self->origins, line, line_number, error);
}

/*
 * Splits the text into lines and unfolds them: a line that starts with a
 * space or tab continues the one before (RFC 6350 3.2). vCard 2.1 also
 * continues a quoted-printable value after a "=" at the end of a line, and a
 * BASE64 value on the following lines up to a blank one.
 */
static gboolean
read_lines (Parser              *self,
            RapportImportLines  *lines,
            GError             **error)
{
  g_autoptr(GString) logical = g_string_new (NULL);
  LineKind kind = LINE_PLAIN;
  guint logical_line = 0;
  guint line_number = 0;
  const char *p;
  gsize line_length;

  while (_rapport_import_lines_next (lines, &p, &line_length, &line_number, error))
    {
      /* The line without its terminator. */
      if (line_length > 0 && p[line_length - 1] == '\n')
        line_length--;
      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;

      if (logical_line != 0 && kind == LINE_QUOTED_PRINTABLE &&
          logical->len > 0 && logical->str[logical->len - 1] == '=' &&
          !has_prefix_nocase (p, line_length, "END:VCARD"))
        {
          g_string_truncate (logical, logical->len - 1);
          if (line_length > 0 && (*p == ' ' || *p == '\t'))
            g_string_append_len (logical, p + 1, line_length - 1);
          else
            g_string_append_len (logical, p, line_length);
        }
      else if (logical_line != 0 && line_length > 0 && (*p == ' ' || *p == '\t'))
        g_string_append_len (logical, p + 1, line_length - 1);
      else if (logical_line != 0 && kind == LINE_BASE64 && is_base64_data (p, line_length))
        g_string_append_len (logical, p, line_length);
      else
        {
          if (logical_line != 0 && !read_line (self, logical->str, logical_line, error))
            return FALSE;

          g_string_assign (logical, "");
          g_string_append_len (logical, p, line_length);
          logical_line = line_number;
          kind = classify_line (logical->str);
        }

      /* An unfolded value grows only up to what any field may hold (the
       * per-field caps apply later); beyond that the file is damaged. */
      if (logical->len > 4 * RAPPORT_IMPORT_MAX_NOTE)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                       _("The value that begins on line %u is longer than any field of a contact"), logical_line);
          return FALSE;
        }
    }

  if (error != NULL && *error != NULL)
    return FALSE;

  if ((line_number = _rapport_import_lines_get_binary_line (lines)) != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_WRONG_FORMAT,
                   _("This is not a vCard file: line %u holds binary data"), line_number);
      return FALSE;
    }

  if (logical_line != 0 && !read_line (self, logical->str, logical_line, error))
    return FALSE;

  if (self->card_line != 0)
    {
      g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_UNBALANCED,
                   _("The contact card that begins on line %u has no END:VCARD line"), self->card_line);
      return FALSE;
    }

  return TRUE;
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_vcard_read:
 * @stream: a vCard file, from its beginning
 * @func: called with each contact, which it takes; returning %FALSE with
 *   an error set stops the reading
 * @cancellable: (nullable): a #GCancellable, checked as the lines are read
 * @error: return location for a #RAPPORT_IMPORT_ERROR, a %G_IO_ERROR, or
 *   what @func set
 *
 * Reads every card of a vCard 2.1, 3.0 or 4.0 file into new contacts, with
 * id 0 and #RapportContact:loaded set, unfolding the lines as they are read
 * so that only the card being read is in memory. The whole file is refused
 * at the first problem, and the error names its line.
 *
 * Returns: %TRUE if the whole file was read
 */
gboolean
rapport_vcard_read (GInputStream      *stream,
                    RapportVCardFunc   func,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(RapportImportLines) lines = NULL;
  g_autoptr(GString) card = NULL;
  g_autoptr(GArray) origins = NULL;
  Parser parser = { 0 };

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((lines = _rapport_import_lines_new (stream, cancellable, error)) == NULL)
    return FALSE;

  card = g_string_sized_new (1024);
  origins = g_array_new (FALSE, FALSE, sizeof (RapportVCardOrigin));

  parser.func = func;
  parser.user_data = user_data;
  parser.card = card;
  parser.origins = origins;

  return read_lines (&parser, lines, error);
}

/* }}} */
