/* rapport-mail-address.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-mail-address.h"
#include "rapport-mail-error.h"

/* The composer's To: exactly one address, checked strictly before
 * anything is sent or handed to a mail app. Stricter than RFC 5322 on
 * purpose: no quoted local parts, comments or groups, which a person
 * typing a colleague's address never needs and which are where header
 * injection hides. */

#define ATEXT "!#$%&'*+-/=?^_`{|}~"

static gboolean
local_part_ok (const char *local,
               gsize       len)
{
  if (len == 0 || len > 64 || local[0] == '.' || local[len - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = local[i];

      if (c == '.' && local[i + 1] == '.')
        return FALSE;
      if (!(g_ascii_isalnum (c) || c == '.' || c >= 0x80 || strchr (ATEXT, c) != NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
domain_ok (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2 || strlen (domain) > 253)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < len; j++)
        {
          guchar c = labels[i][j];

          if (!(g_ascii_isalnum (c) || c == '-' || c >= 0x80))
            return FALSE;
        }
    }
  return TRUE;
}

static char *
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return NULL;
}

/**
 * rapport_mail_address_parse:
 * @text: what the user typed: "dana@example.org" or
 *   "Dana Whitfield <dana@example.org>", spaces around allowed
 *
 * Returns: (transfer full) (nullable): the bare address, or %NULL with
 *   @error (G_IO_ERROR_INVALID_DATA) carrying a translated sentence
 */
char *
rapport_mail_address_parse (const char  *text,
                            GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *address, *open, *at;
  g_autofree char *bare = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return fail (error, _("The address contains invalid characters."));
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return fail (error, _("The address must be on one line, without control characters."));

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return fail (error, _("Enter the recipient’s email address."));

  /* "Name <address>": the name is for people, Rapport uses the address. */
  address = trimmed;
  open = strrchr (trimmed, '<');
  if (open != NULL)
    {
      gsize len = strlen (open);

      if (open[len - 1] != '>' || strchr (trimmed, '>') != open + len - 1 ||
          memchr (trimmed, '<', open - trimmed) != NULL)
        return fail (error, _("The address is not in the form “name@example.org”."));
      bare = g_strstrip (g_strndup (open + 1, len - 2));
      address = bare;
    }

  if (strpbrk (address, ",;") != NULL)
    return fail (error, _("Enter one address only."));
  if (strpbrk (address, " \t\"()<>[]\\:") != NULL)
    return fail (error, _("The address is not in the form “name@example.org”."));
  at = strchr (address, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL || strlen (address) > 254 ||
      !local_part_ok (address, at - address) || !domain_ok (at + 1))
    return fail (error, _("The address is not in the form “name@example.org”."));

  return g_strdup (address);
}

/**
 * rapport_mail_build_mailto:
 * @address: a bare address, as rapport_mail_address_parse() returned
 *
 * Builds the RFC 6068 link that hands a message to the user's mail app:
 * everything but unreserved characters percent-encoded (UTF-8), line
 * breaks as CRLF.
 *
 * Returns: (transfer full): the mailto: URI
 */
char *
rapport_mail_build_mailto (const char *address,
                           const char *subject,
                           const char *body)
{
  g_autofree char *to = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;
  g_autoptr(GString) crlf = g_string_new (NULL);

  g_return_val_if_fail (address != NULL, NULL);

  for (const char *p = body != NULL ? body : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        g_string_append_c (crlf, '\r');
      g_string_append_c (crlf, *p);
    }

  to = g_uri_escape_string (address, "@!$'*+=", FALSE);
  subject_escaped = g_uri_escape_string (subject != NULL ? subject : "", NULL, FALSE);
  body_escaped = g_uri_escape_string (crlf->str, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, subject_escaped, body_escaped);
}

/* A plain address as the SMTP envelope takes it: what
 * rapport_mail_address_parse() accepts, with nothing around it (no name,
 * no spaces), so that nothing can be smuggled into a header or an SMTP
 * command. */
gboolean
rapport_mail_address_is_valid (const char *address)
{
  g_autofree char *bare = NULL;

  if (address == NULL)
    return FALSE;
  bare = rapport_mail_address_parse (address, NULL);
  return bare != NULL && strcmp (bare, address) == 0;
}

/* An ASCII host name by RFC 1123: dot-separated labels of letters, digits and
 * hyphens, none empty, none over 63 bytes or beginning or ending with a
 * hyphen, 253 bytes at most; one trailing dot (the root) is allowed. */
static gboolean
is_host_name (const char *name)
{
  gsize length = strlen (name);
  const char *label = name;

  if (length > 0 && name[length - 1] == '.')
    length--;
  if (length == 0 || length > 253)
    return FALSE;

  while (label < name + length)
    {
      const char *end = memchr (label, '.', name + length - label);
      gsize n = (end != NULL ? end : name + length) - label;

      if (n == 0 || n > 63 || label[0] == '-' || label[n - 1] == '-')
        return FALSE;
      for (gsize i = 0; i < n; i++)
        {
          if (!g_ascii_isalnum (label[i]) && label[i] != '-')
            return FALSE;
        }
      label += n + 1;
    }

  return TRUE;
}

/**
 * rapport_mail_server_to_url_host:
 * @server: a server name as the user typed it: a host name, which may be
 *   international ("smtp.bücher.example"), or an IPv4 or IPv6 address
 * @error: return location for a %RAPPORT_MAIL_ERROR_INVALID_SERVER error
 *
 * The host part of a URL for @server: the ASCII (punycode) form of a host
 * name, or an IPv6 address in brackets. Anything else — a slash, an "@", a
 * port, a space — is refused, because pasted into a URL it would name
 * another host or path than the user meant.
 *
 * Returns: (transfer full) (nullable): the host part, or %NULL with @error set
 */
char *
rapport_mail_server_to_url_host (const char  *server,
                                 GError     **error)
{
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (server != NULL, NULL);

  if (g_hostname_is_ip_address (server))
    return strchr (server, ':') != NULL ? g_strdup_printf ("[%s]", server) : g_strdup (server);

  ascii = g_hostname_to_ascii (server);
  if (ascii == NULL || !is_host_name (ascii))
    {
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_SERVER,
                   /* Translators: %s is what the user typed as the mail server */
                   _("“%s” is not a server name: enter one such as smtp.example.org, without a port or a slash"),
                   server);
      return NULL;
    }

  return g_steal_pointer (&ascii);
}
