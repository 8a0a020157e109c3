/* rapport-network-view.c -- the referral network, drawn
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-network"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rapport-network-scene.h"
#include "rapport-network-view-private.h"

#define MIN_SCALE 0.02
#define MAX_SCALE 8.0

/* People as circles, "introduced" as arrows, the user in the centre.
 *
 * The static scene is built once (RapportNetworkScene, in tiles) and a
 * pan or zoom frame only appends the visible tiles under a new transform;
 * names, the search's highlight and the keyboard's cursor, which are few,
 * are drawn per frame.
 *
 * Keyboard and screen readers: GTK 4.8 gives a custom drawing no
 * accessible children, and a widget per person (5,000 of them, or one per
 * visible person, added and removed on every pan) would cost more than
 * the drawing. So one real, focusable child, a button, moves from person
 * to person (a roving cursor): Tab and Shift+Tab walk the people in the
 * order of the network (the user, the first person met, those they
 * introduced, then the next), the arrow keys go to the nearest person that
 * way, Enter or a click opens the contact. Its accessible name is the
 * person's ("Ana Ruiz, Met, introduced 3 people"), updated as it moves,
 * which is what a screen reader reads for the focused object. Ctrl+Tab
 * leaves the network; Shift+arrows pan without moving the cursor. */
G_DEFINE_FINAL_TYPE (RapportNetworkView, rapport_network_view, GTK_TYPE_WIDGET)

enum {
  CONTACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* Depth first from the user along the edges, in the order the database
 * gave them: whoever someone introduced follows them. */
static void
compute_order (RapportNetworkView *self)
{
  RapportNetworkGraph *graph = self->load->graph;
  guint n = n_nodes (self), m = rapport_network_graph_n_edges (graph), done = 0;
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *targets = g_new0 (guint, MAX (m, 1));
  g_autofree guint *stack = g_new0 (guint, MAX (m, 1) + 1);
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  guint top = 0;

  /* the edges grouped by their source (counting sort, order kept) */
  for (guint k = 0; k < m; k++)
    first[rapport_network_graph_edge (graph, k)->from + 1]++;
  for (guint i = 0; i < n; i++)
    first[i + 1] += first[i];
  {
    g_autofree guint *fill = g_memdup2 (first, sizeof (guint) * n);

    for (guint k = 0; k < m; k++)
      {
        const RapportNetworkEdge *e = rapport_network_graph_edge (graph, k);

        targets[fill[e->from]++] = e->to;
      }
  }

  self->order = g_new0 (guint, n);
  self->rank = g_new0 (guint, n);
  stack[top++] = 0;
  while (top > 0)
    {
      guint v = stack[--top];

      if (seen[v])
        continue;
      seen[v] = TRUE;
      self->rank[v] = done;
      self->order[done++] = v;
      /* pushed in reverse so the first edge is walked first */
      for (guint k = first[v + 1]; k > first[v]; k--)
        if (!seen[targets[k - 1]])
          stack[top++] = targets[k - 1];
    }
  /* everyone reaches the user (the graph sees to it); still, never lose one */
  for (guint i = 0; i < n; i++)
    if (!seen[i])
      {
        self->rank[i] = done;
        self->order[done++] = i;
      }
}

char *
rapport_network_view_describe (RapportNetworkView *self,
                               guint               index)
{
  const RapportNetworkNode *node;

  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), NULL);
  g_return_val_if_fail (index < n_nodes (self), NULL);

  node = node_at (self, index);
  if (index == 0)
    return g_strdup_printf (_("%s, in the centre of your network"), node->name);
  /* Translators: a person in the referral network: name, stage, and how
   * many people they introduced, e.g. "Ana Ruiz, Met, introduced 3 people" */
  return g_strdup_printf (ngettext ("%s, %s, introduced %u person", "%s, %s, introduced %u people",
                                    node->introduced),
                          node->name, rapport_stage_get_label (node->stage), node->introduced);
}

