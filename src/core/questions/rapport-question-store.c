/* rapport-question-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-store"

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-question-seed.h"
#include "rapport-question-sql.h"
#include "rapport-question-store.h"

struct _RapportQuestionStore
{
  GObject          parent_instance;

  RapportDatabase *database;
};

G_DEFINE_FINAL_TYPE (RapportQuestionStore, rapport_question_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (rapport-question-store-error-quark, rapport_question_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Jobs {{{ */

typedef struct
{
  gint64           id;
  gint64           other;
  char            *name;
  RapportQuestion *question;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_pointer (&job->name, g_free);
  g_clear_object (&job->question);
  g_free (job);
}

static gpointer
list_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  const RapportQuestionSeed *seeds;
  guint n_seeds;

  /* Checking costs one small read; it catches a fresh database after the
   * old one was moved aside, and the questions a newer release brings. */
  seeds = rapport_question_seed_get_builtin (&n_seeds);
  if (rapport_question_seed_apply (db, seeds, n_seeds, error) < 0)
    return NULL;

  return rapport_question_sql_list (db, error);
}

static gpointer
save_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Job *job = data;

  return rapport_db_id_result (rapport_question_sql_save (db, job->question, error));
}

static gpointer
set_starred_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  Job *job = data;

  return rapport_question_sql_set_starred (db, job->id, job->other, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
move_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  Job *job = data;

  return rapport_question_sql_move (db, job->id, job->other, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
delete_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  Job *job = data;

  return rapport_question_sql_delete (db, job->id, error);
}

static gpointer
restore_func (RapportDatabase  *db,
              gpointer          data,
              GError          **error)
{
  Job *job = data;

  return rapport_db_id_result (rapport_question_sql_restore (db, job->question, error));
}

static gpointer
add_category_func (RapportDatabase  *db,
                   gpointer          data,
                   GError          **error)
{
  Job *job = data;

  return rapport_db_id_result (rapport_question_sql_add_category (db, job->name, error));
}

static gpointer
rename_category_func (RapportDatabase  *db,
                      gpointer          data,
                      GError          **error)
{
  Job *job = data;

  return rapport_question_sql_rename_category (db, job->id, job->name, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* }}} */
/* Plumbing {{{ */

static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  g_signal_emit (source_object, signals[CHANGED], 0);
}

static void
run (RapportQuestionStore *self,
     RapportDbRunFlags     flags,
     RapportDatabaseFunc   func,
     Job                  *job,
     GDestroyNotify        result_free,
     gpointer              source_tag,
     GCancellable         *cancellable,
     GAsyncReadyCallback   callback,
     gpointer              user_data)
{
  rapport_db_run (self, source_tag, self->database, flags, func, job, job_free, result_free,
                  (flags & RAPPORT_DB_RUN_WRITE) ? announce : NULL, cancellable, callback, user_data);
}

static Job *
job_new (gint64           id,
         gint64           other,
         const char      *name,
         RapportQuestion *question)
{
  Job *job = g_new0 (Job, 1);

  job->id = id;
  job->other = other;
  job->name = g_strdup (name);
  job->question = question ? rapport_question_copy (question) : NULL;
  return job;
}

/* }}} */
/* GObject {{{ */

static void
rapport_question_store_dispose (GObject *object)
{
  RapportQuestionStore *self = (RapportQuestionStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rapport_question_store_parent_class)->dispose (object);
}

static void
rapport_question_store_class_init (RapportQuestionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_question_store_dispose;

  /**
   * RapportQuestionStore::changed:
   *
   * Emitted on the main thread once a write to the bank has committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rapport_question_store_init (RapportQuestionStore *self)
{
}

/* }}} */
/* Public API {{{ */

RapportQuestionStore *
rapport_question_store_new (RapportDatabase *database)
{
  RapportQuestionStore *self;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), NULL);

  self = g_object_new (RAPPORT_TYPE_QUESTION_STORE, NULL);
  self->database = g_object_ref (database);
  return self;
}

RapportDatabase *
rapport_question_store_get_database (RapportQuestionStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_STORE (self), NULL);

  return self->database;
}

/**
 * rapport_question_store_list_async:
 *
 * Reads the whole bank (a few hundred rows at most), seeding it first if
 * built-in entries are missing.
 */
void
rapport_question_store_list_async (RapportQuestionStore *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));

  run (self, RAPPORT_DB_RUN_READ, list_func, NULL, (GDestroyNotify) g_ptr_array_unref,
       rapport_question_store_list_async, cancellable, callback, user_data);
}

/**
 * rapport_question_store_list_finish:
 *
 * Returns: (transfer full) (element-type RapportQuestionCategory): the
 *   categories in the user's order, each with its questions in order
 *   (rapport_question_category_get_questions()), or %NULL on error
 */
GPtrArray *
rapport_question_store_list_finish (RapportQuestionStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_question_store_list_async, error);
}

/**
 * rapport_question_store_save_async:
 * @question: a new question (id 0), or an edited one; it is copied
 *
 * Saves the text, category and star. A new question goes at the end of its
 * category. An empty text fails with %RAPPORT_QUESTION_STORE_ERROR_INVALID.
 */
