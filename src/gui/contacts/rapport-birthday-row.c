/* rapport-birthday-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-birthday.h"
#include "rapport-birthday-row.h"

/* The contact editor's Birthday row: a button with the day that opens the
 * day, the month and, if known, the year. Not a calendar: a birthday is
 * decades back, and its year is often not known at all. The birthday is
 * set as soon as one of them changes, and cleared by its own button. */
struct _RapportBirthdayRow
{
  AdwActionRow    parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkSpinButton  *day_spin;
  GtkDropDown    *month_dropdown;
  GtkCheckButton *year_check;
  GtkSpinButton  *year_spin;
  GtkButton      *clear_button;

  char           *birthday;   /* rapport-birthday.h's text, or NULL */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (RapportBirthdayRow, rapport_birthday_row, ADW_TYPE_ACTION_ROW)

/* The year the picker starts at when the year is not known yet. */
#define DEFAULT_YEAR 1990

static void
update_button (RapportBirthdayRow *self)
{
  g_autofree char *label = rapport_birthday_dup_label (self->birthday);

  gtk_menu_button_set_label (self->button, label != NULL ? label : _("Not Set"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), self->birthday != NULL);
}

static void
show_birthday (RapportBirthdayRow *self)
{
  int year = RAPPORT_BIRTHDAY_NO_YEAR, month = 1, day = 1;

  rapport_birthday_parse (self->birthday, &year, &month, &day);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->month_dropdown, month - 1);
  gtk_spin_button_set_range (self->day_spin, 1, g_date_get_days_in_month (month, year != RAPPORT_BIRTHDAY_NO_YEAR ? year : 2000));
  gtk_spin_button_set_value (self->day_spin, day);
  gtk_check_button_set_active (self->year_check, year != RAPPORT_BIRTHDAY_NO_YEAR);
  gtk_spin_button_set_value (self->year_spin, year != RAPPORT_BIRTHDAY_NO_YEAR ? year : DEFAULT_YEAR);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), year != RAPPORT_BIRTHDAY_NO_YEAR);
  self->updating = FALSE;
  update_button (self);
}

static void
picked_cb (RapportBirthdayRow *self)
{
  gboolean known = gtk_check_button_get_active (self->year_check);
  int year = known ? gtk_spin_button_get_value_as_int (self->year_spin) : RAPPORT_BIRTHDAY_NO_YEAR;
  int month = (int) gtk_drop_down_get_selected (self->month_dropdown) + 1;
  /* Without a year, 29 February is a birthday (2000 was a leap year). */
  int last = g_date_get_days_in_month (month, known ? year : 2000);

  if (self->updating)
    return;

  self->updating = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), known);
  gtk_spin_button_set_range (self->day_spin, 1, last);
  self->updating = FALSE;

  g_free (self->birthday);
  self->birthday = rapport_birthday_new (year, month, gtk_spin_button_get_value_as_int (self->day_spin));
  update_button (self);
}

static void
clear_clicked_cb (RapportBirthdayRow *self)
{
  rapport_birthday_row_set_birthday (self, NULL);
  gtk_popover_popdown (self->popover);
}

static void
rapport_birthday_row_finalize (GObject *object)
{
  RapportBirthdayRow *self = RAPPORT_BIRTHDAY_ROW (object);

  g_clear_pointer (&self->birthday, g_free);

  G_OBJECT_CLASS (rapport_birthday_row_parent_class)->finalize (object);
}

static void
rapport_birthday_row_class_init (RapportBirthdayRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rapport_birthday_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-birthday-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, button);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, popover);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, day_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, year_check);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportBirthdayRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
rapport_birthday_row_init (RapportBirthdayRow *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int month = 1; month <= 12; month++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (2000, month, 1, 0, 0, 0);
      /* %OB: the month's name on its own, not as in a date (Polish, Russian...). */
      g_autofree char *name = g_date_time_format (date, "%OB");

      gtk_string_list_append (months, name);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));
  self->updating = FALSE;
  show_birthday (self);
}

/**
 * rapport_birthday_row_get_birthday:
 *
 * Returns: (nullable): the chosen birthday, as rapport-birthday.h writes it
 */
const char *
rapport_birthday_row_get_birthday (RapportBirthdayRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_BIRTHDAY_ROW (self), NULL);
  return self->birthday;
}

void
rapport_birthday_row_set_birthday (RapportBirthdayRow *self,
                                   const char         *birthday)
{
  g_return_if_fail (RAPPORT_IS_BIRTHDAY_ROW (self));

  g_free (self->birthday);
  self->birthday = rapport_birthday_normalize (birthday);
  show_birthday (self);
}