void
_rapport_network_view_update_cursor (RapportNetworkView *self)
{
  g_autofree char *name = NULL;
  g_autofree char *tip = NULL;

  if (self->cursor < 0 || (guint) self->cursor >= n_nodes (self))
    {
      gtk_widget_set_child_visible (self->cursor_button, FALSE);
      return;
    }
  name = rapport_network_view_describe (self, (guint) self->cursor);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cursor_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->cursor == 0)
    tip = g_strdup (node_at (self, 0)->name);
  else
    tip = g_strdup_printf ("%s\n%s", node_at (self, (guint) self->cursor)->name,
                           rapport_stage_get_label (node_at (self, (guint) self->cursor)->stage));
  gtk_widget_set_tooltip_text (self->cursor_button, tip);
  gtk_widget_set_child_visible (self->cursor_button, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Pans just enough for the person to be on screen, with a margin. */
static void
reveal (RapportNetworkView *self,
        guint               index)
{
  double x, y, w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  double margin = MIN (64.0, MIN (w, h) / 4);

  to_screen (self, index, &x, &y);
  if (x < margin)
    self->tx += margin - x;
  else if (x > w - margin)
    self->tx -= x - (w - margin);
  if (y < margin)
    self->ty += margin - y;
  else if (y > h - margin)
    self->ty -= y - (h - margin);
  self->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_rapport_network_view_move_cursor (RapportNetworkView *self,
             guint               index)
{
  self->cursor = (int) index;
  _rapport_network_view_update_cursor (self);
  reveal (self, index);
}

void
_rapport_network_view_zoom_at (RapportNetworkView *self,
         double              x,
         double              y,
         double              scale)
{
  scale = CLAMP (scale, MIN_SCALE, MAX_SCALE);
  self->tx = x - (x - self->tx) * scale / self->scale;
  self->ty = y - (y - self->ty) * scale / self->scale;
  self->scale = scale;
  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks */

void
_rapport_network_view_activate (RapportNetworkView *self,
                                guint               index)
{
  if (index > 0)
    g_signal_emit (self, signals[CONTACT_ACTIVATED], 0, node_at (self, index)->contact_id);
}

static void
cursor_clicked_cb (RapportNetworkView *self)
{
  if (self->cursor > 0)
    _rapport_network_view_activate (self, (guint) self->cursor);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rapport_network_view_zoom (RAPPORT_NETWORK_VIEW (widget), 1.25);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rapport_network_view_zoom (RAPPORT_NETWORK_VIEW (widget), 0.8);
}

static void
fit_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  rapport_network_view_fit (RAPPORT_NETWORK_VIEW (widget));
}

/* GtkWidget */

/* A name under its circle, unless it would cover a name already drawn
 * (taken is the rectangles of those, NULL to draw it anyway). */
static void
append_label (RapportNetworkView *self,
              GtkSnapshot        *snapshot,
              guint               index,
              double              x,
              double              y,
              double              r,
              GArray             *taken)
{
  graphene_rect_t rect;
  int w, h;

  if (self->labels[index] == NULL)
    self->labels[index] = gtk_widget_create_pango_layout (GTK_WIDGET (self), node_at (self, index)->name);
  pango_layout_get_pixel_size (self->labels[index], &w, &h);
  graphene_rect_init (&rect, (float) (x - w / 2.0 - 2), (float) (y + r + 2), (float) w + 4, (float) h);
  if (taken != NULL)
    {
      for (guint k = 0; k < taken->len; k++)
        if (graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, k), &rect, NULL))
          return;
      g_array_append_val (taken, rect);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x - w / 2.0), (float) (y + r + 2)));
  gtk_snapshot_append_layout (snapshot, self->labels[index], &self->colors.text);
  gtk_snapshot_restore (snapshot);
}

static void
unref_layout (gpointer layout)
{
  if (layout != NULL)
    g_object_unref (layout);
}

