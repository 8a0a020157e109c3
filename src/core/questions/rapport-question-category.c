/* rapport-question-category.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-category"

#include "config.h"

#include "rapport-question-category.h"

/* A heading of the question bank with the questions filed under it, in
 * their order. A snapshot of one listing: the store makes new ones on
 * every rapport_question_store_list_async(). */
struct _RapportQuestionCategory
{
  GObject     parent_instance;

  gint64      id;
  char       *seed_key;
  char       *name;
  int         position;
  GListStore *questions;
};

G_DEFINE_FINAL_TYPE (RapportQuestionCategory, rapport_question_category, G_TYPE_OBJECT)

static void
rapport_question_category_finalize (GObject *object)
{
  RapportQuestionCategory *self = (RapportQuestionCategory *)object;

  g_clear_pointer (&self->seed_key, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (rapport_question_category_parent_class)->finalize (object);
}

static void
rapport_question_category_class_init (RapportQuestionCategoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_question_category_finalize;
}

static void
rapport_question_category_init (RapportQuestionCategory *self)
{
  self->questions = g_list_store_new (RAPPORT_TYPE_QUESTION);
}

/**
 * rapport_question_category_new:
 * @seed_key: (nullable): the built-in category's key, %NULL for the user's own
 * @name: the name as shown (already translated for a built-in one)
 */
RapportQuestionCategory *
rapport_question_category_new (gint64      id,
                               const char *seed_key,
                               const char *name,
                               int         position)
{
  RapportQuestionCategory *self = g_object_new (RAPPORT_TYPE_QUESTION_CATEGORY, NULL);

  self->id = id;
  self->seed_key = g_strdup (seed_key);
  self->name = g_strdup (name ? name : "");
  self->position = position;
  return self;
}

gint64
rapport_question_category_get_id (RapportQuestionCategory *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_CATEGORY (self), 0);
  return self->id;
}

const char *
rapport_question_category_get_seed_key (RapportQuestionCategory *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_CATEGORY (self), NULL);
  return self->seed_key;
}

/**
 * rapport_question_category_get_name:
 *
 * Returns: the name as shown: the user's own, or the built-in one translated
 */
const char *
rapport_question_category_get_name (RapportQuestionCategory *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_CATEGORY (self), NULL);
  return self->name;
}

int
rapport_question_category_get_position (RapportQuestionCategory *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_CATEGORY (self), 0);
  return self->position;
}

/**
 * rapport_question_category_get_questions:
 *
 * Returns: (transfer none): the category's #RapportQuestion items, in order;
 *   the store fills it, callers only read it
 */
GListModel *
rapport_question_category_get_questions (RapportQuestionCategory *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_CATEGORY (self), NULL);
  return G_LIST_MODEL (self->questions);
}
