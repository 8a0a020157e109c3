/* rapport-network-export.c -- the network as an SVG or PNG file
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <math.h>

#include "rapport-network-export.h"

/* The largest side of a PNG, in pixels: a poster, not a memory bomb. */
#define MAX_PNG_SIDE 8192.0
#define MARGIN 24.0

typedef struct
{
  RapportNetworkLoad         *load;
  RapportNetworkColors        colors;
  RapportImageFormat  format;
  GFile                      *file;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  rapport_network_load_unref (export->load);
  g_object_unref (export->file);
  g_free (export);
}

static void
append_color (GString       *svg,
              const char    *attribute,
              const GdkRGBA *color)
{
  char opacity[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\" %s-opacity=\"%s\"", attribute,
                          (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                          (int) (color->blue * 255 + 0.5), attribute,
                          g_ascii_formatd (opacity, sizeof opacity, "%.2f", color->alpha));
}

/* Written by hand rather than through cairo's SVG surface: that one turns
 * every name into glyph outlines, and a name nobody can search, copy or
 * hear read is not much of a name. Each person is a <g> with a <title>. */
static GBytes *
make_svg (Export *export)
{
  RapportNetworkGraph *graph = export->load->graph;
  const double *xy = export->load->xy;
  GString *svg = g_string_new (NULL);
  graphene_rect_t b;

  rapport_network_load_bounds (export->load, &b);
  g_string_append_printf (svg,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%.0f\" height=\"%.0f\" "
    "viewBox=\"%.1f %.1f %.1f %.1f\" font-family=\"sans-serif\" font-size=\"8\">\n"
    "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
    "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10\" fill=\"none\"",
    b.size.width + 2 * MARGIN, b.size.height + 2 * MARGIN + 14,
    b.origin.x - MARGIN, b.origin.y - MARGIN, b.size.width + 2 * MARGIN, b.size.height + 2 * MARGIN + 14);
  append_color (svg, "stroke", &export->colors.edge);
  g_string_append (svg, "/></marker></defs>\n<rect x=\"-100000\" y=\"-100000\" width=\"200000\" height=\"200000\"");
  append_color (svg, "fill", &export->colors.background);
  g_string_append (svg, "/>\n");
  /* The organisations' boxes under everything, as on screen. */
  for (guint k = 0; k < rapport_network_graph_n_groups (graph); k++)
    {
      g_autofree char *name = g_markup_escape_text (rapport_network_graph_group (graph, k)->organisation, -1);
      GdkRGBA fill = export->colors.text, line = export->colors.text;
      graphene_rect_t rect;

      rapport_network_load_group_rect (export->load, k, &rect);
      fill.alpha = 0.05f;
      line.alpha = 0.16f;
      g_string_append_printf (svg, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"12\"",
                              rect.origin.x, rect.origin.y, rect.size.width, rect.size.height);
      append_color (svg, "fill", &fill);
      append_color (svg, "stroke", &line);
      g_string_append_printf (svg, "/><text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\"",
                              rect.origin.x + 8, rect.origin.y + 12);
      append_color (svg, "fill", &export->colors.text);
      g_string_append_printf (svg, ">%s</text></g>\n", name);
    }
  g_string_append (svg, "<g stroke-width=\"1.2\"");
  append_color (svg, "stroke", &export->colors.edge);
  g_string_append (svg, ">\n");
  for (guint k = 0; k < rapport_network_graph_n_edges (graph); k++)
    {
      const RapportNetworkEdge *e = rapport_network_graph_edge (graph, k);
      double dx = xy[2 * e->to] - xy[2 * e->from], dy = xy[2 * e->to + 1] - xy[2 * e->from + 1];
      double d = hypot (dx, dy);
      double r0 = rapport_network_node_radius (rapport_network_graph_node (graph, e->from), e->from);
      double r1 = rapport_network_node_radius (rapport_network_graph_node (graph, e->to), e->to) + 1.5;

      if (d <= r0 + r1)
        continue;
      g_string_append_printf (svg, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" marker-end=\"url(#arrow)\"/>\n",
                              xy[2 * e->from] + dx / d * r0, xy[2 * e->from + 1] + dy / d * r0,
                              xy[2 * e->to] - dx / d * r1, xy[2 * e->to + 1] - dy / d * r1);
    }
  g_string_append (svg, "</g>\n");
  for (guint i = 0; i < rapport_network_graph_n_nodes (graph); i++)
    {
      const RapportNetworkNode *node = rapport_network_graph_node (graph, i);
      g_autofree char *name = g_markup_escape_text (node->name, -1);
      double r = rapport_network_node_radius (node, i);

      g_string_append_printf (svg, "<g><title>%s</title><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"",
                              name, xy[2 * i], xy[2 * i + 1], r);
      append_color (svg, "fill", rapport_network_node_color (&export->colors, node, i));
      g_string_append_printf (svg, "/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"",
                              xy[2 * i], xy[2 * i + 1] + r + 9);
      append_color (svg, "fill", &export->colors.text);
      g_string_append_printf (svg, ">%s</text></g>\n", name);
    }
  g_string_append (svg, "</svg>\n");
  return g_string_free_to_bytes (svg);
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_rounded_rect (cairo_t               *cr,
                   const graphene_rect_t *rect,
                   double                 r)
{
  double x = rect->origin.x, y = rect->origin.y, w = rect->size.width, h = rect->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static GBytes *
make_png (Export  *export,
          GError **error)
{
  RapportNetworkGraph *graph = export->load->graph;
  const double *xy = export->load->xy;
  guint n = rapport_network_graph_n_nodes (graph);
  GByteArray *png = g_byte_array_new ();
  graphene_rect_t b;
  double scale;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;

  rapport_network_load_bounds (export->load, &b);
  /* two pixels a point, as on a HiDPI screen, unless that is too large */
  scale = MIN (2.0, MAX_PNG_SIDE / (MAX (b.size.width, b.size.height) + 2 * MARGIN + 14));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil ((b.size.width + 2 * MARGIN) * scale),
                                        (int) ceil ((b.size.height + 2 * MARGIN + 14) * scale));
  cr = cairo_create (surface);
  set_source (cr, &export->colors.background);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, MARGIN - b.origin.x, MARGIN - b.origin.y);

  /* Pango, for names in any script; its default font map is per thread. */
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans 6");   /* 8 px, as in the SVG */
  pango_layout_set_font_description (layout, font);

  for (guint k = 0; k < rapport_network_graph_n_groups (graph); k++)
    {
      graphene_rect_t rect;
      GdkRGBA fill = export->colors.text, line = export->colors.text;

      rapport_network_load_group_rect (export->load, k, &rect);
      fill.alpha = 0.05f;
      line.alpha = 0.16f;
      draw_rounded_rect (cr, &rect, 12);
      set_source (cr, &fill);
      cairo_fill_preserve (cr);
      set_source (cr, &line);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      set_source (cr, &export->colors.text);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, rapport_network_graph_group (graph, k)->organisation, -1);
      cairo_move_to (cr, rect.origin.x + 8, rect.origin.y + 4);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);

  set_source (cr, &export->colors.edge);
  cairo_set_line_width (cr, 1.2);
  for (guint k = 0; k < rapport_network_graph_n_edges (graph); k++)
    {
      const RapportNetworkEdge *e = rapport_network_graph_edge (graph, k);
      double dx = xy[2 * e->to] - xy[2 * e->from], dy = xy[2 * e->to + 1] - xy[2 * e->from + 1];
      double d = hypot (dx, dy), a = atan2 (dy, dx), ex, ey;
      double r0 = rapport_network_node_radius (rapport_network_graph_node (graph, e->from), e->from);
      double r1 = rapport_network_node_radius (rapport_network_graph_node (graph, e->to), e->to) + 1.5;

      if (d <= r0 + r1)
        continue;
      ex = xy[2 * e->to] - dx / d * r1;
      ey = xy[2 * e->to + 1] - dy / d * r1;
      cairo_move_to (cr, xy[2 * e->from] + dx / d * r0, xy[2 * e->from + 1] + dy / d * r0);
      cairo_line_to (cr, ex, ey);
      cairo_move_to (cr, ex + 6 * cos (a + G_PI - 0.45), ey + 6 * sin (a + G_PI - 0.45));
      cairo_line_to (cr, ex, ey);
      cairo_line_to (cr, ex + 6 * cos (a + G_PI + 0.45), ey + 6 * sin (a + G_PI + 0.45));
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const RapportNetworkNode *node = rapport_network_graph_node (graph, i);
      double r = rapport_network_node_radius (node, i);
      int w, h;

      set_source (cr, rapport_network_node_color (&export->colors, node, i));
      cairo_arc (cr, xy[2 * i], xy[2 * i + 1], r, 0, 2 * G_PI);
      cairo_fill (cr);
      set_source (cr, &export->colors.text);
      pango_layout_set_text (layout, node->name, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, xy[2 * i] - w / 2.0, xy[2 * i + 1] + r + 2);
      pango_cairo_show_layout (cr, layout);
    }
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  bytes = export->format == RAPPORT_IMAGE_SVG ? make_svg (export) : make_png (export, &error);
  /* A new file in place of any old one, private to the user (0600): the
   * network names the people the user talks to. */
  if (bytes == NULL ||
      !g_file_replace_contents (export->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rapport_network_export_async:
 * @load: a laid-out network (kept by reference until done)
 * @colors: the colours to draw with, as the view has them
 *
 * Draws the network and writes it to @file on a worker thread.
 */
void
rapport_network_export_async (RapportNetworkLoad         *load,
                              const RapportNetworkColors *colors,
                              RapportImageFormat  format,
                              GFile                      *file,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Export *export = g_new0 (Export, 1);

  export->load = rapport_network_load_ref (load);
  export->colors = *colors;
  export->format = format;
  export->file = g_object_ref (file);
  g_task_set_source_tag (task, rapport_network_export_async);
  g_task_set_task_data (task, export, export_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
rapport_network_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
