/* rapport-network-view-input.c -- the network view's pointer, touch and
 * keyboard: what moves the drawing, and what moves the cursor
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rapport-network-scene.h"
#include "rapport-network-view-private.h"

#define PAN_STEP 48.0

static int
node_under (RapportNetworkView *self,
            double              x,
            double              y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;

  for (guint i = 0; i < n_nodes (self); i++)
    {
      double sx, sy, d, r = MAX (rapport_network_node_radius (node_at (self, i), i) * self->scale, 6.0);

      to_screen (self, i, &sx, &sy);
      d = hypot (sx - x, sy - y);
      if (d <= r && d < best_d)
        {
          best = (int) i;
          best_d = d;
        }
    }
  return best;
}

/* The nearest person in the direction (dx, dy), within 60° of it. */
static int
nearest_towards (RapportNetworkView *self,
                 double              dx,
                 double              dy)
{
  double x0, y0, best_d = G_MAXDOUBLE;
  int best = -1;

  if (self->cursor < 0)
    return 0;
  x0 = self->load->xy[2 * self->cursor];
  y0 = self->load->xy[2 * self->cursor + 1];
  for (guint i = 0; i < n_nodes (self); i++)
    {
      double vx = self->load->xy[2 * i] - x0, vy = self->load->xy[2 * i + 1] - y0;
      double along = vx * dx + vy * dy, d = hypot (vx, vy);

      if ((int) i == self->cursor || !passes_filter (self, i) || along <= 0 || along < d * 0.5)
        continue;
      /* off-axis people count as farther */
      d += 2 * fabs (vx * dy - vy * dx);
      if (d < best_d)
        {
          best_d = d;
          best = (int) i;
        }
    }
  return best;
}

static int
next_in_order (RapportNetworkView *self,
               int                 step)
{
  int n = (int) n_nodes (self);
  int r = self->cursor < 0 ? (step > 0 ? -1 : n) : (int) self->rank[self->cursor];

  for (r += step; r >= 0 && r < n; r += step)
    if (passes_filter (self, self->order[r]))
      return (int) self->order[r];
  return -1;
}

static gboolean
key_pressed_cb (RapportNetworkView    *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  double dx = 0, dy = 0;
  int next;

  if (n_nodes (self) == 0)
    return FALSE;
  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (state & GDK_CONTROL_MASK)
        return FALSE;   /* leaves the network */
      next = next_in_order (self, (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      if (next < 0)
        return FALSE;
      _rapport_network_view_move_cursor (self, (guint) next);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    default:
      return FALSE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      rapport_network_view_pan (self, -dx * PAN_STEP, -dy * PAN_STEP);
      return TRUE;
    }
  next = nearest_towards (self, dx, dy);
  if (next >= 0)
    _rapport_network_view_move_cursor (self, (guint) next);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;   /* never let the arrows leave for a widget around */
}

static void
zoom_begin_cb (RapportNetworkView *self)
{
  self->gesture_scale = self->scale;
}

static void
zoom_changed_cb (RapportNetworkView *self,
                 double              delta,
                 GtkGestureZoom     *gesture)
{
  double x, y;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  _rapport_network_view_zoom_at (self, x, y, self->gesture_scale * delta);
}

static gboolean
scroll_cb (RapportNetworkView       *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    _rapport_network_view_zoom_at (self, self->pointer_x, self->pointer_y, self->scale * pow (1.2, -dy));
  else
    rapport_network_view_pan (self, -dx * PAN_STEP, -dy * PAN_STEP);
  return TRUE;
}

static void
motion_cb (RapportNetworkView *self,
           double              x,
           double              y)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
drag_begin_cb (RapportNetworkView *self)
{
  self->drag_tx = self->tx;
  self->drag_ty = self->ty;
}

static void
drag_update_cb (RapportNetworkView *self,
                double              dx,
                double              dy)
{
  self->tx = self->drag_tx + dx;
  self->ty = self->drag_ty + dy;
  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
released_cb (RapportNetworkView *self,
             int                 n_press,
             double              x,
             double              y,
             GtkGestureClick    *gesture)
{
  int index = node_under (self, x, y);

  if (index < 0)
    return;
  self->cursor = index;
  _rapport_network_view_update_cursor (self);
  gtk_widget_grab_focus (self->cursor_button);
  _rapport_network_view_activate (self, (guint) index);
}

static gboolean
query_tooltip_cb (RapportNetworkView *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  int index = keyboard ? self->cursor : node_under (self, x, y);
  g_autofree char *text = NULL;

  if (index < 0)
    return FALSE;
  if (index == 0)
    text = g_strdup (node_at (self, 0)->name);
  else
    text = g_strdup_printf ("%s\n%s", node_at (self, (guint) index)->name,
                            rapport_stage_get_label (node_at (self, (guint) index)->stage));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
_rapport_network_view_add_controllers (RapportNetworkView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  /* Capture: before the window turns Tab and the arrows into focus moves. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
