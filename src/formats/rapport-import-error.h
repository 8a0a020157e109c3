/* rapport-import-error.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAPPORT_IMPORT_ERROR (rapport_import_error_quark ())

/* Every message that can point at a place in the file names its 1-based line. */
typedef enum
{
  RAPPORT_IMPORT_ERROR_EMPTY,          /* nothing in the file */
  RAPPORT_IMPORT_ERROR_WRONG_FORMAT,   /* binary data, or not the format asked for */
  RAPPORT_IMPORT_ERROR_ENCODING,       /* not UTF-8, and no usable charset declared */
  RAPPORT_IMPORT_ERROR_MALFORMED,      /* a line or field breaks the format's syntax */
  RAPPORT_IMPORT_ERROR_UNBALANCED,     /* BEGIN:VCARD and END:VCARD do not pair up */
  RAPPORT_IMPORT_ERROR_RAGGED,         /* a CSV row with more or fewer fields than its header */
  RAPPORT_IMPORT_ERROR_INCOMPLETE,     /* a contact without any name or email address */
  RAPPORT_IMPORT_ERROR_INVALID_VALUE,  /* a value Rapport cannot use: unknown stage, vCard version */
  RAPPORT_IMPORT_ERROR_TOO_LARGE,      /* over a limit: too many values of one kind on a contact */
} RapportImportError;

GQuark rapport_import_error_quark (void);

G_END_DECLS
