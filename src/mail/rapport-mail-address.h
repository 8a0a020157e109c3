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

G_END_DECLS
