/* rapport-contact-file-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-file.h"
#include "rapport-import-private.h"

G_BEGIN_DECLS

/* Where the file's contacts are staged, for the import's own scratch
 * tables (the keys of the duplicate check). */
RapportImportStage *_rapport_contact_file_get_stage (RapportContactFile *self);

G_END_DECLS
