/* rapport-imap-client.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Connecting to the user's IMAP server the only way Rapport allows: TLS,
 * from the first byte (port 993) or after STARTTLS (143), the certificate
 * verified for the server's name by GIO (plus the account's own CA file
 * for a self-hosted server). A server that offers no TLS is left before
 * the password is sent. Every error becomes one clear sentence for the
 * account's status row.
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-imap-client.h"
#include "rapport-mail-error.h"

static gboolean
accept_with_ca_cb (GTlsConnection       *connection,
                   GTlsCertificate      *peer,
                   GTlsCertificateFlags  errors,
                   gpointer              user_data)
{
  GTlsCertificate *ca = user_data;
  GSocketConnectable *identity = g_tls_client_connection_get_server_identity (G_TLS_CLIENT_CONNECTION (connection));

  /* Trusted by the account's CA, for the right name, and in date. */
  return g_tls_certificate_verify (peer, identity, ca) == 0;
}

static GIOStream *
start_tls (RapportImapClient   *client,
           RapportMailAccount  *account,
           GIOStream           *base,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GTlsCertificate) ca = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *ca_file = rapport_mail_account_get_ca_file (account);

  identity = g_network_address_new (client->server, (guint16) rapport_mail_account_get_port (account));
  tls = g_tls_client_connection_new (base, identity, &local_error);
  if (tls == NULL)
    {
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TLS,
                   _("TLS is not available on this system: %s"), local_error->message);
      return NULL;
    }
  if (ca_file[0] != '\0')
    {
      ca = g_tls_certificate_new_from_file (ca_file, &local_error);
      if (ca == NULL)
        {
          g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CERTIFICATE,
                       _("The certificate authority file could not be read: %s"), local_error->message);
          return NULL;
        }
      g_signal_connect_data (tls, "accept-certificate", G_CALLBACK (accept_with_ca_cb), g_object_ref (ca),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
    }

  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CERTIFICATE,
                     _("The certificate of %s is not trusted, so Rapport did not log in"), client->server);
      else
        g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TLS,
                     _("No secure (TLS) connection to %s could be made, so Rapport did not log in: %s"),
                     client->server, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&tls);
}

/**
 * rapport_imap_client_fail:
 * @rc: what libetpan returned
 *
 * Sets @error from @rc and from what the stream saw (a cancel, a timeout,
 * a connection lost).
 *
 * Returns: %FALSE
 */
gboolean
rapport_imap_client_fail (RapportImapClient  *client,
                          int                 rc,
                          GError            **error)
{
  GError *io = client->io.error;

  if (g_cancellable_is_cancelled (client->io.cancellable))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Stopped"));
  else if (io != NULL && g_error_matches (io, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TIMEOUT,
                 _("%s stopped answering; Rapport will try again later"), client->server);
  else if (io != NULL || rc == MAILIMAP_ERROR_STREAM || rc == MAILIMAP_ERROR_CONNECTION_REFUSED)
    g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CONNECT,
                 _("The connection to %s was lost; Rapport will try again later"), client->server);
  else if (rc == MAILIMAP_ERROR_LOGIN)
    g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_LOGIN,
                 _("%s refused the user name or password"), client->server);
  else
    {
      const char *said = client->imap != NULL ? client->imap->imap_response : NULL;

      /* Translators: %s is the server, %s what it said */
      g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED, _("%s answered: %s"), client->server,
                   said != NULL && said[0] != '\0' ? said : _("an error"));
    }
  return FALSE;
}

static gboolean
use_tls (RapportImapClient   *client,
         RapportMailAccount  *account,
         GCancellable        *cancellable,
         GError             **error)
{
  GIOStream *tls = start_tls (client, account, client->io.stream, cancellable, error);

  if (tls == NULL)
    return FALSE;
  g_object_unref (client->io.stream);
  client->io.stream = tls;
  return TRUE;
}

