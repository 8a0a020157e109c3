/* rapport-mail-message.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-message"

#include "config.h"

#include <glib/gi18n.h>
#include <gmime/gmime.h>
#include <string.h>

#include "rapport-mail-address.h"
#include "rapport-mail-error.h"
#include "rapport-mail-message.h"

static void
ensure_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_mime_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* A header value may hold any UTF-8 but a line break, which would end the
 * header and let the rest be read as headers of its own. */
static gboolean
check_header (const char  *value,
              GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL) || strpbrk (value, "\r\n") != NULL)
    {
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER,
                   _("A name, address or subject contains a line break or is not valid text; "
                     "the message was not sent"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_address (const char  *address,
               GError     **error)
{
  if (!check_header (address, error))
    return FALSE;

  if (!rapport_mail_address_is_valid (address))
    {
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER,
                   _("“%s” is not a valid email address"), address ? address : "");
      return FALSE;
    }

  return TRUE;
}

/* As UTF-8: GMime would otherwise pick the smallest charset that fits. */
static void
add_mailbox (GMimeMessage     *message,
             GMimeAddressType  type,
             const char       *name,
             const char       *address)
{
  InternetAddress *mailbox = internet_address_mailbox_new (name ? name : "", address);

  internet_address_set_charset (mailbox, "utf-8");
  internet_address_list_add (g_mime_message_get_addresses (message, type), mailbox);
  g_object_unref (mailbox);
}

/**
 * rapport_mail_message_build:
 * @from_name: (nullable): the sender's name
 * @from_address: the sender's address; its domain ends the Message-ID
 * @to_name: (nullable): the recipient's name
 * @to_address: the recipient's address
 * @subject: the subject, any UTF-8 without line breaks
 * @body: plain UTF-8 text with LF line ends
 * @date: the Date header
 * @message_id: (out) (optional): the Message-ID, without angle brackets
 *
 * Checks every header value before building anything.
 *
 * Returns: (transfer full): the message with CRLF line ends, ready for SMTP,
 *   or %NULL with %RAPPORT_MAIL_ERROR_INVALID_HEADER
 */
GBytes *
rapport_mail_message_build (const char  *from_name,
                            const char  *from_address,
                            const char  *to_name,
                            const char  *to_address,
                            const char  *subject,
                            const char  *body,
                            GDateTime   *date,
                            char       **message_id,
                            GError     **error)
{
  GMimeMessage *message;
  GMimeTextPart *part;
  GMimeStream *stream;
  GMimeDataWrapper *content;
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  GMimeFormatOptions *options;
  GMimeContentEncoding encoding;
  char *text;
  gsize length;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  if (!check_header (from_name, error) || !check_header (to_name, error)
      || !check_header (subject, error)
      || !check_address (from_address, error) || !check_address (to_address, error))
    return NULL;

  if (!g_utf8_validate (body, -1, NULL))
    {
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED,
                   _("The message text is not valid UTF-8; the message was not sent"));
      return NULL;
    }

  ensure_gmime ();

  message = g_mime_message_new (TRUE);
  add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, from_name, from_address);
  add_mailbox (message, GMIME_ADDRESS_TYPE_TO, to_name, to_address);
  g_mime_message_set_subject (message, subject ? subject : "", "utf-8");
  g_mime_message_set_date (message, date);

  uuid = g_uuid_string_random ();
  id = g_strdup_printf ("%s@%s", uuid, strchr (from_address, '@') + 1);
  g_mime_message_set_message_id (message, id);

  /* Not g_mime_text_part_set_text(), which converts to the smallest
   * charset that fits (ISO-8859-1 for German): UTF-8 throughout. */
  part = g_mime_text_part_new_with_subtype ("plain");
  g_mime_text_part_set_charset (part, "utf-8");
  stream = g_mime_stream_mem_new_with_buffer (body, strlen (body));
  content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);
  g_mime_part_set_content (GMIME_PART (part), content);
  g_object_unref (content);
  g_object_unref (stream);
  /* Quoted-printable for mostly ASCII text, base64 for the rest; 7 bit
   * either way, so no server has to support 8BITMIME. */
  encoding = g_mime_part_get_best_content_encoding (GMIME_PART (part), GMIME_ENCODING_CONSTRAINT_7BIT);
  g_mime_part_set_content_encoding (GMIME_PART (part), encoding);
  g_mime_message_set_mime_part (message, GMIME_OBJECT (part));

  options = g_mime_format_options_clone (NULL);
  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  text = g_mime_object_to_string (GMIME_OBJECT (message), options);
  g_mime_format_options_free (options);
  g_object_unref (part);
  g_object_unref (message);

  if (message_id != NULL)
    *message_id = g_steal_pointer (&id);

  length = strlen (text);
  return g_bytes_new_take (text, length);
}
