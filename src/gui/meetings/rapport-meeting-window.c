/* rapport-meeting-window.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-toast.h"
#include "rapport-countdown.h"
#include "rapport-countdown-ring.h"
#include "rapport-meeting-question-row.h"
#include "rapport-meeting-window-private.h"
#include "rapport-outcome-dialog.h"
#include "rapport-shortcut.h"

/* The meeting itself: the clock, the agenda, the questions and the notes in
 * one window, so that the user ends on time and loses nothing they heard.
 *
 * Whatever is typed is saved at most a second after the first unsaved
 * keystroke (a throttle, not a debounce: steady typing must not postpone the
 * save forever), so a crash or a power cut loses a second or two at most. */

#define SAVE_DELAY_MS 1000

struct _RapportMeetingWindow
{
  AdwWindow            parent_instance;

  RapportMeetingStore *store;
  GSettings           *settings;
  GCancellable        *cancellable;
  gint64               meeting_id;
  RapportMeeting      *meeting;
  RapportCountdown    *countdown;

  guint                inhibit_cookie;
  guint                save_id;
  gboolean             notes_dirty;
  GHashTable          *dirty_answers;     /* RapportMeetingQuestionRow → itself */
  GtkWidget           *current_row;       /* the question last turned to */
  guint                agenda_done;
  gboolean             compact;
  int                  full_width;
  int                  full_height;
  gboolean             closing;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkRevealer         *alert_revealer;
  GtkWidget           *alert_box;
  GtkLabel            *alert_title;
  GtkLabel            *alert_body;
  GtkWidget           *clock_box;
  RapportCountdownRing *ring;
  GtkLabel            *state_label;
  GtkButton           *toggle_button;
  GtkLabel            *current_question_label;
  GtkWidget           *separator;
  GtkWidget           *details;
  GtkListBox          *agenda_list;
  AdwPreferencesGroup *questions_group;
  GtkBox              *questions_box;
  GtkTextView         *notes_view;
};

G_DEFINE_FINAL_TYPE (RapportMeetingWindow, rapport_meeting_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Saving {{{ */

static void
add_toast (RapportMeetingWindow *self,
           const char           *text)
{
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (text));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportMeetingWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == rapport_meeting_store_save_notes_async)
    ok = rapport_meeting_store_save_notes_finish (RAPPORT_MEETING_STORE (object), result, &error);
  else
    ok = rapport_meeting_store_save_answer_finish (RAPPORT_MEETING_STORE (object), result, &error);

  if (!ok)
    {
      g_autofree char *text = NULL;

      /* What was typed is still on screen; the next keystroke tries again. */
      /* Translators: %s is the reason, e.g. "database or disk is full" */
      text = g_strdup_printf (_("Your notes could not be saved: %s"), error->message);
      add_toast (self, text);
    }
}

static char *
dup_notes (RapportMeetingWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* For the last saves of a window that is going away: nobody is left to
 * show a failure, so it goes to the log. */
static void
saved_quietly_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == rapport_meeting_store_save_notes_async)
    rapport_meeting_store_save_notes_finish (RAPPORT_MEETING_STORE (object), result, &error);
  else
    rapport_meeting_store_save_answer_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (error != NULL)
    g_warning ("Could not save the meeting notes: %s", error->message);
}

static void
flush_saves_full (RapportMeetingWindow *self,
                  gboolean              closing)
{
  GAsyncReadyCallback callback = closing ? saved_quietly_cb : saved_cb;
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->meeting == NULL)
    return;

  if (self->notes_dirty)
    {
      g_autofree char *notes = dup_notes (self);

      self->notes_dirty = FALSE;
      rapport_meeting_set_notes (self->meeting, notes);
      rapport_meeting_set_agenda_done (self->meeting, self->agenda_done);
      rapport_meeting_store_save_notes_async (self->store, self->meeting_id, notes, self->agenda_done,
                                              NULL, callback, closing ? NULL : g_object_ref (self));
    }

  g_hash_table_iter_init (&iter, self->dirty_answers);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      RapportMeetingQuestion *question = rapport_meeting_question_row_get_question (row);
      g_autofree char *answer = rapport_meeting_question_row_dup_answer (row);

      rapport_meeting_question_set_answer (question, answer);
      rapport_meeting_store_save_answer_async (self->store, rapport_meeting_question_get_id (question),
                                               answer, NULL, callback, closing ? NULL : g_object_ref (self));
      g_hash_table_iter_remove (&iter);
    }
}

