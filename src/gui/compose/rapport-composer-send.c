/* rapport-composer-send.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-composer"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-goa.h"
#include "rapport-mail-address.h"
#include "rapport-composer-private.h"
#include "rapport-contact-store-mail.h"

/* How a message leaves the composer: sent by SMTP, or handed to the user's
 * mail app as a mailto: link; either way it goes on the timeline (which
 * moves the reminders along). A message that did not go out, or that the
 * user closes unsent, is kept as a draft on the contact's page. */

/* SMTP {{{ */

/* The composer's only way to the SMTP sender (src/mail/rapport-mail-sender.h):
 * the account as Preferences → Mail has it (typed, or an online account),
 * read afresh each time so that a change there counts at once. */
static gboolean
smtp_is_set_up (RapportComposer *self)
{
  return rapport_mail_sending_is_set_up (self->settings);
}

static void
smtp_send_async (RapportComposer     *self,
                 const char          *to_name,
                 const char          *to_address,
                 const char          *subject,
                 const char          *body,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  rapport_mail_send_async (self->settings, to_name, to_address, subject, body, cancellable, callback, user_data);
}

/* Returns: the Message-ID sent, or %NULL with a RAPPORT_MAIL_ERROR, whose
 * message is a sentence fit to show */
static char *
smtp_send_finish (GAsyncResult  *result,
                  GError       **error)
{
  return rapport_mail_send_finish (result, error);
}

/* }}} */
/* Helpers {{{ */

void
_rapport_composer_update_sending (RapportComposer *self)
{
  gboolean set_up = smtp_is_set_up (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.send", set_up && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.open-in-mail-app", !self->busy);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button),
                               set_up ? _("Send the message (Ctrl+Return)")
                                      : _("No mail account is set up: add one in Preferences, or use Open in Mail App."));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mail_app_button),
                               set_up ? _("Hand the message to your mail app to send")
                                      : _("Hand the message to your mail app to send (Ctrl+Return)"));

  /* The way the message can go is the one offered, and the one Ctrl+Return takes. */
  if (set_up)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->mail_app_button), "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->mail_app_button), "suggested-action");
    }
}

/* Ctrl+Return: sent with the user's account when there is one, else handed
 * to their mail app, as the buttons offer. */
void
_rapport_composer_finish (RapportComposer *self)
{
  if (smtp_is_set_up (self))
    _rapport_composer_send (self);
  else
    _rapport_composer_open_in_mail_app (self);
}

static void
set_busy (RapportComposer *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_dropdown), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->to_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject_entry), !busy);
  gtk_text_view_set_editable (self->body_view, !busy);
  _rapport_composer_update_sending (self);
}

/* The meeting a message is tied to on the timeline: only one about a
 * meeting, as an entry tied to a meeting counts as its outcome (and would
 * end a request's follow-ups). */
static gint64
message_meeting (RapportComposer *self)
{
  switch (_rapport_composer_get_purpose (self))
    {
    case RAPPORT_TEMPLATE_PURPOSE_CONFIRM:
    case RAPPORT_TEMPLATE_PURPOSE_THANK_YOU:
    case RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE:
    case RAPPORT_TEMPLATE_PURPOSE_KEEP_IN_TOUCH:
      if (self->meeting_id != 0)
        return self->meeting_id;
      return self->meeting != NULL ? rapport_meeting_get_id (self->meeting) : 0;
    case RAPPORT_TEMPLATE_PURPOSE_REQUEST:
    case RAPPORT_TEMPLATE_PURPOSE_FOLLOW_UP:
    case RAPPORT_TEMPLATE_PURPOSE_OTHER:
    default:
      return 0;
    }
}

static RapportDraft *
build_message (RapportComposer *self)
{
  RapportDraft *message = rapport_draft_new (self->contact_id, message_meeting (self), self->template_key);
  g_autofree char *body = _rapport_composer_get_body (self);

  rapport_draft_set_id (message, self->draft_id);
  rapport_draft_set_to (message, gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  rapport_draft_set_subject (message, gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)));
  rapport_draft_set_body (message, body);
  return message;
}

static const char *
contact_name (RapportComposer *self)
{
  return self->contact != NULL ? rapport_contact_get_display_name (self->contact) : "";
}

/* }}} */
/* Drafts {{{ */

typedef struct
{
  RapportComposer *self;
  gboolean         close;
} SaveData;

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(RapportComposer) self = data->self;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rapport_contact_store_save_draft_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (id == 0)
    {
      /* Translators: %s is an error message */
      g_autofree char *text = g_strdup_printf (_("The draft could not be saved: %s"), error->message);

      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      _rapport_composer_show_problem (self, text);
    }
  else
    {
      g_autofree char *text = NULL;

      self->draft_id = id;
      self->dirty = FALSE;
      if (data->close)
        {
          /* Translators: %s is a contact's name */
          text = g_strdup_printf (_("Kept as a draft on %s’s page"), contact_name (self));
          _rapport_composer_emit_toast (self, text);
          self->done = TRUE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }
  g_free (data);
}

static void
save_draft (RapportComposer *self,
            const char      *error_text,
            gboolean         close)
{
  g_autoptr(RapportDraft) draft = build_message (self);
  SaveData *data = g_new0 (SaveData, 1);

  rapport_draft_set_error (draft, error_text);
  data->self = g_object_ref (self);
  data->close = close;
  /* not cancellable: the window may be closing */
  rapport_contact_store_save_draft_async (self->contacts, draft, NULL, draft_saved_cb, data);
}

