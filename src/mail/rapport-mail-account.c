/* rapport-mail-account.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-account"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rapport-mail-account.h"

/* How long a connection may take to answer, and how long a transfer may
 * stall, before sending gives up. */
#define DEFAULT_TIMEOUT_SECONDS 15

/* A snapshot, so that a send in flight is not changed under it by someone
 * editing Preferences. */
struct _RapportMailAccount
{
  GObject              parent_instance;

  char                *sender_name;
  char                *sender_address;
  char                *server;
  guint                port;
  RapportMailSecurity  security;
  char                *username;
  char                *ca_file;
  guint                timeout;
  gboolean             incoming;   /* the IMAP account rather than the SMTP one */
  char                *goa_id;     /* a GNOME online account's, which holds the secret */
  gboolean             oauth2;     /* its secret is an access token (XOAUTH2) */
};

G_DEFINE_FINAL_TYPE (RapportMailAccount, rapport_mail_account, G_TYPE_OBJECT)

static char *
dup_stripped (GSettings  *settings,
              const char *key)
{
  char *value = g_settings_get_string (settings, key);

  return g_strstrip (value);
}

static void
rapport_mail_account_finalize (GObject *object)
{
  RapportMailAccount *self = RAPPORT_MAIL_ACCOUNT (object);

  g_free (self->sender_name);
  g_free (self->sender_address);
  g_free (self->server);
  g_free (self->username);
  g_free (self->ca_file);
  g_free (self->goa_id);

  G_OBJECT_CLASS (rapport_mail_account_parent_class)->finalize (object);
}

static void
rapport_mail_account_class_init (RapportMailAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_mail_account_finalize;
}

static void
rapport_mail_account_init (RapportMailAccount *self)
{
  const char *env = g_getenv ("RAPPORT_TEST_SMTP_TIMEOUT");

  self->timeout = DEFAULT_TIMEOUT_SECONDS;

  /* Lets the tests see a silent server time out in a second or two. */
  if (env != NULL && atoi (env) > 0)
    self->timeout = (guint) atoi (env);
}

/**
 * rapport_mail_account_new_from_settings:
 * @settings: the application's settings (schema io.github.rapport.Rapport)
 *
 * Returns: (transfer full): a snapshot of the sender and SMTP keys
 */
RapportMailAccount *
rapport_mail_account_new_from_settings (GSettings *settings)
{
  RapportMailAccount *self;
  g_autofree char *security = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAPPORT_TYPE_MAIL_ACCOUNT, NULL);
  self->sender_name = dup_stripped (settings, "sender-name");
  self->sender_address = dup_stripped (settings, "sender-address");
  self->server = dup_stripped (settings, "smtp-server");
  self->port = (guint) CLAMP (g_settings_get_int (settings, "smtp-port"), 1, 65535);
  self->username = dup_stripped (settings, "smtp-username");
  self->ca_file = dup_stripped (settings, "smtp-ca-file");

  security = g_settings_get_string (settings, "smtp-security");
  self->security = g_str_equal (security, "starttls") ? RAPPORT_MAIL_SECURITY_STARTTLS
                                                       : RAPPORT_MAIL_SECURITY_TLS;

  return self;
}

/**
 * rapport_mail_account_new_incoming_from_settings:
 * @settings: the application's settings (schema io.github.rapport.Rapport)
 *
 * The account Rapport reads replies from (IMAP). Its password is kept in the
 * keyring apart from the SMTP one, even for the same server and user, since
 * providers often give each its own app password.
 *
 * Returns: (transfer full): a snapshot of the sender and IMAP keys
 */
RapportMailAccount *
rapport_mail_account_new_incoming_from_settings (GSettings *settings)
{
  RapportMailAccount *self;
  g_autofree char *security = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAPPORT_TYPE_MAIL_ACCOUNT, NULL);
  self->incoming = TRUE;
  self->sender_name = dup_stripped (settings, "sender-name");
  self->sender_address = dup_stripped (settings, "sender-address");
  self->server = dup_stripped (settings, "imap-server");
  self->port = (guint) CLAMP (g_settings_get_int (settings, "imap-port"), 1, 65535);
  self->username = dup_stripped (settings, "imap-username");
  self->ca_file = dup_stripped (settings, "imap-ca-file");

  security = g_settings_get_string (settings, "imap-security");
  self->security = g_str_equal (security, "starttls") ? RAPPORT_MAIL_SECURITY_STARTTLS
                                                       : RAPPORT_MAIL_SECURITY_TLS;
  return self;
}

