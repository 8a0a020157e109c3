/* rapport-mail-backend.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMime, libcurl and libsecret bring some thirty libraries that every start
 * of Rapport paid for (16 ms and 6 MB on a bare window), though they are
 * needed only to send mail or to touch its password. They live in
 * rapport-mail.so, loaded on first use, off the main thread; the functions
 * below keep the names the rest of the program calls. An asynchronous call
 * made before the module is loaded waits for it; one that cannot load it
 * reports why through its callback.
 */
#define G_LOG_DOMAIN "rapport-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-module.h"
#include "rapport-mail-backend.h"
#include "rapport-mail-message.h"
#include "rapport-mail-secret.h"
#include "rapport-mail-sender.h"

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-mail.so", RAPPORT_MAIL_BACKEND_SYMBOL);

/* Loading {{{ */

/* The module's functions, once it is loaded. */
static const RapportMailBackend *
loaded (void)
{
  return rapport_module_peek_table (&module);
}

static void
prefix_error (GError **error)
{
  /* Translators: the reason from the system's loader follows */
  g_prefix_error (error, _("Rapport’s support for sending mail could not be loaded: "));
}

const RapportMailBackend *
rapport_mail_backend_load (GError **error)
{
  const RapportMailBackend *backend = rapport_module_get_table (&module, error);

  if (backend == NULL)
    prefix_error (error);
  return backend;
}

/* }}} */
/* Calls that wait for the module {{{ */

typedef enum
{
  CALL_LOOKUP,
  CALL_STORE,
  CALL_CLEAR,
  CALL_HAS_PASSWORD,
  CALL_SEND,
  CALL_TEST,
} CallKind;

typedef struct
{
  CallKind             kind;
  gpointer             tag;          /* the trampoline, for its _finish */
  RapportMailAccount  *account;
  char                *password;     /* wiped when freed */
  char                *to_name;
  char                *to_address;
  char                *subject;
  char                *body;
  GCancellable        *cancellable;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Call;

static void
call_free (Call *call)
{
  if (call->password != NULL)
    memset (call->password, 0, strlen (call->password));
  g_free (call->password);
  g_clear_object (&call->account);
  g_free (call->to_name);
  g_free (call->to_address);
  g_free (call->subject);
  g_free (call->body);
  g_clear_object (&call->cancellable);
  g_free (call);
}

static Call *
call_new (CallKind             kind,
          gpointer             tag,
          RapportMailAccount  *account,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->tag = tag;
  call->account = g_object_ref (account);
  call->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  call->callback = callback;
  call->user_data = user_data;
  return call;
}

static void
call_run (Call *call)
{
  const RapportMailBackend *b = loaded ();

  switch (call->kind)
    {
    case CALL_LOOKUP:
      b->secret_lookup_async (call->account, call->cancellable, call->callback, call->user_data);
      break;
    case CALL_STORE:
      b->secret_store_async (call->account, call->password, call->cancellable, call->callback, call->user_data);
      break;
    case CALL_CLEAR:
      b->secret_clear_async (call->account, call->cancellable, call->callback, call->user_data);
      break;
    case CALL_HAS_PASSWORD:
      b->secret_has_password_async (call->account, call->cancellable, call->callback, call->user_data);
      break;
    case CALL_SEND:
      b->send_async (call->account, call->to_name, call->to_address, call->subject, call->body,
                     call->cancellable, call->callback, call->user_data);
      break;
    case CALL_TEST:
      b->test_async (call->account, call->cancellable, call->callback, call->user_data);
      break;
    default:
      g_assert_not_reached ();
    }
  call_free (call);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;
  GError *error = NULL;

  if (!rapport_module_load_finish (result, &error))
    {
      prefix_error (&error);
      g_task_report_error (NULL, call->callback, call->user_data, call->tag, error);
      call_free (call);
      return;
    }
  call_run (call);
}

static void
dispatch (Call *call)
{
  if (rapport_module_peek_table (&module) != NULL)
    call_run (call);
  else
    rapport_module_load_async (&module, NULL, loaded_cb, call);
}

/* The module could not be loaded: the error reported by loaded_cb(). */
static gboolean
reported (GAsyncResult  *result,
          gpointer       tag,
          GError       **error)
{
  if (!g_async_result_is_tagged (result, tag))
    return FALSE;
  g_task_propagate_pointer (G_TASK (result), error);
  return TRUE;
}

/* }}} */
/* rapport-mail-message.h {{{ */

GBytes *
rapport_mail_message_build (const char  *from_name,
                            const char  *from_address,
                            const char  *to_name,
                            const char  *to_address,
                            const char  *subject,
                            const char  *body,
                            GDateTime   *date,
                            char       **message_id,
                            GError     **error)
{
  const RapportMailBackend *b = rapport_mail_backend_load (error);

  return b != NULL ? b->message_build (from_name, from_address, to_name, to_address, subject, body, date,
                                       message_id, error) : NULL;
}

/* }}} */
/* rapport-mail-secret.h {{{ */

void
rapport_mail_secret_lookup_async (RapportMailAccount  *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  dispatch (call_new (CALL_LOOKUP, rapport_mail_secret_lookup_async, account, cancellable, callback, user_data));
}

char *
rapport_mail_secret_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  if (reported (result, rapport_mail_secret_lookup_async, error))
    return NULL;
  return loaded ()->secret_lookup_finish (result, error);
}

