/* rapport-coaching.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-template.h"

G_BEGIN_DECLS

/* One piece of advice on a message being written. */
typedef struct
{
  const char *id;      /* "referrer-early", "short-time", "length", "subject", "helpful", "next-steps";
                        * a first request's: "first-length", "connection-first", "ask-question",
                        * "general-interest", "no-job-ask", "about-them" */
  gboolean    passed;
  char       *label;   /* translated, e.g. "Names the referrer early" */
  char       *hint;    /* translated: why it matters, what to do */
} RapportCoachingCheck;

GPtrArray *rapport_coaching_check       (RapportTemplatePurpose  purpose,
                                         const char             *subject,
                                         const char             *body,
                                         const char             *referrer,
                                         guint                   word_limit,
                                         guint                   first_word_limit);
guint      rapport_coaching_count_words (const char             *text);
char      *rapport_coaching_first_sentence (const char          *body);

G_END_DECLS
