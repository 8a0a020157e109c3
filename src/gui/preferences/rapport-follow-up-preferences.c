/* rapport-follow-up-preferences.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-follow-up-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-accessible.h"
#include "rapport-business-days.h"
#include "rapport-reminder.h"
#include "rapport-follow-up-preferences.h"

/* The intervals of the reminder rules, bound to their GSettings keys. The
 * application copies the keys into the reminder store on every change, so
 * there is nothing to apply here. */
struct _RapportFollowUpPreferences
{
  AdwPreferencesPage  parent_instance;

  GSettings          *settings;

  /* Template children */
  GtkSpinButton      *follow_up_days_spin;
  GtkSpinButton      *follow_up_cap_spin;
  GtkSpinButton      *confirm_spin;
  GtkSpinButton      *soon_spin;
  GtkSpinButton      *thank_you_spin;
  GtkSpinButton      *keep_in_touch_spin;
  AdwComboRow        *playbook_row;
  AdwEntryRow        *days_off_row;
};

/* The combo row's items, in RapportPlaybook order, as the key says them. */
static const char * const playbook_ids[] = { "two-week", "3b7" };
G_STATIC_ASSERT (G_N_ELEMENTS (playbook_ids) == RAPPORT_N_PLAYBOOKS);

G_DEFINE_FINAL_TYPE (RapportFollowUpPreferences, rapport_follow_up_preferences, ADW_TYPE_PREFERENCES_PAGE)

/* The confirm time is kept in minutes after midnight and shown as a time
 * of day, "10:00". */
static gboolean
time_output_cb (GtkSpinButton *spin)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Takes "9:30", "09:30", "9.30" or "9". */
static int
time_input_cb (GtkSpinButton *spin,
               double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours = 0, minutes = 0;
  int n = sscanf (text, "%d%*[:.h]%d", &hours, &minutes);

  if (n < 1 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
    return GTK_INPUT_ERROR;
  *value = hours * 60 + minutes;
  return TRUE;
}

/* 0 follow-ups before giving up means never giving up. */
static gboolean
cap_output_cb (GtkSpinButton *spin)
{
  int cap = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = cap == 0 ? g_strdup (_("Never")) : g_strdup_printf ("%d", cap);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
cap_input_cb (GtkSpinButton *spin,
              double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  gint64 cap = 0;

  if (g_utf8_collate (text, _("Never")) == 0)
    {
      *value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (text, 10, 0, 20, &cap, NULL))
    return GTK_INPUT_ERROR;
  *value = cap;
  return TRUE;
}

static void
playbook_changed_cb (RapportFollowUpPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->playbook_row);

  if (selected < G_N_ELEMENTS (playbook_ids))
    g_settings_set_string (self->settings, "playbook", playbook_ids[selected]);
}

static void
show_playbook (RapportFollowUpPreferences *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "playbook");

  for (guint i = 0; i < G_N_ELEMENTS (playbook_ids); i++)
    if (g_strcmp0 (id, playbook_ids[i]) == 0 && adw_combo_row_get_selected (self->playbook_row) != i)
      adw_combo_row_set_selected (self->playbook_row, i);
}

static void
show_days_off (RapportFollowUpPreferences *self)
{
  g_auto(GStrv) days_off = g_settings_get_strv (self->settings, "days-off");
  g_autofree char *text = g_strjoinv (", ", days_off);

  gtk_editable_set_text (GTK_EDITABLE (self->days_off_row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->days_off_row), "error");
}

/* Keeps the dates that read as such; a word that does not leaves the row
 * as typed and marked, so the user sees which one to fix. */
static void
days_off_apply_cb (RapportFollowUpPreferences *self)
{
  g_autofree char *invalid = NULL;
  g_auto(GStrv) days_off = rapport_business_days_parse (gtk_editable_get_text (GTK_EDITABLE (self->days_off_row)),
                                                        &invalid);

  if (invalid != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date like 2026-12-24"), invalid);

      gtk_widget_add_css_class (GTK_WIDGET (self->days_off_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_off_row), message);
      return;
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->days_off_row), NULL);
  g_settings_set_strv (self->settings, "days-off", (const char * const *) days_off);
}

static void
settings_changed_cb (RapportFollowUpPreferences *self,
                     const char                 *key)
{
  if (g_strcmp0 (key, "playbook") == 0)
    show_playbook (self);
  else if (g_strcmp0 (key, "days-off") == 0)
    show_days_off (self);
}

static void
rapport_follow_up_preferences_dispose (GObject *object)
{
  RapportFollowUpPreferences *self = RAPPORT_FOLLOW_UP_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_FOLLOW_UP_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_follow_up_preferences_parent_class)->dispose (object);
}

static void
rapport_follow_up_preferences_class_init (RapportFollowUpPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_follow_up_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "ui/rapport-follow-up-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, follow_up_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, follow_up_cap_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, confirm_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, soon_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, thank_you_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, keep_in_touch_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, RapportFollowUpPreferences, days_off_row);
  gtk_widget_class_bind_template_callback (widget_class, playbook_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_off_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, cap_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, cap_input_cb);
}

static void
rapport_follow_up_preferences_init (RapportFollowUpPreferences *self)
{
  static const struct {
    const char *key;
    gsize       offset;
  } bindings[] = {
    { "follow-up-days", G_STRUCT_OFFSET (RapportFollowUpPreferences, follow_up_days_spin) },
    { "follow-up-cap", G_STRUCT_OFFSET (RapportFollowUpPreferences, follow_up_cap_spin) },
    { "confirm-minute", G_STRUCT_OFFSET (RapportFollowUpPreferences, confirm_spin) },
    { "meeting-soon-minutes", G_STRUCT_OFFSET (RapportFollowUpPreferences, soon_spin) },
    { "thank-you-hours", G_STRUCT_OFFSET (RapportFollowUpPreferences, thank_you_spin) },
    { "keep-in-touch-days", G_STRUCT_OFFSET (RapportFollowUpPreferences, keep_in_touch_spin) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  /* The same keys as the application's own GSettings object: one schema,
   * one backend, so a change here reaches its "changed" handler. */
  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      GtkSpinButton *spin = G_STRUCT_MEMBER (GtkSpinButton *, self, bindings[i].offset);

      g_settings_bind (self->settings, bindings[i].key, spin, "value", G_SETTINGS_BIND_DEFAULT);
    }
  show_playbook (self);
  show_days_off (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}
