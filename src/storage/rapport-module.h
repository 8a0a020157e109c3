/* rapport-module.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens one of Rapport's modules (rapport-formats.so, rapport-mail.so) and
 * returns its entry point @symbol. It reads from disk: call it from a worker
 * thread. Never unloaded. */
gpointer rapport_module_open (const char  *filename,
                              const char  *symbol,
                              GError     **error);

G_END_DECLS
