/* rapport-csv.h
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

/* What a column holds. Several columns may map to the same field: lists
 * (emails, phones, tags) collect them all, location and notes join them,
 * and the other fields take the first one that is not empty. */
typedef enum
{
  RAPPORT_CSV_FIELD_IGNORE,
  RAPPORT_CSV_FIELD_DISPLAY_NAME,
  RAPPORT_CSV_FIELD_GIVEN_NAME,
  RAPPORT_CSV_FIELD_FAMILY_NAME,
  RAPPORT_CSV_FIELD_EMAIL,
  RAPPORT_CSV_FIELD_PHONE,
  RAPPORT_CSV_FIELD_ORGANISATION,
  RAPPORT_CSV_FIELD_ROLE,
  RAPPORT_CSV_FIELD_PROFILE_URL,
  RAPPORT_CSV_FIELD_LOCATION,
  RAPPORT_CSV_FIELD_SOURCE,
  RAPPORT_CSV_FIELD_NOTES,
  RAPPORT_CSV_FIELD_TAGS,
  RAPPORT_CSV_FIELD_STAGE,
  RAPPORT_CSV_FIELD_CONNECTED_ON,   /* LinkedIn's "Connected On": becomes the source */
  RAPPORT_CSV_FIELD_BIRTHDAY,       /* "1990-04-12" or "--04-12", as Google writes it */
} RapportCsvField;

#define RAPPORT_CSV_N_FIELDS (RAPPORT_CSV_FIELD_BIRTHDAY + 1)

typedef struct
{
  guint   line;       /* the 1-based line the row starts on */
  guint   n_fields;
  char  **fields;     /* n_fields strings, then NULL */
} RapportCsvRow;

/* All of these run synchronously and share no state, so they may run in a
 * GTask thread. rapport_csv_parse() is read, find header, guess and map in
 * one call; a column mapping dialog uses the steps one by one. */
void              rapport_csv_row_free           (RapportCsvRow          *row);

/* A header row is looked for among the first rows only. */
#define RAPPORT_CSV_MAX_HEADER_ROW 20

typedef gboolean (*RapportCsvRowFunc) (RapportCsvRow  *row,
                                       gpointer        user_data,
                                       GError        **error);

gboolean          rapport_csv_read_stream        (GInputStream           *stream,
                                                  RapportCsvRowFunc       func,
                                                  gpointer                user_data,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
GPtrArray        *rapport_csv_read               (const char             *data,
                                                  gsize                   length,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/*
 * A cell that begins with = + - @, a tab or a CR is a formula to a
 * spreadsheet, and contacts come from strangers' files: by default such a
 * cell is written behind an apostrophe, which spreadsheets hide and take to
 * mean "text" (OWASP's rule). VERBATIM writes cells as they are, for tools
 * that do not evaluate them.
 */
typedef enum
{
  RAPPORT_CSV_WRITE_DEFAULT  = 0,
  RAPPORT_CSV_WRITE_VERBATIM = 1 << 0,
} RapportCsvWriteFlags;

char             *rapport_csv_write              (GPtrArray              *contacts,
                                                  RapportCsvWriteFlags    flags);
gboolean          rapport_csv_is_guarded         (const char             *value);

const char       *rapport_csv_field_get_label    (RapportCsvField         field);
RapportCsvField  *rapport_csv_guess_mapping      (const RapportCsvRow    *header);
gboolean          rapport_csv_is_linkedin_header (const RapportCsvRow    *row);
gboolean          rapport_csv_find_header        (GPtrArray              *rows,
                                                  guint                  *header_index);
gboolean          rapport_csv_is_header          (const RapportCsvRow    *row);
gboolean          rapport_csv_check_row          (const RapportCsvRow    *header,
                                                  const RapportCsvRow    *row,
                                                  GError                **error);
gboolean          rapport_csv_row_is_empty       (const RapportCsvRow    *row);
RapportContact   *rapport_csv_map_row            (const RapportCsvRow    *row,
                                                  const RapportCsvField  *mapping,
                                                  guint                   n_columns,
                                                  GError                **error);
gboolean          rapport_csv_check_rows         (GPtrArray              *rows,
                                                  guint                   header_index,
                                                  GError                **error);
GPtrArray        *rapport_csv_map_rows           (GPtrArray              *rows,
                                                  guint                   header_index,
                                                  const RapportCsvField  *mapping,
                                                  guint                   n_columns,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
GPtrArray        *rapport_csv_parse              (const char             *data,
                                                  gsize                   length,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportCsvRow, rapport_csv_row_free)

G_END_DECLS
