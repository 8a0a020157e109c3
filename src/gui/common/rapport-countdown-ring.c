/* rapport-countdown-ring.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-countdown-ring"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-countdown-ring.h"
#include "rapport-palette.h"

/* The meeting clock's face: a ring that empties as the time runs out, with
 * the time in large digits inside and "left" or "over" beneath. In overtime
 * the ring is whole and in the error colour, so that a glance across the
 * table tells the state without reading the digits.
 *
 * GTK 4.8 has no stroke or path nodes (4.14), so the ring is drawn with
 * cairo; at these sizes it stays crisp, and it is redrawn only when the
 * fraction changes, once a second. */
struct _RapportCountdownRing
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *time_label;
  GtkLabel  *caption_label;

  double     fraction;
  gboolean   overtime;
  char      *text;
};

G_DEFINE_FINAL_TYPE (RapportCountdownRing, rapport_countdown_ring, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_OVERTIME,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MIN_SIZE 96
#define NATURAL_SIZE 240
/* The label sits in the square inside the ring: its side is the diameter
 * over √2, and a little room for the line. */
#define INSIDE_FACTOR 1.6

/* Helpers */

static void
update_accessible (RapportCountdownRing *self)
{
  g_autofree char *value_text = NULL;

  if (self->text != NULL && self->text[0] != '\0')
    {
      if (self->overtime)
        /* Translators: %s is a time like 3:12, past the meeting's end */
        value_text = g_strdup_printf (_("%s over"), self->text);
      else
        /* Translators: %s is a time like 19:59, before the meeting's end */
        value_text = g_strdup_printf (_("%s left"), self->text);
    }
  else
    {
      /* Translators: the part of a meeting's time left, in percent */
      value_text = g_strdup_printf (_("%d%% left"), (int)(self->fraction * 100 + 0.5));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->fraction * 100,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
}

static void
update_labels (RapportCountdownRing *self)
{
  gboolean has_text = self->text != NULL && self->text[0] != '\0';

  gtk_label_set_text (self->time_label, has_text ? self->text : "");
  gtk_label_set_text (self->caption_label,
                      self->overtime ? C_("countdown", "over") : C_("countdown", "left"));
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), has_text);
}

static void
set_label_attributes (GtkLabel *label,
                      double    scale,
                      gboolean  tabular)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  /* Tabular digits, so the text does not wobble as the seconds change. */
  if (tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* GtkWidget overrides */

static void
rapport_countdown_ring_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (widget);
  int child_min;
  int child_nat;

  gtk_widget_measure (self->box, orientation, -1, &child_min, &child_nat, NULL, NULL);

  *minimum = MAX (MIN_SIZE, (int)(child_min * INSIDE_FACTOR + 0.5));
  *natural = MAX (NATURAL_SIZE, (int)(child_nat * INSIDE_FACTOR + 0.5));
}

static void
rapport_countdown_ring_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (widget);

  /* The box is centred by its own alignment. */
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

static void
rapport_countdown_ring_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double line_width = MAX (4.0, size * 0.06);
  double radius = (size - line_width) / 2.0;
  double cx = width / 2.0;
  double cy = height / 2.0;
  GdkRGBA foreground;
  GdkRGBA color;
  cairo_t *cr;

  if (radius > 0)
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
      G_GNUC_END_IGNORE_DEPRECATIONS

      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (cx - size / 2, cy - size / 2, size, size));
      cairo_set_line_width (cr, line_width);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

      if (self->overtime)
        {
          rapport_palette_lookup (widget, "error_color", "#c01c28", &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      else
        {
          /* The track: what has gone. */
          foreground.alpha *= 0.12;
          gdk_cairo_set_source_rgba (cr, &foreground);
          cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
          cairo_stroke (cr);

          /* What is left, from twelve o'clock, clockwise. */
          if (self->fraction > 0)
            {
              rapport_palette_lookup (widget, "accent_color", "#1c71d8", &color);
              gdk_cairo_set_source_rgba (cr, &color);
              cairo_arc (cr, cx, cy, radius, -G_PI / 2, -G_PI / 2 + 2 * G_PI * self->fraction);
              cairo_stroke (cr);
            }
        }

      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->box, snapshot);
}

