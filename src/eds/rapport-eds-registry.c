/* rapport-eds-registry.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-eds"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-eds-registry.h"


/* One registry of EDS's sources for the life of the process, as Evolution
 * and GNOME Calendar keep: it runs a thread of its own and follows the
 * sources as they come and go, so it is made once, by the first caller,
 * and the others wait for it. Never freed: the module is never unloaded. */
static ESourceRegistry *registry;
static GPtrArray *registry_waiters;   /* of GTask, each returning the registry */

static void
registry_ready_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&registry_waiters);
  g_autoptr(GError) error = NULL;
  GList *all = NULL;

  registry = e_source_registry_new_finish (result, &error);
  /* Without evolution-data-server on the bus the registry is made all
   * the same, empty: its object manager has no one to ask. A running EDS
   * always has its built-in sources (the local address book and
   * calendars), so a registry without a single source is EDS missing,
   * said as such rather than shown as a desktop with no calendars. */
  if (registry != NULL && (all = e_source_registry_list_sources (registry, NULL)) == NULL)
    {
      g_clear_object (&registry);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("evolution-data-server is not installed or not running"));
    }
  g_list_free_full (all, g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (registry != NULL)
        g_task_return_pointer (task, g_object_ref (registry), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

void
rapport_eds_registry_get_async (GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  if (registry != NULL)
    {
      g_task_return_pointer (task, g_object_ref (registry), g_object_unref);
      g_object_unref (task);
      return;
    }
  if (registry_waiters == NULL)
    {
      registry_waiters = g_ptr_array_new_with_free_func (g_object_unref);
      /* Not the caller's cancellable: the registry outlives any one call;
       * a failure (EDS missing) is tried again by the next caller. */
      e_source_registry_new (NULL, registry_ready_cb, NULL);
    }
  g_ptr_array_add (registry_waiters, task);
}

ESourceRegistry *
rapport_eds_registry_get_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
account_of (ESourceRegistry *sources,
            ESource         *source)
{
  const char *parent_uid = e_source_get_parent (source);
  g_autoptr(ESource) parent = parent_uid != NULL ? e_source_registry_ref_source (sources, parent_uid) : NULL;

  return g_strdup (parent != NULL ? e_source_get_display_name (parent) : "");
}

GPtrArray *
rapport_eds_registry_list (ESourceRegistry *sources,
                           const char      *extension)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_eds_source_free);
  GList *list = e_source_registry_list_enabled (sources, extension);

  for (GList *l = list; l != NULL; l = l->next)
    {
      ESource *source = l->data;
      ESourceBackend *backend = e_source_get_extension (source, extension);
      const char *name = e_source_backend_get_backend_name (backend);
      g_autofree char *account = NULL;

      /* Birthdays (made from the address books) and weather take no events. */
      if (g_strcmp0 (name, "contacts") == 0 || g_strcmp0 (name, "weather") == 0)
        continue;
      account = account_of (sources, source);
      g_ptr_array_add (found, rapport_eds_source_new (e_source_get_uid (source),
                                                      e_source_get_display_name (source), account));
    }
  g_list_free_full (list, g_object_unref);
  return found;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(ESourceRegistry) sources = rapport_eds_registry_get_finish (result, &error);

  if (sources == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rapport_eds_registry_list (sources, g_task_get_name (task)),
                           (GDestroyNotify) g_ptr_array_unref);
}

void
rapport_eds_registry_list_async (const char          *extension,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_registry_list_async);
  /* The task's name carries the extension to the callback. */
  g_task_set_name (task, extension);
  rapport_eds_registry_get_async (cancellable, list_cb, task);
}

GPtrArray *
rapport_eds_registry_list_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Finding one source by its UID {{{ */

typedef struct
{
  char       *uid;
  const char *extension;   /* static: E_SOURCE_EXTENSION_* */
} Find;

static void
find_free (Find *find)
{
  g_free (find->uid);
  g_free (find);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(ESourceRegistry) sources = rapport_eds_registry_get_finish (result, &error);
  ESource *source;

  if (sources == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  source = e_source_registry_ref_source (sources, find->uid);
  if (source == NULL || !e_source_has_extension (source, find->extension))
    {
      g_clear_object (&source);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               g_str_equal (find->extension, E_SOURCE_EXTENSION_CALENDAR)
                               ? _("The calendar no longer exists") : _("The address book no longer exists"));
      return;
    }
  g_task_return_pointer (task, source, g_object_unref);
}

/**
 * rapport_eds_registry_find_async:
 * @extension: E_SOURCE_EXTENSION_ADDRESS_BOOK or E_SOURCE_EXTENSION_CALENDAR
 *
 * The source @uid names, as the registry has it once it is there; one the
 * user removed (or that is no longer an address book or a calendar) is
 * %G_IO_ERROR_NOT_FOUND, said in words.
 */
void
rapport_eds_registry_find_async (const char          *uid,
                                 const char          *extension,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Find *find = g_new0 (Find, 1);

  g_task_set_source_tag (task, rapport_eds_registry_find_async);
  find->uid = g_strdup (uid);
  find->extension = extension;
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);
  rapport_eds_registry_get_async (cancellable, find_cb, task);
}

ESource *
rapport_eds_registry_find_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
