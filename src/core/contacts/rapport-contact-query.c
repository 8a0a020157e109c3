/* rapport-contact-query.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include "rapport-contact-store.h"

G_DEFINE_BOXED_TYPE (RapportContactQuery, rapport_contact_query,
                     rapport_contact_query_copy, rapport_contact_query_free)

/* Query {{{ */

RapportContactQuery *
rapport_contact_query_new (void)
{
  RapportContactQuery *query = g_new0 (RapportContactQuery, 1);

  query->stage = -1;
  return query;
}

RapportContactQuery *
rapport_contact_query_copy (const RapportContactQuery *query)
{
  RapportContactQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  copy->tag = g_strdup (query->tag);
  return copy;
}

void
rapport_contact_query_free (RapportContactQuery *query)
{
  if (query == NULL)
    return;

  g_free (query->text);
  g_free (query->tag);
  g_free (query);
}

gboolean
rapport_contact_query_equal (const RapportContactQuery *a,
                             const RapportContactQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->tag, b->tag) == 0 &&
         a->stage == b->stage && a->sort == b->sort && a->limit == b->limit;
}

/**
 * rapport_contact_store_build_match:
 * @text: what the user typed
 *
 * Turns typed words into an FTS5 query in which every word is matched as a
 * prefix and all must match. Quotes are dropped, so nothing the user types
 * can be read as FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @text has no words
 */
char *
rapport_contact_store_build_match (const char *text)
{
  g_autoptr(GString) match = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return NULL;

  words = g_strsplit_set (text, " \t\n\r", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (words[i]);

      g_string_replace (word, "\"", "", 0);
      if (word->len == 0)
        continue;

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_printf (match, "\"%s\"*", word->str);
    }

  return match->len > 0 ? g_string_free (g_steal_pointer (&match), FALSE) : NULL;
}

/* }}} */
