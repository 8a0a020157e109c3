/* rapport-reminder-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-reminder-row.h"
#include "rapport-tooltip.h"

/* One reminder on the Today page: what to do and for whom, when, and the
 * buttons to deal with it. The buttons name actions with the reminder's id
 * as target: "today.*" of the page, "win.*" of the window. */
struct _RapportReminderRow
{
  AdwActionRow     parent_instance;

  RapportReminder *reminder;

  /* Template children */
  GtkImage        *kind_image;
  GtkLabel        *when_label;
  GtkWidget       *write_button;
  GtkWidget       *contact_button;
  GtkWidget       *edit_button;
  GtkWidget       *delete_button;
  GtkWidget       *done_button;
  GtkMenuButton   *snooze_button;
};

G_DEFINE_FINAL_TYPE (RapportReminderRow, rapport_reminder_row, ADW_TYPE_ACTION_ROW)

static const char *
kind_icon (RapportReminderKind kind)
{
  switch (kind)
    {
    case RAPPORT_REMINDER_FOLLOW_UP:     return "mail-send-symbolic";
    case RAPPORT_REMINDER_NO_REPLY:      return "mail-unread-symbolic";
    case RAPPORT_REMINDER_CONFIRM:       return "x-office-calendar-symbolic";
    case RAPPORT_REMINDER_MEETING_SOON:  return "alarm-symbolic";
    case RAPPORT_REMINDER_THANK_YOU:     return "emblem-favorite-symbolic";
    case RAPPORT_REMINDER_TELL_REFERRER: return "system-users-symbolic";
    case RAPPORT_REMINDER_KEEP_IN_TOUCH: return "user-available-symbolic";
    case RAPPORT_REMINDER_SECOND_CONTACT: return "contact-new-symbolic";
    case RAPPORT_REMINDER_CUSTOM:
    default:                             return "view-pin-symbolic";
    }
}

/* The kinds whose answer is a message to someone. */
static gboolean
kind_writes (RapportReminderKind kind)
{
  return kind == RAPPORT_REMINDER_FOLLOW_UP || kind == RAPPORT_REMINDER_CONFIRM ||
         kind == RAPPORT_REMINDER_THANK_YOU || kind == RAPPORT_REMINDER_TELL_REFERRER ||
         kind == RAPPORT_REMINDER_KEEP_IN_TOUCH;
}

static const struct {
  const char *label;
  const char *action;
} snooze_items[] = {
  /* Translators: snoozes a reminder for three hours */
  { N_("_Later Today"), "today.snooze-later" },
  /* Translators: snoozes a reminder to 09:00 tomorrow */
  { N_("_Tomorrow Morning"), "today.snooze-tomorrow" },
  /* Translators: snoozes a reminder to 09:00 next Monday */
  { N_("_Next Week"), "today.snooze-next-week" },
};

/* Built when first opened: a popover for each of a hundred rows would make
 * filling the page slow. */
static void
create_snooze_popup_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  RapportReminderRow *self = user_data;
  g_autoptr(GMenu) menu = NULL;
  gint64 id;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  id = rapport_reminder_get_id (self->reminder);
  menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (snooze_items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(snooze_items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, snooze_items[i].action, g_variant_new_int64 (id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
rapport_reminder_row_dispose (GObject *object)
{
  RapportReminderRow *self = RAPPORT_REMINDER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_REMINDER_ROW);
  g_clear_object (&self->reminder);

  G_OBJECT_CLASS (rapport_reminder_row_parent_class)->dispose (object);
}

static void
rapport_reminder_row_class_init (RapportReminderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_reminder_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-reminder-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, kind_image);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, write_button);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, contact_button);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, RapportReminderRow, snooze_button);
}

static void
rapport_reminder_row_init (RapportReminderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->snooze_button, create_snooze_popup_cb, self, NULL);

  /* Not tooltip-text in the .ui file: each would cost a round trip to the
   * display (rapport-tooltip.c). */
  rapport_widget_set_tooltip (self->write_button, _("Write"));
  rapport_widget_set_tooltip (self->contact_button, _("Open Contact"));
  rapport_widget_set_tooltip (self->edit_button, _("Edit Reminder"));
  rapport_widget_set_tooltip (self->delete_button, _("Delete Reminder"));
  rapport_widget_set_tooltip (GTK_WIDGET (self->snooze_button), _("Snooze"));
  rapport_widget_set_tooltip (self->done_button, _("Done"));
}

/**
 * rapport_reminder_row_new:
 * @when: when it is due, as the page says it (rapport_due_format_when())
 */
GtkWidget *
rapport_reminder_row_new (RapportReminder *reminder,
                          const char      *when)
{
  RapportReminderRow *self;
  RapportReminderKind kind;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *done_name = NULL;
  g_autofree char *snooze_name = NULL;
  g_autoptr(GVariant) target = NULL;
  gint64 contact_id;

  g_return_val_if_fail (RAPPORT_IS_REMINDER (reminder), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDER_ROW, NULL);
  self->reminder = g_object_ref (reminder);
  kind = rapport_reminder_get_kind (reminder);
  contact_id = rapport_reminder_get_contact_id (reminder);
  title = rapport_reminder_dup_title (reminder);
  body = rapport_reminder_dup_body (reminder);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), body);
  /* One line of it is shown: the whole on hovering. */
  rapport_widget_set_tooltip (GTK_WIDGET (self), body);
  gtk_image_set_from_icon_name (self->kind_image, kind_icon (kind));
  gtk_label_set_label (self->when_label, when);

  target = g_variant_ref_sink (g_variant_new_int64 (rapport_reminder_get_id (reminder)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->write_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->contact_button), "x", contact_id);

  gtk_widget_set_visible (self->write_button, contact_id != 0 && kind_writes (kind));
  gtk_widget_set_visible (self->contact_button, contact_id != 0);
  gtk_widget_set_visible (self->edit_button, kind == RAPPORT_REMINDER_CUSTOM);
  gtk_widget_set_visible (self->delete_button, kind == RAPPORT_REMINDER_CUSTOM);

  /* Icon buttons say which reminder they act on, for a screen reader
   * going through the buttons of a long list. */
  /* Translators: the accessible name of a reminder's Done button; %s says what to do */
  done_name = g_strdup_printf (_("Done: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, done_name, -1);
  /* Translators: %s says what to do */
  snooze_name = g_strdup_printf (_("Snooze: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->snooze_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, snooze_name, -1);

  /* The row itself opens the contact, or edits one's own without one. */
  if (contact_id != 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.show-contact");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", contact_id);
    }
  else if (kind == RAPPORT_REMINDER_CUSTOM)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.edit-reminder");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self),
                                    contact_id != 0 || kind == RAPPORT_REMINDER_CUSTOM);

  return GTK_WIDGET (self);
}

/* Overdue rows say so in colour, besides their group's heading. */
void
rapport_reminder_row_set_overdue (RapportReminderRow *self,
                                  gboolean            overdue)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_ROW (self));

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->when_label), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->when_label), "overdue");
}

RapportReminder *
rapport_reminder_row_get_reminder (RapportReminderRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_ROW (self), NULL);

  return self->reminder;
}

gint64
rapport_reminder_row_get_id (RapportReminderRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_ROW (self), 0);

  return rapport_reminder_get_id (self->reminder);
}
