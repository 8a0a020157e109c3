/* rapport-imap-client.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libetpan/libetpan.h>

#include "rapport-imap-stream.h"
#include "rapport-mail-account.h"

G_BEGIN_DECLS

/* One logged-in IMAP connection, used from one worker thread. */
typedef struct
{
  mailimap           *imap;
  RapportImapStream   io;
  GSocketConnection  *connection;
  char               *server;
} RapportImapClient;

RapportImapClient *rapport_imap_client_connect (RapportMailAccount  *account,
                                                const char          *password,
                                                GCancellable        *cancellable,
                                                GError             **error);
void               rapport_imap_client_close   (RapportImapClient   *client);
gboolean           rapport_imap_client_fail    (RapportImapClient   *client,
                                                int                  rc,
                                                GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImapClient, rapport_imap_client_close)

G_END_DECLS
