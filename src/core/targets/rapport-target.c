/* rapport-target.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-target"

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-target-sql.h"

/* One organisation of the user's target list (the method's "LAMP" list),
 * as read: a snapshot, read again after each change. */
struct _RapportTarget
{
  GObject             parent_instance;

  gint64              organisation_id;
  char               *name;
  guint               motivation;
  guint               posting;
  gboolean            advocacy;
  gboolean            advocacy_derived;
  RapportTargetStage  stage;
  guint               n_people;
  RapportTargetStep   step;
  char               *step_person;
};

G_DEFINE_FINAL_TYPE (RapportTarget, rapport_target, G_TYPE_OBJECT)

static void
rapport_target_finalize (GObject *object)
{
  RapportTarget *self = (RapportTarget *)object;

  g_free (self->name);
  g_free (self->step_person);

  G_OBJECT_CLASS (rapport_target_parent_class)->finalize (object);
}

static void
rapport_target_class_init (RapportTargetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_target_finalize;
}

static void
rapport_target_init (RapportTarget *self)
{
}

RapportTarget *
rapport_target_new (gint64             organisation_id,
                    const char        *name,
                    guint              motivation,
                    guint              posting,
                    gboolean           advocacy,
                    gboolean           advocacy_derived,
                    RapportTargetStage stage,
                    guint              n_people,
                    RapportTargetStep  step,
                    const char        *step_person)
{
  RapportTarget *self = g_object_new (RAPPORT_TYPE_TARGET, NULL);

  self->organisation_id = organisation_id;
  self->name = g_strdup (name);
  self->motivation = motivation;
  self->posting = posting;
  self->advocacy = advocacy;
  self->advocacy_derived = advocacy_derived;
  self->stage = stage;
  self->n_people = n_people;
  self->step = step;
  self->step_person = g_strdup (step_person ? step_person : "");
  return self;
}

#define GETTER(type, field)                                   \
type                                                          \
rapport_target_get_##field (RapportTarget *self)              \
{                                                             \
  g_return_val_if_fail (RAPPORT_IS_TARGET (self), 0);         \
  return self->field;                                         \
}

GETTER (gint64, organisation_id)
GETTER (const char *, name)
GETTER (guint, motivation)
GETTER (guint, posting)
GETTER (gboolean, advocacy)
GETTER (gboolean, advocacy_derived)
GETTER (RapportTargetStage, stage)
GETTER (guint, n_people)
GETTER (RapportTargetStep, step)
GETTER (const char *, step_person)

#undef GETTER

/**
 * rapport_target_focus:
 * @targets: (element-type RapportTarget): the list in its order
 *
 * Returns: (transfer container) (element-type RapportTarget): the current
 *   focus, the first RAPPORT_TARGET_FOCUS of the list that are not parked
 */
GPtrArray *
rapport_target_focus (GPtrArray *targets)
{
  GPtrArray *focus = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < targets->len && focus->len < RAPPORT_TARGET_FOCUS; i++)
    {
      RapportTarget *target = g_ptr_array_index (targets, i);

      if (target->stage != RAPPORT_TARGET_PARKED)
        g_ptr_array_add (focus, g_object_ref (target));
    }
  return focus;
}

/* The list is the contact store's, like organisations: a write announces
 * its "changed" for all contacts (0), which the Today page follows. */
static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  rapport_contact_store_notify_changed (source_object, 0);
}

static void
run (RapportContactStore *store,
     RapportDbRunFlags    flags,
     RapportDatabaseFunc  func,
     gpointer             data,
     GDestroyNotify       data_free,
     GDestroyNotify       result_free,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  rapport_db_run (store, source_tag, rapport_contact_store_get_database (store), flags, func, data, data_free,
                  result_free, (flags & RAPPORT_DB_RUN_WRITE) ? announce : NULL, cancellable, callback, user_data);
}

void
rapport_target_list_async (RapportContactStore *store,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  run (store, RAPPORT_DB_RUN_READ, rapport_target_sql_list, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
       rapport_target_list_async, cancellable, callback, user_data);
}

/**
 * rapport_target_list_finish:
 *
 * Returns: (transfer full) (element-type RapportTarget): the target list,
 *   by Motivation, then Posting, then Advocacy
 */
GPtrArray *
rapport_target_list_finish (RapportContactStore  *store,
                            GAsyncResult         *result,
                            GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_target_list_async, error);
}

/**
 * rapport_target_add_names_async:
 * @text: organisation names, one a line
 *
 * Adds each organisation to the target list, making it where it is new.
 */
void
rapport_target_add_names_async (RapportContactStore *store,
                                const char          *text,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  run (store, RAPPORT_DB_RUN_WRITE, rapport_target_sql_add_names, g_strdup (text), g_free, g_free,
       rapport_target_add_names_async, cancellable, callback, user_data);
}

/**
 * rapport_target_add_from_contacts_async:
 *
 * Adds every organisation the user's contacts work for.
 */
void
rapport_target_add_from_contacts_async (RapportContactStore *store,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  run (store, RAPPORT_DB_RUN_WRITE, rapport_target_sql_add_from_contacts, NULL, NULL, g_free,
       rapport_target_add_names_async, cancellable, callback, user_data);
}

/**
 * rapport_target_add_finish:
 *
 * Finishes either way of adding.
 *
 * Returns: how many organisations are new to the list, or -1 with @error
 */
gint64
rapport_target_add_finish (RapportContactStore  *store,
                           GAsyncResult         *result,
                           GError              **error)
{
  g_autofree gint64 *n_added = rapport_db_run_finish (store, result, rapport_target_add_names_async, error);

  return n_added ? *n_added : -1;
}

/**
 * rapport_target_set_async:
 * @value: the new rating: Motivation 0-3, Posting 1-3, Advocacy 0 or 1,
 *   a #RapportTargetStage
 */
void
rapport_target_set_async (RapportContactStore *store,
                          gint64               organisation_id,
                          RapportTargetField   field,
                          int                  value,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  RapportTargetChange change = { organisation_id, field, value };

  run (store, RAPPORT_DB_RUN_WRITE, rapport_target_sql_set, g_memdup2 (&change, sizeof change), g_free, NULL,
       rapport_target_write_finish, cancellable, callback, user_data);
}

/**
 * rapport_target_remove_async:
 *
 * Takes the organisation off the target list; the organisation and the
 * people who work there stay.
 */
void
rapport_target_remove_async (RapportContactStore *store,
                             gint64               organisation_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  RapportTargetChange change = { organisation_id, 0, 0 };

  run (store, RAPPORT_DB_RUN_WRITE, rapport_target_sql_remove, g_memdup2 (&change, sizeof change), g_free, NULL,
       rapport_target_write_finish, cancellable, callback, user_data);
}

/* Finishes a rating's change or a removal. */
gboolean
rapport_target_write_finish (RapportContactStore  *store,
                             GAsyncResult         *result,
                             GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_target_write_finish, error);
}
