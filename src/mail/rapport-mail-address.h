/* rapport-mail-address.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *rapport_mail_address_parse (const char  *text,
                                  GError     **error);
char *rapport_mail_build_mailto   (const char  *address,
                                  const char  *subject,
                                  const char  *body);

/* A bare envelope address (local@domain, no name, no spaces, quotes,
 * brackets or control characters), as the SMTP account and the sender take. */
gboolean rapport_mail_address_is_valid (const char *address);

char    *rapport_mail_server_to_url_host (const char  *server,
                                          GError     **error);

G_END_DECLS
