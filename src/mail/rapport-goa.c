/* rapport-goa.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Online Accounts for reading and sending mail. libgoa lives in
 * rapport-goa.so, loaded off the main thread the first time Preferences
 * lists the accounts or a connection needs one: a start of Rapport never
 * pays for it, and a system without GOA simply has no online accounts.
 * Rapport keeps only the chosen account's id (in GSettings); its servers
 * are read from GOA at each connection and its password or token asked of
 * GOA then, never stored.
 */
#define G_LOG_DOMAIN "rapport-goa"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-goa.h"
#include "rapport-mail-error.h"
#include "rapport-mail-sender.h"
#include "rapport-module.h"

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-goa.so", RAPPORT_GOA_BACKEND_SYMBOL);

void
rapport_goa_mail_free (RapportGoaMail *mail)
{
  if (mail == NULL)
    return;
  g_free (mail->id);
  g_free (mail->provider);
  g_free (mail->identity);
  g_free (mail->address);
  g_free (mail->name);
  g_free (mail->imap_host);
  g_free (mail->imap_user);
  g_free (mail->smtp_host);
  g_free (mail->smtp_user);
  g_free (mail);
}

gboolean
rapport_goa_mail_equal (const RapportGoaMail *a,
                        const RapportGoaMail *b)
{
  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->provider, b->provider) == 0
         && g_strcmp0 (a->identity, b->identity) == 0 && g_strcmp0 (a->address, b->address) == 0
         && g_strcmp0 (a->name, b->name) == 0 && a->oauth2 == b->oauth2
         && a->imap == b->imap && g_strcmp0 (a->imap_host, b->imap_host) == 0
         && g_strcmp0 (a->imap_user, b->imap_user) == 0 && a->imap_starttls == b->imap_starttls
         && a->smtp == b->smtp && g_strcmp0 (a->smtp_host, b->smtp_host) == 0
         && g_strcmp0 (a->smtp_user, b->smtp_user) == 0 && a->smtp_starttls == b->smtp_starttls;
}

static const RapportGoaBackend *
loaded_backend (GAsyncResult  *result,
                GError       **error)
{
  if (!rapport_module_load_finish (result, error))
    {
      /* Translators: the reason from the system's loader follows */
      g_prefix_error (error, _("Rapport’s support for GNOME Online Accounts could not be loaded: "));
      return NULL;
    }
  return rapport_module_peek_table (&module);
}

/* Listing {{{ */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const RapportGoaBackend *backend = rapport_module_peek_table (&module);
  GError *error = NULL;
  GPtrArray *accounts = backend->list_finish (result, &error);

  if (accounts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  const RapportGoaBackend *backend = loaded_backend (result, &error);

  GCancellable *cancellable = g_task_get_cancellable (task);

  if (backend == NULL)
    g_task_return_error (task, error);
  else
    backend->list_async (cancellable, listed_cb, g_steal_pointer (&task));
}

void
rapport_goa_list_async (GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_goa_list_async);
  rapport_module_load_async (&module, cancellable, list_loaded_cb, task);
}

/**
 * rapport_goa_list_finish:
 *
 * Returns: (transfer full) (element-type RapportGoaMail): the accounts
 */
