/* mail-tool.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the mail API as the application does, for tests/smtp/test_mail_send.py:
 *
 *   mail-tool [OPTION...] store      (the password on standard input, never the command line)
 *   mail-tool [OPTION...] clear
 *   mail-tool [OPTION...] has        (prints OK stored or OK none)
 *   mail-tool [OPTION...] test
 *   mail-tool [OPTION...] send TO-NAME TO-ADDRESS SUBJECT   (the body on standard input)
 *
 * --goa-account=ID sends through the online account ID, as "Use This Account" does, by the
 * composer's way (rapport_mail_send_async()).
 *
 * The options are written to GSettings and the account read back from there. Prints
 * "OK [message-id]" or "ERROR <code> <message>", then "ELAPSED <ms>".
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-goa.h"
#include "rapport-mail-account.h"
#include "rapport-mail-error.h"
#include "rapport-mail-secret.h"
#include "rapport-mail-sender.h"

static const char * const error_names[] = {
  "NOT_CONFIGURED", "NO_SECRET_SERVICE", "NO_PASSWORD", "INVALID_HEADER", "CONNECT",
  "CERTIFICATE", "TLS", "LOGIN", "RECIPIENT", "TIMEOUT", "FAILED", "INVALID_SERVER",
  "ACCOUNT_GONE",
};

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static char *
read_stdin (void)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);

  return g_string_free (text, FALSE);
}

static int
report (GError     *error,
        const char *value,
        gint64      started)
{
  if (error == NULL)
    printf ("OK%s%s\n", value ? " " : "", value ? value : "");
  else if (error->domain == RAPPORT_MAIL_ERROR && error->code >= 0
           && error->code < (int) G_N_ELEMENTS (error_names))
    printf ("ERROR %s %s\n", error_names[error->code], error->message);
  else
    printf ("ERROR %s:%d %s\n", g_quark_to_string (error->domain), error->code, error->message);

  printf ("ELAPSED %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - started) / 1000);
  return error == NULL ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = NULL, *address = NULL, *server = NULL, *security = NULL;
  g_autofree char *user = NULL, *ca_file = NULL, *goa_account = NULL;
  int port = 0;
  int cancel_after = 0;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Sender name", NULL },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, "Sender address", NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "SMTP server", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "SMTP port", NULL },
    { "security", 0, 0, G_OPTION_ARG_STRING, &security, "tls or starttls", NULL },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "User name", NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_STRING, &ca_file, "CA file", NULL },
    { "goa-account", 0, 0, G_OPTION_ARG_STRING, &goa_account, "GNOME online account's id", NULL },
    { "cancel-after", 0, 0, G_OPTION_ARG_INT, &cancel_after, "Cancel after this many ms", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND [ARGS]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(RapportMailAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 started;
  int status;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("usage: mail-tool [OPTION...] store|clear|test|send ...\n");
      return 2;
    }

  settings = g_settings_new (APP_ID);
  if (name) g_settings_set_string (settings, "sender-name", name);
  if (address) g_settings_set_string (settings, "sender-address", address);
  if (server) g_settings_set_string (settings, "smtp-server", server);
  if (port) g_settings_set_int (settings, "smtp-port", port);
  if (security) g_settings_set_string (settings, "smtp-security", security);
  if (user) g_settings_set_string (settings, "smtp-username", user);
  if (ca_file) g_settings_set_string (settings, "smtp-ca-file", ca_file);
  if (goa_account) g_settings_set_string (settings, "smtp-goa-account", goa_account);
  g_settings_sync ();

  account = rapport_mail_account_new_from_settings (settings);
  started = g_get_monotonic_time ();
  if (cancel_after > 0)
    g_timeout_add_once (cancel_after, cancel_cb, cancellable);

  if (g_str_equal (argv[1], "store"))
    {
      char *password = read_stdin ();

      rapport_mail_secret_store_async (account, password, NULL, store_result_cb, &result);
      memset (password, 0, strlen (password));
      g_free (password);
      rapport_mail_secret_store_finish (wait_for (&result), &error);
      status = report (error, NULL, started);
    }
  else if (g_str_equal (argv[1], "clear"))
    {
      gboolean removed;

      rapport_mail_secret_clear_async (account, NULL, store_result_cb, &result);
      removed = rapport_mail_secret_clear_finish (wait_for (&result), &error);
      status = report (error, removed ? "removed" : "none", started);
    }
  else if (g_str_equal (argv[1], "has"))
    {
      gboolean stored;

      rapport_mail_secret_has_password_async (account, NULL, store_result_cb, &result);
      stored = rapport_mail_secret_has_password_finish (wait_for (&result), &error);
      status = report (error, stored ? "stored" : "none", started);
    }
  else if (g_str_equal (argv[1], "test"))
    {
      rapport_mail_sender_test_async (account, cancellable, store_result_cb, &result);
      rapport_mail_sender_test_finish (wait_for (&result), &error);
      status = report (error, NULL, started);
    }
  else if (g_str_equal (argv[1], "send") && argc == 5)
    {
      g_autofree char *body = read_stdin ();
      g_autofree char *message_id = NULL;

      if (goa_account != NULL)
        {
          rapport_mail_send_async (settings, argv[2], argv[3], argv[4], body, cancellable, store_result_cb, &result);
          message_id = rapport_mail_send_finish (wait_for (&result), &error);
        }
      else
        {
          rapport_mail_sender_send_async (account, argv[2], argv[3], argv[4], body, cancellable,
                                          store_result_cb, &result);
          message_id = rapport_mail_sender_send_finish (wait_for (&result), &error);
        }
      status = report (error, message_id, started);
    }
  else
    {
      g_printerr ("mail-tool: unknown command %s\n", argv[1]);
      return 2;
    }

  rapport_mail_secret_disconnect ();
  return status;
}
