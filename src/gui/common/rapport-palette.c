/* rapport-palette.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-palette.h"

/**
 * rapport_palette_lookup:
 * @widget: the widget to draw in
 * @name: a named colour of the libadwaita stylesheet (accent_color,
 *   error_color, blue_3...)
 * @fallback: the colour to use under a theme that does not name it
 * @color: (out): the colour
 *
 * For what Rapport draws itself: the named colours follow the accent and
 * the dark style, as the widgets around the drawing do.
 */
void
rapport_palette_lookup (GtkWidget  *widget,
                        const char *name,
                        const char *fallback,
                        GdkRGBA    *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* GtkStyleContext is the 4.8 way to read a named colour (deprecated in 4.10). */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
