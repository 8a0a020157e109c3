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

/* All run synchronously and share no state: for a large file, call them
 * from a GTask thread. rapport_vcard_parse() is rapport_vcard_read() for
 * a file in memory, keeping every contact. */
/* @contact is the card read, which the function takes; or %NULL, with
 * @invalid saying why, for a card that cannot be imported on its own (see
 * _rapport_import_is_row_error()). Returning %FALSE with @error set stops. */
typedef gboolean (*RapportVCardFunc) (RapportContact  *contact,
                                      const GError    *invalid,
                                      gpointer         user_data,
                                      GError         **error);

gboolean    rapport_vcard_read  (GInputStream     *stream,
                                 RapportVCardFunc  func,
                                 gpointer          user_data,
                                 GCancellable     *cancellable,
                                 GError          **error);
GPtrArray  *rapport_vcard_parse (const char    *data,
                                 gsize          length,
                                 GCancellable  *cancellable,
                                 GError       **error);
char      *rapport_vcard_write (GPtrArray   *contacts);

G_END_DECLS