static void
flush_saves (RapportMeetingWindow *self)
{
  flush_saves_full (self, FALSE);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RapportMeetingWindow *self = user_data;

  self->save_id = 0;
  flush_saves (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (RapportMeetingWindow *self)
{
  if (self->save_id == 0)
    self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
notes_changed_cb (RapportMeetingWindow *self)
{
  self->notes_dirty = TRUE;
  schedule_save (self);
}

static void
answer_changed_cb (RapportMeetingWindow      *self,
                   RapportMeetingQuestionRow *row)
{
  g_hash_table_add (self->dirty_answers, row);
  schedule_save (self);
}

/* }}} */
/* The clock {{{ */

static void
update_current_question (RapportMeetingWindow *self)
{
  GtkWidget *row = self->current_row;

  /* Until the user turns to one, the first question not yet answered. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box));
       row == NULL && child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *answer = rapport_meeting_question_row_dup_answer (RAPPORT_MEETING_QUESTION_ROW (child));

      if (*answer == '\0')
        row = child;
    }

  if (row != NULL)
    gtk_label_set_label (self->current_question_label,
                         rapport_meeting_question_get_text (rapport_meeting_question_row_get_question (RAPPORT_MEETING_QUESTION_ROW (row))));
  else
    gtk_label_set_label (self->current_question_label, _("Ask who else you should talk to, then thank them."));
}

static void
update_time (RapportMeetingWindow *self)
{
  g_autofree char *shown = rapport_countdown_format (rapport_countdown_get_remaining (self->countdown));
  g_autofree char *spoken = NULL;

  /* The ring says "left" or "over" under the time. GTK 4.8 gives assistive
   * technologies no value text for a custom widget, so the time is also its
   * description. */
  rapport_countdown_ring_set_text (self->ring, shown);
  if (rapport_countdown_get_overtime (self->countdown))
    /* Translators: the time past the end of a meeting, e.g. "3:12 over" */
    spoken = g_strdup_printf (_("%s over"), shown);
  else
    /* Translators: the time left in a meeting, e.g. "19:59 left" */
    spoken = g_strdup_printf (_("%s left"), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ring), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken, -1);
  rapport_countdown_ring_set_fraction (self->ring, rapport_countdown_get_fraction (self->countdown));
  rapport_countdown_ring_set_overtime (self->ring, rapport_countdown_get_overtime (self->countdown));
}

static void
update_state (RapportMeetingWindow *self)
{
  RapportCountdownState state = rapport_countdown_get_state (self->countdown);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *length = NULL;

  switch (state)
    {
    case RAPPORT_COUNTDOWN_READY:
      gtk_button_set_label (self->toggle_button, _("_Start"));
      length = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d minute", "of %d minutes",
                                             rapport_meeting_get_duration (self->meeting)),
                                rapport_meeting_get_duration (self->meeting));
      gtk_label_set_label (self->state_label, length);
      break;
    case RAPPORT_COUNTDOWN_RUNNING:
      gtk_button_set_label (self->toggle_button, _("_Pause"));
      gtk_label_set_label (self->state_label, _("Running"));
      break;
    case RAPPORT_COUNTDOWN_PAUSED:
      gtk_button_set_label (self->toggle_button, _("_Resume"));
      gtk_label_set_label (self->state_label, _("Paused"));
      break;
    case RAPPORT_COUNTDOWN_ENDED:
    default:
      gtk_button_set_label (self->toggle_button, _("_Start"));
      gtk_label_set_label (self->state_label, _("Ended"));
      break;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meeting.toggle", state != RAPPORT_COUNTDOWN_ENDED);

  /* The screen must not blank nor the laptop sleep in the middle of it. */
  if (state == RAPPORT_COUNTDOWN_RUNNING && self->inhibit_cookie == 0 && app != NULL)
    self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                    _("A meeting is running"));
  else if (state != RAPPORT_COUNTDOWN_RUNNING && self->inhibit_cookie != 0 && app != NULL)
    {
      gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

static void
alert_cb (RapportMeetingWindow  *self,
          RapportCountdownAlert  alert,
          int                    minutes)
{
  g_autofree char *title = rapport_countdown_alert_dup_title (alert, minutes);
  const char *body = rapport_countdown_alert_get_body (alert);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_label_set_label (self->alert_title, title);
  gtk_label_set_label (self->alert_body, body != NULL ? body : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alert_body), body != NULL && *body != '\0');
  if (alert == RAPPORT_COUNTDOWN_ALERT_TIME_UP)
    gtk_widget_add_css_class (self->alert_box, "time-up");
  else
    gtk_widget_remove_css_class (self->alert_box, "time-up");
  gtk_revealer_set_reveal_child (self->alert_revealer, TRUE);

  /* Seen in the window when it is in front; otherwise the desktop says it. */
  if (!gtk_window_is_active (GTK_WINDOW (self)) && app != NULL)
    {
      g_autoptr(GNotification) notification = g_notification_new (title);

      if (body != NULL)
        g_notification_set_body (notification, body);
      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (app, "meeting-alert", notification);
    }
}

static void
is_active_cb (RapportMeetingWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (gtk_window_is_active (GTK_WINDOW (self)) && app != NULL)
    g_application_withdraw_notification (app, "meeting-alert");
}

/* }}} */
/* Ending {{{ */

static void
recorded_cb (RapportMeetingWindow *self,
             guint                 n_new_contacts)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *text = NULL;

  if (n_new_contacts > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Meeting recorded, and %u new contact added",
                                         "Meeting recorded, and %u new contacts added",
                                         n_new_contacts), n_new_contacts);
  else
    text = g_strdup (_("Meeting recorded"));

  /* The window is done; the main window says it went well. */
  if (parent != NULL && ADW_IS_APPLICATION_WINDOW (parent))
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", text);
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
show_outcome (RapportMeetingWindow *self)
{
  RapportOutcomeDialog *dialog;

  dialog = rapport_outcome_dialog_new (self->store, self->meeting);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (widget);

  if (self->meeting == NULL)
    return;
  rapport_countdown_end (self->countdown);
  flush_saves (self);
  show_outcome (self);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (widget);

  if (self->meeting == NULL)
    return;

  switch (rapport_countdown_get_state (self->countdown))
    {
    case RAPPORT_COUNTDOWN_READY:
      rapport_countdown_start (self->countdown);
      rapport_meeting_store_start_async (self->store, self->meeting_id, NULL, NULL, NULL);
      break;
    case RAPPORT_COUNTDOWN_RUNNING:
      rapport_countdown_pause (self->countdown);
      break;
    case RAPPORT_COUNTDOWN_PAUSED:
      rapport_countdown_resume (self->countdown);
      break;
    case RAPPORT_COUNTDOWN_ENDED:
    default:
      break;
    }
}

