/* rapport-imap-stream.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libetpan/libetpan.h>

G_BEGIN_DECLS

/* libetpan's IMAP over a GIO stream (see rapport-imap-stream.c). The
 * caller owns this and may swap @stream (STARTTLS) between commands. */
typedef struct
{
  GIOStream    *stream;
  GCancellable *cancellable;
  GError       *error;    /* the first failure of a read or write */
} RapportImapStream;

mailstream *rapport_imap_stream_open (RapportImapStream *io);

G_END_DECLS