/* Each organisation's name in the top corner of its box, at any zoom: the
 * groups are few, and what they are is the point of drawing them. */
static void
append_group_labels (RapportNetworkView *self,
                     GtkSnapshot        *snapshot,
                     double              width,
                     double              height)
{
  for (guint k = 0; self->group_labels != NULL && k < self->group_labels->len; k++)
    {
      const graphene_rect_t *rect = rapport_network_scene_group_rect (self->scene, k);
      double x = rect->origin.x * self->scale + self->tx, y = rect->origin.y * self->scale + self->ty;
      double w = rect->size.width * self->scale;
      PangoLayout *layout;

      if (w < 48 || x > width || y > height || x + w < 0 || y + rect->size.height * self->scale < 0)
        continue;
      layout = g_ptr_array_index (self->group_labels, k);
      if (layout == NULL)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                   rapport_network_graph_group (self->load->graph, k)->organisation);
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
          pango_layout_set_attributes (layout, attrs);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          g_ptr_array_index (self->group_labels, k) = layout;
        }
      pango_layout_set_width (layout, (int) ((w - 16) * PANGO_SCALE));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) (x + 8), (float) (y + 4)));
      gtk_snapshot_append_layout (snapshot, layout, &self->colors.text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
append_ring (GtkSnapshot   *snapshot,
             double         x,
             double         y,
             double         r,
             const GdkRGBA *color)
{
  GskRoundedRect ring;
  GdkRGBA colors[4] = { *color, *color, *color, *color };
  float widths[4] = { 3, 3, 3, 3 };

  gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT ((float) (x - r), (float) (y - r),
                                                               (float) (2 * r), (float) (2 * r)), (float) r);
  gtk_snapshot_append_border (snapshot, &ring, widths, colors);
}

/* The focused person's name and stage, on a card above them: what a
 * pointer's hover shows in a tooltip, for the keyboard. */
static void
append_focus_card (RapportNetworkView *self,
                   GtkSnapshot        *snapshot)
{
  const RapportNetworkNode *node = node_at (self, (guint) self->cursor);
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GskRoundedRect card;
  GdkRGBA shade = self->colors.background;
  double x, y, r = MAX (rapport_network_node_radius (node, (guint) self->cursor) * self->scale, 6.0);
  int w, h;

  text = self->cursor == 0 ? g_strdup (node->name)
                           : g_strdup_printf ("%s · %s", node->name, rapport_stage_get_label (node->stage));
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &w, &h);
  to_screen (self, (guint) self->cursor, &x, &y);
  shade.alpha = 0.92f;
  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT ((float) (x - w / 2.0 - 8), (float) (y - r - h - 14),
                                                               (float) w + 16, (float) h + 8), 6);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot, &shade, &card.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (card.bounds.origin.x + 8, card.bounds.origin.y + 4));
  gtk_snapshot_append_layout (snapshot, layout, &self->colors.text);
  gtk_snapshot_restore (snapshot);
}

