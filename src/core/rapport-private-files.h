/* rapport-private-files.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each returns 0, or the errno of what failed. */
int rapport_private_folder_ensure (const char *path,
                                   gboolean   *tightened);
int rapport_private_file_ensure   (const char *path,
                                   gboolean    create);

G_END_DECLS
