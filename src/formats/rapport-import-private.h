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

gboolean        _rapport_import_is_binary_char   (char           c);
char           *_rapport_import_compose_name     (const char    *given,
                                                  const char    *family);
gboolean        _rapport_import_parse_stage      (const char    *text,
                                                  RapportStage  *stage);
RapportContact *_rapport_import_new_contact      (void);

/* How many lines (or rows) a reader goes between two looks at its
 * cancellable: often enough that Cancel stops it within milliseconds. */
#define RAPPORT_IMPORT_CANCEL_LINES 4096

void            _rapport_import_drop_array       (GPtrArray     *array);

/* Whether @error is about one row or card alone (no name, an unknown stage,
 * a value over a cap), which an import skips and counts, rather than about
 * the file (its syntax, its encoding), which stops it. */
gboolean        _rapport_import_is_row_error     (const GError  *error);

/* A contact's values of one kind come from strangers' files: one card held
 * 100,000 addresses. More than this many of one kind is refused. */
#define RAPPORT_IMPORT_MAX_VALUES 1000

/* The longest value a field may hold: a note may be a long one (a meeting's
 * write-up pasted in), a name, an address or a title never is; anything
 * longer is a damaged or hostile file. And the largest file read at all. */
#define RAPPORT_IMPORT_MAX_FIELD     (64 * 1024)
#define RAPPORT_IMPORT_MAX_NOTE      (1024 * 1024)
#define RAPPORT_IMPORT_MAX_FILE_SIZE (G_GINT64_CONSTANT (1) << 30)

gboolean        _rapport_import_check_length     (const char    *value,
                                                  gboolean       is_note,
                                                  guint          line,
                                                  GError       **error);

/*
 * The distinct values of one kind (a contact's addresses, phones or tags),
 * in the order they came but with the preferred ones first; "distinct"
 * ignores ASCII case and surrounding white space. A hash set, so that adding
 * is constant time however many a file holds. All zeros is an empty set.
 */
typedef struct
{
  GPtrArray  *preferred;
  GPtrArray  *others;
  GHashTable *seen;
} RapportValueSet;

void            _rapport_value_set_clear         (RapportValueSet *set);
gboolean        _rapport_value_set_add           (RapportValueSet *set,
                                                  const char      *value,
                                                  gboolean         preferred);
guint           _rapport_value_set_count         (const RapportValueSet *set);
GPtrArray      *_rapport_value_set_steal         (RapportValueSet *set);

typedef enum
{
  RAPPORT_VALUE_EMAIL,
  RAPPORT_VALUE_PHONE,
  RAPPORT_VALUE_TAG,
} RapportValueKind;

gboolean        _rapport_value_set_check_size    (const RapportValueSet *set,
                                                  RapportValueKind       kind,
                                                  guint                  line,
                                                  GError               **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RapportValueSet, _rapport_value_set_clear)

/* A file's lines, read from a stream a block at a time (rapport-import-lines.c). */
typedef struct _RapportImportLines RapportImportLines;

RapportImportLines *_rapport_import_lines_new             (GInputStream        *stream,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
void                _rapport_import_lines_free            (RapportImportLines  *self);
gboolean            _rapport_import_lines_next            (RapportImportLines  *self,
                                                          const char         **line,
                                                          gsize               *length,
                                                          guint               *line_number,
                                                          GError             **error);
guint               _rapport_import_lines_get_binary_line (RapportImportLines  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportLines, _rapport_import_lines_free)

/*
 * What a file holds, staged while it is read in a scratch SQLite file of
 * its own (0600, in the user's cache folder, deleted when done) rather than
 * in memory (rapport-import-stage.c): one record per row or contact, in the
 * file's order. One connection, safe to use from one thread at a time per
 * statement; the readers write it once, then the preview and the import
 * read it.
 */
typedef struct _RapportImportStage RapportImportStage;
typedef gboolean (*RapportImportStageFunc) (GVariant  *record,
                                            gpointer   user_data,
                                            GError   **error);

RapportImportStage *_rapport_import_stage_new      (GError                **error);
void                _rapport_import_stage_free     (RapportImportStage     *self);
gboolean            _rapport_import_stage_add      (RapportImportStage     *self,
                                                    GVariant               *record,
                                                    GError                **error);
gboolean            _rapport_import_stage_commit   (RapportImportStage     *self,
                                                    GError                **error);
gboolean            _rapport_import_stage_foreach  (RapportImportStage     *self,
                                                    const GVariantType     *type,
                                                    RapportImportStageFunc  func,
                                                    gpointer                user_data,
                                                    GCancellable           *cancellable,
                                                    GError                **error);

typedef struct _RapportImportKeys RapportImportKeys;

RapportImportKeys  *_rapport_import_keys_new       (RapportImportStage     *stage,
                                                    GError                **error);
void                _rapport_import_keys_free      (RapportImportKeys      *self);
int                 _rapport_import_keys_add       (RapportImportKeys      *self,
                                                    const char             *key,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportKeys, _rapport_import_keys_free)

GVariant       *_rapport_import_contact_to_variant   (RapportContact *contact);
RapportContact *_rapport_import_contact_from_variant (GVariant       *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportImportStage, _rapport_import_stage_free)

G_END_DECLS
