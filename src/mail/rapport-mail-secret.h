/* rapport-mail-secret.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-account.h"

G_BEGIN_DECLS

/* The SMTP password lives only in the Secret Service, keyed by the
 * account's server and user name. */
void      rapport_mail_secret_lookup_async  (RapportMailAccount   *account,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *rapport_mail_secret_lookup_finish (GAsyncResult         *result,
                                             GError              **error);
void      rapport_mail_secret_store_async   (RapportMailAccount   *account,
                                             const char           *password,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  rapport_mail_secret_store_finish  (GAsyncResult         *result,
                                             GError              **error);
void      rapport_mail_secret_clear_async   (RapportMailAccount   *account,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  rapport_mail_secret_clear_finish  (GAsyncResult         *result,
                                             GError              **error);
void      rapport_mail_secret_has_password_async  (RapportMailAccount   *account,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean  rapport_mail_secret_has_password_finish (GAsyncResult         *result,
                                                   GError              **error);
void      rapport_mail_secret_disconnect          (void);
void      rapport_mail_secret_free          (char                 *password);


G_END_DECLS
