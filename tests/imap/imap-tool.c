/* imap-tool.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the mailbox API as the application does, for tests/imap/test_imap_sync.py:
 *
 *   imap-tool [OPTION...] store     (the IMAP password on standard input)
 *   imap-tool [OPTION...] test      (Test Connection)
 *   imap-tool [OPTION...] sync DB   (one sync into the database file DB, migrated first)
 *   imap-tool [OPTION...] wait SECONDS   (IDLE on INBOX: prints "NEW" or "TIMEOUT")
 *   imap-tool goa-list      (the mail accounts of GNOME Online Accounts, one "ACCOUNT …" line each)
 *
 * --goa-account=ID makes the mailbox the online account ID's, as "Use This Account" does.
 *
 * With --count-stalls, "sync" also prints "STALLS <count> <longest ms>": how often the main loop
 * was held up for longer than a frame during the sync (tests/stall-counter.c), for the benchmark
 * tests/bench/imap-sync-10k.py.
 *
 * The options are written to GSettings and the account read back from there, as Preferences
 * does. Prints "REPLY <name>" for each reply found, then "OK" or "ERROR <code> <message>", then
 * "ELAPSED <ms>", and after --cancel-after "STOPPED <ms>", the time from the cancel to the end.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-contact-store.h"
#include "rapport-database.h"
#include "rapport-goa.h"
#include "rapport-imap-backend.h"
#include "rapport-mail-account.h"
#include "rapport-mail-error.h"
#include "rapport-mail-secret.h"
#include "rapport-mailbox-sql.h"
#include "rapport-mailbox-sync.h"
#include "rapport-reminder-sql.h"
#include "stall-counter.h"

static const char * const error_names[] = {
  "NOT_CONFIGURED", "NO_SECRET_SERVICE", "NO_PASSWORD", "INVALID_HEADER", "CONNECT",
  "CERTIFICATE", "TLS", "LOGIN", "RECIPIENT", "TIMEOUT", "FAILED", "INVALID_SERVER",
  "ACCOUNT_GONE",
};

/* When --cancel-after quit the sync: the time from there to its end is
 * what "quitting stops a sync at once" is about, whatever came before. */
