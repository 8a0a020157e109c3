/* rapport-rhythm-chart.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-insights"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-chart.h"
#include "rapport-palette.h"
#include "rapport-rhythm-chart.h"

/* The weekly rhythm: for each of the last twelve weeks a group of four
 * bars (requests, follow-ups, meetings, thank-yous), with the weekly goal
 * for requests as a dashed line across, a legend above that wraps when
 * narrow, and the weeks' dates below, as many as fit without touching. */
struct _RapportRhythmChart
{
  GtkWidget          parent_instance;

  RapportRhythmWeek  weeks[RAPPORT_RHYTHM_WEEKS];
  int                goal;
  char              *description;
};

G_DEFINE_FINAL_TYPE (RapportRhythmChart, rapport_rhythm_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PLOT_HEIGHT  140
#define SWATCH       10
#define LEGEND_GAP   16
#define LINE_GAP     6
#define MIN_WIDTH    240
#define NAT_WIDTH    560

static const struct {
  const char *name;
  const char *fallback;
} series_colors[RAPPORT_N_RHYTHM_SERIES] = {
  { "accent_color", "#1c71d8" },
  { "purple_3", "#9141ac" },
  { "green_4", "#2ec27e" },
  { "orange_3", "#ff7800" },
};

/* Helpers */

/* "16 Mar": the Monday a week starts on, in the user's zone and language. */
char *
rapport_rhythm_format_week (gint64 starts_at)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (starts_at);

  /* Translators: the first day of a week on the weekly rhythm's axis, a
   * g_date_time_format () format, e.g. "16 Mar" ("-": no padding) */
  return g_date_time_format (dt, C_("week", "%-d %b"));
}

static guint
top_value (RapportRhythmChart *self)
{
  /* above the goal, so that its line and label stay clear of the top */
  guint top = self->goal + 1, step;

  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
      top = MAX (top, self->weeks[w].counts[s]);
  step = top <= 5 ? 1 : top <= 25 ? 5 : top <= 100 ? 10 : 50;
  return (top + step - 1) / step * step;
}

/* Lays the legend out for @width: each item's place, and the height. */
static int
legend_layout (RapportRhythmChart *self,
               int                 width,
               graphene_point_t   *places)
{
  int x = 0, y = 0, line_height = 0;

  for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int w, h, item;

      layout = rapport_chart_layout (GTK_WIDGET (self), rapport_rhythm_series_get_label (s), TRUE, &w, &h);
      item = SWATCH + 6 + w;
      if (x > 0 && x + item > width)
        {
          x = 0;
          y += line_height + LINE_GAP;
        }
      if (places != NULL)
        places[s] = GRAPHENE_POINT_INIT (x, y);
      x += item + LEGEND_GAP;
      line_height = MAX (line_height, h);
    }
  return y + line_height;
}

static int
small_line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  layout = rapport_chart_layout (widget, "Ag", TRUE, NULL, &height);
  return height;
}

static void
update_description (RapportRhythmChart *self)
{
  GString *text = g_string_new (NULL);

  /* Translators: the start of the weekly rhythm's description for screen readers */
  g_string_append_printf (text, _("The last %d weeks, the oldest first."), RAPPORT_RHYTHM_WEEKS);
  for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
    {
      g_string_append_printf (text, " %s:", rapport_rhythm_series_get_label (s));
      for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
        g_string_append_printf (text, w == 0 ? " %u" : ", %u", self->weeks[w].counts[s]);
      g_string_append (text, ".");
      if (s == RAPPORT_RHYTHM_REQUESTS && self->goal > 0)
        {
          g_string_append (text, " ");
          /* Translators: in the weekly rhythm's description, after the requests of each week */
          g_string_append_printf (text, ngettext ("Your goal is %d request a week.",
                                                  "Your goal is %d requests a week.", self->goal), self->goal);
        }
    }

  g_free (self->description);
  self->description = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* GtkWidget */

static GtkSizeRequestMode
rapport_rhythm_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_rhythm_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RapportRhythmChart *self = RAPPORT_RHYTHM_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
      return;
    }
  *minimum = *natural = legend_layout (self, for_size < 0 ? NAT_WIDTH : for_size, NULL) + LEGEND_GAP +
                        PLOT_HEIGHT + LINE_GAP + small_line_height (widget);
}