static void
rapport_network_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RapportNetworkView *self = RAPPORT_NETWORK_VIEW (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  RapportNetworkColors colors;
  graphene_rect_t visible;
  guint n_visible = 0;

  if (self->load == NULL)
    return;

  /* The colours follow the style (dark, accent): a change rebuilds the scene. */
  rapport_network_colors_lookup (widget, &colors);
  if (self->scene == NULL || !rapport_network_colors_equal (&colors, &self->colors))
    {
      self->colors = colors;
      g_clear_pointer (&self->scene, rapport_network_scene_free);
      self->scene = rapport_network_scene_new (self->load, &self->colors,
                                               &(RapportNetworkFilter) { self->stage_filter, self->organisation_filter });
    }

  graphene_rect_init (&visible, (float) (-self->tx / self->scale), (float) (-self->ty / self->scale),
                      (float) (w / self->scale), (float) (h / self->scale));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) w, (float) h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) self->tx, (float) self->ty));
  gtk_snapshot_scale (snapshot, (float) self->scale, (float) self->scale);
  rapport_network_scene_append (self->scene, snapshot, &visible);
  gtk_snapshot_restore (snapshot);
  append_group_labels (self, snapshot, w, h);

  /* Names once zoomed in enough to read them, for the few people in view. */
  for (guint i = 0; i < n_nodes (self) && n_visible <= 150; i++)
    if (graphene_rect_contains_point (&visible, &GRAPHENE_POINT_INIT ((float) self->load->xy[2 * i],
                                                                      (float) self->load->xy[2 * i + 1])))
      n_visible++;
  if (self->scale >= 0.6 && n_visible <= 150)
    {
      g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

      /* in keyboard order, so the user and those met first keep their names */
      for (guint r = 0; r < n_nodes (self); r++)
        {
          guint i = self->order[r];
          double x, y;

          to_screen (self, i, &x, &y);
          if (x < -100 || x > w + 100 || y < -40 || y > h + 20 || !passes_filter (self, i))
            continue;
          append_label (self, snapshot, i, x, y, rapport_network_node_radius (node_at (self, i), i) * self->scale,
                        taken);
        }
    }

  if (self->highlight >= 0)
    {
      double x, y, r = rapport_network_node_radius (node_at (self, (guint) self->highlight), (guint) self->highlight);

      to_screen (self, (guint) self->highlight, &x, &y);
      append_ring (snapshot, x, y, MAX (r * self->scale, 6.0) + 5, &self->colors.user);
      if (self->scale < 0.6 || n_visible > 150)
        append_label (self, snapshot, (guint) self->highlight, x, y, MAX (r * self->scale, 6.0) + 5, NULL);
    }
  if (self->cursor >= 0 && gtk_widget_has_focus (self->cursor_button))
    append_focus_card (self, snapshot);
  gtk_snapshot_pop (snapshot);

  gtk_widget_snapshot_child (widget, self->cursor_button, snapshot);
}

/* The cursor button sits on its person, a little larger than the circle. */
static void
rapport_network_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RapportNetworkView *self = RAPPORT_NETWORK_VIEW (widget);
  double x = 0, y = 0, r = 12;
  int min_w, min_h;

  if (self->fitted)
    rapport_network_view_fit (self);
  if (self->cursor >= 0 && (guint) self->cursor < n_nodes (self))
    {
      to_screen (self, (guint) self->cursor, &x, &y);
      r = MAX (rapport_network_node_radius (node_at (self, (guint) self->cursor), (guint) self->cursor) * self->scale + 4,
               12.0);
    }
  gtk_widget_measure (self->cursor_button, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
  gtk_widget_measure (self->cursor_button, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
  r = MAX (r, MAX (min_w, min_h) / 2.0);
  gtk_widget_size_allocate (self->cursor_button,
                            &(GtkAllocation) { (int) (x - r), (int) (y - r), (int) (2 * r), (int) (2 * r) }, -1);
}

static void
rapport_network_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 480;
}

/* GObject */

static void
clear_network (RapportNetworkView *self)
{
  for (guint i = 0; self->labels != NULL && i < n_nodes (self); i++)
    g_clear_object (&self->labels[i]);
  g_clear_pointer (&self->labels, g_free);
  g_clear_pointer (&self->group_labels, g_ptr_array_unref);
  g_clear_pointer (&self->scene, rapport_network_scene_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->load, rapport_network_load_unref);
}

static void
rapport_network_view_dispose (GObject *object)
{
  RapportNetworkView *self = RAPPORT_NETWORK_VIEW (object);

  clear_network (self);
  g_clear_pointer (&self->organisation_filter, g_free);
  g_clear_pointer (&self->cursor_button, gtk_widget_unparent);

  G_OBJECT_CLASS (rapport_network_view_parent_class)->dispose (object);
}