static void
dismiss_alert_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (RAPPORT_MEETING_WINDOW (widget)->alert_revealer, FALSE);
}

static void
set_compact (RapportMeetingWindow *self,
             gboolean              compact)
{
  if (self->compact == compact)
    return;
  self->compact = compact;
  gtk_widget_set_visible (self->details, !self->compact);
  gtk_widget_set_visible (self->separator, !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->current_question_label), self->compact);
  gtk_widget_set_hexpand (self->clock_box, self->compact);

  if (self->compact)
    {
      update_current_question (self);
      gtk_window_get_default_size (GTK_WINDOW (self), &self->full_width, &self->full_height);
      gtk_window_unmaximize (GTK_WINDOW (self));
      gtk_window_set_default_size (GTK_WINDOW (self), 340, 480);
    }
  else
    gtk_window_set_default_size (GTK_WINDOW (self), self->full_width, self->full_height);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/* }}} */
/* Loading {{{ */

static void
agenda_toggled_cb (GtkCheckButton       *check,
                   RapportMeetingWindow *self)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "step"));

  if (gtk_check_button_get_active (check))
    self->agenda_done |= 1u << step;
  else
    self->agenda_done &= ~(1u << step);
  self->notes_dirty = TRUE;
  schedule_save (self);
}

static void
fill_agenda (RapportMeetingWindow *self)
{
  for (guint step = 0; step < RAPPORT_N_AGENDA_STEPS; step++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_agenda_step_get_label (step));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (self->agenda_done & (1u << step)) != 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "step", GUINT_TO_POINTER (step));
      g_signal_connect (check, "toggled", G_CALLBACK (agenda_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      rapport_accessible_set_clean_name (check);
      gtk_list_box_append (self->agenda_list, row);
    }
}