static void
append_dashed_line (GtkSnapshot   *snapshot,
                    float          x0,
                    float          x1,
                    float          y,
                    const GdkRGBA *color)
{
  for (float x = x0; x < x1; x += 10)
    gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y - 1, MIN (6, x1 - x), 2));
}

static void
rapport_rhythm_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RapportRhythmChart *self = RAPPORT_RHYTHM_CHART (widget);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  graphene_point_t places[RAPPORT_N_RHYTHM_SERIES];
  GdkRGBA fg, faint, colors[RAPPORT_N_RHYTHM_SERIES];
  g_autofree char *top_text = NULL;
  g_autoptr(PangoLayout) top_layout = NULL;
  g_autoptr(PangoLayout) zero_layout = NULL;
  int legend_height, axis_width, zero_width, small_height, label_max = 0, every;
  float plot_x, plot_w, plot_top, plot_bottom, group_w, bar_w;
  guint top = top_value (self);

  rapport_chart_get_foreground (widget, &fg);
  faint = fg;
  faint.alpha *= 0.15f;
  for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
    rapport_palette_lookup (widget, series_colors[s].name, series_colors[s].fallback, &colors[s]);

  /* the legend */
  legend_height = legend_layout (self, width, places);
  for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;
      float x;

      layout = rapport_chart_layout (widget, rapport_rhythm_series_get_label (s), TRUE, &w, &h);
      x = rtl ? width - places[s].x - SWATCH : places[s].x;
      rapport_chart_append_bar (snapshot, &GRAPHENE_RECT_INIT (x, places[s].y + (h - SWATCH) / 2.f, SWATCH, SWATCH),
                                &colors[s], 3);
      rapport_chart_append_text (snapshot, layout, &fg, rtl ? x - 6 - w : x + SWATCH + 6, places[s].y);
    }

  /* the axis: 0 at the bottom, the top value at the top */
  top_text = g_strdup_printf ("%u", top);
  top_layout = rapport_chart_layout (widget, top_text, TRUE, &axis_width, &small_height);
  zero_layout = rapport_chart_layout (widget, "0", TRUE, &zero_width, NULL);
  plot_top = legend_height + LEGEND_GAP;
  plot_bottom = plot_top + PLOT_HEIGHT;
  plot_x = rtl ? 0 : axis_width + 6;
  plot_w = width - axis_width - 6;
  rapport_chart_append_text (snapshot, top_layout, &fg, rtl ? width - axis_width : 0, plot_top - small_height / 2.f);
  rapport_chart_append_text (snapshot, zero_layout, &fg, rtl ? width - zero_width : axis_width - zero_width,
                             plot_bottom - small_height / 2.f);
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (plot_x, plot_top, plot_w, 1));
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (plot_x, plot_top + PLOT_HEIGHT / 2.f, plot_w, 1));
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (plot_x, plot_bottom, plot_w, 1));

  /* the bars, the oldest week at the start of the line */
  group_w = plot_w / RAPPORT_RHYTHM_WEEKS;
  bar_w = MAX ((group_w - 4) / RAPPORT_N_RHYTHM_SERIES, 1);
  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    {
      guint slot = rtl ? RAPPORT_RHYTHM_WEEKS - 1 - w : w;

      for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
        {
          float h = (float) PLOT_HEIGHT * self->weeks[w].counts[s] / top;
          guint k = rtl ? RAPPORT_N_RHYTHM_SERIES - 1 - s : s;
          float x = plot_x + slot * group_w + 2 + k * bar_w;

          if (self->weeks[w].counts[s] > 0)
            rapport_chart_append_bar (snapshot, &GRAPHENE_RECT_INIT (x, plot_bottom - h, MAX (bar_w - 1, 1), h),
                                      &colors[s], 2);
        }
    }

  /* the goal */
  if (self->goal > 0)
    {
      g_autofree char *goal_text = g_strdup_printf (_("Goal %d"), self->goal);
      g_autoptr(PangoLayout) layout = NULL;
      float y = plot_bottom - (float) PLOT_HEIGHT * self->goal / top;
      GdkRGBA line = fg;
      int w, h;

      line.alpha *= 0.7f;
      append_dashed_line (snapshot, plot_x, plot_x + plot_w, y, &line);
      layout = rapport_chart_layout (widget, goal_text, TRUE, &w, &h);
      rapport_chart_append_text (snapshot, layout, &fg, rtl ? plot_x : plot_x + plot_w - w,
                                 MAX (y - h - 2, plot_top - small_height / 2.f));
    }

  /* the weeks' dates, the newest always, then back by as many weeks as
   * leave room between two dates */
  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    {
      g_autofree char *text = rapport_rhythm_format_week (self->weeks[w].starts_at);
      g_autoptr(PangoLayout) layout = rapport_chart_layout (widget, text, TRUE, NULL, NULL);
      int lw;

      pango_layout_get_pixel_size (layout, &lw, NULL);
      label_max = MAX (label_max, lw);
    }
  for (every = 1; every < RAPPORT_RHYTHM_WEEKS && every * group_w < label_max + 8; every++)
    ;
  for (int w = RAPPORT_RHYTHM_WEEKS - 1; w >= 0; w -= every)
    {
      g_autofree char *text = rapport_rhythm_format_week (self->weeks[w].starts_at);
      g_autoptr(PangoLayout) layout = NULL;
      int slot = rtl ? RAPPORT_RHYTHM_WEEKS - 1 - w : w;
      float x;
      int lw;

      layout = rapport_chart_layout (widget, text, TRUE, &lw, NULL);
      x = plot_x + slot * group_w + group_w / 2 - lw / 2.f;
      x = CLAMP (x, 0, width - lw);
      rapport_chart_append_text (snapshot, layout, &fg, x, plot_bottom + LINE_GAP);
    }
}

