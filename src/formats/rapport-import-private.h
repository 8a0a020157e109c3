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

char           *_rapport_import_prepare_text     (const char    *data,
                                                  gsize          length,
                                                  gsize         *out_length,
                                                  const char   **out_binary,
                                                  GCancellable  *cancellable,
                                                  GError       **error);
guint           _rapport_import_line_at          (const char    *text,
                                                  const char    *position);
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

G_END_DECLS
