/* rapport-module.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RapportModule:
 * @filename: the module's file, e.g. "rapport-formats.so"
 * @symbol: its one entry point, a function that returns its table of
 *   functions
 *
 * One of Rapport's modules (rapport-formats.so, rapport-mail.so): libraries
 * that only some actions need, loaded on first use, off the main thread, and
 * never unloaded. Declare one statically with RAPPORT_MODULE_INIT().
 */
typedef struct
{
  const char    *filename;
  const char    *symbol;
  /*< private >*/
  GOnce          once;
  gconstpointer  table;
  char          *error;
} RapportModule;

#define RAPPORT_MODULE_INIT(filename, symbol) { (filename), (symbol), G_ONCE_INIT, NULL, NULL }

/* The module's table, loading it the first time. Loading reads from disk:
 * call it from a worker thread, or use rapport_module_load_async(). */
gconstpointer rapport_module_get_table   (RapportModule        *module,
                                          GError              **error);
/* The table if the module is loaded, else NULL; never loads. */
gconstpointer rapport_module_peek_table  (RapportModule        *module);
void          rapport_module_load_async  (RapportModule        *module,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean      rapport_module_load_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
