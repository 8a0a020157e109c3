/* rapport-composer.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-composer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-accessible.h"
#include "rapport-composer-private.h"
#include "rapport-contact-store-mail.h"
#include "rapport-toast.h"
#include "rapport-shortcut.h"

/* Writing a message to a contact: a template filled in from what Rapport
 * knows, placeholders still open highlighted and listed, and the method's
 * advice beside the text (folded away when the window is narrow). The
 * checks are in rapport-composer-check.c; sending, the mail app and drafts
 * in rapport-composer-send.c. */

G_DEFINE_FINAL_TYPE (RapportComposer, rapport_composer, ADW_TYPE_WINDOW)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


void
_rapport_composer_emit_toast (RapportComposer *self,
                              const char      *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

/* Texts {{{ */

char *
_rapport_composer_get_body (RapportComposer *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

RapportTemplatePurpose
_rapport_composer_get_purpose (RapportComposer *self)
{
  return rapport_template_purpose_for_key (self->template_key);
}

void
_rapport_composer_show_problem (RapportComposer *self,
                                const char      *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->problem_revealer, message != NULL);
}

/* The recipient: the referrer for an update to them, else the contact. */
static RapportContact *
recipient (RapportComposer *self)
{
  if (_rapport_composer_get_purpose (self) == RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE && self->referrer != NULL)
    return self->referrer;
  return self->contact;
}

static void
set_texts (RapportComposer *self,
           const char      *to,
           const char      *subject,
           const char      *body)
{
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry), subject != NULL ? subject : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "", -1);
  self->filling = FALSE;
  _rapport_composer_schedule_check (self);
}

static void
apply_template (RapportComposer *self,
                RapportTemplate *template)
{
  g_autofree char *subject = rapport_template_render (rapport_template_get_subject (template), self->context, NULL);
  g_autofree char *body = rapport_template_render (rapport_template_get_body (template), self->context, NULL);
  RapportContact *to = recipient (self);

  g_free (self->template_key);
  self->template_key = g_strdup (rapport_template_get_key (template) != NULL ? rapport_template_get_key (template) : "");
  /* recipient() depends on the template just chosen */
  to = recipient (self);
  set_texts (self, to != NULL ? rapport_contact_get_primary_email (to) : "", subject, body);
  self->dirty = FALSE;
}

static void
update_title (RapportComposer *self)
{
  RapportContact *to = recipient (self);
  g_autofree char *title = NULL;

  if (to == NULL)
    return;
  /* Translators: the composer's title; %s is a person's name */
  title = g_strdup_printf (_("Write to %s"), rapport_contact_get_display_name (to));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* }}} */
/* Loading {{{ */

static void
fail_loading (RapportComposer *self,
              GError          *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: %s is an error message */
  text = g_strdup_printf (_("The message could not be prepared: %s"), error->message);
  _rapport_composer_show_problem (self, text);
}

static void
choose_template (RapportComposer *self,
                 guint            index)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->template_dropdown, index);
  self->filling = FALSE;
  apply_template (self, g_ptr_array_index (self->template_list, index));
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* The fitting template when none was asked for: from the contact's stage,
 * and the meeting the composer was opened from. */
static const char *
fitting_key (RapportComposer *self)
{
  RapportStage stage = rapport_contact_get_stage (self->contact);
  gboolean open = stage == RAPPORT_STAGE_SCHEDULED;
  gboolean held = stage == RAPPORT_STAGE_MET || stage == RAPPORT_STAGE_THANKED ||
                  stage == RAPPORT_STAGE_KEEPING_IN_TOUCH;

  if (self->meeting != NULL)
    {
      open = rapport_meeting_status_is_open (rapport_meeting_get_status (self->meeting));
      held = rapport_meeting_get_status (self->meeting) == RAPPORT_MEETING_HELD;
    }
  return rapport_template_key_for_contact (rapport_contact_get_referred_by_id (self->contact) != 0 ||
                                           (rapport_contact_get_referred_by_name (self->contact) != NULL &&
                                            rapport_contact_get_referred_by_name (self->contact)[0] != '\0'),
                                           open, held,
                                           stage == RAPPORT_STAGE_THANKED || stage == RAPPORT_STAGE_KEEPING_IN_TOUCH,
                                           stage == RAPPORT_STAGE_REQUEST_SENT || stage == RAPPORT_STAGE_NO_REPLY);
}

