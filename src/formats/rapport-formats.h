/* rapport-formats.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-ics.h"
#include "rapport-vcard.h"

G_BEGIN_DECLS

/* The vCard and iCalendar code, which is loaded from its own module on first
 * use (see rapport-formats.c for why). */
typedef struct
{
  gboolean   (*vcard_read)   (GInputStream *stream, RapportVCardFunc func, gpointer user_data,
                             GCancellable *cancellable, GError **error);
  char      *(*vcard_write)  (GPtrArray *contacts);
  char      *(*ics_make_uid) (gint64 id, const char *salt);
  char      *(*ics_write)    (const RapportIcsEvent *events, guint n_events, GError **error);
} RapportFormats;

#define RAPPORT_FORMATS_MODULE_SYMBOL "rapport_formats_module_get"

const RapportFormats *rapport_formats_load        (GError             **error);
void                  rapport_formats_load_async  (GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean              rapport_formats_load_finish (GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