void
rapport_question_store_save_async (RapportQuestionStore *self,
                                   RapportQuestion      *question,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));
  g_return_if_fail (RAPPORT_IS_QUESTION (question));

  run (self, RAPPORT_DB_RUN_WRITE, save_func, job_new (0, 0, NULL, question), g_free,
       rapport_question_store_save_async, cancellable, callback, user_data);
}

/**
 * rapport_question_store_save_finish:
 *
 * Returns: the question's id, or 0 with @error set
 */
gint64
rapport_question_store_save_finish (RapportQuestionStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish_id (self, result, rapport_question_store_save_async, error);
}

void
rapport_question_store_set_starred_async (RapportQuestionStore *self,
                                          gint64                question_id,
                                          gboolean              starred,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));

  run (self, RAPPORT_DB_RUN_WRITE, set_starred_func, job_new (question_id, !!starred, NULL, NULL), NULL,
       rapport_question_store_set_starred_async, cancellable, callback, user_data);
}

gboolean
rapport_question_store_set_starred_finish (RapportQuestionStore  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_question_store_set_starred_async, error);
}

/**
 * rapport_question_store_move_async:
 *
 * Files the question at the end of @category_id.
 */
void
rapport_question_store_move_async (RapportQuestionStore *self,
                                   gint64                question_id,
                                   gint64                category_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));

  run (self, RAPPORT_DB_RUN_WRITE, move_func, job_new (question_id, category_id, NULL, NULL), NULL,
       rapport_question_store_move_async, cancellable, callback, user_data);
}

gboolean
rapport_question_store_move_finish (RapportQuestionStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_question_store_move_async, error);
}

/**
 * rapport_question_store_delete_async:
 *
 * Deletes a question for good. Meetings that asked it keep their own copy
 * of its text. A built-in question never comes back on upgrade.
 */
void
rapport_question_store_delete_async (RapportQuestionStore *self,
                                     gint64                question_id,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));

  run (self, RAPPORT_DB_RUN_WRITE, delete_func, job_new (question_id, 0, NULL, NULL), g_object_unref,
       rapport_question_store_delete_async, cancellable, callback, user_data);
}

/**
 * rapport_question_store_delete_finish:
 *
 * Returns: (transfer full): the question as it was, to hand to
 *   rapport_question_store_restore_async() for Undo; %NULL on error
 */
RapportQuestion *
rapport_question_store_delete_finish (RapportQuestionStore  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_question_store_delete_async, error);
}

/**
 * rapport_question_store_restore_async:
 * @deleted: what rapport_question_store_delete_finish() returned
 *
 * Undoes a deletion: the question returns to its place with its star, and
 * the meetings that had asked it count for it again.
 */
void
rapport_question_store_restore_async (RapportQuestionStore *self,
                                      RapportQuestion      *deleted,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));
  g_return_if_fail (RAPPORT_IS_QUESTION (deleted));

  /* Not a copy: the tombstone carries what the deletion noted. */
  job = job_new (0, 0, NULL, NULL);
  job->question = g_object_ref (deleted);
  run (self, RAPPORT_DB_RUN_WRITE, restore_func, job, g_free,
       rapport_question_store_restore_async, cancellable, callback, user_data);
}

/**
 * rapport_question_store_restore_finish:
 *
 * Returns: the restored question's id (usually its old one), or 0
 */
gint64
rapport_question_store_restore_finish (RapportQuestionStore  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  return rapport_db_run_finish_id (self, result, rapport_question_store_restore_async, error);
}

/**
 * rapport_question_store_add_category_async:
 *
 * Adds a category after the others. An empty name, or one already shown
 * (case and accents aside), fails with %RAPPORT_QUESTION_STORE_ERROR_INVALID.
 */
void
rapport_question_store_add_category_async (RapportQuestionStore *self,
                                           const char           *name,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));
  g_return_if_fail (name != NULL);

  run (self, RAPPORT_DB_RUN_WRITE, add_category_func, job_new (0, 0, name, NULL), g_free,
       rapport_question_store_add_category_async, cancellable, callback, user_data);
}

/**
 * rapport_question_store_add_category_finish:
 *
 * Returns: the new category's id, or 0 with @error set
 */
gint64
rapport_question_store_add_category_finish (RapportQuestionStore  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return rapport_db_run_finish_id (self, result, rapport_question_store_add_category_async, error);
}

void
rapport_question_store_rename_category_async (RapportQuestionStore *self,
                                              gint64                category_id,
                                              const char           *name,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_QUESTION_STORE (self));
  g_return_if_fail (name != NULL);

  run (self, RAPPORT_DB_RUN_WRITE, rename_category_func, job_new (category_id, 0, name, NULL), NULL,
       rapport_question_store_rename_category_async, cancellable, callback, user_data);
}

gboolean
rapport_question_store_rename_category_finish (RapportQuestionStore  *self,
                                               GAsyncResult          *result,
                                               GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_question_store_rename_category_async, error);
}

/* }}} */
