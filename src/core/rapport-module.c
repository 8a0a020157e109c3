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

typedef gconstpointer (*GetTable) (void);

static gpointer
load_once (gpointer data)
{
  RapportModule *module = data;
  g_autofree char *path = find_module (module->filename);
  GetTable get = NULL;
  GModule *handle;

  /* Bound now, not lazily: a symbol the program lacks fails the load with a
   * message, instead of aborting the process at its first call. */
  handle = g_module_open (path, G_MODULE_BIND_LOCAL);
  if (handle == NULL || !g_module_symbol (handle, module->symbol, (gpointer *) &get))
    {
      module->error = g_strdup (g_module_error ());
      g_warning ("Could not load %s: %s", path, module->error);
      if (handle != NULL)
        g_module_close (handle);
      return NULL;
    }

  /* The libraries it brought stay for the life of the process. */
  g_module_make_resident (handle);
  g_atomic_pointer_set (&module->table, get ());
  return (gpointer) module->table;
}

gconstpointer
rapport_module_get_table (RapportModule  *module,
                          GError        **error)
{
  g_once (&module->once, load_once, module);
  if (module->table == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, module->error != NULL ? module->error : "");
  return module->table;
}

gconstpointer
rapport_module_peek_table (RapportModule *module)
{
  return g_atomic_pointer_get (&module->table);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (rapport_module_get_table (task_data, &error) != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rapport_module_load_async (RapportModule       *module,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_module_load_async);
  g_task_set_task_data (task, module, NULL);
  g_task_run_in_thread (task, load_thread);
}

gboolean
rapport_module_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