static void
rapport_network_view_class_init (RapportNetworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_network_view_dispose;
  widget_class->snapshot = rapport_network_view_snapshot;
  widget_class->size_allocate = rapport_network_view_size_allocate;
  widget_class->measure = rapport_network_view_measure;

  /**
   * RapportNetworkView::contact-activated:
   * @contact_id: the person clicked, or chosen with Enter
   */
  signals[CONTACT_ACTIVATED] = g_signal_new ("contact-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "network.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "network.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "network.fit", NULL, fit_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "network.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "network.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "network.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "network.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "network.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "network.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "network.fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "network-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_network_view_init (RapportNetworkView *self)
{
  self->scale = 1.0;
  self->fitted = TRUE;
  self->stage_filter = -1;
  self->highlight = -1;
  self->cursor = -1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->cursor_button = gtk_button_new ();
  gtk_widget_add_css_class (self->cursor_button, "network-cursor");
  /* until it stands on someone (it is hidden then, but still in the tree) */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cursor_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Referral Network"), -1);
  gtk_widget_set_child_visible (self->cursor_button, FALSE);
  gtk_widget_set_parent (self->cursor_button, GTK_WIDGET (self));
  g_signal_connect_object (self->cursor_button, "clicked", G_CALLBACK (cursor_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cursor_button, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  _rapport_network_view_add_controllers (self);

}

/* Public API */

GtkWidget *
rapport_network_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_NETWORK_VIEW, NULL);
}

/**
 * rapport_network_view_set_network:
 * @load: (nullable): a laid-out network, kept by reference
 *
 * Shows @load. The first network is fitted to the view, the cursor on the
 * user; a network read again (a contact changed) keeps the zoom, the pan,
 * the cursor and the search's ring on the same people, since the layout
 * keeps everyone's place.
 */
void
rapport_network_view_set_network (RapportNetworkView *self,
                                  RapportNetworkLoad *load)
{
  gboolean again;
  gint64 cursor_id = -1, highlight_id = -1;

  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));

  again = self->load != NULL && load != NULL;
  if (again && self->cursor >= 0)
    cursor_id = node_at (self, (guint) self->cursor)->contact_id;
  if (again && self->highlight >= 0)
    highlight_id = node_at (self, (guint) self->highlight)->contact_id;

  clear_network (self);
  self->highlight = -1;
  self->cursor = -1;
  if (load != NULL)
    {
      self->load = rapport_network_load_ref (load);
      self->labels = g_new0 (PangoLayout *, n_nodes (self));
      self->group_labels = g_ptr_array_new_with_free_func (unref_layout);
      g_ptr_array_set_size (self->group_labels, (int) rapport_network_graph_n_groups (self->load->graph));
      compute_order (self);
      self->cursor = cursor_id >= 0 ? MAX (rapport_network_graph_find (load->graph, cursor_id), 0) : 0;
      self->highlight = highlight_id >= 0 ? rapport_network_graph_find (load->graph, highlight_id) : -1;
    }
  if (!again)
    self->fitted = TRUE;
  _rapport_network_view_update_cursor (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RapportNetworkLoad *
rapport_network_view_get_network (RapportNetworkView *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), NULL);
  return self->load;
}

/* -1 for every stage; the others are drawn faint and skipped by the keyboard. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
filter_changed (RapportNetworkView *self)
{
  g_clear_pointer (&self->scene, rapport_network_scene_free);
  if (self->cursor > 0 && !passes_filter (self, (guint) self->cursor))
    {
      self->cursor = 0;
      _rapport_network_view_update_cursor (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rapport_network_view_set_stage_filter (RapportNetworkView *self,
                                       int                 stage)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));

  if (self->stage_filter == stage)
    return;
  self->stage_filter = stage;
  filter_changed (self);
}

/**
 * rapport_network_view_set_organisation_filter:
 * @organisation: (nullable): the one organisation to show in full, or %NULL
 *   for everyone
 */
