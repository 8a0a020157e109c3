/* rapport-imap-parse.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-match.h"

G_BEGIN_DECLS

/* The headers IMAP returned for one message, decoded (RFC 2047, IDN). */
RapportMailHeaders *rapport_imap_parse_headers (const char *header,
                                                gsize       header_len);
/* The snippet of a message from its headers and the start of its text
 * (BODY[TEXT], cut short): its first text/plain part, decoded. */
char               *rapport_imap_parse_snippet (const char *header,
                                                gsize       header_len,
                                                const char *text,
                                                gsize       text_len);

G_END_DECLS
