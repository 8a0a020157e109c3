/* rapport-funnel-chart.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart.h"
#include "rapport-funnel-chart.h"
#include "rapport-palette.h"

/* The funnel, one row per step: its name and how many people reached it,
 * with the share of the step before, over a bar as long as their share of
 * everyone identified. The name sits above its bar rather than beside it,
 * so the bars keep their length at 360 px and in long languages. */
struct _RapportFunnelChart
{
  GtkWidget      parent_instance;

  RapportFunnel  funnel;
  char          *description;
};

G_DEFINE_FINAL_TYPE (RapportFunnelChart, rapport_funnel_chart, GTK_TYPE_WIDGET)

#define BAR_HEIGHT  14
#define TEXT_GAP    4
#define ROW_GAP     12
#define MIN_WIDTH   160
#define NAT_WIDTH   480

/* "6 · 75 %": the people at a step and their share of the step before. */
static char *
format_value (const RapportFunnel *funnel,
              RapportFunnelStep    step)
{
  g_autofree char *percent = NULL;
  double share;

  if (step == RAPPORT_FUNNEL_IDENTIFIED || (share = rapport_funnel_get_conversion (funnel, step)) < 0)
    return g_strdup_printf ("%u", funnel->counts[step]);
  percent = rapport_chart_format_percent (share);
  /* Translators: people who reached a step of the funnel, and their share of the step before */
  return g_strdup_printf (C_("funnel value", "%u · %s"), funnel->counts[step], percent);
}

static int
row_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  layout = rapport_chart_layout (widget, "Ag", FALSE, NULL, &height);
  return height + TEXT_GAP + BAR_HEIGHT;
}

static void
update_description (RapportFunnelChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < RAPPORT_N_FUNNEL_STEPS; i++)
    {
      double share = i > 0 ? rapport_funnel_get_conversion (&self->funnel, i) : -1;

      if (i > 0)
        g_string_append (text, " ");
      if (share >= 0)
        {
          g_autofree char *percent = rapport_chart_format_percent (share);

          /* Translators: in the funnel's description for screen readers, e.g.
           * "Replied: 4, 67 % of the step before." */
          g_string_append_printf (text, _("%s: %u, %s of the step before."),
                                  rapport_funnel_step_get_label (i), self->funnel.counts[i], percent);
        }
      else
        /* Translators: in the funnel's description for screen readers, e.g. "Identified: 8." */
        g_string_append_printf (text, _("%s: %u."), rapport_funnel_step_get_label (i), self->funnel.counts[i]);
    }

  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
rapport_funnel_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    *minimum = *natural = RAPPORT_N_FUNNEL_STEPS * row_height (widget) + (RAPPORT_N_FUNNEL_STEPS - 1) * ROW_GAP;
}

static void
rapport_funnel_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RapportFunnelChart *self = RAPPORT_FUNNEL_CHART (widget);
  int width = gtk_widget_get_width (widget);
  guint total = MAX (self->funnel.counts[RAPPORT_FUNNEL_IDENTIFIED], 1);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA fg, track, bar;
  float y = 0;

  rapport_chart_get_foreground (widget, &fg);
  track = fg;
  track.alpha *= 0.1f;
  rapport_palette_lookup (widget, "accent_color", "#1c71d8", &bar);

  for (guint i = 0; i < RAPPORT_N_FUNNEL_STEPS; i++)
    {
      g_autofree char *value = format_value (&self->funnel, i);
      g_autoptr(PangoLayout) value_layout = NULL;
      g_autoptr(PangoLayout) name_layout = NULL;
      int value_width, name_width, text_height;
      float bar_width;

      value_layout = rapport_chart_layout (widget, value, FALSE, &value_width, &text_height);
      name_layout = rapport_chart_layout (widget, rapport_funnel_step_get_label (i), FALSE, NULL, NULL);
      pango_layout_set_width (name_layout, MAX (width - value_width - 12, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (name_layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (name_layout, &name_width, NULL);

      rapport_chart_append_text (snapshot, name_layout, &fg, rtl ? width - name_width : 0, y);
      rapport_chart_append_text (snapshot, value_layout, &fg, rtl ? 0 : width - value_width, y);
      y += text_height + TEXT_GAP;

      bar_width = (float) width * self->funnel.counts[i] / total;
      rapport_chart_append_bar (snapshot, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), &track, BAR_HEIGHT / 2.f);
      rapport_chart_append_bar (snapshot, &GRAPHENE_RECT_INIT (rtl ? width - bar_width : 0, y, bar_width, BAR_HEIGHT),
                                &bar, BAR_HEIGHT / 2.f);
      y += BAR_HEIGHT + ROW_GAP;
    }
}

static void
rapport_funnel_chart_finalize (GObject *object)
{
  RapportFunnelChart *self = RAPPORT_FUNNEL_CHART (object);

  g_free (self->description);
  G_OBJECT_CLASS (rapport_funnel_chart_parent_class)->finalize (object);
}

static void
rapport_funnel_chart_class_init (RapportFunnelChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_funnel_chart_finalize;
  widget_class->measure = rapport_funnel_chart_measure;
  widget_class->snapshot = rapport_funnel_chart_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "funnel-chart");
}

static void
rapport_funnel_chart_init (RapportFunnelChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funnel"),
                                  -1);
  update_description (self);
}

GtkWidget *
rapport_funnel_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_FUNNEL_CHART, NULL);
}

void
rapport_funnel_chart_set_funnel (RapportFunnelChart  *self,
                                 const RapportFunnel *funnel)
{
  g_return_if_fail (RAPPORT_IS_FUNNEL_CHART (self));
  g_return_if_fail (funnel != NULL);

  self->funnel = *funnel;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a screen reader reads: every number of the chart. */
const char *
rapport_funnel_chart_get_description (RapportFunnelChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_FUNNEL_CHART (self), NULL);

  return self->description;
}
