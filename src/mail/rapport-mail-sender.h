/* rapport-mail-sender.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-account.h"

G_BEGIN_DECLS

void      rapport_mail_sender_send_async  (RapportMailAccount   *account,
                                           const char           *to_name,
                                           const char           *to_address,
                                           const char           *subject,
                                           const char           *body,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char     *rapport_mail_sender_send_finish (GAsyncResult         *result,
                                           GError              **error);
void      rapport_mail_sender_test_async  (RapportMailAccount   *account,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  rapport_mail_sender_test_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
