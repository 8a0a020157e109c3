/* rapport-goa-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-goa.so: the user's mail accounts in GNOME Online Accounts, through
 * libgoa (issue #14). Each call makes its own GoaClient (goa_client_new,
 * one D-Bus round trip to goa-daemon): a call always sees the accounts as
 * they are now, an account removed since is simply not found, and no
 * client lives on between calls to be kept in step. The one client that
 * does live on is a watch's, which only says that something changed.
 */
#define G_LOG_DOMAIN "rapport-goa"

#define GOA_API_IS_SUBJECT_TO_CHANGE
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <goa/goa.h>

#include "rapport-goa.h"
#include "rapport-mail-error.h"

G_MODULE_EXPORT const RapportGoaBackend *rapport_goa_backend_get (void);

static RapportGoaMail *
mail_from_object (GoaObject *object)
{
  GoaAccount *account = goa_object_peek_account (object);
  GoaMail *mail = goa_object_peek_mail (object);
  RapportGoaMail *info;

  if (account == NULL || mail == NULL || goa_account_get_mail_disabled (account))
    return NULL;
  if (!goa_mail_get_imap_supported (mail) && !goa_mail_get_smtp_supported (mail))
    return NULL;

  info = g_new0 (RapportGoaMail, 1);
  info->id = g_strdup (goa_account_get_id (account));
  info->provider = g_strdup (goa_account_get_provider_name (account));
  info->identity = g_strdup (goa_account_get_presentation_identity (account));
  info->address = g_strdup (goa_mail_get_email_address (mail));
  info->name = g_strdup (goa_mail_get_name (mail));
  info->oauth2 = goa_object_peek_oauth2_based (object) != NULL;
  /* GOA's "use SSL" is TLS from the first byte, its "use TLS" STARTTLS.
   * Neither set means plain text, which Rapport never uses: STARTTLS is
   * then required, and a server without it is refused before any secret
   * is sent. GOA's "accept SSL errors" is ignored: Rapport always
   * verifies (an extra CA can be chosen in Preferences). */
  info->imap = goa_mail_get_imap_supported (mail) && goa_mail_get_imap_host (mail) != NULL;
  info->imap_host = g_strdup (goa_mail_get_imap_host (mail));
  info->imap_user = g_strdup (goa_mail_get_imap_user_name (mail));
  info->imap_starttls = !goa_mail_get_imap_use_ssl (mail);
  info->smtp = goa_mail_get_smtp_supported (mail) && goa_mail_get_smtp_host (mail) != NULL;
  info->smtp_host = g_strdup (goa_mail_get_smtp_host (mail));
  info->smtp_user = g_strdup (goa_mail_get_smtp_user_name (mail));
  info->smtp_starttls = !goa_mail_get_smtp_use_ssl (mail);
  return info;
}

/* Listing {{{ */

