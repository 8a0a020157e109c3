/* rapport-tiara.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-tiara"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "rapport-tiara.h"

/* TIARA (Trends, Insights, Advice, Resources, Assignments) is an order for a
 * short meeting's questions: open with the big picture, which anyone can
 * talk about, move to the person's own experience and advice once the talk
 * is warm, and end with what the user can do next. */

/* With a context: "Insights" and "Advice" are also a page's and a
 * category's names, which other languages may word differently. */
static const char * const names[RAPPORT_N_TIARA] = {
  /* Translators: a question of none of the five TIARA areas */
  NC_("TIARA area", "No TIARA Area"),
  NC_("TIARA area", "Trends"),
  NC_("TIARA area", "Insights"),
  NC_("TIARA area", "Advice"),
  NC_("TIARA area", "Resources"),
  NC_("TIARA area", "Assignments"),
};

static const char * const descriptions[RAPPORT_N_TIARA] = {
  N_("Asked after the five areas"),
  N_("Where the field is heading"),
  N_("What their own experience taught them"),
  N_("What they would do in your place"),
  N_("What to read, learn or join"),
  N_("The work a newcomer is given"),
};

/**
 * rapport_tiara_get_name:
 *
 * Returns: the area's name in the user's language
 */
const char *
rapport_tiara_get_name (RapportTiara tiara)
{
  g_return_val_if_fail (tiara < RAPPORT_N_TIARA, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "TIARA area", names[tiara]);
}

/**
 * rapport_tiara_get_description:
 *
 * Returns: a few words on what the area asks about, in the user's language
 */
const char *
rapport_tiara_get_description (RapportTiara tiara)
{
  g_return_val_if_fail (tiara < RAPPORT_N_TIARA, NULL);
  return _(descriptions[tiara]);
}

typedef struct
{
  guint    rank;
  guint    index;
  gpointer item;
} Slot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * rapport_tiara_order:
 * @items: the questions in their present order; reordered in place
 * @tiara_of: gives each one's area
 *
 * Puts @items in TIARA order: Trends, Insights, Advice, Resources, then
 * Assignments, and last the questions of no area (the user's own for this
 * meeting, or the request for more names, which belongs at the end).
 * Within an area the user's order stays.
 *
 * Returns: whether the order changed
 */
gboolean
rapport_tiara_order (GPtrArray        *items,
                     RapportTiaraFunc  tiara_of,
                     gpointer          user_data)
{
  g_autofree Slot *slots = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (tiara_of != NULL, FALSE);

  if (items->len < 2)
    return FALSE;

  slots = g_new (Slot, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      RapportTiara tiara = tiara_of (items->pdata[i], user_data);

      slots[i].rank = tiara == RAPPORT_TIARA_NONE || tiara >= RAPPORT_N_TIARA ? RAPPORT_N_TIARA : tiara;
      slots[i].index = i;
      slots[i].item = items->pdata[i];
    }
  /* The index as the last key makes the sort stable, whatever qsort does. */
  qsort (slots, items->len, sizeof (Slot), compare_slots);

  for (guint i = 0; i < items->len; i++)
    {
      changed |= slots[i].index != i;
      items->pdata[i] = slots[i].item;
    }
  return changed;
}
