/* rapport-chart-export.c -- a chart as an SVG or PNG picture
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-svg.h>
#include <string.h>

#include "rapport-chart-export.h"
#include "rapport-palette.h"

/* The chart as it is on screen (its render nodes, drawn by cairo) on the
 * colour of its card, with a margin. The SVG's text is cairo's glyph
 * outlines, so the picture also carries its title and the chart's
 * description (the numbers, as a screen reader hears them) as <title> and
 * <desc>. Drawn on the main thread: a chart is a few hundred nodes, a few
 * milliseconds; the caller writes the bytes asynchronously. */

#define MARGIN    16.0
#define PNG_SCALE 2.0   /* sharp on a high-density screen or in print */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
draw (cairo_t       *cr,
      GskRenderNode *node,
      const GdkRGBA *background,
      double         width,
      double         height)
{
  gdk_cairo_set_source_rgba (cr, background);
  cairo_rectangle (cr, 0, 0, width + 2 * MARGIN, height + 2 * MARGIN);
  cairo_fill (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
}

/* <title> and <desc> just inside the <svg> element. */
static GBytes *
add_metadata (GByteArray *svg,
              const char *title,
              const char *description)
{
  g_autofree char *text = NULL;
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *desc_markup = g_markup_escape_text (description != NULL ? description : "", -1);
  const char *root, *end;
  GString *out;

  g_byte_array_append (svg, (const guint8 *) "", 1);   /* a string from here */
  text = (char *) g_byte_array_free (svg, FALSE);
  root = strstr (text, "<svg");
  end = root != NULL ? strchr (root, '>') : NULL;
  if (end == NULL)
    {
      gsize length = strlen (text);

      return g_bytes_new_take (g_steal_pointer (&text), length);
    }
  out = g_string_new_len (text, end + 1 - text);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title_markup, desc_markup);
  g_string_append (out, end + 1);
  return g_string_free_to_bytes (out);
}

/**
 * rapport_chart_render:
 * @chart: a chart on screen
 * @title: the chart's title, e.g. "Funnel"
 * @description: (nullable): its numbers in words
 *
 * Returns: (transfer full): the picture's bytes, or %NULL with @error set
 */
GBytes *
rapport_chart_render (GtkWidget           *chart,
                      const char          *title,
                      const char          *description,
                      RapportImageFormat   format,
                      GError             **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  GdkRGBA background;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (GTK_IS_WIDGET (chart), NULL);

  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  paintable = gtk_widget_paintable_new (chart);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  rapport_palette_lookup (chart, "card_bg_color", "#ffffff", &background);

  if (format == RAPPORT_IMAGE_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width + 2 * MARGIN, height + 2 * MARGIN);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ((width + 2 * MARGIN) * PNG_SCALE),
                                            (int) ((height + 2 * MARGIN) * PNG_SCALE));
      cairo_surface_set_device_scale (surface, PNG_SCALE, PNG_SCALE);
    }
  cr = cairo_create (surface);
  draw (cr, node, &background, width, height);
  cairo_destroy (cr);
  if (format == RAPPORT_IMAGE_SVG)
    cairo_surface_finish (surface);
  else
    cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      return NULL;
    }
  if (format == RAPPORT_IMAGE_SVG)
    return add_metadata (bytes, title, description);
  return g_byte_array_free_to_bytes (bytes);
}
