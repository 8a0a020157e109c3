/* rapport-insights-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-chart-export.h"
#include "rapport-chart.h"
#include "rapport-insights.h"
#include "rapport-insights-page.h"
#include "rapport-insights-table.h"
#include "rapport-network-page.h"
#include "rapport-toast.h"

/* Where the search stands: the funnel of the people added in a period and
 * the rhythm of the last twelve weeks, each a chart drawn by Rapport or,
 * with "Show as Table", the same numbers in a table; and how soon the
 * people of the period answered, by who introduced them (a table alone:
 * a few numbers per referrer read best as such). Read again whenever
 * a contact, its timeline or a meeting changes (the stores' "changed"),
 * but only while the page is on screen: a hidden page reads when it is
 * shown again. */
struct _RapportInsightsPage
{
  GtkWidget            parent_instance;

  GtkStack            *stack;
  AdwComboRow         *period_row;
  GtkStack            *funnel_stack;
  RapportFunnelChart  *funnel_chart;
  GtkScrolledWindow   *funnel_table_window;
  GtkLabel            *reply_note;
  GtkSpinButton       *goal_spin;
  GtkStack            *rhythm_stack;
  RapportRhythmChart  *rhythm_chart;
  GtkScrolledWindow   *rhythm_table_window;
  GtkLabel            *reply_times_note;
  GtkScrolledWindow   *referrers_table_window;
  AdwViewStack        *view_stack;
  RapportNetworkPage  *network_page;

  GtkColumnView       *funnel_table;
  GtkColumnView       *rhythm_table;
  GtkColumnView       *referrers_table;

  RapportContactStore *contacts;
  RapportMeetingStore *meetings;
  GSettings           *settings;
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (RapportInsightsPage, rapport_insights_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FUNNEL_TABLE,
  PROP_RHYTHM_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The choices of insights-period, in the order of the Period row. */
static const char * const periods[] = { "30-days", "90-days", "12-months", "all" };

/* Helpers */

static void
period_bounds (guint      period,
               GDateTime *now,
               gint64    *from,
               gint64    *to)
{
  g_autoptr(GDateTime) start = NULL;

  *to = G_MAXINT64;
  switch (period)
    {
    case 0: start = g_date_time_add_days (now, -30); break;
    case 1: start = g_date_time_add_days (now, -90); break;
    case 2: start = g_date_time_add_months (now, -12); break;
    default: *from = G_MININT64; return;
    }
  *from = g_date_time_to_unix (start);
}

/* The method's word on replies: 20–40 % is normal. Said kindly to those in
 * or below that range, since a low rate is what discourages people most. */
static char *
reply_note_text (const RapportFunnel *funnel)
{
  double rate = rapport_funnel_get_reply_rate (funnel);
  g_autofree char *percent = NULL;

  if (rate < 0)
    return g_strdup (_("No requests sent to the people of this period yet."));

  percent = rapport_chart_format_percent (rate);
  if (rate < RAPPORT_REPLY_RATE_NORMAL_LOW)
    /* Translators: %s is a percentage like "12 %" */
    return g_strdup_printf (_("%s of your requests got a reply so far. Don’t be discouraged: people are busy, and "
                              "only 20 to 40 in 100 requests get an answer. A kind follow-up two weeks later often "
                              "brings one."), percent);
  if (rate <= RAPPORT_REPLY_RATE_NORMAL_HIGH)
    /* Translators: %s is a percentage like "30 %" */
    return g_strdup_printf (_("%s of your requests got a reply: that is normal, as 20 to 40 in 100 requests get "
                              "an answer. Keep going, every request counts."), percent);
  /* Translators: %s is a percentage like "55 %" */
  return g_strdup_printf (_("%s of your requests got a reply, more than the 20 to 40 in 100 that are usual. "
                            "Well done."), percent);
}

static void
fill_funnel_table (RapportInsightsPage *self,
                   const RapportFunnel *funnel)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < RAPPORT_N_FUNNEL_STEPS; i++)
    {
      double share = i > 0 ? rapport_funnel_get_conversion (funnel, i) : -1;
      char **cells = g_new0 (char *, 4);

      cells[0] = g_strdup (rapport_funnel_step_get_label (i));
      cells[1] = g_strdup_printf ("%u", funnel->counts[i]);
      cells[2] = share >= 0 ? rapport_chart_format_percent (share) : g_strdup ("—");
      g_ptr_array_add (rows, cells);
    }
  rapport_insights_table_set_rows (self->funnel_table, rows);
}