void
rapport_network_view_set_organisation_filter (RapportNetworkView *self,
                                              const char         *organisation)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));

  if (g_strcmp0 (self->organisation_filter, organisation) == 0)
    return;
  g_free (self->organisation_filter);
  self->organisation_filter = g_strdup (organisation);
  filter_changed (self);
}

/**
 * rapport_network_view_dup_organisations:
 *
 * Returns: (transfer full): the organisations of the people shown, each
 *   once, in alphabetical order
 */
GStrv
rapport_network_view_dup_organisations (RapportNetworkView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), NULL);

  for (guint i = 1; self->load != NULL && i < rapport_network_graph_n_nodes (self->load->graph); i++)
    {
      const char *organisation = node_at (self, i)->organisation;

      if (organisation != NULL && organisation[0] != '\0' && g_hash_table_add (seen, (gpointer) organisation))
        g_ptr_array_add (names, g_strdup (organisation));
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * rapport_network_view_search:
 * @text: part of a name, any case
 *
 * Rings the first person (in keyboard order) whose name holds @text,
 * centres the view on them and puts the cursor there.
 *
 * Returns: whether someone was found
 */
gboolean
rapport_network_view_search (RapportNetworkView *self,
                             const char         *text)
{
  g_autofree char *needle = NULL;

  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), FALSE);

  self->highlight = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (text == NULL || *text == '\0' || self->load == NULL)
    return FALSE;
  needle = g_utf8_casefold (text, -1);
  for (guint r = 1; r < n_nodes (self); r++)
    {
      guint i = self->order[r];
      g_autofree char *name = g_utf8_casefold (node_at (self, i)->name, -1);

      if (strstr (name, needle) == NULL)
        continue;
      self->highlight = (int) i;
      self->cursor = (int) i;
      self->scale = MAX (self->scale, 1.0);
      self->tx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0 - self->load->xy[2 * i] * self->scale;
      self->ty = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - self->load->xy[2 * i + 1] * self->scale;
      self->fitted = FALSE;
      _rapport_network_view_update_cursor (self);
      return TRUE;
    }
  return FALSE;
}

/* Zooms by @factor about the centre of the view. */
void
rapport_network_view_zoom (RapportNetworkView *self,
                           double              factor)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));
  _rapport_network_view_zoom_at (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0, gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
           self->scale * factor);
}

/* Moves the drawing by (dx, dy) pixels. */
void
rapport_network_view_pan (RapportNetworkView *self,
                          double              dx,
                          double              dy)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));
  self->tx += dx;
  self->ty += dy;
  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The whole network in view, and it stays so as the view is resized until
 * the user zooms or pans. */
void
rapport_network_view_fit (RapportNetworkView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_rect_t bounds;

  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));

  self->fitted = TRUE;
  if (self->load == NULL || w <= 0 || h <= 0)
    return;
  rapport_network_load_bounds (self->load, &bounds);
  /* room for the names under the circles at the edges */
  self->scale = CLAMP (MIN ((w - 48) / bounds.size.width, (h - 48) / bounds.size.height), MIN_SCALE, 2.0);
  self->tx = w / 2.0 - (bounds.origin.x + bounds.size.width / 2.0) * self->scale;
  self->ty = h / 2.0 - (bounds.origin.y + bounds.size.height / 2.0) * self->scale;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the keyboard focus onto the cursor's person. */
void
rapport_network_view_focus_person (RapportNetworkView *self)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_VIEW (self));
  if (self->cursor >= 0)
    gtk_widget_grab_focus (self->cursor_button);
}

int
rapport_network_view_get_cursor (RapportNetworkView *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), -1);
  return self->cursor;
}

int
rapport_network_view_get_highlight (RapportNetworkView *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), -1);
  return self->highlight;
}

double
rapport_network_view_get_scale (RapportNetworkView *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_VIEW (self), 0);
  return self->scale;
}
