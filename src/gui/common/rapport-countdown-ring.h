/* rapport-countdown-ring.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_COUNTDOWN_RING (rapport_countdown_ring_get_type ())

G_DECLARE_FINAL_TYPE (RapportCountdownRing, rapport_countdown_ring, RAPPORT, COUNTDOWN_RING, GtkWidget)

GtkWidget  *rapport_countdown_ring_new          (void);
double      rapport_countdown_ring_get_fraction (RapportCountdownRing *self);
void        rapport_countdown_ring_set_fraction (RapportCountdownRing *self,
                                                 double                fraction);
gboolean    rapport_countdown_ring_get_overtime (RapportCountdownRing *self);
void        rapport_countdown_ring_set_overtime (RapportCountdownRing *self,
                                                 gboolean              overtime);
const char *rapport_countdown_ring_get_text     (RapportCountdownRing *self);
void        rapport_countdown_ring_set_text     (RapportCountdownRing *self,
                                                 const char           *text);

G_END_DECLS
