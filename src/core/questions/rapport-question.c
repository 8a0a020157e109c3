/* rapport-question.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question"

#include "config.h"

#include "rapport-question.h"

/* One question of the bank, as the store read it. The text is what the user
 * sees: a built-in question that was never edited carries its seed_key and
 * the translation of the day, not a copy kept in the database. */
struct _RapportQuestion
{
  GObject   parent_instance;

  gint64    id;
  gint64    category_id;
  char     *seed_key;
  char     *text;
  int       position;
  guint     use_count;
  guint     tiara;
  guint     starred : 1;
};

G_DEFINE_FINAL_TYPE (RapportQuestion, rapport_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CATEGORY_ID,
  PROP_SEED_KEY,
  PROP_TEXT,
  PROP_STARRED,
  PROP_USE_COUNT,
  PROP_POSITION,
  PROP_TIARA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
rapport_question_finalize (GObject *object)
{
  RapportQuestion *self = (RapportQuestion *)object;

  g_clear_pointer (&self->seed_key, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rapport_question_parent_class)->finalize (object);
}

static void
rapport_question_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_CATEGORY_ID: g_value_set_int64 (value, self->category_id); break;
    case PROP_SEED_KEY:    g_value_set_string (value, self->seed_key); break;
    case PROP_TEXT:        g_value_set_string (value, self->text); break;
    case PROP_STARRED:     g_value_set_boolean (value, self->starred); break;
    case PROP_USE_COUNT:   g_value_set_uint (value, self->use_count); break;
    case PROP_POSITION:    g_value_set_int (value, self->position); break;
    case PROP_TIARA:       g_value_set_uint (value, self->tiara); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_question_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportQuestion *self = RAPPORT_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:          rapport_question_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CATEGORY_ID: rapport_question_set_category_id (self, g_value_get_int64 (value)); break;
    case PROP_SEED_KEY:    rapport_question_set_seed_key (self, g_value_get_string (value)); break;
    case PROP_TEXT:        rapport_question_set_text (self, g_value_get_string (value)); break;
    case PROP_STARRED:     rapport_question_set_starred (self, g_value_get_boolean (value)); break;
    case PROP_USE_COUNT:   rapport_question_set_use_count (self, g_value_get_uint (value)); break;
    case PROP_POSITION:    rapport_question_set_position (self, g_value_get_int (value)); break;
    case PROP_TIARA:       rapport_question_set_tiara (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_question_class_init (RapportQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_question_finalize;
  object_class->get_property = rapport_question_get_property;
  object_class->set_property = rapport_question_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CATEGORY_ID] = g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* NULL for a question the user wrote. */
  properties[PROP_SEED_KEY] = g_param_spec_string ("seed-key", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_STARRED] = g_param_spec_boolean ("starred", NULL, NULL, FALSE, flags);
  /* How many meetings asked it. */
  properties[PROP_USE_COUNT] = g_param_spec_uint ("use-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  /* A RapportTiara: which of the five TIARA areas it asks about. */
  properties[PROP_TIARA] = g_param_spec_uint ("tiara", NULL, NULL, 0, RAPPORT_N_TIARA - 1, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_question_init (RapportQuestion *self)
{
  self->text = g_strdup ("");
}

/**
 * rapport_question_new:
 * @category_id: the category it is filed under
 * @text: (nullable): what to ask
 *
 * Returns: (transfer full): a question not yet saved (id 0)
 */
RapportQuestion *
rapport_question_new (gint64      category_id,
                      const char *text)
{
  return g_object_new (RAPPORT_TYPE_QUESTION, "category-id", category_id, "text", text ? text : "", NULL);
}

/**
 * rapport_question_copy:
 *
 * Returns: (transfer full): an independent copy, e.g. to edit in a dialog
 *   while the list keeps showing the saved one
 */
RapportQuestion *
rapport_question_copy (RapportQuestion *self)
{
  RapportQuestion *copy;

  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);

  copy = rapport_question_new (self->category_id, self->text);
  copy->id = self->id;
  copy->seed_key = g_strdup (self->seed_key);
  copy->position = self->position;
  copy->use_count = self->use_count;
  copy->starred = self->starred;
  copy->tiara = self->tiara;
  return copy;
}

#define SETTER(type, field, PROP, expr)                                    \
  g_return_if_fail (RAPPORT_IS_QUESTION (self));                           \
  if (self->field == (expr))                                               \
    return;                                                                \
  self->field = (expr);                                                    \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);

gint64
rapport_question_get_id (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->id;
}

void
rapport_question_set_id (RapportQuestion *self,
                         gint64           id)
{
  SETTER (gint64, id, PROP_ID, id)
}

gint64
rapport_question_get_category_id (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->category_id;
}

void
rapport_question_set_category_id (RapportQuestion *self,
                                  gint64           category_id)
{
  SETTER (gint64, category_id, PROP_CATEGORY_ID, category_id)
}

const char *
rapport_question_get_seed_key (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  return self->seed_key;
}

void
rapport_question_set_seed_key (RapportQuestion *self,
                               const char      *seed_key)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));

  if (set_str (&self->seed_key, seed_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED_KEY]);
}

/**
 * rapport_question_get_text:
 *
 * Returns: the text as shown to the user: the user's own words, or the
 *   built-in question translated into the current language
 */
const char *
rapport_question_get_text (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), NULL);
  return self->text;
}

void
rapport_question_set_text (RapportQuestion *self,
                           const char      *text)
{
  g_return_if_fail (RAPPORT_IS_QUESTION (self));

  if (set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

gboolean
rapport_question_get_starred (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), FALSE);
  return self->starred;
}

void
rapport_question_set_starred (RapportQuestion *self,
                              gboolean         starred)
{
  SETTER (gboolean, starred, PROP_STARRED, !!starred)
}

guint
rapport_question_get_use_count (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->use_count;
}

void
rapport_question_set_use_count (RapportQuestion *self,
                                guint            use_count)
{
  SETTER (guint, use_count, PROP_USE_COUNT, use_count)
}

int
rapport_question_get_position (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), 0);
  return self->position;
}

void
rapport_question_set_position (RapportQuestion *self,
                               int              position)
{
  SETTER (int, position, PROP_POSITION, position)
}

RapportTiara
rapport_question_get_tiara (RapportQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION (self), RAPPORT_TIARA_NONE);
  return self->tiara;
}

void
rapport_question_set_tiara (RapportQuestion *self,
                            RapportTiara     tiara)
{
  g_return_if_fail (tiara < RAPPORT_N_TIARA);
  SETTER (guint, tiara, PROP_TIARA, tiara)
}