/* On closing: keeps what the user wrote and did not send, then closes.
 * Returns: %TRUE if the window is to stay until the draft is saved */
gboolean
_rapport_composer_keep_draft (RapportComposer *self)
{
  g_autofree char *body = NULL;

  if (self->done || !self->dirty || self->contact == NULL)
    return FALSE;
  body = _rapport_composer_get_body (self);
  if (g_strstrip (body)[0] == '\0')
    return FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  save_draft (self, NULL, TRUE);
  return TRUE;
}

/* }}} */
/* Recording {{{ */

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_busy (self, FALSE);
  if (rapport_contact_store_record_mail_finish (RAPPORT_CONTACT_STORE (object), result, &error) == 0)
    {
      /* Translators: %s is an error message */
      text = g_strdup_printf (_("The message went out but could not be noted on the timeline: %s"), error->message);
      _rapport_composer_show_problem (self, text);
      self->done = TRUE;
      return;
    }

  self->done = TRUE;
  _rapport_composer_emit_toast (self, self->via_mail_app ? _("Handed to your mail app and noted on the timeline")
                                                         : _("Sent and noted on the timeline"));
  gtk_window_close (GTK_WINDOW (self));
}

/* Puts the message on the timeline it belongs to: the contact's, or for
 * an update to the referrer, the referrer's (a note on the contact when
 * the referrer is only a name). */
static void
record (RapportComposer *self,
        const char      *message_id)
{
  g_autoptr(RapportDraft) message = build_message (self);
  RapportTemplatePurpose purpose = _rapport_composer_get_purpose (self);
  RapportInteractionKind kind = RAPPORT_INTERACTION_EMAIL_SENT;
  const char *subject = rapport_draft_get_subject (message);
  gint64 timeline = self->contact_id;
  g_autofree char *summary = NULL;

  switch (purpose)
    {
    case RAPPORT_TEMPLATE_PURPOSE_REQUEST:
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Request: %s"), subject);
      break;
    case RAPPORT_TEMPLATE_PURPOSE_FOLLOW_UP:
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Follow-up: %s"), subject);
      break;
    case RAPPORT_TEMPLATE_PURPOSE_CONFIRM:
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Confirmation: %s"), subject);
      break;
    case RAPPORT_TEMPLATE_PURPOSE_THANK_YOU:
      kind = RAPPORT_INTERACTION_THANK_YOU_SENT;
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Thank-you: %s"), subject);
      break;
    case RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE:
      /* Translators: a timeline entry; %s is the referred contact's name */
      summary = g_strdup_printf (_("Update about the conversation with %s"), contact_name (self));
      if (self->referrer != NULL)
        timeline = rapport_contact_get_id (self->referrer);
      else
        kind = RAPPORT_INTERACTION_NOTE;
      break;
    case RAPPORT_TEMPLATE_PURPOSE_KEEP_IN_TOUCH:
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Keeping in touch: %s"), subject);
      break;
    case RAPPORT_TEMPLATE_PURPOSE_OTHER:
    default:
      /* Translators: a timeline entry; %s is the subject */
      summary = g_strdup_printf (_("Email: %s"), subject);
      break;
    }

  if (message_id != NULL)
    rapport_draft_set_message_id (message, message_id);
  set_busy (self, TRUE);
  rapport_contact_store_record_mail_async (self->contacts, message, timeline, kind, summary, NULL,
                                           recorded_cb, g_object_ref (self));
}

/* }}} */
/* Going out {{{ */

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportComposer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message_id = NULL;

  message_id = smtp_send_finish (result, &error);
  set_busy (self, FALSE);
  gtk_button_set_label (self->send_button, _("_Send"));
  if (message_id == NULL)
    {
      /* Translators: %s is the reason, a sentence */
      g_autofree char *text = g_strdup_printf (_("Not sent: %s The message is kept as a draft."), error->message);

      _rapport_composer_show_problem (self, text);
      save_draft (self, error->message, FALSE);
      return;
    }
  self->via_mail_app = FALSE;
  record (self, message_id);
}

void
_rapport_composer_send (RapportComposer *self)
{
  g_autofree char *address = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *body = NULL;
  RapportContact *to;

  if (self->busy || !smtp_is_set_up (self))
    return;
  problem = _rapport_composer_check_ready (self, &address);
  _rapport_composer_show_problem (self, problem);
  if (problem != NULL)
    return;

  to = _rapport_composer_get_purpose (self) == RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE && self->referrer != NULL
       ? self->referrer : self->contact;
  body = _rapport_composer_get_body (self);
  set_busy (self, TRUE);
  gtk_button_set_label (self->send_button, _("Sending…"));
  smtp_send_async (self, to != NULL ? rapport_contact_get_display_name (to) : NULL, address,
                   gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)), body, self->cancellable,
                   sent_cb, g_object_ref (self));
}

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportComposer) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      /* Translators: %s is an error message */
      g_autofree char *text = g_strdup_printf (_("Your mail app could not be opened: %s"), error->message);

      _rapport_composer_show_problem (self, text);
      return;
    }
  self->via_mail_app = TRUE;
  record (self, NULL);
}

void
_rapport_composer_open_in_mail_app (RapportComposer *self)
{
  g_autofree char *address = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = NULL;

  if (self->busy)
    return;
  problem = _rapport_composer_check_ready (self, &address);
  _rapport_composer_show_problem (self, problem);
  if (problem != NULL)
    return;

  body = _rapport_composer_get_body (self);
  uri = rapport_mail_build_mailto (address, gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)), body);
  set_busy (self, TRUE);
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, self->cancellable, shown_cb, g_object_ref (self));
}

/* }}} */