static void
fill_rhythm_table (RapportInsightsPage     *self,
                   const RapportRhythmWeek *weeks)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint w = 0; w < RAPPORT_RHYTHM_WEEKS; w++)
    {
      char **cells = g_new0 (char *, RAPPORT_N_RHYTHM_SERIES + 2);

      cells[0] = rapport_rhythm_format_week (weeks[w].starts_at);
      for (guint s = 0; s < RAPPORT_N_RHYTHM_SERIES; s++)
        cells[s + 1] = g_strdup_printf ("%u", weeks[w].counts[s]);
      g_ptr_array_add (rows, cells);
    }
  rapport_insights_table_set_rows (self->rhythm_table, rows);
}

/* "36 hours", "4 days": a median time to a reply, in whole units that
 * plural forms fit (hours under two days). */
static char *
format_wait (double days)
{
  if (days * 24 < 1)
    return g_strdup (_("an hour"));
  if (days < 2)
    {
      guint hours = (guint) (days * 24 + 0.5);

      /* Translators: how long people took to reply */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);
    }
  {
    guint whole = (guint) (days + 0.5);

    /* Translators: how long people took to reply */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", whole), whole);
  }
}

static char *
reply_times_note_text (const RapportReplyTimes *replies,
                       const RapportFunnel     *funnel)
{
  g_autofree char *wait = NULL;

  /* The funnel also counts a stage set by hand; a time needs the request's date. */
  if (replies->asked == 0 && funnel->counts[RAPPORT_FUNNEL_REQUESTED] > 0)
    return g_strdup (_("The times show once your requests are on the people’s timelines: a message written in "
                       "Rapport, or a request added to the timeline, puts them there."));
  if (replies->asked == 0)
    return g_strdup (_("No requests sent to the people of this period yet."));
  if (replies->replied == 0)
    /* Translators: %u is how many people were asked */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The person you asked has not answered yet. Answers often take a week "
                                         "or two, and a kind follow-up helps.",
                                         "None of the %u people you asked has answered yet. Answers often take a "
                                         "week or two, and a kind follow-up helps.", replies->asked),
                            replies->asked);
  wait = format_wait (replies->median_days);
  if (replies->asked == 1)
    /* Translators: %s is a time such as "4 days" */
    return g_strdup_printf (_("The person you asked answered within %s."), wait);
  /* Translators: the first %u is how many answered, the second how many were asked (always more than one);
   * %s a time such as "4 days" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of the %u people you asked answered; half of the answers came within %s.",
                                       "%u of the %u people you asked answered; half of the answers came within %s.",
                                       replies->asked),
                          replies->replied, replies->asked, wait);
}

static void
fill_referrers_table (RapportInsightsPage *self,
                      GPtrArray           *referrers)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < referrers->len; i++)
    {
      const RapportReferrerReplies *referrer = g_ptr_array_index (referrers, i);
      g_autofree char *percent = rapport_chart_format_percent (rapport_reply_times_get_rate (&referrer->times));
      char **cells = g_new0 (char *, 5);

      if (referrer->referrer_id == 0)
        cells[0] = g_strdup (_("No One: You Wrote First"));
      else
        cells[0] = g_strdup (referrer->name[0] != '\0' ? referrer->name : _("Unnamed Contact"));
      cells[1] = g_strdup_printf ("%u", referrer->times.asked);
      /* Translators: how many answered, then their share, e.g. "2 (67 %)" */
      cells[2] = g_strdup_printf (C_("replied", "%u (%s)"), referrer->times.replied, percent);
      cells[3] = referrer->times.median_days >= 0 ? format_wait (referrer->times.median_days) : g_strdup ("—");
      g_ptr_array_add (rows, cells);
    }
  rapport_insights_table_set_rows (self->referrers_table, rows);
  gtk_widget_set_visible (GTK_WIDGET (self->referrers_table_window), referrers->len > 0);
}

