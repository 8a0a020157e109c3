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

/* How many of a file's contacts the preview shows. */
#define RAPPORT_CONTACT_FILE_SAMPLE_SIZE 5

/* Called with each contact of a file, which stays the caller's. */
typedef gboolean (*RapportContactFileFunc) (RapportContact  *contact,
                                            gpointer         user_data,
                                            GError         **error);

void                      rapport_contact_file_read_async        (GFile                 *file,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
RapportContactFile       *rapport_contact_file_read_finish       (GAsyncResult          *result,
                                                                  GError               **error);
RapportContactFile       *rapport_contact_file_new_for_contacts  (GPtrArray             *contacts,
                                                                  GError               **error);
GFile                    *rapport_contact_file_get_file          (RapportContactFile    *self);
RapportContactFileFormat  rapport_contact_file_get_format        (RapportContactFile    *self);
guint                     rapport_contact_file_get_n_contacts    (RapportContactFile    *self);
guint                     rapport_contact_file_get_n_invalid     (RapportContactFile    *self);
const char               *rapport_contact_file_get_invalid_reason (RapportContactFile   *self);
GPtrArray                *rapport_contact_file_get_sample        (RapportContactFile    *self);
gboolean                  rapport_contact_file_foreach           (RapportContactFile    *self,
                                                                  RapportContactFileFunc func,
                                                                  gpointer               user_data,
                                                                  GCancellable          *cancellable,
                                                                  GError               **error);
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
