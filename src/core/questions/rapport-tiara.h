/* rapport-tiara.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The five TIARA areas of a meeting's questions, in the order they are best
 * asked; NONE for a question of none of them. The values are stored
 * (question.tiara): never renumber them. */
typedef enum
{
  RAPPORT_TIARA_NONE,
  RAPPORT_TIARA_TRENDS,
  RAPPORT_TIARA_INSIGHTS,
  RAPPORT_TIARA_ADVICE,
  RAPPORT_TIARA_RESOURCES,
  RAPPORT_TIARA_ASSIGNMENTS,
} RapportTiara;

#define RAPPORT_N_TIARA (RAPPORT_TIARA_ASSIGNMENTS + 1)

/* Returns the area of @item, one element of the array being ordered. */
typedef RapportTiara (*RapportTiaraFunc) (gpointer item,
                                          gpointer user_data);

const char *rapport_tiara_get_name        (RapportTiara      tiara);
const char *rapport_tiara_get_description (RapportTiara      tiara);
gboolean    rapport_tiara_order           (GPtrArray        *items,
                                           RapportTiaraFunc  tiara_of,
                                           gpointer          user_data);

G_END_DECLS
