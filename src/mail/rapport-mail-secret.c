/* rapport-mail-secret.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-secret"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "rapport-goa.h"
#include "rapport-mail-error.h"
#include "rapport-mail-secret.h"

/* The attribute list ends with { NULL, 0 }: the "NULL" string of the
 * libsecret examples would add a bogus attribute. The port is left out, so
 * that moving from 465 to 587 keeps the password. */
static const SecretSchema smtp_schema = {
  "io.github.rapport.Rapport.Smtp", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* The incoming (IMAP) account's password, apart from the SMTP one. */
static const SecretSchema imap_schema = {
  "io.github.rapport.Rapport.Imap", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static const SecretSchema *
schema_for (RapportMailAccount *account)
{
  return rapport_mail_account_is_incoming (account) ? &imap_schema : &smtp_schema;
}

/* Each of these means nobody provides org.freedesktop.secrets, or there is
 * no session bus to ask: nothing the user can fix but by installing a
 * keyring. */
static gboolean
is_no_service_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    return error->code == G_DBUS_ERROR_SERVICE_UNKNOWN
        || error->code == G_DBUS_ERROR_NAME_HAS_NO_OWNER
        || error->code == G_DBUS_ERROR_NO_SERVER
        || error->code == G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND
        || error->code == G_DBUS_ERROR_SPAWN_SERVICE_INVALID
        || error->code == G_DBUS_ERROR_SPAWN_EXEC_FAILED
        || error->code == G_DBUS_ERROR_SPAWN_CHILD_EXITED;

  /* g_bus_get() without any session bus address */
  return error->domain == G_IO_ERROR
      && (error->code == G_IO_ERROR_NOT_FOUND || error->code == G_IO_ERROR_FAILED);
}

/* Every task here has its account as task data. */
static void
return_error (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else if (is_no_service_error (error))
    {
      RapportMailAccount *account = g_task_get_task_data (task);

      g_debug ("No Secret Service: %s", error->message);
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_SECRET_SERVICE, "%s",
                               rapport_mail_account_is_incoming (account)
                               ? _("Reading your mailbox needs a keyring (Secret Service) to keep its password")
                               : _("Sending by SMTP needs a keyring (Secret Service); Open in Mail App still works"));
      g_error_free (error);
    }
  else
    {
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED,
                               _("The keyring could not be used: %s"), error->message);
      g_error_free (error);
    }
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailAccount *account = g_task_get_task_data (task);
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    return_error (task, error);
  else if (password == NULL)
    /* Also what a dismissed unlock prompt gives. */
    g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_PASSWORD,
                             _("No password is stored for %s on %s: enter it in Preferences"),
                             rapport_mail_account_get_username (account),
                             rapport_mail_account_get_server (account));
  else
    g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

static void
goa_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = rapport_goa_credential_finish (result, &error);

  if (secret == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Into the keyring library's own memory, freed (and wiped) like a
   * password looked up there. */
  g_task_return_pointer (task, secret_value_unref_to_password (secret_value_new (secret, -1, "text/plain"), NULL),
                         (GDestroyNotify) secret_password_free);
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* A locked keyring is unlocked through the service, which shows the system's
 * own prompt: nothing to do here for it. A GNOME online account's secret
 * is GOA's: asked of it at each connection, never kept in Rapport's
 * entries. */
void
rapport_mail_secret_lookup_async (RapportMailAccount  *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_secret_lookup_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  if (rapport_mail_account_get_goa_id (account) != NULL)
    {
      rapport_goa_credential_async (account, cancellable, goa_cb, task);
      return;
    }
  secret_password_lookup (schema_for (account), cancellable, lookup_cb, task,
                          "server", rapport_mail_account_get_server (account),
                          "user", rapport_mail_account_get_username (account),
                          NULL);
}

/**
 * rapport_mail_secret_lookup_finish:
 *
 * Returns: (transfer full): the password, to be freed with
 *   rapport_mail_secret_free(), or %NULL with a %RAPPORT_MAIL_ERROR
 */
char *
rapport_mail_secret_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    return_error (task, error);
  else
    g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_PASSWORD,
                             _("The keyring was not unlocked, so the password was not saved"));
}

void
rapport_mail_secret_store_async (RapportMailAccount  *account,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_secret_store_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  /* TRANSLATORS: the label of the password in the keyring: user name, server */
  if (rapport_mail_account_is_incoming (account))
    /* TRANSLATORS: the label of the password in the keyring: user name, server */
    label = g_strdup_printf (_("Rapport IMAP password for %s on %s"),
                             rapport_mail_account_get_username (account),
                             rapport_mail_account_get_server (account));
  else
    label = g_strdup_printf (_("Rapport SMTP password for %s on %s"),
                             rapport_mail_account_get_username (account),
                             rapport_mail_account_get_server (account));

  secret_password_store (schema_for (account), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, store_cb, task,
                         "server", rapport_mail_account_get_server (account),
                         "user", rapport_mail_account_get_username (account),
                         NULL);
}

gboolean
rapport_mail_secret_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean removed;

  removed = secret_password_clear_finish (result, &error);

  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_boolean (task, removed);
}

void
rapport_mail_secret_clear_async (RapportMailAccount  *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_secret_clear_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  secret_password_clear (schema_for (account), cancellable, clear_cb, task,
                         "server", rapport_mail_account_get_server (account),
                         "user", rapport_mail_account_get_username (account),
                         NULL);
}

/* Returns: %TRUE if a password was removed, %FALSE if there was none
 * (without @error) or on error. */
gboolean
rapport_mail_secret_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GList *found;

  found = secret_password_search_finish (result, &error);

  if (error != NULL)
    return_error (task, error);
  else
    g_task_return_boolean (task, found != NULL);

  g_list_free_full (found, g_object_unref);
}

/* Only asks whether an item exists: neither loads the secret nor unlocks
 * the keyring, so that opening Preferences never prompts. */
void
rapport_mail_secret_has_password_async (RapportMailAccount  *account,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mail_secret_has_password_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  secret_password_search (schema_for (account), SECRET_SEARCH_NONE, cancellable, search_cb, task,
                          "server", rapport_mail_account_get_server (account),
                          "user", rapport_mail_account_get_username (account),
                          NULL);
}

gboolean
rapport_mail_secret_has_password_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* libsecret keeps one connection to the service for the life of the
 * process; letting go of it at exit keeps the leak checker's report clean. */
void
rapport_mail_secret_disconnect (void)
{
  secret_service_disconnect ();
}

/* Wipes the memory before it is freed. */
void
rapport_mail_secret_free (char *password)
{
  if (password != NULL)
    secret_password_free (password);
}
