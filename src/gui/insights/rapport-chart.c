/* rapport-chart.c -- what the Insights charts share
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart.h"

/* GTK 4.8 has no path nodes (4.14): bars are colour nodes under a rounded
 * clip, which the GL renderer draws without cairo. */
void
rapport_chart_append_bar (GtkSnapshot           *snapshot,
                          const graphene_rect_t *rect,
                          const GdkRGBA         *color,
                          float                  radius)
{
  GskRoundedRect clip;

  if (rect->size.width <= 0 || rect->size.height <= 0)
    return;
  radius = MIN (radius, MIN (rect->size.width, rect->size.height) / 2);
  gsk_rounded_rect_init_from_rect (&clip, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

void
rapport_chart_append_text (GtkSnapshot   *snapshot,
                           PangoLayout   *layout,
                           const GdkRGBA *color,
                           float          x,
                           float          y)
{
  gtk_snapshot_save (snapshot);
  /* whole pixels, so that text is not blurred */
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((int) (x + 0.5f), (int) (y + 0.5f)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The text colour of the widget, which follows the dark style. */
void
rapport_chart_get_foreground (GtkWidget *widget,
                              GdkRGBA   *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* gtk_widget_get_color () is 4.10 */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A layout in the widget's font, or a size smaller for axes and captions
 * (as the "caption" style class does). */
PangoLayout *
rapport_chart_layout (GtkWidget  *widget,
                      const char *text,
                      gboolean    small,
                      int        *width,
                      int        *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

/* A share as a whole percentage, "40 %" in the user's language. */
char *
rapport_chart_format_percent (double share)
{
  /* Translators: a percentage; use your language's sign and spacing */
  return g_strdup_printf (_("%d %%"), (int) (share * 100 + 0.5));
}
