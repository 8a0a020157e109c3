/* rapport-network-scene.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-network-scene.h"
#include "rapport-palette.h"

/* Tiles per side: enough that a zoomed-in frame skips most of a large
 * network, few enough that a whole-network frame appends a handful. */
#define GRID 16

/* Room around a group's people, and above them for its name (drawn by the
 * view, which knows the font). */
#define GROUP_PADDING 14.0f

struct _RapportNetworkScene
{
  graphene_rect_t  bounds;
  GskRenderNode   *tiles[GRID * GRID];
  GskRenderNode   *groups;        /* the organisations' boxes, under everything */
  GArray          *group_rects;   /* graphene_rect_t per group of the graph */
};

/* The stages tinted as their pills in the contacts list are (style.css):
 * on their way in the accent, met in green, without an answer in amber;
 * not yet asked and paused in the text colour, faint. */
void
rapport_network_colors_lookup (GtkWidget            *widget,
                               RapportNetworkColors *colors)
{
  GdkRGBA accent, success, warning, fg;

  rapport_palette_lookup (widget, "accent_color", "#1c71d8", &accent);
  rapport_palette_lookup (widget, "success_color", "#1b8553", &success);
  rapport_palette_lookup (widget, "warning_color", "#9c6e03", &warning);
  rapport_palette_lookup (widget, "window_fg_color", "rgba(0,0,0,0.8)", &fg);
  rapport_palette_lookup (widget, "view_bg_color", "#ffffff", &colors->background);
  rapport_palette_lookup (widget, "accent_bg_color", "#3584e4", &colors->user);

  for (guint i = 0; i < RAPPORT_N_STAGES; i++)
    colors->stage[i] = fg;
  colors->stage[RAPPORT_STAGE_TO_CONTACT].alpha = 0.45f;
  colors->stage[RAPPORT_STAGE_PAUSED].alpha = 0.3f;
  colors->stage[RAPPORT_STAGE_REQUEST_SENT] = accent;
  colors->stage[RAPPORT_STAGE_SCHEDULED] = accent;
  colors->stage[RAPPORT_STAGE_MET] = success;
  colors->stage[RAPPORT_STAGE_THANKED] = success;
  colors->stage[RAPPORT_STAGE_KEEPING_IN_TOUCH] = success;
  colors->stage[RAPPORT_STAGE_DECLINED] = warning;
  colors->stage[RAPPORT_STAGE_NO_REPLY] = warning;
  colors->text = fg;
  colors->edge = fg;
  colors->edge.alpha = 0.3f;
}

gboolean
rapport_network_colors_equal (const RapportNetworkColors *a,
                              const RapportNetworkColors *b)
{
  return memcmp (a, b, sizeof *a) == 0;
}

float
rapport_network_node_radius (const RapportNetworkNode *node,
                             guint                     index)
{
  if (index == 0)
    return 14.0f;
  return 6.0f + 3.0f * sqrtf ((float) node->introduced);
}

const GdkRGBA *
rapport_network_node_color (const RapportNetworkColors *colors,
                            const RapportNetworkNode   *node,
                            guint                       index)
{
  if (index == 0)
    return &colors->user;
  return &colors->stage[CLAMP (node->stage, 0, RAPPORT_N_STAGES - 1)];
}

void
rapport_network_load_bounds (RapportNetworkLoad *load,
                             graphene_rect_t    *bounds)
{
  guint n = rapport_network_graph_n_nodes (load->graph);
  float x0 = G_MAXFLOAT, y0 = G_MAXFLOAT, x1 = -G_MAXFLOAT, y1 = -G_MAXFLOAT;

  for (guint i = 0; i < n; i++)
    {
      float r = rapport_network_node_radius (rapport_network_graph_node (load->graph, i), i);

      x0 = MIN (x0, (float) load->xy[2 * i] - r);
      y0 = MIN (y0, (float) load->xy[2 * i + 1] - r);
      x1 = MAX (x1, (float) load->xy[2 * i] + r);
      y1 = MAX (y1, (float) load->xy[2 * i + 1] + r);
    }
  if (n == 0)
    x0 = y0 = x1 = y1 = 0;
  graphene_rect_init (bounds, x0, y0, MAX (x1 - x0, 1.0f), MAX (y1 - y0, 1.0f));
  /* room for the organisations' boxes and their names */
  if (rapport_network_graph_n_groups (load->graph) > 0)
    graphene_rect_inset (bounds, -GROUP_PADDING, -2 * GROUP_PADDING);
}

/* A group's box: its people's circles with room around them, and above
 * them for its name. The view, the SVG and the PNG draw the same box. */
