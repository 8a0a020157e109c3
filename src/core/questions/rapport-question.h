/* rapport-question.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-tiara.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_QUESTION (rapport_question_get_type ())

G_DECLARE_FINAL_TYPE (RapportQuestion, rapport_question, RAPPORT, QUESTION, GObject)

RapportQuestion *rapport_question_new             (gint64           category_id,
                                                   const char      *text);
RapportQuestion *rapport_question_copy            (RapportQuestion *self);
gint64           rapport_question_get_id          (RapportQuestion *self);
void             rapport_question_set_id          (RapportQuestion *self,
                                                   gint64           id);
gint64           rapport_question_get_category_id (RapportQuestion *self);
void             rapport_question_set_category_id (RapportQuestion *self,
                                                   gint64           category_id);
const char      *rapport_question_get_seed_key    (RapportQuestion *self);
void             rapport_question_set_seed_key    (RapportQuestion *self,
                                                   const char      *seed_key);
const char      *rapport_question_get_text        (RapportQuestion *self);
void             rapport_question_set_text        (RapportQuestion *self,
                                                   const char      *text);
gboolean         rapport_question_get_starred     (RapportQuestion *self);
void             rapport_question_set_starred     (RapportQuestion *self,
                                                   gboolean         starred);
guint            rapport_question_get_use_count   (RapportQuestion *self);
void             rapport_question_set_use_count   (RapportQuestion *self,
                                                   guint            use_count);
RapportTiara     rapport_question_get_tiara       (RapportQuestion *self);
void             rapport_question_set_tiara       (RapportQuestion *self,
                                                   RapportTiara     tiara);
int              rapport_question_get_position    (RapportQuestion *self);
void             rapport_question_set_position    (RapportQuestion *self,
                                                   int              position);

G_END_DECLS
