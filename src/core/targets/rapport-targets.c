/* rapport-targets.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The target list as it is now, read once for everyone who shows it: the
 * Organisations page and Today's "Your Focus" both watch one
 * RapportTargets (the context's), so a change of the contacts costs one
 * listing, not one per view (issues #16 and #18).
 */
#define G_LOG_DOMAIN "rapport-targets"

#include "config.h"

#include "rapport-targets.h"

struct _RapportTargets
{
  GObject              parent_instance;

  RapportContactStore *store;
  GPtrArray           *list;          /* RapportTarget, the last listing; NULL before it */
  GCancellable        *cancellable;   /* the listing in flight */
};

G_DEFINE_FINAL_TYPE (RapportTargets, rapport_targets, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportTargets *self;
  g_autoptr(GError) error = NULL;
  GPtrArray *list;

  list = rapport_target_list_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the target organisations: %s", error->message);
      return;
    }

  /* Not cancelled, so the object is still there. */
  self = user_data;
  g_clear_pointer (&self->list, g_ptr_array_unref);
  self->list = list;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rapport_targets_dispose (GObject *object)
{
  RapportTargets *self = RAPPORT_TARGETS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_targets_parent_class)->dispose (object);
}

static void
rapport_targets_finalize (GObject *object)
{
  RapportTargets *self = RAPPORT_TARGETS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->list, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_targets_parent_class)->finalize (object);
}

static void
rapport_targets_class_init (RapportTargetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_targets_dispose;
  object_class->finalize = rapport_targets_finalize;

  /* A new listing is there (rapport_targets_get_list()). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_targets_init (RapportTargets *self)
{
}

/**
 * rapport_targets_new:
 *
 * Lists the targets again after each change of @store (a rating, a new
 * organisation, a contact there), and at rapport_targets_refresh().
 */
RapportTargets *
rapport_targets_new (RapportContactStore *store)
{
  RapportTargets *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_TARGETS, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (rapport_targets_refresh), self, G_CONNECT_SWAPPED);
  return self;
}

RapportContactStore *
rapport_targets_get_store (RapportTargets *self)
{
  g_return_val_if_fail (RAPPORT_IS_TARGETS (self), NULL);

  return self->store;
}

/**
 * rapport_targets_get_list:
 *
 * Returns: (transfer none) (nullable) (element-type RapportTarget): the
 *   list in its order, %NULL until the first listing is done
 */
GPtrArray *
rapport_targets_get_list (RapportTargets *self)
{
  g_return_val_if_fail (RAPPORT_IS_TARGETS (self), NULL);

  return self->list;
}

/**
 * rapport_targets_refresh:
 *
 * Lists the targets again; a listing still running is given up for this
 * one. Nothing while the database is not open.
 */
void
rapport_targets_refresh (RapportTargets *self)
{
  g_return_if_fail (RAPPORT_IS_TARGETS (self));

  if (!rapport_database_is_open (rapport_contact_store_get_database (self->store)))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_target_list_async (self->store, self->cancellable, listed_cb, self);
}