/* Export: the chart as on screen, so only while it is shown (not its table). */

static void
update_export_actions (RapportInsightsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.export-funnel",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->funnel_stack), "chart") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "insights.export-rhythm",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->rhythm_stack), "chart") == 0);
}

static void
chart_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportInsightsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Chart exported")));
  else
    {
      /* Translators: %s is an error message */
      g_autofree char *text = g_strdup_printf (_("Could not export the chart: %s"), error->message);

      rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
    }
}

/* A new file in place of any old one, private to the user (0600): the
 * figures are about the people the user talks to. */
static void
chart_chosen_cb (GtkWidget          *widget,
                 RapportImageFormat  format,
                 GFile              *file,
                 gpointer            user_data)
{
  RapportInsightsPage *self = RAPPORT_INSIGHTS_PAGE (widget);
  gboolean funnel = GPOINTER_TO_INT (user_data);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = funnel ? rapport_chart_render (GTK_WIDGET (self->funnel_chart), _("Funnel"),
                                         rapport_funnel_chart_get_description (self->funnel_chart), format, &error)
                 : rapport_chart_render (GTK_WIDGET (self->rhythm_chart), _("Weekly Rhythm"),
                                         rapport_rhythm_chart_get_description (self->rhythm_chart), format, &error);
  if (bytes == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not export the chart: %s"), error->message);

      rapport_widget_add_toast (widget, rapport_toast_new (text));
      return;
    }
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       chart_written_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean funnel = g_str_equal (action_name, "insights.export-funnel");
  RapportImageFormat format = g_str_equal (g_variant_get_string (parameter, NULL), "svg") ? RAPPORT_IMAGE_SVG
                                                                                         : RAPPORT_IMAGE_PNG;

  rapport_image_export_choose (widget, funnel ? _("Export the Funnel") : _("Export the Weekly Rhythm"),
                               /* Translators: suggested file names of the charts' export, without extension */
                               funnel ? C_("file name", "funnel") : C_("file name", "weekly-rhythm"),
                               format, chart_chosen_cb, GINT_TO_POINTER (funnel));
}

/* Callbacks */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportInsightsPage) self = user_data;
  g_autoptr(RapportInsights) insights = NULL;
  g_autofree char *note = NULL;
  g_autofree char *times_note = NULL;
  g_autoptr(GError) error = NULL;

  insights = rapport_insights_load_finish (RAPPORT_DATABASE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (insights == NULL)
    {
      g_warning ("Could not read the insights: %s", error->message);
      return;
    }

  rapport_funnel_chart_set_funnel (self->funnel_chart, &insights->funnel);
  rapport_rhythm_chart_set_weeks (self->rhythm_chart, insights->weeks);
  fill_funnel_table (self, &insights->funnel);
  fill_rhythm_table (self, insights->weeks);
  note = reply_note_text (&insights->funnel);
  gtk_label_set_text (self->reply_note, note);
  fill_referrers_table (self, insights->referrers);
  times_note = reply_times_note_text (&insights->replies, &insights->funnel);
  gtk_label_set_text (self->reply_times_note, times_note);
  gtk_stack_set_visible_child_name (self->stack, insights->n_people == 0 ? "empty" : "charts");
  g_signal_emit (self, signals[REFRESHED], 0);
}

static void
period_selected_cb (RapportInsightsPage *self)
{
  guint period = adw_combo_row_get_selected (self->period_row);

  if (self->settings != NULL && period < G_N_ELEMENTS (periods))
    g_settings_set_string (self->settings, "insights-period", periods[period]);
}

