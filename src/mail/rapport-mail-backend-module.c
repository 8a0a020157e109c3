/* rapport-mail-backend-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gmodule.h>

#include "rapport-mail-backend.h"
#include "rapport-mail-message.h"
#include "rapport-mail-secret.h"
#include "rapport-mail-sender.h"

/* The module's one entry point. Everything else in it is hidden, so its
 * calls among themselves stay inside it; what it needs of the model (the
 * account, the error domain, the clock) it takes from the program. */
G_MODULE_EXPORT const RapportMailBackend *rapport_mail_backend_get (void);

const RapportMailBackend *
rapport_mail_backend_get (void)
{
  static const RapportMailBackend backend = {
    rapport_mail_message_build,
    rapport_mail_secret_lookup_async,
    rapport_mail_secret_lookup_finish,
    rapport_mail_secret_store_async,
    rapport_mail_secret_store_finish,
    rapport_mail_secret_clear_async,
    rapport_mail_secret_clear_finish,
    rapport_mail_secret_has_password_async,
    rapport_mail_secret_has_password_finish,
    rapport_mail_secret_disconnect,
    rapport_mail_secret_free,
    rapport_mail_sender_send_async,
    rapport_mail_sender_send_finish,
    rapport_mail_sender_test_async,
    rapport_mail_sender_test_finish,
  };

  return &backend;
}