void
rapport_network_load_group_rect (RapportNetworkLoad *load,
                                 guint               index,
                                 graphene_rect_t    *rect)
{
  const RapportNetworkGroup *group = rapport_network_graph_group (load->graph, index);
  float x0 = G_MAXFLOAT, y0 = G_MAXFLOAT, x1 = -G_MAXFLOAT, y1 = -G_MAXFLOAT;

  for (guint m = 0; m < group->members->len; m++)
    {
      guint i = g_array_index (group->members, guint, m);
      float r = rapport_network_node_radius (rapport_network_graph_node (load->graph, i), i);

      x0 = MIN (x0, (float) load->xy[2 * i] - r);
      y0 = MIN (y0, (float) load->xy[2 * i + 1] - r);
      x1 = MAX (x1, (float) load->xy[2 * i] + r);
      y1 = MAX (y1, (float) load->xy[2 * i + 1] + r);
    }
  graphene_rect_init (rect, x0 - GROUP_PADDING, y0 - 2 * GROUP_PADDING,
                      x1 - x0 + 2 * GROUP_PADDING, y1 - y0 + 3 * GROUP_PADDING);
}

/* Faint boxes in the text colour: a group is a place, not a stage, so it
 * takes none of the stages' colours. */
static void
append_groups (RapportNetworkScene        *self,
               RapportNetworkLoad         *load,
               const RapportNetworkColors *colors,
               const RapportNetworkFilter *filter)
{
  guint n = rapport_network_graph_n_groups (load->graph);
  g_autoptr(GtkSnapshot) snapshot = NULL;

  self->group_rects = g_array_sized_new (FALSE, FALSE, sizeof (graphene_rect_t), n);
  if (n == 0)
    return;
  snapshot = gtk_snapshot_new ();
  for (guint k = 0; k < n; k++)
    {
      const RapportNetworkGroup *group = rapport_network_graph_group (load->graph, k);
      GdkRGBA fill = colors->text, line = colors->text;
      GdkRGBA lines[4];
      float widths[4] = { 1, 1, 1, 1 };
      GskRoundedRect box;
      graphene_rect_t rect;

      rapport_network_load_group_rect (load, k, &rect);
      g_array_append_val (self->group_rects, rect);
      fill.alpha = 0.05f;
      line.alpha = 0.16f;
      if (filter->organisation != NULL && g_strcmp0 (filter->organisation, group->organisation) != 0)
        {
          fill.alpha *= 0.4f;
          line.alpha *= 0.4f;
        }
      lines[0] = lines[1] = lines[2] = lines[3] = line;
      gsk_rounded_rect_init_from_rect (&box, &rect, 12);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &fill, &rect);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &box, widths, lines);
    }
  self->groups = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static guint
tile_of (const RapportNetworkScene *self,
         double                     x,
         double                     y)
{
  int col = (int) ((x - self->bounds.origin.x) / self->bounds.size.width * GRID);
  int row = (int) ((y - self->bounds.origin.y) / self->bounds.size.height * GRID);

  return (guint) (CLAMP (row, 0, GRID - 1) * GRID + CLAMP (col, 0, GRID - 1));
}

/* A line as a thin rotated rectangle: GTK 4.8 has no path node, and a cairo
 * node would be painted again at every zoom. */
static void
append_line (GtkSnapshot   *snapshot,
             float          x0,
             float          y0,
             float          x1,
             float          y1,
             float          width,
             const GdkRGBA *color)
{
  float length = hypotf (x1 - x0, y1 - y0);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, y0));
  gtk_snapshot_rotate (snapshot, atan2f (y1 - y0, x1 - x0) * 180.0f / G_PI);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (0, -width / 2, length, width));
  gtk_snapshot_restore (snapshot);
}

/* An arrow from the edge of one circle to the edge of the other, its head
 * two short strokes at the person introduced. */
static void
append_arrow (GtkSnapshot   *snapshot,
              float          x0,
              float          y0,
              float          r0,
              float          x1,
              float          y1,
              float          r1,
              const GdkRGBA *color)
{
  float dx = x1 - x0, dy = y1 - y0, d = hypotf (dx, dy);
  float ux, uy, ex, ey, a;

  if (d <= r0 + r1 + 1.0f)
    return;
  ux = dx / d;
  uy = dy / d;
  ex = x1 - ux * (r1 + 1.5f);
  ey = y1 - uy * (r1 + 1.5f);
  append_line (snapshot, x0 + ux * r0, y0 + uy * r0, ex, ey, 1.2f, color);
  a = atan2f (uy, ux);
  for (int side = -1; side <= 1; side += 2)
    {
      float b = a + G_PI + side * 0.45f;

      append_line (snapshot, ex, ey, ex + 6.0f * cosf (b), ey + 6.0f * sinf (b), 1.2f, color);
    }
}

