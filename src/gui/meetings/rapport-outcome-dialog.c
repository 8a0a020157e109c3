/* rapport-outcome-dialog.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-outcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-toast.h"
#include "rapport-text.h"
#include "rapport-accessible.h"
#include "rapport-outcome-dialog.h"
#include "rapport-shortcut.h"

/* The end of a meeting: what was learned, what comes next, and the people
 * the contact suggested. Recording it is one transaction in the store: the
 * meeting is held, the contact has been met, each referral becomes a contact
 * introduced by this one. "Later" keeps the meeting open, losing nothing. */
struct _RapportOutcomeDialog
{
  AdwWindow            parent_instance;

  RapportMeetingStore *store;
  RapportMeeting      *meeting;
  gboolean             saving;

  AdwToastOverlay     *toast_overlay;
  GtkTextView         *summary_view;
  GtkTextView         *next_steps_view;
  AdwActionRow        *keep_in_touch_row;
  GtkSpinButton       *keep_in_touch_spin;
  GtkBox              *referrals_box;
  GtkWidget           *save_button;
};

G_DEFINE_FINAL_TYPE (RapportOutcomeDialog, rapport_outcome_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Referral forms {{{ */

/* One referral is a boxed list of its fields; the rows are found again by
 * the names given here. */
static GtkWidget *
find_row (GtkWidget  *form,
          const char *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (form); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;
  g_return_val_if_reached (NULL);
}

static const char *
row_text (GtkWidget  *form,
          const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (form, name)));
}

static gboolean
validate (RapportOutcomeDialog *self)
{
  gboolean valid = TRUE;

  for (GtkWidget *form = gtk_widget_get_first_child (GTK_WIDGET (self->referrals_box));
       form != NULL; form = gtk_widget_get_next_sibling (form))
    {
      g_autofree char *name = g_strstrip (g_strdup (row_text (form, "name")));
      g_autofree char *email = g_strstrip (g_strdup (row_text (form, "email")));
      GtkWidget *email_row = find_row (form, "email");
      GtkWidget *name_row = find_row (form, "name");

      if (*name == '\0')
        {
          gtk_widget_add_css_class (name_row, "error");
          valid = FALSE;
        }
      else
        gtk_widget_remove_css_class (name_row, "error");

      if (*email != '\0' && !rapport_text_is_email (email))
        {
          gtk_widget_add_css_class (email_row, "error");
          valid = FALSE;
        }
      else
        gtk_widget_remove_css_class (email_row, "error");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outcome.save", valid && !self->saving);
  return valid;
}

static void
remove_referral_cb (GtkButton            *button,
                    RapportOutcomeDialog *self)
{
  GtkWidget *form = g_object_get_data (G_OBJECT (button), "form");

  gtk_box_remove (self->referrals_box, form);
  validate (self);
}

static GtkWidget *
add_entry_row (GtkWidget            *form,
               const char           *name,
               const char           *title,
               RapportOutcomeDialog *self)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (validate), self);
  gtk_list_box_append (GTK_LIST_BOX (form), row);
  return row;
}

static void
add_referral_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportOutcomeDialog *self = RAPPORT_OUTCOME_DIALOG (widget);
  GtkWidget *form = gtk_list_box_new ();
  GtkWidget *name_row, *row, *toggle, *remove;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (form), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (form, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (form), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Referral"), -1);

  name_row = add_entry_row (form, "name", _("_Name (required)"), self);
  add_entry_row (form, "organisation", _("_Organisation"), self);
  add_entry_row (form, "email", _("_Email"), self);

  row = adw_action_row_new ();
  gtk_widget_set_name (row, "may-use-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("May Mention Their Name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("They said you may say who sent you"));
  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "switch", toggle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  row = adw_action_row_new ();
  gtk_widget_set_name (row, "remove");
  remove = gtk_button_new_with_mnemonic (_("_Remove Referral"));
  gtk_widget_set_halign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "form", form);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_referral_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_list_box_append (GTK_LIST_BOX (form), row);

  rapport_accessible_clean_names (form);
  gtk_box_append (self->referrals_box, form);
  validate (self);
  gtk_widget_grab_focus (name_row);
}

