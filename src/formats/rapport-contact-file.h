/* rapport-contact-file.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-csv.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_CONTACT_FILE_VCARD,
  RAPPORT_CONTACT_FILE_LINKEDIN,
  RAPPORT_CONTACT_FILE_CSV,
} RapportContactFileFormat;

#define RAPPORT_TYPE_CONTACT_FILE (rapport_contact_file_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactFile, rapport_contact_file, RAPPORT, CONTACT_FILE, GObject)

void                      rapport_contact_file_read_async        (GFile                 *file,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
RapportContactFile       *rapport_contact_file_read_finish       (GAsyncResult          *result,
                                                                  GError               **error);
GFile                    *rapport_contact_file_get_file          (RapportContactFile    *self);
RapportContactFileFormat  rapport_contact_file_get_format        (RapportContactFile    *self);
GPtrArray                *rapport_contact_file_get_contacts      (RapportContactFile    *self);
guint                     rapport_contact_file_get_n_columns     (RapportContactFile    *self);
const char               *rapport_contact_file_get_column_title  (RapportContactFile    *self,
                                                                  guint                  column);
const char               *rapport_contact_file_get_column_sample (RapportContactFile    *self,
                                                                  guint                  column);
RapportCsvField           rapport_contact_file_get_column_field  (RapportContactFile    *self,
                                                                  guint                  column);
void                      rapport_contact_file_remap_async       (RapportContactFile    *self,
                                                                  const RapportCsvField *mapping,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean                  rapport_contact_file_remap_finish      (RapportContactFile    *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

G_END_DECLS