static void
drafts_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = rapport_contact_store_list_drafts_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (drafts == NULL)
    {
      fail_loading (self, error);
      return;
    }
  for (guint i = 0; i < drafts->len; i++)
    {
      RapportDraft *draft = g_ptr_array_index (drafts, i);

      if (rapport_draft_get_id (draft) != self->draft_id)
        continue;
      g_free (self->template_key);
      self->template_key = g_strdup (rapport_draft_get_template_key (draft));
      self->meeting_id = rapport_draft_get_meeting_id (draft);
      for (guint t = 0; t < self->template_list->len; t++)
        if (g_strcmp0 (rapport_template_get_key (g_ptr_array_index (self->template_list, t)), self->template_key) == 0)
          {
            self->filling = TRUE;
            gtk_drop_down_set_selected (self->template_dropdown, t);
            self->filling = FALSE;
          }
      set_texts (self, rapport_draft_get_to (draft), rapport_draft_get_subject (draft), rapport_draft_get_body (draft));
      self->dirty = FALSE;
      update_title (self);
      if (rapport_draft_get_error (draft)[0] != '\0')
        _rapport_composer_show_problem (self, rapport_draft_get_error (draft));
      return;
    }
  _rapport_composer_show_problem (self, _("The draft no longer exists."));
}

static void
templates_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *wanted;
  guint index = 0;

  g_clear_pointer (&self->template_list, g_ptr_array_unref);
  self->template_list = rapport_template_store_list_finish (RAPPORT_TEMPLATE_STORE (object), result, &error);
  if (self->template_list == NULL)
    {
      fail_loading (self, error);
      return;
    }

  for (guint i = 0; i < self->template_list->len; i++)
    gtk_string_list_append (names, rapport_template_get_name (g_ptr_array_index (self->template_list, i)));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->template_dropdown, G_LIST_MODEL (names));
  self->filling = FALSE;

  if (self->draft_id != 0)
    {
      rapport_contact_store_list_drafts_async (self->contacts, self->contact_id, self->cancellable,
                                               drafts_listed_cb, self);
      return;
    }

  wanted = self->template_key != NULL && self->template_key[0] != '\0' ? self->template_key : fitting_key (self);
  for (guint i = 0; i < self->template_list->len; i++)
    if (g_strcmp0 (rapport_template_get_key (g_ptr_array_index (self->template_list, i)), wanted) == 0)
      index = i;
  choose_template (self, index);
}

static void
list_templates (RapportComposer *self)
{
  int minutes = g_settings_get_int (self->settings, "meeting-length");
  g_autofree char *name = g_settings_get_string (self->settings, "sender-name");
  g_autofree char *phone = g_settings_get_string (self->settings, "sender-phone");

  g_clear_pointer (&self->context, rapport_template_context_free);
  self->context = rapport_template_context_new ();
  rapport_template_context_set_contact (self->context, self->contact, self->referrer);
  if (self->meeting != NULL)
    rapport_template_context_set_meeting (self->context, self->meeting);
  rapport_template_context_set_sender (self->context, name, phone, minutes);

  rapport_template_store_list_async (self->templates, self->cancellable, templates_listed_cb, self);
}

static void
meeting_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GError) error = NULL;

  self->meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, NULL, &error);
  if (self->meeting == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* a meeting deleted meanwhile: write without it */
  list_templates (self);
}

/* Written from the contact's page, a message still fills in the meeting it
 * most likely concerns: the next one planned, else the last one held. */
static void
meetings_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  RapportMeeting *next = NULL, *last_held = NULL;

  meetings = rapport_meeting_store_list_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (meetings == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* latest first */
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      RapportMeeting *meeting = g_ptr_array_index (meetings, i);

      if (rapport_meeting_status_is_open (rapport_meeting_get_status (meeting)))
        next = meeting;
      else if (last_held == NULL && rapport_meeting_get_status (meeting) == RAPPORT_MEETING_HELD)
        last_held = meeting;
    }
  g_clear_object (&self->meeting);
  if (next != NULL || last_held != NULL)
    self->meeting = g_object_ref (next != NULL ? next : last_held);
  list_templates (self);
}

