/* rapport-date-time-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date-time-group.h"

/* The "When" group of the meeting and reminder editors: a Date row that opens
 * a calendar and a Time row with hour and minute, in the user's local time.
 * An editor may add rows of its own below (the meeting's length) as it would
 * to any AdwPreferencesGroup. "changed" is emitted on every edit, so that the
 * editor can validate as the user types. */
struct _RapportDateTimeGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkMenuButton       *date_button;
  GtkPopover          *date_popover;
  GtkCalendar         *calendar;
  GtkSpinButton       *hour_spin;
  GtkSpinButton       *minute_spin;
};

G_DEFINE_FINAL_TYPE (RapportDateTimeGroup, rapport_date_time_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_date_button (RapportDateTimeGroup *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  /* Translators: the chosen day on the date button, e.g. "Tuesday, 24 November 2026"
   * (strftime format) */
  g_autofree char *label = g_date_time_format (day, _("%A, %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, label);
}

static void
day_selected_cb (RapportDateTimeGroup *self)
{
  update_date_button (self);
  gtk_popover_popdown (self->date_popover);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
time_changed_cb (RapportDateTimeGroup *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
rapport_date_time_group_class_init (RapportDateTimeGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * RapportDateTimeGroup::changed:
   *
   * The user chose another day, hour or minute.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rapport-date-time-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimeGroup, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimeGroup, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimeGroup, calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimeGroup, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportDateTimeGroup, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_cb);
}

static void
rapport_date_time_group_init (RapportDateTimeGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_date_button (self);
}

/**
 * rapport_date_time_group_dup_date_time:
 *
 * Returns: (transfer full): the chosen day, hour and minute in local time.
 * g_date_time_new_local() resolves the hour against the rules of that very
 * day, which is what keeps the instant right across a DST change. %NULL for a
 * time that does not exist on that day.
 */
GDateTime *
rapport_date_time_group_dup_date_time (RapportDateTimeGroup *self)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (RAPPORT_IS_DATE_TIME_GROUP (self), NULL);

  day = gtk_calendar_get_date (self->calendar);
  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

void
rapport_date_time_group_set_date_time (RapportDateTimeGroup *self,
                                       GDateTime            *local)
{
  g_return_if_fail (RAPPORT_IS_DATE_TIME_GROUP (self));
  g_return_if_fail (local != NULL);

  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  update_date_button (self);
}