static void
append_circle (GtkSnapshot   *snapshot,
               float          x,
               float          y,
               float          r,
               const GdkRGBA *color)
{
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

RapportNetworkScene *
rapport_network_scene_new (RapportNetworkLoad         *load,
                           const RapportNetworkColors *colors,
                           const RapportNetworkFilter *filter)
{
  RapportNetworkScene *self = g_new0 (RapportNetworkScene, 1);
  RapportNetworkGraph *graph = load->graph;
  guint n = rapport_network_graph_n_nodes (graph);
  GtkSnapshot *snapshots[GRID * GRID] = { NULL, };

  rapport_network_load_bounds (load, &self->bounds);
  append_groups (self, load, colors, filter);

  /* Edges first in each tile, circles over them; an edge goes to the tile
   * of its midpoint, and a tile's bounds are those of what it holds, so a
   * long edge is still drawn whenever any of it is seen. */
  for (guint pass = 0; pass < 2; pass++)
    {
      guint count = pass == 0 ? rapport_network_graph_n_edges (graph) : n;

      for (guint k = 0; k < count; k++)
        {
          guint t;

          if (pass == 0)
            {
              const RapportNetworkEdge *e = rapport_network_graph_edge (graph, k);
              const RapportNetworkNode *from = rapport_network_graph_node (graph, e->from);
              const RapportNetworkNode *to = rapport_network_graph_node (graph, e->to);
              GdkRGBA color = colors->edge;

              if (!rapport_network_filter_passes (filter, to))
                color.alpha *= 0.3f;
              t = tile_of (self, (load->xy[2 * e->from] + load->xy[2 * e->to]) / 2,
                           (load->xy[2 * e->from + 1] + load->xy[2 * e->to + 1]) / 2);
              if (snapshots[t] == NULL)
                snapshots[t] = gtk_snapshot_new ();
              append_arrow (snapshots[t],
                            (float) load->xy[2 * e->from], (float) load->xy[2 * e->from + 1],
                            rapport_network_node_radius (from, e->from),
                            (float) load->xy[2 * e->to], (float) load->xy[2 * e->to + 1],
                            rapport_network_node_radius (to, e->to), &color);
            }
          else
            {
              const RapportNetworkNode *node = rapport_network_graph_node (graph, k);
              GdkRGBA color = *rapport_network_node_color (colors, node, k);

              if (k != 0 && !rapport_network_filter_passes (filter, node))
                color.alpha *= 0.2f;
              t = tile_of (self, load->xy[2 * k], load->xy[2 * k + 1]);
              if (snapshots[t] == NULL)
                snapshots[t] = gtk_snapshot_new ();
              append_circle (snapshots[t], (float) load->xy[2 * k], (float) load->xy[2 * k + 1],
                             rapport_network_node_radius (node, k), &color);
            }
        }
    }

  for (guint t = 0; t < GRID * GRID; t++)
    if (snapshots[t] != NULL)
      self->tiles[t] = gtk_snapshot_free_to_node (snapshots[t]);
  return self;
}

void
rapport_network_scene_append (RapportNetworkScene   *self,
                              GtkSnapshot           *snapshot,
                              const graphene_rect_t *visible)
{
  if (self->groups != NULL)
    gtk_snapshot_append_node (snapshot, self->groups);
  for (guint t = 0; t < GRID * GRID; t++)
    {
      graphene_rect_t bounds;

      if (self->tiles[t] == NULL)
        continue;
      gsk_render_node_get_bounds (self->tiles[t], &bounds);
      if (graphene_rect_intersection (&bounds, visible, NULL))
        gtk_snapshot_append_node (snapshot, self->tiles[t]);
    }
}

void
rapport_network_scene_free (RapportNetworkScene *self)
{
  if (self == NULL)
    return;
  for (guint t = 0; t < GRID * GRID; t++)
    g_clear_pointer (&self->tiles[t], gsk_render_node_unref);
  g_clear_pointer (&self->groups, gsk_render_node_unref);
  g_clear_pointer (&self->group_rects, g_array_unref);
  g_free (self);
}

/* Where group @index of the graph is drawn, in the graph's points. */
const graphene_rect_t *
rapport_network_scene_group_rect (RapportNetworkScene *self,
                                  guint                index)
{
  g_return_val_if_fail (index < self->group_rects->len, NULL);
  return &g_array_index (self->group_rects, graphene_rect_t, index);
}