/* "host", "host:port", "[::1]:port" as GOA keeps them; @port keeps its
 * value when none is given. */
static char *
split_host (const char *host,
            guint      *port)
{
  const char *colon = strrchr (host, ':');
  const char *end = NULL;
  guint64 number;

  if (host[0] == '[' && (end = strchr (host, ']')) != NULL)
    {
      if (end[1] == ':' && g_ascii_string_to_unsigned (end + 2, 10, 1, 65535, &number, NULL))
        *port = (guint) number;
      return g_strndup (host + 1, (gsize) (end - host - 1));
    }
  /* One colon only: two or more are an IPv6 address without a port. */
  if (colon != NULL && strchr (host, ':') == colon
      && g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &number, NULL))
    {
      *port = (guint) number;
      return g_strndup (host, (gsize) (colon - host));
    }
  return g_strdup (host);
}

/**
 * rapport_mail_account_new_online:
 * @settings: the application's settings, for the extra certificate
 *   authority of a self-hosted server (imap-ca-file or smtp-ca-file)
 * @incoming: the IMAP side of the account, else its SMTP side
 * @goa_id: the GNOME online account's id
 * @host: as GOA gives it, with or without a port
 * @oauth2: the account's secret is an OAuth2 access token
 *
 * The account of GNOME Online Accounts, for one connection. Its secret
 * never passes through Rapport's keyring entries: rapport_mail_secret_lookup_async()
 * asks GOA for it.
 *
 * Returns: (transfer full): the account
 */
RapportMailAccount *
rapport_mail_account_new_online (GSettings  *settings,
                                 gboolean    incoming,
                                 const char *goa_id,
                                 const char *name,
                                 const char *address,
                                 const char *host,
                                 const char *username,
                                 gboolean    starttls,
                                 gboolean    oauth2)
{
  RapportMailAccount *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (goa_id != NULL && host != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_MAIL_ACCOUNT, NULL);
  self->incoming = incoming;
  self->goa_id = g_strdup (goa_id);
  self->oauth2 = oauth2;
  /* The name the user gave Rapport, else GOA's. */
  self->sender_name = dup_stripped (settings, "sender-name");
  if (self->sender_name[0] == '\0')
    {
      g_free (self->sender_name);
      self->sender_name = g_strdup (name != NULL ? name : "");
    }
  self->sender_address = g_strdup (address != NULL ? address : "");
  self->security = starttls ? RAPPORT_MAIL_SECURITY_STARTTLS : RAPPORT_MAIL_SECURITY_TLS;
  if (incoming)
    self->port = starttls ? RAPPORT_IMAP_PORT_STARTTLS : RAPPORT_IMAP_PORT_TLS;
  else
    self->port = starttls ? RAPPORT_MAIL_PORT_STARTTLS : RAPPORT_MAIL_PORT_TLS;
  self->server = split_host (host, &self->port);
  self->username = g_strdup (username != NULL ? username : "");
  self->ca_file = dup_stripped (settings, incoming ? "imap-ca-file" : "smtp-ca-file");
  return self;
}

/* NULL for an account typed in Preferences. */
const char *
rapport_mail_account_get_goa_id (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->goa_id;
}

gboolean
rapport_mail_account_uses_oauth2 (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), FALSE);

  return self->oauth2;
}

gboolean
rapport_mail_account_is_incoming (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), FALSE);

  return self->incoming;
}

/* Enough to try SMTP: the password is checked later, in the keyring. */
gboolean
rapport_mail_account_is_complete (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), FALSE);

  /* Reading needs no address of the user's: their mail is also found in Sent. */
  return (self->incoming || self->sender_address[0] != '\0') && self->server[0] != '\0'
         && self->username[0] != '\0';
}

const char *
rapport_mail_account_get_sender_name (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->sender_name;
}

const char *
rapport_mail_account_get_sender_address (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->sender_address;
}

const char *
rapport_mail_account_get_server (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->server;
}

guint
rapport_mail_account_get_port (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), 0);

  return self->port;
}

RapportMailSecurity
rapport_mail_account_get_security (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), RAPPORT_MAIL_SECURITY_TLS);

  return self->security;
}

const char *
rapport_mail_account_get_username (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->username;
}

/* Empty when the system's certificate authorities are enough. */
const char *
rapport_mail_account_get_ca_file (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), NULL);

  return self->ca_file;
}

guint
rapport_mail_account_get_timeout (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), 0);

  return self->timeout;
}

void
rapport_mail_account_set_timeout (RapportMailAccount *self,
                                  guint               seconds)
{
  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
}