static void
list_client_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GoaClient) client = goa_client_new_finish (result, &error);
  GPtrArray *accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_goa_mail_free);
  GList *objects;

  /* No GOA on the bus: no online accounts, which is no error. */
  if (client == NULL)
    {
      g_debug ("No GNOME Online Accounts: %s", error->message);
      g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  objects = goa_client_get_accounts (client);
  for (GList *l = objects; l != NULL; l = l->next)
    {
      RapportGoaMail *mail = mail_from_object (l->data);

      if (mail != NULL)
        g_ptr_array_add (accounts, mail);
    }
  g_list_free_full (objects, g_object_unref);
  g_task_return_pointer (task, accounts, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_async (GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  goa_client_new (cancellable, list_client_cb, task);
}

static GPtrArray *
list_finish (GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Credentials {{{ */

typedef struct
{
  char     *id;
  gboolean  incoming;
} Ask;

static void
ask_free (Ask *ask)
{
  g_free (ask->id);
  g_free (ask);
}

/* GOA's errors are D-Bus errors; the status row wants a sentence. */
static void
return_goa_error (GTask  *task,
                  GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }
  g_dbus_error_strip_remote_error (error);
  /* Translators: %s is what GNOME Online Accounts said */
  g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_PASSWORD,
                           _("GNOME Online Accounts gave no password for this account: %s"), error->message);
  g_error_free (error);
}

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token = NULL;

  if (!goa_oauth2_based_call_get_access_token_finish (GOA_OAUTH2_BASED (object), &token, NULL, result, &error))
    return_goa_error (task, error);
  else
    g_task_return_pointer (task, token, g_free);
}

static void
password_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = NULL;

  if (!goa_password_based_call_get_password_finish (GOA_PASSWORD_BASED (object), &password, result, &error))
    return_goa_error (task, error);
  else
    g_task_return_pointer (task, password, g_free);
}

static void
credential_client_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ask *ask = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GoaClient) client = goa_client_new_finish (result, &error);
  g_autoptr(GoaObject) account = NULL;
  g_autoptr(RapportGoaMail) mail = NULL;

  if (client != NULL)
    account = goa_client_lookup_by_id (client, ask->id);
  if (account != NULL)
    mail = mail_from_object (account);
  if (mail == NULL || !(ask->incoming ? mail->imap : mail->smtp))
    {
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_ACCOUNT_GONE,
                               _("This online account is no longer in Settings → Online Accounts, or no longer "
                                 "has mail; choose another in Preferences → Mail"));
      return;
    }
  if (goa_object_peek_oauth2_based (account) != NULL)
    goa_oauth2_based_call_get_access_token (goa_object_peek_oauth2_based (account), cancellable, token_cb,
                                            g_steal_pointer (&task));
  else if (goa_object_peek_password_based (account) != NULL)
    goa_password_based_call_get_password (goa_object_peek_password_based (account),
                                          ask->incoming ? "imap-password" : "smtp-password", cancellable,
                                          password_cb, g_steal_pointer (&task));
  else
    g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_PASSWORD,
                             _("GNOME Online Accounts has no password or token for this account"));
}

static void
credential_async (const char          *id,
                  gboolean             incoming,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Ask *ask = g_new0 (Ask, 1);

  ask->id = g_strdup (id);
  ask->incoming = incoming;
  g_task_set_task_data (task, ask, (GDestroyNotify) ask_free);
  goa_client_new (cancellable, credential_client_cb, task);
}

static char *
credential_finish (GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Watching {{{ */

typedef struct
{
  GoaClient         *client;
  GCancellable      *cancellable;   /* held only until the client is made */
  RapportGoaChanged  changed;
  gpointer           user_data;
} Watch;

static void
watch_changed_cb (GoaClient *client,
                  GoaObject *object,
                  Watch     *watch)
{
  watch->changed (watch->user_data);
}

/* Runs in g_cancellable_cancel(), on the watcher's thread: once that
 * returns, @changed is never called again. */
static void
watch_cancelled_cb (GCancellable *cancellable,
                    Watch        *watch)
{
  if (watch->client != NULL)
    g_signal_handlers_disconnect_by_data (watch->client, watch);
  g_clear_object (&watch->client);
}

static void
watch_free (Watch *watch)
{
  g_clear_object (&watch->client);
  g_clear_object (&watch->cancellable);
  g_free (watch);
}

static void
watch_client_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GCancellable) cancellable = g_steal_pointer (&watch->cancellable);
  g_autoptr(GError) error = NULL;

  watch->client = goa_client_new_finish (result, &error);
  /* Cancelled, or no GOA on the bus: nothing to watch. */
  if (watch->client == NULL)
    {
      g_debug ("Not watching GNOME Online Accounts: %s", error->message);
      watch_free (watch);
      return;
    }
  g_signal_connect (watch->client, "account-added", G_CALLBACK (watch_changed_cb), watch);
  g_signal_connect (watch->client, "account-removed", G_CALLBACK (watch_changed_cb), watch);
  g_signal_connect (watch->client, "account-changed", G_CALLBACK (watch_changed_cb), watch);
  /* From here the watch lives as long as the cancellable, whose handler
   * owns it (freed when the cancellable is finalised). */
  g_cancellable_connect (cancellable, G_CALLBACK (watch_cancelled_cb), watch, (GDestroyNotify) watch_free);
}

static void
watch_accounts (GCancellable      *cancellable,
                RapportGoaChanged  changed,
                gpointer           user_data)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->cancellable = g_object_ref (cancellable);
  watch->changed = changed;
  watch->user_data = user_data;
  goa_client_new (cancellable, watch_client_cb, watch);
}

/* }}} */

const RapportGoaBackend *
rapport_goa_backend_get (void)
{
  static const RapportGoaBackend backend = {
    list_async,
    list_finish,
    credential_async,
    credential_finish,
    watch_accounts,
  };

  return &backend;
}
