/* rapport-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Libraries that only some actions need (EDS and libical for files, GMime,
 * libcurl and libsecret for mail) bring dozens of others whose loading and
 * relocation slowed every start. They live in modules that load on first
 * use, off the main thread (see rapport-formats.c and rapport-mail-backend.c).
 */
#define G_LOG_DOMAIN "rapport-module"

#include "config.h"

#include <gio/gio.h>
#include <gmodule.h>

#include "rapport-module.h"

/* Where a module is: $RAPPORT_MODULE_DIR (the tests), next to the program
 * (a build tree), or where it is installed. */
static char *
find_module (const char *filename)
{
  const char *env = g_getenv ("RAPPORT_MODULE_DIR");
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  const char *dirs[] = { env, exe_dir, RAPPORT_MODULE_DIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], filename, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return g_build_filename (RAPPORT_MODULE_DIR, filename, NULL);
}

gpointer
rapport_module_open (const char  *filename,
                     const char  *symbol,
                     GError     **error)
{
  g_autofree char *path = find_module (filename);
  gpointer entry = NULL;
  GModule *module;

  /* Bound now, not lazily: a symbol the program lacks fails the load with a
   * message, instead of aborting the process at its first call. */
  module = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, symbol, &entry))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, g_module_error ());
      g_warning ("Could not load %s: %s", path, g_module_error ());
      if (module != NULL)
        g_module_close (module);
      return NULL;
    }

  /* The libraries it brought stay for the life of the process. */
  g_module_make_resident (module);
  return entry;
}