static gint64 cancelled_at;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static int
report (GError *error,
        gint64  started)
{
  if (error == NULL)
    printf ("OK\n");
  else if (error->domain == RAPPORT_MAIL_ERROR && error->code >= 0
           && error->code < (int) G_N_ELEMENTS (error_names))
    printf ("ERROR %s %s\n", error_names[error->code], error->message);
  else
    printf ("ERROR %s:%d %s\n", g_quark_to_string (error->domain), error->code, error->message);
  printf ("ELAPSED %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - started) / 1000);
  if (cancelled_at != 0)
    printf ("STOPPED %" G_GINT64_FORMAT "\n", (g_get_monotonic_time () - cancelled_at) / 1000);
  return error == NULL ? 0 : 1;
}

static gboolean
cancel_cb (gpointer user_data)
{
  cancelled_at = g_get_monotonic_time ();
  rapport_mailbox_sync_shutdown (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *address = NULL, *server = NULL, *security = NULL, *user = NULL, *ca_file = NULL;
  g_autofree char *goa_account = NULL;
  int port = 0, days = 0, cancel_after = 0;
  gboolean count_stalls = FALSE;
  GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, "The user's address", NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, "IMAP server", NULL },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "IMAP port", NULL },
    { "security", 0, 0, G_OPTION_ARG_STRING, &security, "tls or starttls", NULL },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, "User name", NULL },
    { "ca-file", 0, 0, G_OPTION_ARG_STRING, &ca_file, "CA file", NULL },
    { "goa-account", 0, 0, G_OPTION_ARG_STRING, &goa_account, "GNOME online account's id", NULL },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, "Days of the first look", NULL },
    { "cancel-after", 0, 0, G_OPTION_ARG_INT, &cancel_after, "Quit after this many ms", NULL },
    { "count-stalls", 0, 0, G_OPTION_ARG_NONE, &count_stalls, "Count main-loop stalls during a sync", NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND [ARGS]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 started;
  int status;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("usage: imap-tool [OPTION...] store|test|sync DB\n");
      return 2;
    }

  settings = g_settings_new (APP_ID);
  if (address) g_settings_set_string (settings, "sender-address", address);
  if (server) g_settings_set_string (settings, "imap-server", server);
  if (port) g_settings_set_int (settings, "imap-port", port);
  if (security) g_settings_set_string (settings, "imap-security", security);
  if (user) g_settings_set_string (settings, "imap-username", user);
  if (ca_file) g_settings_set_string (settings, "imap-ca-file", ca_file);
  if (days) g_settings_set_int (settings, "mailbox-days", days);
  if (goa_account) g_settings_set_string (settings, "imap-goa-account", goa_account);
  g_settings_sync ();
  started = g_get_monotonic_time ();

  if (g_str_equal (argv[1], "store"))
    {
      g_autoptr(RapportMailAccount) account = rapport_mail_account_new_incoming_from_settings (settings);
      GString *password = g_string_new (NULL);
      char buffer[256];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (password, buffer, n);
      rapport_mail_secret_store_async (account, password->str, NULL, store_result_cb, &result);
      memset (password->str, 0, password->len);
      g_string_free (password, TRUE);
      rapport_mail_secret_store_finish (wait_for (&result), &error);
      status = report (error, started);
    }
  else if ((g_str_equal (argv[1], "test") || g_str_equal (argv[1], "sync")) && argc == 3)
    {
      g_autoptr(RapportDatabase) db = rapport_database_new (argv[2]);
      g_autoptr(RapportContactStore) store = NULL;
      g_autoptr(RapportMailboxSync) sync = NULL;

      rapport_reminder_rules_attach (db);
      rapport_database_open_async (db, NULL, store_result_cb, &result);
      if (!rapport_database_open_finish (db, wait_for (&result), &error))
        return report (error, started);
      g_clear_object (&result);
      store = rapport_contact_store_new (db);
      sync = rapport_mailbox_sync_new (settings, store);
      if (cancel_after > 0)
        g_timeout_add (cancel_after, cancel_cb, sync);

      if (g_str_equal (argv[1], "test"))
        {
          rapport_mailbox_sync_test_async (sync, NULL, store_result_cb, &result);
          rapport_mailbox_sync_test_finish (sync, wait_for (&result), &error);
        }
      else
        {
          g_autoptr(GPtrArray) replies = NULL;
          StallCounter *stalls = count_stalls ? stall_counter_start () : NULL;

          rapport_mailbox_sync_check_async (sync, NULL, store_result_cb, &result);
          replies = rapport_mailbox_sync_check_finish (sync, wait_for (&result), &error);
          if (stalls != NULL)
            {
              double longest;
              guint count = stall_counter_stop (stalls, &longest);

              printf ("STALLS %u %.1f\n", count, longest);
            }
          for (guint i = 0; replies != NULL && i < replies->len; i++)
            printf ("REPLY %s\n", ((RapportMailboxReply *) replies->pdata[i])->name);
          printf ("STATUS %s\n", rapport_mailbox_sync_get_status (sync));
        }
      status = report (error, started);
      rapport_database_close (db);
    }
  else if (g_str_equal (argv[1], "goa-list"))
    {
      g_autoptr(GPtrArray) accounts = NULL;

      rapport_goa_list_async (NULL, store_result_cb, &result);
      accounts = rapport_goa_list_finish (wait_for (&result), &error);
      for (guint i = 0; accounts != NULL && i < accounts->len; i++)
        {
          RapportGoaMail *mail = accounts->pdata[i];

          printf ("ACCOUNT %s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", mail->id, mail->provider, mail->address,
                  mail->oauth2 ? "oauth2" : "password",
                  mail->imap ? mail->imap_host : "-", mail->imap_user, mail->imap_starttls ? "starttls" : "tls",
                  mail->smtp ? mail->smtp_host : "-", mail->smtp_user, mail->smtp_starttls ? "starttls" : "tls",
                  mail->name);
        }
      status = report (error, started);
    }
  else if (g_str_equal (argv[1], "wait") && argc == 3)
    {
      g_autoptr(RapportMailAccount) account = rapport_mail_account_new_incoming_from_settings (settings);
      g_autofree char *password = NULL;

      rapport_mail_secret_lookup_async (account, NULL, store_result_cb, &result);
      password = rapport_mail_secret_lookup_finish (wait_for (&result), &error);
      g_clear_object (&result);
      if (password != NULL)
        {
          gboolean news;

          rapport_imap_wait_async (account, password, (guint) g_ascii_strtoull (argv[2], NULL, 10), NULL,
                                   store_result_cb, &result);
          news = rapport_imap_wait_finish (wait_for (&result), &error);
          if (error == NULL)
            printf ("%s\n", news ? "NEW" : "TIMEOUT");
          rapport_mail_secret_free (g_steal_pointer (&password));
        }
      status = report (error, started);
    }
  else
    {
      g_printerr ("imap-tool: unknown command %s\n", argv[1]);
      return 2;
    }

  rapport_mail_secret_disconnect ();
  fflush (stdout);
  return status;
}