static void
rapport_countdown_ring_css_changed (GtkWidget         *widget,
                                    GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_countdown_ring_parent_class)->css_changed (widget, change);

  /* The accent and error colours change with the dark style. */
  gtk_widget_queue_draw (widget);
}

/* GObject overrides */

static void
rapport_countdown_ring_dispose (GObject *object)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->time_label = NULL;
  self->caption_label = NULL;

  G_OBJECT_CLASS (rapport_countdown_ring_parent_class)->dispose (object);
}

static void
rapport_countdown_ring_finalize (GObject *object)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rapport_countdown_ring_parent_class)->finalize (object);
}

static void
rapport_countdown_ring_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    case PROP_OVERTIME:
      g_value_set_boolean (value, self->overtime);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_countdown_ring_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportCountdownRing *self = RAPPORT_COUNTDOWN_RING (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      rapport_countdown_ring_set_fraction (self, g_value_get_double (value));
      break;

    case PROP_OVERTIME:
      rapport_countdown_ring_set_overtime (self, g_value_get_boolean (value));
      break;

    case PROP_TEXT:
      rapport_countdown_ring_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_countdown_ring_class_init (RapportCountdownRingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_countdown_ring_dispose;
  object_class->finalize = rapport_countdown_ring_finalize;
  object_class->get_property = rapport_countdown_ring_get_property;
  object_class->set_property = rapport_countdown_ring_set_property;

  widget_class->measure = rapport_countdown_ring_measure;
  widget_class->size_allocate = rapport_countdown_ring_size_allocate;
  widget_class->snapshot = rapport_countdown_ring_snapshot;
  widget_class->css_changed = rapport_countdown_ring_css_changed;

  /**
   * RapportCountdownRing:fraction:
   *
   * The part of the time left, from 1 (full ring) to 0; bind it to
   * #RapportCountdown:fraction.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_OVERTIME] =
    g_param_spec_boolean ("overtime", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * RapportCountdownRing:text:
   *
   * The time shown inside, as rapport_countdown_format() gives it
   * ("19:59", or "3:12" in overtime); "left" or "over" is added beneath.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "countdown-ring");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
}

static void
rapport_countdown_ring_init (RapportCountdownRing *self)
{
  self->fraction = 1.0;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->time_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "countdown-time");
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
  set_label_attributes (self->time_label, 3.0, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->time_label));

  self->caption_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "countdown-caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->caption_label), "dim-label");
  set_label_attributes (self->caption_label, 1.2, FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->caption_label));

  /* The ring's value text says it all; the labels would only repeat it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->time_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->caption_label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  update_labels (self);
  update_accessible (self);
}

/* Public API */

GtkWidget *
rapport_countdown_ring_new (void)
{
  return g_object_new (RAPPORT_TYPE_COUNTDOWN_RING, NULL);
}

double
rapport_countdown_ring_get_fraction (RapportCountdownRing *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN_RING (self), 0.0);
  return self->fraction;
}

void
rapport_countdown_ring_set_fraction (RapportCountdownRing *self,
                                     double                fraction)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN_RING (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

gboolean
rapport_countdown_ring_get_overtime (RapportCountdownRing *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN_RING (self), FALSE);
  return self->overtime;
}

/**
 * rapport_countdown_ring_set_overtime:
 *
 * Also toggles the "overtime" style class, so the digits can be styled too.
 */
void
rapport_countdown_ring_set_overtime (RapportCountdownRing *self,
                                     gboolean              overtime)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN_RING (self));

  overtime = !!overtime;
  if (self->overtime == overtime)
    return;

  self->overtime = overtime;
  /* libadwaita's "error" class gives the digits the ring's colour. */
  if (overtime)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "overtime");
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "overtime");
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_label), "error");
    }
  update_labels (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERTIME]);
}

const char *
rapport_countdown_ring_get_text (RapportCountdownRing *self)
{
  g_return_val_if_fail (RAPPORT_IS_COUNTDOWN_RING (self), NULL);
  return self->text;
}

void
rapport_countdown_ring_set_text (RapportCountdownRing *self,
                                 const char           *text)
{
  g_return_if_fail (RAPPORT_IS_COUNTDOWN_RING (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);

  update_labels (self);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
