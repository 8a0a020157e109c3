/* rapport-mail-account.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-account"

#include "config.h"

#include <stdlib.h>

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

/* Enough to try SMTP: the password is checked later, in the keyring. */
gboolean
rapport_mail_account_is_complete (RapportMailAccount *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAIL_ACCOUNT (self), FALSE);

  return self->sender_address[0] != '\0' && self->server[0] != '\0' && self->username[0] != '\0';
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