static void
period_setting_cb (RapportInsightsPage *self)
{
  g_autofree char *period = g_settings_get_string (self->settings, "insights-period");

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (g_str_equal (period, periods[i]))
      adw_combo_row_set_selected (self->period_row, i);
  rapport_insights_page_refresh (self);
}

static void
rapport_insights_page_map (GtkWidget *widget)
{
  RapportInsightsPage *self = RAPPORT_INSIGHTS_PAGE (widget);

  GTK_WIDGET_CLASS (rapport_insights_page_parent_class)->map (widget);
  /* also when nothing changed: the weeks move on while the window is open */
  rapport_insights_page_refresh (self);
}

/* GObject */

/* "Show as Table": the properties behind the switches' actions
 * (insights.funnel-table, insights.rhythm-table). */
static void
rapport_insights_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportInsightsPage *self = RAPPORT_INSIGHTS_PAGE (object);
  GtkStack *stack = prop_id == PROP_FUNNEL_TABLE ? self->funnel_stack : self->rhythm_stack;

  switch (prop_id)
    {
    case PROP_FUNNEL_TABLE:
    case PROP_RHYTHM_TABLE:
      g_value_set_boolean (value, g_strcmp0 (gtk_stack_get_visible_child_name (stack), "table") == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_insights_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportInsightsPage *self = RAPPORT_INSIGHTS_PAGE (object);
  GtkStack *stack = prop_id == PROP_FUNNEL_TABLE ? self->funnel_stack : self->rhythm_stack;

  switch (prop_id)
    {
    case PROP_FUNNEL_TABLE:
    case PROP_RHYTHM_TABLE:
      if (g_value_get_boolean (value) == (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "table") == 0))
        break;
      gtk_stack_set_visible_child_name (stack, g_value_get_boolean (value) ? "table" : "chart");
      update_export_actions (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_insights_page_dispose (GObject *object)
{
  RapportInsightsPage *self = RAPPORT_INSIGHTS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INSIGHTS_PAGE);
  /* the box of the Overview and Network views is not a bound child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->contacts);
  g_clear_object (&self->meetings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_insights_page_parent_class)->dispose (object);
}

static void
rapport_insights_page_class_init (RapportInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_insights_page_dispose;
  object_class->get_property = rapport_insights_page_get_property;
  object_class->set_property = rapport_insights_page_set_property;
  widget_class->map = rapport_insights_page_map;

  properties[PROP_FUNNEL_TABLE] =
    g_param_spec_boolean ("funnel-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RHYTHM_TABLE] =
    g_param_spec_boolean ("rhythm-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "insights.funnel-table", "funnel-table");
  gtk_widget_class_install_property_action (widget_class, "insights.rhythm-table", "rhythm-table");
  gtk_widget_class_install_action (widget_class, "insights.export-funnel", "s", export_action);
  gtk_widget_class_install_action (widget_class, "insights.export-rhythm", "s", export_action);

  /* After each answer from the database has been shown (for the tests). */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RAPPORT_TYPE_FUNNEL_CHART);
  g_type_ensure (RAPPORT_TYPE_RHYTHM_CHART);
  g_type_ensure (RAPPORT_TYPE_NETWORK_PAGE);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, funnel_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, funnel_table_window);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, reply_note);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, goal_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, rhythm_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, rhythm_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, rhythm_table_window);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, reply_times_note);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, referrers_table_window);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportInsightsPage, network_page);
}

