/* rapport-question-store.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-database.h"
#include "rapport-question-category.h"
#include "rapport-question.h"

G_BEGIN_DECLS

#define RAPPORT_QUESTION_STORE_ERROR (rapport_question_store_error_quark ())

typedef enum
{
  RAPPORT_QUESTION_STORE_ERROR_INVALID,     /* an empty text or name */
  RAPPORT_QUESTION_STORE_ERROR_NOT_FOUND,   /* no such question or category */
} RapportQuestionStoreError;

#define RAPPORT_TYPE_QUESTION_STORE (rapport_question_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestionStore, rapport_question_store, RAPPORT, QUESTION_STORE, GObject)

/* The question bank over the database's single worker. Every call answers
 * on the main thread; "changed" is emitted once a write has committed.
 *
 * Reading, e.g. for a meeting's preparation:
 *
 *   rapport_question_store_list_async (store, cancellable, listed_cb, self);
 *   ...
 *   categories = rapport_question_store_list_finish (store, result, &error);
 *   for each RapportQuestionCategory in categories (in the user's order):
 *     rapport_question_category_get_name (category)       shown name
 *     rapport_question_category_get_questions (category)  GListModel of RapportQuestion
 *   rapport_question_get_text (question)                  shown text, translated
 *                                                         for an unedited built-in one
 *
 * The first listing of a database seeds it with the built-in questions, and
 * every listing adds those a newer release brought (never one the user has
 * deleted). */

GQuark                rapport_question_store_error_quark          (void);
RapportQuestionStore *rapport_question_store_new                  (RapportDatabase       *database);
RapportDatabase      *rapport_question_store_get_database         (RapportQuestionStore  *self);

void                  rapport_question_store_list_async           (RapportQuestionStore  *self,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
GPtrArray            *rapport_question_store_list_finish          (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_save_async           (RapportQuestionStore  *self,
                                                                   RapportQuestion       *question,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gint64                rapport_question_store_save_finish          (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_set_starred_async    (RapportQuestionStore  *self,
                                                                   gint64                 question_id,
                                                                   gboolean               starred,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gboolean              rapport_question_store_set_starred_finish   (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_move_async           (RapportQuestionStore  *self,
                                                                   gint64                 question_id,
                                                                   gint64                 category_id,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gboolean              rapport_question_store_move_finish          (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_delete_async         (RapportQuestionStore  *self,
                                                                   gint64                 question_id,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
RapportQuestion      *rapport_question_store_delete_finish        (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_restore_async        (RapportQuestionStore  *self,
                                                                   RapportQuestion       *deleted,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gint64                rapport_question_store_restore_finish       (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_add_category_async   (RapportQuestionStore  *self,
                                                                   const char            *name,
                                                                   GCancellable          *cancellable,
                                                                   GAsyncReadyCallback    callback,
                                                                   gpointer               user_data);
gint64                rapport_question_store_add_category_finish  (RapportQuestionStore  *self,
                                                                   GAsyncResult          *result,
                                                                   GError               **error);
void                  rapport_question_store_rename_category_async  (RapportQuestionStore  *self,
                                                                     gint64                 category_id,
                                                                     const char            *name,
                                                                     GCancellable          *cancellable,
                                                                     GAsyncReadyCallback    callback,
                                                                     gpointer               user_data);
gboolean              rapport_question_store_rename_category_finish (RapportQuestionStore  *self,
                                                                     GAsyncResult          *result,
                                                                     GError               **error);

G_END_DECLS