void
rapport_mail_secret_store_async (RapportMailAccount  *account,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Call *call = call_new (CALL_STORE, rapport_mail_secret_store_async, account, cancellable, callback, user_data);

  call->password = g_strdup (password);
  dispatch (call);
}

gboolean
rapport_mail_secret_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  if (reported (result, rapport_mail_secret_store_async, error))
    return FALSE;
  return loaded ()->secret_store_finish (result, error);
}

void
rapport_mail_secret_clear_async (RapportMailAccount  *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  dispatch (call_new (CALL_CLEAR, rapport_mail_secret_clear_async, account, cancellable, callback, user_data));
}

gboolean
rapport_mail_secret_clear_finish (GAsyncResult  *result,
                                  GError       **error)
{
  if (reported (result, rapport_mail_secret_clear_async, error))
    return FALSE;
  return loaded ()->secret_clear_finish (result, error);
}

void
rapport_mail_secret_has_password_async (RapportMailAccount  *account,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  dispatch (call_new (CALL_HAS_PASSWORD, rapport_mail_secret_has_password_async, account, cancellable,
                      callback, user_data));
}

gboolean
rapport_mail_secret_has_password_finish (GAsyncResult  *result,
                                         GError       **error)
{
  if (reported (result, rapport_mail_secret_has_password_async, error))
    return FALSE;
  return loaded ()->secret_has_password_finish (result, error);
}

/* Only a loaded module has a connection to let go of. */
void
rapport_mail_secret_disconnect (void)
{
  const RapportMailBackend *b = loaded ();

  if (b != NULL)
    b->secret_disconnect ();
}

void
rapport_mail_secret_free (char *password)
{
  const RapportMailBackend *b = loaded ();

  if (password == NULL)
    return;
  if (b != NULL)
    {
      b->secret_free (password);
      return;
    }
  memset (password, 0, strlen (password));
  g_free (password);
}

/* }}} */
/* rapport-mail-sender.h {{{ */

void
rapport_mail_sender_send_async (RapportMailAccount  *account,
                                const char          *to_name,
                                const char          *to_address,
                                const char          *subject,
                                const char          *body,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Call *call = call_new (CALL_SEND, rapport_mail_sender_send_async, account, cancellable, callback, user_data);

  call->to_name = g_strdup (to_name);
  call->to_address = g_strdup (to_address);
  call->subject = g_strdup (subject);
  call->body = g_strdup (body);
  dispatch (call);
}

char *
rapport_mail_sender_send_finish (GAsyncResult  *result,
                                 GError       **error)
{
  if (reported (result, rapport_mail_sender_send_async, error))
    return NULL;
  return loaded ()->send_finish (result, error);
}

void
rapport_mail_sender_test_async (RapportMailAccount  *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  dispatch (call_new (CALL_TEST, rapport_mail_sender_test_async, account, cancellable, callback, user_data));
}

gboolean
rapport_mail_sender_test_finish (GAsyncResult  *result,
                                 GError       **error)
{
  if (reported (result, rapport_mail_sender_test_async, error))
    return FALSE;
  return loaded ()->test_finish (result, error);
}

/* }}} */