static void
question_focused_cb (RapportMeetingWindow *self,
                     GtkWidget            *row)
{
  self->current_row = row;
}

static void
fill_questions (RapportMeetingWindow *self,
                GPtrArray            *questions)
{
  for (guint i = 0; i < questions->len; i++)
    {
      GtkWidget *row = rapport_meeting_question_row_new (g_ptr_array_index (questions, i));

      g_signal_connect_object (row, "answer-changed", G_CALLBACK (answer_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "focused", G_CALLBACK (question_focused_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->questions_box, row);
    }

  if (questions->len == 0)
    adw_preferences_group_set_description (self->questions_group,
                                           _("No questions were prepared for this meeting. Ask what you want to learn, then note the answers below."));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportMeetingWindow) self = user_data;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  GtkTextBuffer *buffer;

  self->meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, &questions, &error);
  if (self->meeting == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }

  /* Translators: the meeting window's title; %s is the contact */
  title = g_strdup_printf (_("Meeting with %s"), rapport_meeting_get_contact_name (self->meeting));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, rapport_meeting_get_contact_name (self->meeting));
  subtitle = g_strdup (*rapport_meeting_get_purpose (self->meeting) != '\0'
                       ? rapport_meeting_get_purpose (self->meeting)
                       : rapport_meeting_get_organisation (self->meeting));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->agenda_done = rapport_meeting_get_agenda_done (self->meeting);
  fill_agenda (self);
  fill_questions (self, questions);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_text (buffer, rapport_meeting_get_notes (self->meeting), -1);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  rapport_countdown_set_duration (self->countdown, (gint64) rapport_meeting_get_duration (self->meeting) * 60);
  update_time (self);
  update_state (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->toggle_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->toggle_button));
}

static void
use_countdown (RapportMeetingWindow *self,
               RapportCountdown     *countdown)
{
  if (self->countdown != NULL)
    g_signal_handlers_disconnect_by_data (self->countdown, self);
  g_clear_object (&self->countdown);
  self->countdown = countdown;

  rapport_countdown_set_alert_minutes (countdown, RAPPORT_COUNTDOWN_ALERT_FIRST,
                                       g_settings_get_int (self->settings, "first-alert-minutes"));
  rapport_countdown_set_alert_minutes (countdown, RAPPORT_COUNTDOWN_ALERT_WRAP_UP,
                                       g_settings_get_int (self->settings, "wrap-up-alert-minutes"));
  if (self->meeting != NULL)
    rapport_countdown_set_duration (countdown, (gint64) rapport_meeting_get_duration (self->meeting) * 60);
  g_signal_connect_swapped (countdown, "notify::remaining", G_CALLBACK (update_time), self);
  g_signal_connect_swapped (countdown, "notify::overtime", G_CALLBACK (update_time), self);
  g_signal_connect_swapped (countdown, "notify::state", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (countdown, "alert", G_CALLBACK (alert_cb), self);
}

/* For tests: the clock the countdown reads, so that an hour can pass in a
 * moment. Only before the meeting starts. */
RapportCountdown *
_rapport_meeting_window_use_clock (RapportMeetingWindow *self,
                                   RapportClockFunc      clock,
                                   gpointer              clock_data)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_WINDOW (self), NULL);

  use_countdown (self, rapport_countdown_new_with_clock (20 * 60, clock, clock_data));
  return self->countdown;
}