RapportImapClient *
rapport_imap_client_connect (RapportMailAccount  *account,
                             const char          *password,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(RapportImapClient) client = g_new0 (RapportImapClient, 1);
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GError) local_error = NULL;
  gboolean starttls = rapport_mail_account_get_security (account) == RAPPORT_MAIL_SECURITY_STARTTLS;
  mailstream *stream;
  int rc;

  client->server = g_strdup (rapport_mail_account_get_server (account));
  client->io.cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  g_socket_client_set_timeout (socket_client, rapport_mail_account_get_timeout (account));
  client->connection = g_socket_client_connect_to_host (socket_client, client->server,
                                                        (guint16) rapport_mail_account_get_port (account),
                                                        client->io.cancellable, &local_error);
  if (client->connection == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CONNECT,
                     _("%s could not be reached: %s"), client->server, local_error->message);
      return NULL;
    }
  client->io.stream = g_object_ref (G_IO_STREAM (client->connection));
  if (!starttls && !use_tls (client, account, client->io.cancellable, error))
    return NULL;

  client->imap = mailimap_new (0, NULL);
  stream = rapport_imap_stream_open (&client->io);
  rc = mailimap_connect (client->imap, stream);
  if (rc != MAILIMAP_NO_ERROR_NON_AUTHENTICATED && rc != MAILIMAP_NO_ERROR_AUTHENTICATED)
    return rapport_imap_client_fail (client, rc, error), NULL;

  if (starttls)
    {
      struct mailimap_capability_data *caps = NULL;

      rc = mailimap_capability (client->imap, &caps);
      if (caps != NULL)
        mailimap_capability_data_free (caps);
      if (rc != MAILIMAP_NO_ERROR)
        return rapport_imap_client_fail (client, rc, error), NULL;
      if (!mailimap_has_extension (client->imap, "STARTTLS"))
        {
          g_set_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TLS,
                       _("%s offers no secure connection (STARTTLS), so Rapport did not send your password"),
                       client->server);
          return NULL;
        }
      rc = mailimap_starttls (client->imap);
      if (rc != MAILIMAP_NO_ERROR)
        return rapport_imap_client_fail (client, rc, error), NULL;
      if (!use_tls (client, account, client->io.cancellable, error))
        return NULL;
    }

  /* An OAuth2 account of GNOME Online Accounts: its access token by SASL
   * XOAUTH2 (libetpan builds "user=…^Aauth=Bearer …^A^A"), never LOGIN. */
  if (rapport_mail_account_uses_oauth2 (account))
    rc = mailimap_oauth2_authenticate (client->imap, rapport_mail_account_get_username (account), password);
  else
    rc = mailimap_login (client->imap, rapport_mail_account_get_username (account), password);
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error), NULL;

  /* What the server offers once logged in (CONDSTORE among it). */
  {
    struct mailimap_capability_data *caps = NULL;

    rc = mailimap_capability (client->imap, &caps);
    if (caps != NULL)
      mailimap_capability_data_free (caps);
    if (rc != MAILIMAP_NO_ERROR)
      return rapport_imap_client_fail (client, rc, error), NULL;
  }
  return g_steal_pointer (&client);
}

/* Logs out when the connection still works; never waits on a cancelled one. */
void
rapport_imap_client_close (RapportImapClient *client)
{
  if (client == NULL)
    return;
  if (client->imap != NULL)
    {
      if (client->imap->imap_state != MAILIMAP_STATE_DISCONNECTED && client->io.error == NULL
          && !g_cancellable_is_cancelled (client->io.cancellable))
        mailimap_logout (client->imap);
      mailimap_free (client->imap);
    }
  if (client->io.stream != NULL)
    g_io_stream_close (client->io.stream, NULL, NULL);
  g_clear_object (&client->io.stream);
  g_clear_object (&client->connection);
  g_clear_object (&client->io.cancellable);
  g_clear_error (&client->io.error);
  g_free (client->server);
  g_free (client);
}
