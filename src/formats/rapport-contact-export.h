/* rapport-contact-export.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_EXPORT_VCARD,
  RAPPORT_EXPORT_CSV,            /* cells a spreadsheet would evaluate guarded (rapport-csv.h) */
  RAPPORT_EXPORT_CSV_VERBATIM,   /* every cell as it is, for tools that evaluate nothing */
} RapportExportFormat;

RapportExportFormat rapport_contact_export_format_for_file (GFile                      *file);
void                rapport_contact_export_async           (RapportContactStore        *store,
                                                            const RapportContactQuery  *query,
                                                            GFile                      *file,
                                                            RapportExportFormat         format,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
void                rapport_contact_export_ids_async       (RapportContactStore        *store,
                                                            const gint64               *ids,
                                                            guint                       n_ids,
                                                            GFile                      *file,
                                                            RapportExportFormat         format,
                                                            GCancellable               *cancellable,
                                                            GAsyncReadyCallback         callback,
                                                            gpointer                    user_data);
guint               rapport_contact_export_finish          (RapportContactStore        *store,
                                                            GAsyncResult               *result,
                                                            GError                    **error);

G_END_DECLS
