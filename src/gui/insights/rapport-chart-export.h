/* rapport-chart-export.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-image-export.h"

G_BEGIN_DECLS

GBytes *rapport_chart_render (GtkWidget           *chart,
                              const char          *title,
                              const char          *description,
                              RapportImageFormat   format,
                              GError             **error);

G_END_DECLS