static void
load_meeting (RapportComposer *self)
{
  if (self->meeting_id != 0)
    rapport_meeting_store_load_async (self->meetings, self->meeting_id, self->cancellable, meeting_loaded_cb, self);
  else
    rapport_meeting_store_list_async (self->meetings, RAPPORT_MEETING_LIST_CONTACT, self->contact_id,
                                      self->cancellable, meetings_listed_cb, self);
}

static void
referrer_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (loaded == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded != NULL && loaded->len > 0)
    g_set_object (&self->referrer, g_ptr_array_index (loaded, 0));
  load_meeting (self);
}

static void
contact_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportComposer *self = user_data;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 referrer_id;

  loaded = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (loaded == NULL)
    {
      fail_loading (self, error);
      return;
    }
  if (loaded->len == 0)
    {
      _rapport_composer_show_problem (self, _("The contact no longer exists."));
      return;
    }
  g_set_object (&self->contact, g_ptr_array_index (loaded, 0));
  update_title (self);

  referrer_id = rapport_contact_get_referred_by_id (self->contact);
  if (referrer_id != 0)
    rapport_contact_store_load_async (self->contacts, &referrer_id, 1, self->cancellable, referrer_loaded_cb, self);
  else
    load_meeting (self);
}

static void
start_loading (RapportComposer *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_contact_store_load_async (self->contacts, &self->contact_id, 1, self->cancellable, contact_loaded_cb, self);
}

/* Another template replaces the text; what the user had written can come
 * back with Undo, so that a slip of the chooser loses nothing. */
static void
template_selected_cb (RapportComposer *self)
{
  guint index = gtk_drop_down_get_selected (self->template_dropdown);
  gboolean had_edits = self->dirty;
  AdwToast *toast;

  if (self->filling || self->template_list == NULL || index >= self->template_list->len)
    return;

  g_clear_object (&self->before_switch);
  if (had_edits)
    {
      g_autofree char *body = _rapport_composer_get_body (self);

      self->before_switch = rapport_draft_new (self->contact_id, self->meeting_id, self->template_key);
      rapport_draft_set_to (self->before_switch, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
      rapport_draft_set_subject (self->before_switch, gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
      rapport_draft_set_body (self->before_switch, body);
    }
  apply_template (self, g_ptr_array_index (self->template_list, index));
  update_title (self);

  if (had_edits)
    {
      toast = adw_toast_new (_("Your text was replaced by the template"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "composer.undo-template");
      rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
    }
}

static void
undo_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportComposer *self = RAPPORT_COMPOSER (widget);
  g_autoptr(RapportDraft) before = g_steal_pointer (&self->before_switch);

  if (before == NULL)
    return;
  g_free (self->template_key);
  self->template_key = g_strdup (rapport_draft_get_template_key (before));
  for (guint t = 0; self->template_list != NULL && t < self->template_list->len; t++)
    if (g_strcmp0 (rapport_template_get_key (g_ptr_array_index (self->template_list, t)), self->template_key) == 0)
      {
        self->filling = TRUE;
        gtk_drop_down_set_selected (self->template_dropdown, t);
        self->filling = FALSE;
      }
  set_texts (self, rapport_draft_get_to (before), rapport_draft_get_subject (before), rapport_draft_get_body (before));
  self->dirty = TRUE;
  update_title (self);
}

/* }}} */
/* Actions {{{ */

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _rapport_composer_send (RAPPORT_COMPOSER (widget));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _rapport_composer_finish (RAPPORT_COMPOSER (widget));
}

static void
open_in_mail_app_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _rapport_composer_open_in_mail_app (RAPPORT_COMPOSER (widget));
}

/* }}} */
/* GObject {{{ */

static gboolean
rapport_composer_close_request (GtkWindow *window)
{
  RapportComposer *self = RAPPORT_COMPOSER (window);

  if (_rapport_composer_keep_draft (self))
    return TRUE;   /* closes once the draft is saved */
  return GTK_WINDOW_CLASS (rapport_composer_parent_class)->close_request (window);
}

