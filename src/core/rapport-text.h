/* rapport-text.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *rapport_text_fold          (const char *text);
gboolean  rapport_text_has_words    (const char *folded_text,
                                     const char *folded_search);
gboolean  rapport_text_is_email      (const char *text);
gboolean  rapport_text_is_web_url    (const char *text);
char    **rapport_text_split_list    (const char *text);

G_END_DECLS
