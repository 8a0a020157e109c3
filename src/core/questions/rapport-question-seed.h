/* rapport-question-seed.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"
#include "rapport-tiara.h"

G_BEGIN_DECLS

/* One built-in category (category_key NULL) or question. The key is stored
 * for good: never rename or reuse one, and never remove an entry, or the
 * rows seeded from it lose their text. */
typedef struct
{
  const char *key;
  const char *category_key;
  const char *text;           /* the msgid, marked N_() */
  RapportTiara tiara;         /* a question's area, set when it is seeded */
} RapportQuestionSeed;

const RapportQuestionSeed *rapport_question_seed_get_builtin (guint                      *n_seeds);
const char                *rapport_question_seed_translate   (const char                 *key);
int                        rapport_question_seed_apply       (RapportDatabase            *db,
                                                              const RapportQuestionSeed  *seeds,
                                                              guint                       n_seeds,
                                                              GError                    **error);

G_END_DECLS
