/* rapport-mail-backend.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-account.h"

G_BEGIN_DECLS

/* What rapport-mail.so does with GMime (the message), libsecret (the
 * password) and libcurl (SMTP): the functions of rapport-mail-message.h,
 * rapport-mail-secret.h and rapport-mail-sender.h, which the program calls
 * by their usual names (rapport-mail-backend.c). */
typedef struct
{
  GBytes   *(*message_build)          (const char *from_name, const char *from_address,
                                       const char *to_name, const char *to_address,
                                       const char *subject, const char *body, GDateTime *date,
                                       char **message_id, GError **error);
  void      (*secret_lookup_async)    (RapportMailAccount *account, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
  char     *(*secret_lookup_finish)   (GAsyncResult *result, GError **error);
  void      (*secret_store_async)     (RapportMailAccount *account, const char *password,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
  gboolean  (*secret_store_finish)    (GAsyncResult *result, GError **error);
  void      (*secret_clear_async)     (RapportMailAccount *account, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
  gboolean  (*secret_clear_finish)    (GAsyncResult *result, GError **error);
  void      (*secret_has_password_async) (RapportMailAccount *account, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
  gboolean  (*secret_has_password_finish) (GAsyncResult *result, GError **error);
  void      (*secret_disconnect)      (void);
  void      (*secret_free)            (char *password);
  void      (*send_async)             (RapportMailAccount *account, const char *to_name,
                                       const char *to_address, const char *subject, const char *body,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data);
  char     *(*send_finish)            (GAsyncResult *result, GError **error);
  void      (*test_async)             (RapportMailAccount *account, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
  gboolean  (*test_finish)            (GAsyncResult *result, GError **error);
} RapportMailBackend;

#define RAPPORT_MAIL_BACKEND_SYMBOL "rapport_mail_backend_get"


/* Loads rapport-mail.so the first time; it reads from disk, so only from a
 * worker thread or a test. The asynchronous functions load it themselves,
 * off the main thread. */
const RapportMailBackend *rapport_mail_backend_load (GError **error);

G_END_DECLS