static void
rapport_composer_dispose (GObject *object)
{
  RapportComposer *self = RAPPORT_COMPOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_object (&self->contacts);
  g_clear_object (&self->meetings);
  g_clear_object (&self->templates);
  g_clear_object (&self->settings);
  g_clear_object (&self->contact);
  g_clear_object (&self->referrer);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->template_list, g_ptr_array_unref);
  g_clear_pointer (&self->context, rapport_template_context_free);
  g_clear_pointer (&self->template_key, g_free);
  g_clear_object (&self->before_switch);

  G_OBJECT_CLASS (rapport_composer_parent_class)->dispose (object);
}

static void
rapport_composer_class_init (RapportComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_composer_dispose;
  window_class->close_request = rapport_composer_close_request;

  /**
   * RapportComposer::toast:
   * @text: what happened, e.g. that the message was kept as a draft
   *
   * For the main window to show, as the composer closes.
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, send_button);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, mail_app_button);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, coaching_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, flap);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, body_view);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, placeholders_label);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, coaching_box);
  gtk_widget_class_bind_template_child (widget_class, RapportComposer, coaching_empty_label);

  gtk_widget_class_install_action (widget_class, "composer.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "composer.open-in-mail-app", NULL, open_in_mail_app_action);
  gtk_widget_class_install_action (widget_class, "composer.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "composer.undo-template", NULL, undo_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_composer_init (RapportComposer *self)
{
  GtkTextBuffer *buffer;
  GdkRGBA highlight;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "composer.finish");
  rapport_accessible_clean_names (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->body_view);
  gdk_rgba_parse (&highlight, "rgba(246, 211, 45, 0.45)");
  self->placeholder_tag = gtk_text_buffer_create_tag (buffer, "placeholder", "background-rgba", &highlight,
                                                      "underline", PANGO_UNDERLINE_ERROR, NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (_rapport_composer_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (_rapport_composer_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subject_entry, "changed", G_CALLBACK (_rapport_composer_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_dropdown, "notify::selected", G_CALLBACK (template_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* The coaching column folds away when narrow; the toggle brings it back. */
  g_object_bind_property (self->flap, "reveal-flap", self->coaching_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->flap, "folded", self->coaching_toggle, "visible", G_BINDING_SYNC_CREATE);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_composer_new (RapportContactStore  *contacts,
                      RapportMeetingStore  *meetings,
                      RapportTemplateStore *templates,
                      GSettings            *settings)
{
  RapportComposer *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (contacts), NULL);
  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (meetings), NULL);
  g_return_val_if_fail (RAPPORT_IS_TEMPLATE_STORE (templates), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RAPPORT_TYPE_COMPOSER, NULL);
  self->contacts = g_object_ref (contacts);
  self->meetings = g_object_ref (meetings);
  self->templates = g_object_ref (templates);
  self->settings = g_object_ref (settings);
  /* an account set up in Preferences while writing turns Send on */
  g_signal_connect_object (settings, "changed", G_CALLBACK (_rapport_composer_update_sending), self,
                           G_CONNECT_SWAPPED);
  _rapport_composer_update_sending (self);
  return GTK_WIDGET (self);
}

/**
 * rapport_composer_write:
 * @meeting_id: the meeting the message is about, or 0
 * @template_key: (nullable): a built-in template's key; %NULL or "" for the
 *   one that fits the contact's stage
 */
void
rapport_composer_write (RapportComposer *self,
                        gint64           contact_id,
                        gint64           meeting_id,
                        const char      *template_key)
{
  g_return_if_fail (RAPPORT_IS_COMPOSER (self));

  self->contact_id = contact_id;
  self->meeting_id = meeting_id;
  self->draft_id = 0;
  g_free (self->template_key);
  self->template_key = g_strdup (template_key != NULL ? template_key : "");
  start_loading (self);
}

/* Opens a draft kept on @contact_id's page, to edit and send it again. */
void
rapport_composer_open_draft (RapportComposer *self,
                             gint64           contact_id,
                             gint64           draft_id)
{
  g_return_if_fail (RAPPORT_IS_COMPOSER (self));

  self->contact_id = contact_id;
  self->meeting_id = 0;
  self->draft_id = draft_id;
  start_loading (self);
}

/* }}} */