/* }}} */
/* GObject {{{ */

static void
rapport_meeting_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_meeting_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
leave_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   RapportMeetingWindow *self)
{
  if (g_strcmp0 (response, "leave") != 0)
    return;
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
rapport_meeting_window_close_request (GtkWindow *window)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (window);
  RapportCountdownState state = self->countdown != NULL ? rapport_countdown_get_state (self->countdown)
                                                        : RAPPORT_COUNTDOWN_READY;

  flush_saves (self);

  /* A meeting closed by a slip would lose its clock: ask first. What was
   * typed is saved either way. */
  if (!self->closing && (state == RAPPORT_COUNTDOWN_RUNNING || state == RAPPORT_COUNTDOWN_PAUSED))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Leave the Meeting?"),
                                                           _("The clock stops. Your notes are saved. To record how it went, use End Meeting instead.")));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Stay"), "leave", _("_Leave"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return GDK_EVENT_STOP;
    }

  if (self->countdown != NULL)
    rapport_countdown_end (self->countdown);
  return GTK_WINDOW_CLASS (rapport_meeting_window_parent_class)->close_request (window);
}

static void
rapport_meeting_window_dispose (GObject *object)
{
  RapportMeetingWindow *self = RAPPORT_MEETING_WINDOW (object);

  if (self->dirty_answers != NULL)
    flush_saves_full (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_WINDOW);
  if (self->countdown != NULL)
    g_signal_handlers_disconnect_by_data (self->countdown, self);
  g_clear_object (&self->countdown);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->dirty_answers, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_meeting_window_parent_class)->dispose (object);
}

static void
rapport_meeting_window_class_init (RapportMeetingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_meeting_window_dispose;
  object_class->get_property = rapport_meeting_window_get_property;
  object_class->set_property = rapport_meeting_window_set_property;
  window_class->close_request = rapport_meeting_window_close_request;

  /* Just the clock and the question at hand, in a small window that can stay
   * beside a video call. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_COUNTDOWN_RING);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-meeting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, alert_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, alert_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, alert_title);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, alert_body);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, clock_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, ring);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, current_question_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, separator);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, details);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, questions_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, questions_box);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingWindow, notes_view);

  gtk_widget_class_install_action (widget_class, "meeting.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "meeting.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "meeting.dismiss-alert", NULL, dismiss_alert_action);
  gtk_widget_class_install_property_action (widget_class, "meeting.compact", "compact");

  /* Space reaches the window only when no text field or button took it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "meeting.toggle", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "meeting.end", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "meeting.compact", NULL);
}

static void
rapport_meeting_window_init (RapportMeetingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "meeting.end");
  rapport_accessible_clean_names (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->dirty_answers = g_hash_table_new (NULL, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->toggle_button), FALSE);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
}

/* }}} */

RapportMeetingWindow *
rapport_meeting_window_new (GtkApplication      *application,
                            RapportMeetingStore *store,
                            GSettings           *settings,
                            gint64               meeting_id)
{
  RapportMeetingWindow *self;

  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->meeting_id = meeting_id;

  use_countdown (self, rapport_countdown_new (20 * 60));

  rapport_meeting_store_load_async (store, meeting_id, self->cancellable, loaded_cb, g_object_ref (self));
  return self;
}

gint64
rapport_meeting_window_get_meeting_id (RapportMeetingWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_WINDOW (self), 0);
  return self->meeting_id;
}
