/* rapport-wrap-box.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-wrap-box"

#include "config.h"

#include "rapport-wrap-box.h"

/* Its children side by side at their natural width, on as many lines as
 * the width needs: a target's four ratings are one line in a wide window
 * and two at phone width. (GtkFlowBox would do it, but makes each child a
 * focus stop of its own, in front of the control it holds; libadwaita 1.2
 * has no breakpoints.) */
struct _RapportWrapBox
{
  GtkWidget parent_instance;
};

#define SPACING 6

static void rapport_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportWrapBox, rapport_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rapport_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
rapport_wrap_box_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  if (GTK_IS_WIDGET (child))
    gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rapport_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rapport_wrap_box_add_child;
}

/* Walks the lines for @width: calls @place (when not NULL) with each
 * child's box, and returns the height it takes. */
static int
lay_out (GtkWidget *widget,
         int        width,
         gboolean   place)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, child_w, child_h;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      child_w = MAX (min_w, MIN (nat_w, width));
      if (x > 0 && x + child_w > width)
        {
          y += line_height + SPACING;
          x = 0;
          line_height = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_w, NULL, &child_h, NULL, NULL);
      if (place)
        gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_w, child_h }, -1);
      line_height = MAX (line_height, child_h);
      x += child_w + SPACING;
    }
  return y + line_height;
}

static void
rapport_wrap_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int n = 0;

      *minimum = *natural = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          *minimum = MAX (*minimum, min_w);
          *natural += nat_w + (n++ > 0 ? SPACING : 0);
        }
    }
  else
    {
      int width = for_size, unused;

      if (width < 0)
        rapport_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &unused, &width, NULL, NULL);
      *minimum = *natural = lay_out (widget, width, FALSE);
    }
}

static GtkSizeRequestMode
rapport_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_wrap_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  lay_out (widget, width, TRUE);
}

static void
rapport_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_wrap_box_parent_class)->dispose (object);
}

static void
rapport_wrap_box_class_init (RapportWrapBoxClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = rapport_wrap_box_dispose;
  widget_class->measure = rapport_wrap_box_measure;
  widget_class->size_allocate = rapport_wrap_box_size_allocate;
  widget_class->get_request_mode = rapport_wrap_box_get_request_mode;
}

static void
rapport_wrap_box_init (RapportWrapBox *self)
{
}

GtkWidget *
rapport_wrap_box_new (void)
{
  return g_object_new (RAPPORT_TYPE_WRAP_BOX, NULL);
}