/* GObject */

static void
rapport_rhythm_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportRhythmChart *self = RAPPORT_RHYTHM_CHART (object);

  switch (prop_id)
    {
    case PROP_GOAL:
      g_value_set_int (value, self->goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_rhythm_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportRhythmChart *self = RAPPORT_RHYTHM_CHART (object);

  switch (prop_id)
    {
    case PROP_GOAL:
      rapport_rhythm_chart_set_goal (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_rhythm_chart_finalize (GObject *object)
{
  RapportRhythmChart *self = RAPPORT_RHYTHM_CHART (object);

  g_free (self->description);
  G_OBJECT_CLASS (rapport_rhythm_chart_parent_class)->finalize (object);
}

static void
rapport_rhythm_chart_class_init (RapportRhythmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rapport_rhythm_chart_get_property;
  object_class->set_property = rapport_rhythm_chart_set_property;
  object_class->finalize = rapport_rhythm_chart_finalize;
  widget_class->get_request_mode = rapport_rhythm_chart_get_request_mode;
  widget_class->measure = rapport_rhythm_chart_measure;
  widget_class->snapshot = rapport_rhythm_chart_snapshot;

  properties[PROP_GOAL] =
    g_param_spec_int ("goal", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "rhythm-chart");
}

static void
rapport_rhythm_chart_init (RapportRhythmChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weekly Rhythm"),
                                  -1);
  update_description (self);
}

/* Public API */

GtkWidget *
rapport_rhythm_chart_new (void)
{
  return g_object_new (RAPPORT_TYPE_RHYTHM_CHART, NULL);
}

void
rapport_rhythm_chart_set_weeks (RapportRhythmChart      *self,
                                const RapportRhythmWeek *weeks)
{
  g_return_if_fail (RAPPORT_IS_RHYTHM_CHART (self));
  g_return_if_fail (weeks != NULL);

  memcpy (self->weeks, weeks, sizeof self->weeks);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
rapport_rhythm_chart_get_goal (RapportRhythmChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_RHYTHM_CHART (self), 0);

  return self->goal;
}

void
rapport_rhythm_chart_set_goal (RapportRhythmChart *self,
                               int                 goal)
{
  g_return_if_fail (RAPPORT_IS_RHYTHM_CHART (self));

  goal = MAX (goal, 0);
  if (self->goal == goal)
    return;
  self->goal = goal;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
}

/* What a screen reader reads: every number of the chart. */
const char *
rapport_rhythm_chart_get_description (RapportRhythmChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_RHYTHM_CHART (self), NULL);

  return self->description;
}
