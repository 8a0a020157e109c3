/* rapport-image-export.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_IMAGE_SVG,
  RAPPORT_IMAGE_PNG,
} RapportImageFormat;

/* Called with the file the user chose; @widget is the one that asked. */
typedef void (*RapportImageChosenFunc) (GtkWidget          *widget,
                                        RapportImageFormat  format,
                                        GFile              *file,
                                        gpointer            user_data);

void rapport_image_export_choose (GtkWidget              *widget,
                                  const char             *title,
                                  const char             *name,
                                  RapportImageFormat      format,
                                  RapportImageChosenFunc  chosen,
                                  gpointer                user_data);

G_END_DECLS
