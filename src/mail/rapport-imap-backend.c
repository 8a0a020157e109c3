/* rapport-imap-backend.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libetpan and GMime, for reading the user's mailbox, live in
 * rapport-imap.so, loaded the first time a sync or a connection test runs,
 * on the worker thread that runs it: a start of Rapport never pays for them.
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-imap-backend.h"
#include "rapport-module.h"

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-imap.so", RAPPORT_IMAP_BACKEND_SYMBOL);

void
rapport_imap_sync_result_free (RapportImapSyncResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->folders, g_ptr_array_unref);
  g_clear_pointer (&result->matches, g_ptr_array_unref);
  g_clear_error (&result->error);
  g_free (result);
}

typedef struct
{
  RapportMailAccount *account;
  char               *password;   /* wiped when freed */
  RapportMailIndex   *index;
  guint               days;      /* of a sync's first look */
  guint               seconds;   /* of a wait */
  GPtrArray          *folders;
} Call;

static void
call_free (Call *call)
{
  if (call->password != NULL)
    memset (call->password, 0, strlen (call->password));
  g_free (call->password);
  g_clear_object (&call->account);
  g_clear_pointer (&call->index, rapport_mail_index_unref);
  g_clear_pointer (&call->folders, g_ptr_array_unref);
  g_free (call);
}

static const RapportImapBackend *
load (GError **error)
{
  const RapportImapBackend *backend = rapport_module_get_table (&module, error);

  if (backend == NULL)
    /* Translators: the reason from the system's loader follows */
    g_prefix_error (error, _("Rapport’s support for reading mail could not be loaded: "));
  return backend;
}

static Call *
call_new (RapportMailAccount *account,
          const char         *password)
{
  Call *call = g_new0 (Call, 1);

  call->account = g_object_ref (account);
  call->password = g_strdup (password);
  return call;
}

/* Runs @thread with @call as the task's data, on a worker. */
static void
run_call (Call                *call,
          gpointer             source_tag,
          GTaskThreadFunc      thread,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  g_task_run_in_thread (task, thread);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Call *call = task_data;
  const RapportImapBackend *backend;
  RapportImapSyncResult *result;
  GError *error = NULL;

  backend = load (&error);
  if (backend == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (RapportImapSyncResult, 1);
  result->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_mail_folder_state_free);
  for (guint i = 0; i < call->folders->len; i++)
    {
      RapportMailFolderState *state = call->folders->pdata[i];
      RapportMailFolderState *copy = rapport_mail_folder_state_new (state->name);

      copy->uidvalidity = state->uidvalidity;
      copy->last_uid = state->last_uid;
      copy->modseq = state->modseq;
      g_ptr_array_add (result->folders, copy);
    }
  result->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_mail_match_free);
  backend->sync (call->account, call->password, call->index, call->days, result->folders, result->matches,
                 cancellable, &result->error);
  g_task_return_pointer (task, result, (GDestroyNotify) rapport_imap_sync_result_free);
}

void
rapport_imap_sync_async (RapportMailAccount  *account,
                         const char          *password,
                         RapportMailIndex    *index,
                         guint                days,
                         GPtrArray           *folders,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Call *call;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (password != NULL && index != NULL && folders != NULL);

  call = call_new (account, password);
  call->index = rapport_mail_index_ref (index);
  call->days = days;
  call->folders = g_ptr_array_ref (folders);
  run_call (call, rapport_imap_sync_async, sync_thread, cancellable, callback, user_data);
}

/**
 * rapport_imap_sync_finish:
 *
 * Returns: (transfer full): the folders' states and the matches, with
 *   the error that stopped the sync early if any; %NULL with @error set
 *   only when the module could not be loaded or the call was cancelled
 *   before it began
 */
RapportImapSyncResult *
rapport_imap_sync_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Call *call = task_data;
  const RapportImapBackend *backend;
  GError *error = NULL;

  backend = load (&error);
  if (backend != NULL && backend->test (call->account, call->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Connects and logs in, then logs out: what "Test Connection" does. */
void
rapport_imap_test_async (RapportMailAccount  *account,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  run_call (call_new (account, password), rapport_imap_test_async, test_thread, cancellable, callback, user_data);
}

gboolean
rapport_imap_test_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
wait_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Call *call = task_data;
  const RapportImapBackend *backend;
  GError *error = NULL;
  gboolean news;

  backend = load (&error);
  if (backend == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  news = backend->wait (call->account, call->password, call->seconds, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, news);
}

/* Waits on the server, for up to @seconds, until INBOX gets new mail. The
 * wait holds a worker thread and a connection for that long: one at a
 * time, cancelled before each sync. */
void
rapport_imap_wait_async (RapportMailAccount  *account,
                         const char          *password,
                         guint                seconds,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Call *call;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (password != NULL && seconds > 0);

  call = call_new (account, password);
  call->seconds = seconds;
  run_call (call, rapport_imap_wait_async, wait_thread, cancellable, callback, user_data);
}

/**
 * rapport_imap_wait_finish:
 *
 * Returns: %TRUE when INBOX got new mail, %FALSE when the time passed
 *   without (and @error unset), or on error (%G_IO_ERROR_NOT_SUPPORTED
 *   when the server offers no IDLE)
 */
gboolean
rapport_imap_wait_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