GPtrArray *
rapport_goa_list_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Watching {{{ */

typedef struct
{
  GCancellable      *cancellable;
  RapportGoaChanged  changed;
  gpointer           user_data;
} WatchLoad;

static void
watch_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WatchLoad *load = user_data;
  g_autoptr(GError) error = NULL;
  const RapportGoaBackend *backend = loaded_backend (result, &error);

  if (backend != NULL && !g_cancellable_is_cancelled (load->cancellable))
    backend->watch (load->cancellable, load->changed, load->user_data);
  else if (backend == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("%s", error->message);
  g_object_unref (load->cancellable);
  g_free (load);
}

void
rapport_goa_watch (GCancellable      *cancellable,
                   RapportGoaChanged  changed,
                   gpointer           user_data)
{
  WatchLoad *load;

  g_return_if_fail (G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (changed != NULL);

  load = g_new0 (WatchLoad, 1);
  load->cancellable = g_object_ref (cancellable);
  load->changed = changed;
  load->user_data = user_data;
  rapport_module_load_async (&module, cancellable, watch_loaded_cb, load);
}

/* }}} */
/* Credentials {{{ */

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
credential_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const RapportGoaBackend *backend = rapport_module_peek_table (&module);
  GError *error = NULL;
  char *secret = backend->credential_finish (result, &error);

  if (secret == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) wipe_free);
}

static void
credential_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailAccount *account = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  const RapportGoaBackend *backend = loaded_backend (result, &error);

  if (backend == NULL)
    g_task_return_error (task, error);
  else
    backend->credential_async (rapport_mail_account_get_goa_id (account), rapport_mail_account_is_incoming (account),
                               cancellable, credential_cb, g_steal_pointer (&task));
}

/* The password or the access token of @account (from
 * rapport_mail_account_new_online()), asked of GOA now. */
void
rapport_goa_credential_async (RapportMailAccount  *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (rapport_mail_account_get_goa_id (account) != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_goa_credential_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  rapport_module_load_async (&module, cancellable, credential_loaded_cb, task);
}

/**
 * rapport_goa_credential_finish:
 *
 * Returns: (transfer full): the secret, to wipe after use
 */
char *
rapport_goa_credential_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Resolving the account of the settings {{{ */

typedef struct
{
  GSettings *settings;
  gboolean   incoming;
  char      *goa_id;
} Resolve;

static void
resolve_free (Resolve *resolve)
{
  g_object_unref (resolve->settings);
  g_free (resolve->goa_id);
  g_free (resolve);
}

static void
resolve_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Resolve *resolve = g_task_get_task_data (task);
  g_autoptr(GPtrArray) accounts = NULL;
  GError *error = NULL;

  accounts = rapport_goa_list_finish (result, &error);
  if (accounts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportGoaMail *mail = accounts->pdata[i];

      if (!g_str_equal (mail->id, resolve->goa_id) || !(resolve->incoming ? mail->imap : mail->smtp))
        continue;
      g_task_return_pointer (task,
                             rapport_mail_account_new_online (resolve->settings, resolve->incoming, mail->id,
                                                              mail->name, mail->address,
                                                              resolve->incoming ? mail->imap_host : mail->smtp_host,
                                                              resolve->incoming ? mail->imap_user : mail->smtp_user,
                                                              resolve->incoming ? mail->imap_starttls
                                                                                : mail->smtp_starttls,
                                                              mail->oauth2),
                             g_object_unref);
      return;
    }
  /* Gone from GOA (or GOA stopped): nothing of Rapport's is lost, and
   * Preferences offers the accounts that remain. */
  g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_ACCOUNT_GONE,
                           resolve->incoming
                             ? _("The online account chosen for your mailbox is no longer in Settings → Online "
                                 "Accounts; choose another in Preferences → Mail")
                             : _("The online account chosen for sending is no longer in Settings → Online "
                                 "Accounts; choose another in Preferences → Mail"));
}

void
rapport_mail_account_resolve_async (GSettings           *settings,
                                    gboolean             incoming,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Resolve *resolve;

  g_return_if_fail (G_IS_SETTINGS (settings));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_account_resolve_async);
  resolve = g_new0 (Resolve, 1);
  resolve->settings = g_object_ref (settings);
  resolve->incoming = incoming;
  resolve->goa_id = g_settings_get_string (settings, incoming ? "imap-goa-account" : "smtp-goa-account");
  g_task_set_task_data (task, resolve, (GDestroyNotify) resolve_free);

  if (resolve->goa_id[0] == '\0')
    {
      g_task_return_pointer (task,
                             incoming ? rapport_mail_account_new_incoming_from_settings (settings)
                                      : rapport_mail_account_new_from_settings (settings),
                             g_object_unref);
      return;
    }
  rapport_goa_list_async (cancellable, resolve_listed_cb, g_steal_pointer (&task));
}

/**
 * rapport_mail_account_resolve_finish:
 *
 * Returns: (transfer full): the account, or %NULL with
 *   %RAPPORT_MAIL_ERROR_ACCOUNT_GONE or the module's loading error
 */
RapportMailAccount *
rapport_mail_account_resolve_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Sending {{{ */

/* An online account chosen counts as set up: whether it still exists is
 * known only by asking GOA, which sending does (and says so). */
gboolean
rapport_mail_sending_is_set_up (GSettings *settings)
{
  g_autofree char *goa_id = g_settings_get_string (settings, "smtp-goa-account");
  g_autoptr(RapportMailAccount) account = NULL;

  if (goa_id[0] != '\0')
    return TRUE;
  account = rapport_mail_account_new_from_settings (settings);
  return rapport_mail_account_is_complete (account);
}

typedef struct
{
  char *to_name;
  char *to_address;
  char *subject;
  char *body;
} Message;

static void
message_free (Message *message)
{
  g_free (message->to_name);
  g_free (message->to_address);
  g_free (message->subject);
  g_free (message->body);
  g_free (message);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *message_id = rapport_mail_sender_send_finish (result, &error);

  if (message_id == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, message_id, g_free);
}

static void
send_resolved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Message *message = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(RapportMailAccount) account = NULL;
  GError *error = NULL;

  account = rapport_mail_account_resolve_finish (result, &error);
  if (account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  rapport_mail_sender_send_async (account, message->to_name, message->to_address, message->subject, message->body,
                                  cancellable, sent_cb, g_steal_pointer (&task));
}

void
rapport_mail_send_async (GSettings           *settings,
                         const char          *to_name,
                         const char          *to_address,
                         const char          *subject,
                         const char          *body,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Message *message;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (to_address != NULL && subject != NULL && body != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_send_async);
  message = g_new0 (Message, 1);
  message->to_name = g_strdup (to_name);
  message->to_address = g_strdup (to_address);
  message->subject = g_strdup (subject);
  message->body = g_strdup (body);
  g_task_set_task_data (task, message, (GDestroyNotify) message_free);
  rapport_mail_account_resolve_async (settings, FALSE, cancellable, send_resolved_cb, task);
}

/**
 * rapport_mail_send_finish:
 *
 * Returns: (transfer full): the Message-ID sent, or %NULL with a
 *   %RAPPORT_MAIL_ERROR (a sentence fit to show) or %G_IO_ERROR_CANCELLED
 */
char *
rapport_mail_send_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
