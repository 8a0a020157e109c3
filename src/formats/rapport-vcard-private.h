/* rapport-vcard-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

/* libebook-contacts.h pulls in all of libedataserver, whose e-flag.h still
 * declares functions with the deprecated GTimeVal. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook-contacts/libebook-contacts.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-contact.h"

G_BEGIN_DECLS

/* Where a property handed to EVCard came from: cards reach EVCard one
 * cleaned line per property, in order, so the n-th attribute EVCard returns
 * came from the n-th origin. */
typedef struct
{
  guint line;
  guint has_charset : 1;
} RapportVCardOrigin;

gboolean        _rapport_vcard_equal_nocase  (const char   *text,
                                              gsize         length,
                                              const char   *word);
const char     *_rapport_vcard_skip_name     (const char   *line,
                                              const char  **name,
                                              gsize        *name_length);
const char     *_rapport_vcard_find_value    (const char   *p);
gboolean        _rapport_vcard_set_malformed (GError      **error,
                                              guint         line);
gboolean        _rapport_vcard_add_property  (GString      *card,
                                              GArray       *origins,
                                              const char   *line,
                                              guint         line_number,
                                              GError      **error);
RapportContact *_rapport_vcard_to_contact    (EVCard       *vcard,
                                              GArray       *origins,
                                              guint         card_line,
                                              GError      **error);

G_END_DECLS