static void
rapport_insights_page_init (RapportInsightsPage *self)
{
  const char * const funnel_titles[] = {
    C_("funnel table", "Step"), C_("funnel table", "People"), C_("funnel table", "Of the Step Before"), NULL,
  };
  const char * const rhythm_titles[] = {
    C_("rhythm table", "Week"),
    rapport_rhythm_series_get_label (RAPPORT_RHYTHM_REQUESTS),
    rapport_rhythm_series_get_label (RAPPORT_RHYTHM_FOLLOW_UPS),
    rapport_rhythm_series_get_label (RAPPORT_RHYTHM_MEETINGS),
    rapport_rhythm_series_get_label (RAPPORT_RHYTHM_THANK_YOUS),
    NULL,
  };
  const char * const referrers_titles[] = {
    C_("referrers table", "Introduced By"), C_("referrers table", "Asked"), C_("referrers table", "Answered"),
    C_("referrers table", "Median Wait"), NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->funnel_table = GTK_COLUMN_VIEW (rapport_insights_table_new (funnel_titles));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->funnel_table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Funnel"), -1);
  gtk_scrolled_window_set_child (self->funnel_table_window, GTK_WIDGET (self->funnel_table));
  self->rhythm_table = GTK_COLUMN_VIEW (rapport_insights_table_new (rhythm_titles));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rhythm_table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weekly Rhythm"), -1);
  gtk_scrolled_window_set_child (self->rhythm_table_window, GTK_WIDGET (self->rhythm_table));
  self->referrers_table = GTK_COLUMN_VIEW (rapport_insights_table_new (referrers_titles));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->referrers_table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answers by Introduction"), -1);
  gtk_scrolled_window_set_child (self->referrers_table_window, GTK_WIDGET (self->referrers_table));

  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
rapport_insights_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_INSIGHTS_PAGE, NULL);
}

/**
 * rapport_insights_page_set_stores:
 * @contacts: the contacts, whose database the page reads and whose
 *   "changed" (a contact, its stage or timeline) it follows
 * @meetings: the meetings, whose "changed" it follows
 * @settings: the application's settings (the period, the weekly goal)
 */
void
rapport_insights_page_set_stores (RapportInsightsPage *self,
                                  RapportContactStore *contacts,
                                  RapportMeetingStore *meetings,
                                  GSettings           *settings)
{
  g_return_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (contacts));
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (meetings));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->contacts == NULL);

  self->contacts = g_object_ref (contacts);
  self->meetings = g_object_ref (meetings);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (contacts, "changed", G_CALLBACK (rapport_insights_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (meetings, "changed", G_CALLBACK (rapport_insights_page_refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::insights-period", G_CALLBACK (period_setting_cb), self,
                           G_CONNECT_SWAPPED);
  rapport_network_page_set_store (self->network_page, contacts);
  g_settings_bind (settings, "network-grouped", self->network_page, "grouped", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "weekly-request-goal", self->goal_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "weekly-request-goal", self->rhythm_chart, "goal", G_SETTINGS_BIND_GET);
  period_setting_cb (self);
}

/**
 * rapport_insights_page_refresh:
 *
 * Reads the figures again in the background, if the page is on screen; a
 * read still running is given up for the new one.
 */
void
rapport_insights_page_refresh (RapportInsightsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  RapportDatabase *db;
  gint64 from, to;

  g_return_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self));

  if (self->contacts == NULL)
    return;
  db = rapport_contact_store_get_database (self->contacts);
  if (!rapport_database_is_open (db))
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  now = g_date_time_new_now_local ();
  period_bounds (adw_combo_row_get_selected (self->period_row), now, &from, &to);
  rapport_insights_load_async (db, from, to, now, self->cancellable, loaded_cb, g_object_ref (self));
}

/* "loading", "empty" or "charts" */
const char *
rapport_insights_page_get_shown (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

RapportFunnelChart *
rapport_insights_page_get_funnel_chart (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return self->funnel_chart;
}

RapportRhythmChart *
rapport_insights_page_get_rhythm_chart (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return self->rhythm_chart;
}

GtkColumnView *
rapport_insights_page_get_funnel_table (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return self->funnel_table;
}

GtkColumnView *
rapport_insights_page_get_rhythm_table (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return self->rhythm_table;
}

const char *
rapport_insights_page_get_reply_note (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return gtk_label_get_text (self->reply_note);
}

GtkColumnView *
rapport_insights_page_get_referrers_table (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return self->referrers_table;
}

const char *
rapport_insights_page_get_reply_times_note (RapportInsightsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_INSIGHTS_PAGE (self), NULL);

  return gtk_label_get_text (self->reply_times_note);
}
