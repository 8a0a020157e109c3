/* rapport-database-hooks.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include "rapport-database.h"
#include "rapport-database-private.h"

/* Work that must happen inside every write's transaction, just before it
 * commits, registered by the code that owns it (the reminder rules) so
 * that core/db does not know it. The list is replaced, never changed in
 * place: the worker runs a snapshot without holding the lock. */

typedef struct
{
  RapportDatabaseCommitHook  func;
  gpointer                   user_data;
  GDestroyNotify             destroy;
} Hook;

static void
hook_clear (gpointer data)
{
  Hook *hook = data;

  if (hook->destroy != NULL)
    hook->destroy (hook->user_data);
}

static void
hook_unref (gpointer data)
{
  g_rc_box_release_full (data, hook_clear);
}

static gpointer
hook_ref (gconstpointer data,
          gpointer      user_data)
{
  return g_rc_box_acquire ((gpointer) data);
}

void
_rapport_database_clear_commit_hooks (RapportDatabase *self)
{
  g_clear_pointer (&self->commit_hooks, g_ptr_array_unref);
  g_mutex_clear (&self->hooks_lock);
}

/* On the database thread, inside the transaction: a hook that fails rolls
 * the write back. */
gboolean
_rapport_database_run_commit_hooks (RapportDatabase  *self,
                                    GError          **error)
{
  g_autoptr(GPtrArray) hooks = NULL;

  g_mutex_lock (&self->hooks_lock);
  if (self->commit_hooks != NULL)
    hooks = g_ptr_array_ref (self->commit_hooks);
  g_mutex_unlock (&self->hooks_lock);

  for (guint i = 0; hooks != NULL && i < hooks->len; i++)
    {
      Hook *hook = g_ptr_array_index (hooks, i);

      if (!hook->func (self, hook->user_data, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * rapport_database_add_commit_hook:
 * @func: run on the database thread inside every write transaction that
 *   commits through rapport_sql_commit_or_rollback(), before COMMIT
 * @user_data: handed to @func
 * @destroy: frees @user_data when the database is finalized
 *
 * Hooks run in the order they were added and stay for the database's
 * lifetime. A hook that returns %FALSE rolls the transaction back, and its
 * error is the write's.
 */
void
rapport_database_add_commit_hook (RapportDatabase           *self,
                                  RapportDatabaseCommitHook  func,
                                  gpointer                   user_data,
                                  GDestroyNotify             destroy)
{
  GPtrArray *hooks;
  Hook *hook;

  g_return_if_fail (RAPPORT_IS_DATABASE (self));
  g_return_if_fail (func != NULL);

  hook = g_rc_box_new0 (Hook);
  hook->func = func;
  hook->user_data = user_data;
  hook->destroy = destroy;

  g_mutex_lock (&self->hooks_lock);
  if (self->commit_hooks != NULL)
    {
      hooks = g_ptr_array_copy (self->commit_hooks, hook_ref, NULL);
      g_ptr_array_set_free_func (hooks, hook_unref);
      g_ptr_array_unref (self->commit_hooks);
    }
  else
    hooks = g_ptr_array_new_with_free_func (hook_unref);
  g_ptr_array_add (hooks, hook);
  self->commit_hooks = hooks;
  g_mutex_unlock (&self->hooks_lock);
}
