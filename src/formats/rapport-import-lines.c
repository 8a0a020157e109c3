/* rapport-import-lines.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import-lines"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-import-private.h"

/*
 * A file to import, one physical line at a time, read from a stream in
 * blocks: both readers (CSV and vCard) take their lines from here, so that
 * however large the file only a block and the longest line are in memory.
 * A UTF-16 file (a byte order mark says so) is converted to UTF-8 as it is
 * read, a UTF-8 mark is skipped, and a line holding binary data stops the
 * reading, for the reader to name in its own words.
 */

#define BLOCK (64 * 1024)

/* No line of a contact file is this long, a base64 photo being folded: a
 * longer one is a damaged file, and would otherwise be held whole. */
#define MAX_LINE (16 * 1024 * 1024)

struct _RapportImportLines
{
  GInputStream *stream;
  GCancellable *cancellable;
  GByteArray   *buffer;
  gsize         start;         /* the unread part of @buffer begins here */
  GString      *line;
  guint         line_number;
  guint         binary_line;
  gboolean      eof;
  gboolean      seen_text;
  gboolean      utf16;
};

static gboolean
fill (RapportImportLines  *self,
      GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (self->start > 0 && self->start >= self->buffer->len / 2)
    {
      g_byte_array_remove_range (self->buffer, 0, self->start);
      self->start = 0;
    }

  g_byte_array_set_size (self->buffer, self->buffer->len + BLOCK);
  n = g_input_stream_read (self->stream, self->buffer->data + self->buffer->len - BLOCK, BLOCK,
                           self->cancellable, &local_error);
  g_byte_array_set_size (self->buffer, self->buffer->len - BLOCK + MAX (n, 0));

  if (n < 0)
    {
      /* PARTIAL_INPUT: the file ends inside a character (an odd length). */
      if (self->utf16 && (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
                          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT)))
        g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_ENCODING,
                             _("The file begins like UTF-16 text but is not valid UTF-16"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->eof = n == 0;
  return TRUE;
}

/* The 1-based line of the first binary byte in @data, or 0. */
static guint
find_binary_line (const guint8 *data,
                  gsize         length)
{
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      if (_rapport_import_is_binary_char (data[i]))
        return line;
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == length || data[i + 1] != '\n')))
        line++;
    }

  return 0;
}

/**
 * _rapport_import_lines_new:
 * @stream: the file, from its beginning
 *
 * Returns: (transfer full): a reader of @stream's lines, or %NULL with @error set
 */
RapportImportLines *
_rapport_import_lines_new (GInputStream  *stream,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GInputStream) buffered = g_buffered_input_stream_new (stream);
  RapportImportLines *self;
  const guchar *head;
  gsize n;

  g_assert (G_IS_INPUT_STREAM (stream));

  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 3, cancellable, error) < 0)
    return NULL;

  self = g_new0 (RapportImportLines, 1);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buffer = g_byte_array_sized_new (2 * BLOCK);
  self->line = g_string_sized_new (256);

  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &n);
  if (n >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
    {
      g_autoptr(GCharsetConverter) converter =
        g_charset_converter_new ("UTF-8", head[0] == 0xff ? "UTF-16LE" : "UTF-16BE", NULL);

      g_input_stream_skip (buffered, 2, NULL, NULL);
      self->stream = g_converter_input_stream_new (buffered, G_CONVERTER (converter));
      self->utf16 = TRUE;
    }
  else
    {
      if (n >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
        g_input_stream_skip (buffered, 3, NULL, NULL);
      self->stream = g_steal_pointer (&buffered);
    }

  /* A binary file shows it in its first bytes (a signature, NUL bytes),
   * and is called binary rather than a file with a bad first line. */
  if (!fill (self, error))
    {
      _rapport_import_lines_free (self);
      return NULL;
    }
  self->binary_line = find_binary_line (self->buffer->data, self->buffer->len);

  return self;
}

void
_rapport_import_lines_free (RapportImportLines *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_byte_array_unref (self->buffer);
  g_string_free (self->line, TRUE);
  g_free (self);
}

/* Where the line that begins at @from ends (after its terminator), or 0 if
 * more must be read to know. */
static gsize
find_end (RapportImportLines *self,
          gsize               from)
{
  const guint8 *data = self->buffer->data;
  gsize length = self->buffer->len;

  for (gsize i = from; i < length; i++)
    {
      if (data[i] == '\n')
        return i + 1;
      if (data[i] == '\r')
        {
          if (i + 1 < length)
            return data[i + 1] == '\n' ? i + 2 : i + 1;
          return self->eof ? i + 1 : 0;
        }
    }

  return self->eof && length > from ? length : 0;
}

/**
 * _rapport_import_lines_next:
 * @line: (out): the next line with its terminator, valid until the next call
 * @length: (out): its length in bytes
 * @line_number: (out): its 1-based number (CR, LF and CRLF each end one)
 *
 * Returns: %TRUE with the next line; %FALSE at the end of the file (@error
 *   unset), on a line with binary data (@error unset,
 *   _rapport_import_lines_get_binary_line() says which), or with @error set:
 *   cancelled, unreadable, a file with nothing but white space in it
 */
gboolean
_rapport_import_lines_next (RapportImportLines  *self,
                            const char         **line,
                            gsize               *length,
                            guint               *line_number,
                            GError             **error)
{
  gsize scanned = self->start;
  gsize end;

  /* Found by _rapport_import_lines_new() in the first block. */
  if (self->binary_line != 0)
    return FALSE;

  /* Cancel is pressed on the main thread while this runs on a worker; a
   * few thousand lines take well under a millisecond. */
  if (self->line_number % RAPPORT_IMPORT_CANCEL_LINES == 0 &&
      g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  while ((end = find_end (self, scanned)) == 0)
    {
      if (self->eof)
        {
          if (!self->seen_text)
            {
              g_set_error_literal (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY,
                                   _("The file is empty"));
            }
          return FALSE;
        }

      if (self->buffer->len - self->start > MAX_LINE)
        {
          g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                       _("Line %u is longer than any line of a contact file"), self->line_number + 1);
          return FALSE;
        }

      /* The part already scanned (less a CR that may precede an LF) needs
       * no second look; fill() may move the unread part to the front. */
      scanned = MAX (self->start, self->buffer->len > 0 ? self->buffer->len - 1 : 0) - self->start;
      if (!fill (self, error))
        return FALSE;
      scanned += self->start;
    }

  g_string_truncate (self->line, 0);
  g_string_append_len (self->line, (const char *) self->buffer->data + self->start, end - self->start);
  self->start = end;
  self->line_number++;

  for (gsize i = 0; i < self->line->len; i++)
    {
      char c = self->line->str[i];

      if (_rapport_import_is_binary_char (c))
        {
          self->binary_line = self->line_number;
          return FALSE;
        }
      if (!self->seen_text && !g_ascii_isspace (c))
        self->seen_text = TRUE;
    }

  *line = self->line->str;
  *length = self->line->len;
  *line_number = self->line_number;
  return TRUE;
}

/* The line that stopped the reading because it holds binary data, or 0. */
guint
_rapport_import_lines_get_binary_line (RapportImportLines *self)
{
  return self->binary_line;
}
