/* rapport-contact-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-birthday-row.h"
#include "rapport-contact-editor.h"
#include "rapport-contact-picker.h"
#include "rapport-toast.h"
#include "rapport-text.h"
#include "rapport-shortcut.h"

/* Adds or edits a contact. It checks the form as the user types (a name is
 * required; addresses and the profile link must be well formed) and offers a
 * picker for who introduced them, which searches the existing contacts and
 * can create the referrer on the spot. */
struct _RapportContactEditor
{
  AdwWindow            parent_instance;

  RapportContactStore *store;
  RapportContact      *contact;         /* a copy: edited here, saved on Save */
  gboolean             name_touched;   /* complain about an empty name only once edited */

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  AdwEntryRow         *given_name_row;
  AdwEntryRow         *family_name_row;
  AdwEntryRow         *role_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *emails_row;
  AdwEntryRow         *phones_row;
  AdwEntryRow         *profile_row;
  AdwEntryRow         *location_row;
  RapportBirthdayRow  *birthday_row;
  AdwEntryRow         *source_row;
  AdwEntryRow         *tags_row;
  RapportContactPicker *referrer_picker;
  AdwComboRow         *playbook_row;
  GtkTextView         *notes_view;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RapportContactEditor, rapport_contact_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
mark (AdwEntryRow *row,
      gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static gboolean
validate (RapportContactEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_auto(GStrv) emails = rapport_text_split_list (text_of (self->emails_row));
  g_autofree char *profile = g_strstrip (g_strdup (text_of (self->profile_row)));
  g_autofree char *message = NULL;
  const char *bad_email = NULL;

  for (guint i = 0; emails[i] != NULL && bad_email == NULL; i++)
    if (!rapport_text_is_email (emails[i]))
      bad_email = emails[i];

  if (name[0] == '\0')
    message = self->name_touched ? g_strdup (_("Enter a name.")) : g_strdup ("");
  else if (bad_email != NULL)
    /* Translators: %s is what the user typed as an email address */
    message = g_strdup_printf (_("“%s” is not an email address."), bad_email);
  else if (profile[0] != '\0' && !rapport_text_is_web_url (profile))
    message = g_strdup (_("The profile address must be a web address starting with https:// or http://."));

  mark (self->name_row, name[0] != '\0' || !self->name_touched);
  mark (self->emails_row, bad_email == NULL);
  mark (self->profile_row, profile[0] == '\0' || rapport_text_is_web_url (profile));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && message[0] != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", message == NULL);

  return message == NULL;
}

/* }}} */
/* Callbacks {{{ */

static void
picker_error_cb (RapportContactEditor *self,
                 const char           *message)
{
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (message));
}

/* }}} */
/* Saving {{{ */

static void
validate_cb (RapportContactEditor *self,
             GtkWidget            *row)
{
  if (row == GTK_WIDGET (self->name_row))
    self->name_touched = TRUE;
  validate (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = rapport_contact_store_save_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (id == 0)
    {
      /* Nothing typed is lost: the form stays open with the message. */
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContactEditor *self = RAPPORT_CONTACT_EDITOR (widget);
  RapportContact *contact = self->contact;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *profile = NULL;
  GtkTextIter start, end;

  if (!validate (self))
    return;

  emails = rapport_text_split_list (text_of (self->emails_row));
  phones = rapport_text_split_list (text_of (self->phones_row));
  tags = rapport_text_split_list (text_of (self->tags_row));
  profile = g_strstrip (g_strdup (text_of (self->profile_row)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  rapport_contact_set_display_name (contact, text_of (self->name_row));
  rapport_contact_set_given_name (contact, text_of (self->given_name_row));
  rapport_contact_set_family_name (contact, text_of (self->family_name_row));
  rapport_contact_set_role (contact, text_of (self->role_row));
  rapport_contact_set_organisation (contact, text_of (self->organisation_row));
  rapport_contact_set_emails (contact, (const char * const *) emails);
  rapport_contact_set_phones (contact, (const char * const *) phones);
  rapport_contact_set_profile_url (contact, profile);
  rapport_contact_set_location (contact, text_of (self->location_row));
  rapport_contact_set_birthday (contact, rapport_birthday_row_get_birthday (self->birthday_row));
  rapport_contact_set_source (contact, text_of (self->source_row));
  rapport_contact_set_tags (contact, (const char * const *) tags);
  rapport_contact_set_notes (contact, notes);
  rapport_contact_set_referred_by_id (contact, rapport_contact_picker_get_contact_id (self->referrer_picker));
  /* The combo's first item is the default, then the playbooks in order. */
  rapport_contact_set_playbook (contact, (int) adw_combo_row_get_selected (self->playbook_row) - 1);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  rapport_contact_store_save_async (self->store, contact, NULL, saved_cb, g_object_ref (self));
}

static void
entry_activated_cb (RapportContactEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* }}} */
/* GObject {{{ */

static void
rapport_contact_editor_dispose (GObject *object)
{
  RapportContactEditor *self = RAPPORT_CONTACT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (rapport_contact_editor_parent_class)->dispose (object);
}

static void
rapport_contact_editor_class_init (RapportContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_editor_dispose;

  /**
   * RapportContactEditor::saved:
   * @contact_id: the saved contact
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RAPPORT_TYPE_CONTACT_PICKER);
  g_type_ensure (RAPPORT_TYPE_BIRTHDAY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, emails_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, phones_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, profile_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, referrer_picker);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, picker_error_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
}

static void
rapport_contact_editor_init (RapportContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_widget_add_ctrl_return (GTK_WIDGET (self), "editor.save");
  rapport_accessible_clean_names (GTK_WIDGET (self));
  rapport_contact_picker_set_none_label (self->referrer_picker, _("Nobody"), _("Clear who introduced you"));
  rapport_contact_picker_set_can_create (self->referrer_picker, TRUE);
  rapport_contact_picker_set_labels (self->referrer_picker, _("Introduced By"),
                                     _("Search for the Person Who Introduced You"));
}

/* }}} */

/**
 * rapport_contact_editor_new:
 * @contact: (nullable): the contact to edit, or %NULL for a new one
 */
GtkWidget *
rapport_contact_editor_new (RapportContactStore *store,
                            RapportContact      *contact)
{
  RapportContactEditor *self;
  g_autofree char *emails = NULL;
  g_autofree char *phones = NULL;
  g_autofree char *tags = NULL;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (!contact || RAPPORT_IS_CONTACT (contact), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTACT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->contact = contact ? rapport_contact_copy (contact) : rapport_contact_new ();
  contact = self->contact;

  gtk_window_set_title (GTK_WINDOW (self), rapport_contact_get_id (contact) == 0 ? _("New Contact")
                                                                                 : _("Edit Contact"));

  emails = g_strjoinv (", ", (char **) rapport_contact_get_emails (contact));
  phones = g_strjoinv (", ", (char **) rapport_contact_get_phones (contact));
  tags = g_strjoinv (", ", (char **) rapport_contact_get_tags (contact));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rapport_contact_get_display_name (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->given_name_row), rapport_contact_get_given_name (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row), rapport_contact_get_family_name (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), rapport_contact_get_role (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), rapport_contact_get_organisation (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->emails_row), emails);
  gtk_editable_set_text (GTK_EDITABLE (self->phones_row), phones);
  gtk_editable_set_text (GTK_EDITABLE (self->profile_row), rapport_contact_get_profile_url (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), rapport_contact_get_location (contact));
  rapport_birthday_row_set_birthday (self->birthday_row, rapport_contact_get_birthday (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), rapport_contact_get_source (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), rapport_contact_get_notes (contact), -1);
  rapport_contact_picker_set_store (self->referrer_picker, store);
  rapport_contact_picker_set_excluded_id (self->referrer_picker, rapport_contact_get_id (contact));
  rapport_contact_picker_set_contact (self->referrer_picker, rapport_contact_get_referred_by_id (contact),
                                      rapport_contact_get_referred_by_name (contact));
  adw_combo_row_set_selected (self->playbook_row, rapport_contact_get_playbook (contact) + 1);

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}
