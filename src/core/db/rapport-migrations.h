/* rapport-migrations.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char * const *rapport_migrations_get (guint *n_migrations);

G_END_DECLS
