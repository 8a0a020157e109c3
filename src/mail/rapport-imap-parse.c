/* rapport-imap-parse.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mail headers and bodies as GMime reads them: it knows the encodings
 * (RFC 2047 words, quoted-printable, base64, charsets) and forgives the
 * broken MIME real mail is full of, so nothing here parses by hand.
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include <gmime/gmime.h>
#include <string.h>

#include "rapport-imap-parse.h"

/* GMime 3.2 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

static void
init_gmime (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_mime_init ();
      g_once_init_leave (&done, 1);
    }
}

static GMimeMessage *
parse (const char *data,
       gsize       len)
{
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *message;

  init_gmime ();
  stream = g_mime_stream_mem_new_with_buffer (data, len);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  return message;
}

static void
add_addresses (GPtrArray           *out,
               InternetAddressList *list)
{
  for (int i = 0; list != NULL && i < internet_address_list_length (list); i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        {
          const char *addr = internet_address_mailbox_get_idn_addr (INTERNET_ADDRESS_MAILBOX (address));

          if (addr != NULL && addr[0] != '\0')
            g_ptr_array_add (out, g_strdup (addr));
        }
      else if (INTERNET_ADDRESS_IS_GROUP (address))
        add_addresses (out, internet_address_group_get_members (INTERNET_ADDRESS_GROUP (address)));
    }
}

static void
add_references (GPtrArray  *out,
                const char *value)
{
  GMimeReferences *refs;

  if (value == NULL)
    return;
  refs = g_mime_references_parse (NULL, value);
  for (int i = 0; refs != NULL && i < g_mime_references_length (refs); i++)
    g_ptr_array_add (out, g_strdup (g_mime_references_get_message_id (refs, i)));
  if (refs != NULL)
    g_mime_references_free (refs);
}

RapportMailHeaders *
rapport_imap_parse_headers (const char *header,
                            gsize       header_len)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GPtrArray) from = g_ptr_array_new_with_free_func (g_free);
  RapportMailHeaders *headers;
  GDateTime *date;
  const char *id;
  const char *subject;

  g_return_val_if_fail (header != NULL, NULL);

  message = parse (header, header_len);
  if (message == NULL)
    return NULL;

  headers = rapport_mail_headers_new ();
  add_addresses (from, g_mime_message_get_from (message));
  headers->from = from->len > 0 ? g_strdup (from->pdata[0]) : NULL;
  add_addresses (headers->recipients, g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO));
  add_addresses (headers->recipients, g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_CC));
  add_references (headers->references, g_mime_object_get_header (GMIME_OBJECT (message), "In-Reply-To"));
  add_references (headers->references, g_mime_object_get_header (GMIME_OBJECT (message), "References"));

  subject = g_mime_message_get_subject (message);
  headers->subject = g_utf8_make_valid (subject != NULL ? subject : "", -1);
  date = g_mime_message_get_date (message);
  headers->date = date != NULL ? g_date_time_to_unix (date) : g_get_real_time () / G_USEC_PER_SEC;

  id = g_mime_message_get_message_id (message);
  if (id != NULL && id[0] != '\0')
    headers->message_id = g_strdup (id);
  else
    {
      /* Without a Message-ID, one made of what identifies it, so that it
       * is still one entry however often it is seen. */
      g_autofree char *seed = g_strdup_printf ("%s\n%" G_GINT64_FORMAT "\n%s",
                                               headers->from != NULL ? headers->from : "", headers->date,
                                               headers->subject);
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

      headers->message_id = g_strconcat (sum, "@rapport.invalid", NULL);
    }
  return headers;
}

typedef struct
{
  char *text;
} FindText;

static void
find_text_cb (GMimeObject *parent,
              GMimeObject *part,
              gpointer     user_data)
{
  FindText *find = user_data;
  GMimeContentType *type;

  if (find->text != NULL || !GMIME_IS_TEXT_PART (part))
    return;
  type = g_mime_object_get_content_type (part);
  if (!g_mime_content_type_is_type (type, "text", "plain"))
    return;
  find->text = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
}

char *
rapport_imap_parse_snippet (const char *header,
                            gsize       header_len,
                            const char *text,
                            gsize       text_len)
{
  g_autoptr(GByteArray) whole = g_byte_array_sized_new (header_len + text_len + 2);
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *valid = NULL;
  FindText find = { NULL };

  g_byte_array_append (whole, (const guint8 *) header, header_len);
  g_byte_array_append (whole, (const guint8 *) text, text_len);
  message = parse ((const char *) whole->data, whole->len);
  if (message == NULL)
    return g_strdup ("");
  g_mime_message_foreach (message, find_text_cb, &find);
  if (find.text == NULL && GMIME_IS_TEXT_PART (g_mime_message_get_mime_part (message))
      && g_mime_content_type_is_type (g_mime_object_get_content_type (g_mime_message_get_mime_part (message)),
                                      "text", "plain"))
    find.text = g_mime_text_part_get_text (GMIME_TEXT_PART (g_mime_message_get_mime_part (message)));
  if (find.text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (find.text, -1);
  g_free (find.text);
  return rapport_mail_snippet (valid);
}
