/* rapport-import-private.h
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

char           *_rapport_import_prepare_text     (const char    *data,
                                                  gsize          length,
                                                  gsize         *out_length,
                                                  GError       **error);
guint           _rapport_import_line_at          (const char    *text,
                                                  const char    *position);
const char     *_rapport_import_find_binary      (const char    *text,
                                                  gsize          length);
gboolean        _rapport_import_is_binary_char   (char           c);
char           *_rapport_import_compose_name     (const char    *given,
                                                  const char    *family);
gboolean        _rapport_import_add_unique       (GPtrArray     *list,
                                                  const char    *value);
gboolean        _rapport_import_parse_stage      (const char    *text,
                                                  RapportStage  *stage);
RapportContact *_rapport_import_new_contact      (void);

G_END_DECLS
