/* rapport-contact-import.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-file.h"
#include "rapport-contact-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_added;
  guint n_merged;
  guint n_skipped;
} RapportImportResult;

/* What an import would do, before it does it. */
typedef struct
{
  guint n_new;         /* contacts the user does not have yet */
  guint n_existing;    /* the same person as a contact the user has */
  guint n_repeated;    /* the same person as one earlier in the file */
} RapportImportPreview;

void      rapport_contact_import_find_duplicates_async  (RapportContactStore  *store,
                                                         RapportContactFile   *file,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean  rapport_contact_import_find_duplicates_finish (RapportContactStore  *store,
                                                         GAsyncResult         *result,
                                                         RapportImportPreview *out_preview,
                                                         GError              **error);
void      rapport_contact_import_run_async              (RapportContactStore  *store,
                                                         RapportContactFile   *file,
                                                         gboolean              merge_duplicates,
                                                         gint                 *progress,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean  rapport_contact_import_run_finish             (RapportContactStore  *store,
                                                         GAsyncResult         *result,
                                                         RapportImportResult  *out_result,
                                                         GError              **error);

G_END_DECLS
