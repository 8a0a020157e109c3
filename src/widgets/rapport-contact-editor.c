/* rapport-contact-editor.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-editor.h"
#include "rapport-toast.h"
#include "storage/rapport-text.h"

/* Adds or edits a contact. It checks the form as the user types (a name is
 * required; addresses and the profile link must be well formed) and offers a
 * picker for who introduced them, which searches the existing contacts and
 * can create the referrer on the spot. */
struct _RapportContactEditor
{
  AdwWindow            parent_instance;

  RapportContactStore *store;
  RapportContact      *contact;         /* a copy: edited here, saved on Save */
  GCancellable        *search_cancellable;
  gint64               referrer_id;
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
  AdwEntryRow         *source_row;
  AdwEntryRow         *tags_row;
  GtkMenuButton       *referrer_button;
  GtkPopover          *referrer_popover;
  GtkSearchEntry      *referrer_search;
  GtkListBox          *referrer_list;
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

static void
set_referrer (RapportContactEditor *self,
              gint64                id,
              const char           *name)
{
  self->referrer_id = id;
  gtk_menu_button_set_label (self->referrer_button, id != 0 ? name : _("Nobody"));
}

static void
clear_referrer_list (RapportContactEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->referrer_list))) != NULL)
    gtk_list_box_remove (self->referrer_list, child);
}

static GtkWidget *
add_referrer_row (RapportContactEditor *self,
                  const char           *title,
                  const char           *subtitle,
                  gint64                id,
                  const char           *create_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "contact-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (row), "create-name", g_strdup (create_name), g_free);
  gtk_list_box_append (self->referrer_list, row);

  return row;
}

/* }}} */
/* Referrer picker {{{ */

static void
referrers_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportContactEditor *self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    return;

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->referrer_search))));
  clear_referrer_list (self);

  if (typed[0] == '\0')
    add_referrer_row (self, _("Nobody"), _("Clear who introduced you"), 0, NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      if (rapport_contact_get_id (contact) == rapport_contact_get_id (self->contact))
        continue;
      add_referrer_row (self, rapport_contact_get_display_name (contact),
                        rapport_contact_get_organisation (contact), rapport_contact_get_id (contact), NULL);
    }

  if (typed[0] != '\0')
    {
      /* Translators: %s is a name the user typed that matches no contact yet */
      g_autofree char *title = g_strdup_printf (_("Add “%s” as a New Contact"), typed);
      add_referrer_row (self, title, NULL, 0, typed);
    }
}

static void
referrers_found_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RapportContactEditor *self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rapport_contact_store_query_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (ids == NULL)
    return;

  rapport_contact_store_load_async (self->store, (gint64 *) (gpointer) ids->data, ids->len,
                                    self->search_cancellable, referrers_loaded_cb, self);
}

static void
referrer_search_changed_cb (RapportContactEditor *self)
{
  g_autoptr(RapportContactQuery) query = rapport_contact_query_new ();

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  self->search_cancellable = g_cancellable_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->referrer_search)));
  query->limit = 8;
  rapport_contact_store_query_async (self->store, query, self->search_cancellable, referrers_found_cb, self);
}

static void
referrer_popover_show_cb (RapportContactEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->referrer_search), "");
  referrer_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->referrer_search));
}

static void
referrer_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *name = g_object_get_data (G_OBJECT (self), "creating-referrer");
  gint64 id;

  id = rapport_contact_store_save_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (id == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, rapport_toast_new (error->message));
      return;
    }

  set_referrer (self, id, name);
}

static void
referrer_row_activated_cb (RapportContactEditor *self,
                           GtkListBoxRow        *row)
{
  const char *create_name = g_object_get_data (G_OBJECT (row), "create-name");
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "contact-id"));

  gtk_popover_popdown (self->referrer_popover);

  if (create_name != NULL)
    {
      g_autoptr(RapportContact) referrer = rapport_contact_new ();

      rapport_contact_set_display_name (referrer, create_name);
      g_object_set_data_full (G_OBJECT (self), "creating-referrer", g_strdup (create_name), g_free);
      rapport_contact_store_save_async (self->store, referrer, NULL, referrer_created_cb, g_object_ref (self));
      return;
    }

  set_referrer (self, id, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
referrer_search_activate_cb (RapportContactEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->referrer_list, 0);

  if (first != NULL)
    referrer_row_activated_cb (self, first);
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
  rapport_contact_set_source (contact, text_of (self->source_row));
  rapport_contact_set_tags (contact, (const char * const *) tags);
  rapport_contact_set_notes (contact, notes);
  rapport_contact_set_referred_by_id (contact, self->referrer_id);

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

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, referrer_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, referrer_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, referrer_search);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, referrer_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContactEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, referrer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, referrer_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, referrer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, referrer_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
rapport_contact_editor_init (RapportContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), rapport_contact_get_source (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), rapport_contact_get_notes (contact), -1);
  set_referrer (self, rapport_contact_get_referred_by_id (contact), rapport_contact_get_referred_by_name (contact));

  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}
