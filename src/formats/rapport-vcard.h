/* rapport-vcard.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact.h"
#include "rapport-import-error.h"

G_BEGIN_DECLS

/* Both run synchronously and share no state: for a large file, call them
 * from a GTask thread and hand the contacts to the main thread. */
GPtrArray  *rapport_vcard_parse (const char    *data,
                                 gsize          length,
                                 GCancellable  *cancellable,
                                 GError       **error);
char      *rapport_vcard_write (GPtrArray   *contacts);

G_END_DECLS
