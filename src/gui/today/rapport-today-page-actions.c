/* rapport-today-page-actions.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-today-page-private.h"
#include "rapport-toast.h"
#include "rapport-clock.h"

/* The Today page's actions on a reminder, by id ("today.*"): done,
 * snoozed, deleted (one's own), each with Undo on a toast; and "Show All"
 * on a long group. What they change comes back through the store's
 * "changed", which fills the page again. */

typedef struct
{
  RapportTodayPage *self;
  char             *title;
  gint64            id;
  gint64            snoozed_until;
  RapportReminderState state;
} StateChange;

static void
state_change_free (StateChange *change)
{
  g_clear_object (&change->self);
  g_free (change->title);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StateChange, state_change_free)

static void
state_set_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StateChange) change = user_data;
  RapportTodayPage *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *message = NULL;
  g_autofree char *when = NULL;
  AdwToast *toast;

  if (!rapport_reminder_store_set_state_finish (RAPPORT_REMINDER_STORE (object), result, &error))
    {
      /* Translators: %s is an error message */
      _rapport_today_page_show_error (self, _("Could not change the reminder: %s"), error->message);
      return;
    }

  switch (change->state)
    {
    case RAPPORT_REMINDER_DONE:
      /* Translators: a toast; %s says what was done, e.g. "Follow up with Ada Lovelace" */
      message = g_strdup_printf (_("Done: %s"), change->title);
      toast = rapport_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "today.undo");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (change->id));
      _rapport_today_page_add_toast (self, toast);
      break;

    case RAPPORT_REMINDER_SNOOZED:
      tz = g_time_zone_new_local ();
      when = rapport_due_format_when (change->snoozed_until, rapport_clock_get_now (), tz);
      /* Translators: a toast; %s is when, e.g. "Tomorrow, 09:00" */
      message = g_strdup_printf (_("Snoozed until %s"), when);
      toast = rapport_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "today.undo");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (change->id));
      _rapport_today_page_add_toast (self, toast);
      break;

    case RAPPORT_REMINDER_PENDING:
    case RAPPORT_REMINDER_DISMISSED:
    default:
      break;
    }
}

static void
set_state (RapportTodayPage     *self,
           gint64                id,
           RapportReminderState  state,
           gint64                snoozed_until)
{
  RapportReminder *reminder = _rapport_today_page_find_reminder (self, id);
  StateChange *change;

  if (self->store == NULL)
    return;

  change = g_new0 (StateChange, 1);
  change->self = g_object_ref (self);
  change->title = reminder != NULL ? rapport_reminder_dup_title (reminder) : g_strdup ("");
  change->id = id;
  change->state = state;
  change->snoozed_until = snoozed_until;
  rapport_reminder_store_set_state_async (self->store, id, state, snoozed_until, NULL, state_set_cb, change);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  set_state (RAPPORT_TODAY_PAGE (widget), g_variant_get_int64 (parameter), RAPPORT_REMINDER_DONE, 0);
}

/* Back to pending, from done or snoozed. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  set_state (RAPPORT_TODAY_PAGE (widget), g_variant_get_int64 (parameter), RAPPORT_REMINDER_PENDING, 0);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  RapportSnooze snooze;

  if (g_str_equal (action_name, "today.snooze-later"))
    snooze = RAPPORT_SNOOZE_LATER_TODAY;
  else if (g_str_equal (action_name, "today.snooze-tomorrow"))
    snooze = RAPPORT_SNOOZE_TOMORROW_MORNING;
  else
    snooze = RAPPORT_SNOOZE_NEXT_WEEK;

  set_state (RAPPORT_TODAY_PAGE (widget), g_variant_get_int64 (parameter), RAPPORT_REMINDER_SNOOZED,
             rapport_due_snooze_time (snooze, rapport_clock_get_now (), tz));
}

static void
show_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (widget);
  gint32 group = g_variant_get_int32 (parameter);

  if (group < 0 || group >= RAPPORT_N_DUE_GROUPS)
    return;
  self->shown[group] += ROWS_MORE;
  _rapport_today_page_fill (self);
  /* The rows of the next "Show All", read ahead. */
  rapport_today_page_refresh (self);
}

static void
saved_again_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_reminder_store_save_finish (RAPPORT_REMINDER_STORE (object), result, &error) == 0)
    /* Translators: %s is an error message */
    _rapport_today_page_show_error (self, _("Could not restore the reminder: %s"), error->message);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (widget);
  g_autoptr(RapportReminder) copy = NULL;

  if (self->deleted == NULL || self->store == NULL)
    return;

  /* A new one like it: the old id is gone with the row. */
  copy = rapport_reminder_new_custom (rapport_reminder_get_text (self->deleted),
                                      rapport_reminder_get_due_at (self->deleted),
                                      rapport_reminder_get_contact_id (self->deleted));
  g_clear_object (&self->deleted);
  rapport_reminder_store_save_async (self->store, copy, NULL, saved_again_cb, g_object_ref (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportTodayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!rapport_reminder_store_delete_finish (RAPPORT_REMINDER_STORE (object), result, &error))
    {
      g_clear_object (&self->deleted);
      /* Translators: %s is an error message */
      _rapport_today_page_show_error (self, _("Could not delete the reminder: %s"), error->message);
      return;
    }

  toast = rapport_toast_new (_("Reminder deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "today.undo-delete");
  _rapport_today_page_add_toast (self, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  RapportReminder *reminder = _rapport_today_page_find_reminder (self, id);

  if (reminder == NULL || self->store == NULL)
    return;

  g_set_object (&self->deleted, reminder);
  rapport_reminder_store_delete_async (self->store, id, NULL, deleted_cb, g_object_ref (self));
}

void
_rapport_today_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "today.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "today.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-later", "x", snooze_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-tomorrow", "x", snooze_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-next-week", "x", snooze_action);
  gtk_widget_class_install_action (widget_class, "today.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "today.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "today.show-more", "i", show_more_action);
}