static GPtrArray *
collect_referrals (RapportOutcomeDialog *self)
{
  GPtrArray *referrals = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_referral_free);

  for (GtkWidget *form = gtk_widget_get_first_child (GTK_WIDGET (self->referrals_box));
       form != NULL; form = gtk_widget_get_next_sibling (form))
    {
      GtkWidget *toggle = g_object_get_data (G_OBJECT (find_row (form, "may-use-name")), "switch");
      g_autofree char *organisation = g_strstrip (g_strdup (row_text (form, "organisation")));

      g_ptr_array_add (referrals, rapport_referral_new (row_text (form, "name"), organisation,
                                                        row_text (form, "email"),
                                                        gtk_switch_get_active (GTK_SWITCH (toggle))));
    }
  return referrals;
}

/* }}} */
/* Saving {{{ */

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static gint64
keep_in_touch_at (RapportOutcomeDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, gtk_spin_button_get_value_as_int (self->keep_in_touch_spin));

  return g_date_time_to_unix (then);
}

static void
keep_in_touch_changed_cb (RapportOutcomeDialog *self)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (keep_in_touch_at (self));
  /* Translators: a date, see the strftime manual; e.g. "Sat 20 Feb 2027" */
  g_autofree char *date = g_date_time_format (when, _("%a %e %b %Y"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->keep_in_touch_row), g_strstrip (date));
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportOutcomeDialog) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  ids = rapport_meeting_store_finish_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (ids == NULL)
    {
      /* Everything typed is still here; nothing was written. */
      rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (error->message));
      validate (self);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0, ids->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportOutcomeDialog *self = RAPPORT_OUTCOME_DIALOG (widget);
  g_autoptr(GPtrArray) referrals = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *next_steps = NULL;

  if (self->saving || !validate (self))
    return;

  summary = dup_text (self->summary_view);
  next_steps = dup_text (self->next_steps_view);
  referrals = collect_referrals (self);
  self->saving = TRUE;
  validate (self);
  rapport_meeting_store_finish_async (self->store, rapport_meeting_get_id (self->meeting), summary, next_steps,
                                      keep_in_touch_at (self), referrals, NULL, recorded_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
rapport_outcome_dialog_dispose (GObject *object)
{
  RapportOutcomeDialog *self = RAPPORT_OUTCOME_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_OUTCOME_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);

  G_OBJECT_CLASS (rapport_outcome_dialog_parent_class)->dispose (object);
}

static void
rapport_outcome_dialog_class_init (RapportOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_outcome_dialog_dispose;

  /**
   * RapportOutcomeDialog::recorded:
   * @n_new_contacts: how many referrals became contacts
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-outcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, next_steps_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, keep_in_touch_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, keep_in_touch_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, referrals_box);
  gtk_widget_class_bind_template_child (widget_class, RapportOutcomeDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, keep_in_touch_changed_cb);

  gtk_widget_class_install_action (widget_class, "outcome.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "outcome.add-referral", NULL, add_referral_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_outcome_dialog_init (RapportOutcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "outcome.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));
  /* The summary is what the user came to write: typing starts there, and
   * a space can then never press a button by accident. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->summary_view));
}

/* }}} */

RapportOutcomeDialog *
rapport_outcome_dialog_new (RapportMeetingStore *store,
                            RapportMeeting      *meeting)
{
  RapportOutcomeDialog *self;

  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_MEETING (meeting), NULL);

  self = g_object_new (RAPPORT_TYPE_OUTCOME_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->meeting = g_object_ref (meeting);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view), rapport_meeting_get_summary (meeting), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->next_steps_view),
                            rapport_meeting_get_next_steps (meeting), -1);
  keep_in_touch_changed_cb (self);
  validate (self);
  return self;
}
