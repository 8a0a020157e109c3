/* rapport-meeting-research.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-research"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-meeting-research.h"
#include "rapport-organisation.h"

/* What the user learnt about the person and their organisation before
 * meeting them. Both notes live elsewhere (the contact's notes, the
 * organisation's research notes), so they are the same text wherever they
 * show. They save a second after typing stops; only the notes are written,
 * reading the contact afresh first, so that nothing else is undone. */
struct _RapportMeetingResearch
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  GCancellable        *cancellable;
  gint64               contact_id;
  gint64               organisation_id;
  guint                contact_timeout_id;
  guint                organisation_timeout_id;
  guint                loading : 1;

  /* Template children */
  AdwPreferencesGroup *contact_group;
  GtkLabel            *contact_saved;
  GtkTextView         *contact_view;
  AdwPreferencesGroup *organisation_group;
  GtkLabel            *organisation_saved;
  GtkTextView         *organisation_view;
};

G_DEFINE_FINAL_TYPE (RapportMeetingResearch, rapport_meeting_research, GTK_TYPE_WIDGET)

#define SAVE_DELAY_MS 1000

typedef struct
{
  RapportMeetingResearch *self;
  gint64                  contact_id;
  char                   *notes;
} ContactSave;

static void
contact_save_free (ContactSave *save)
{
  g_object_unref (save->self);
  g_free (save->notes);
  g_free (save);
}

/* Helpers {{{ */

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (RapportMeetingResearch *self,
          GtkTextView            *view,
          const char             *text)
{
  g_autofree char *current = dup_text (view);

  if (g_strcmp0 (current, text) == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
  self->loading = FALSE;
}

static void
report (GtkLabel     *label,
        const GError *error)
{
  g_autofree char *text = NULL;

  if (error == NULL)
    {
      gtk_label_set_label (label, _("Saved"));
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      return;
    }

  g_warning ("Could not save the notes: %s", error->message);
  /* Translators: %s is why notes could not be saved */
  text = g_strdup_printf (_("Not saved: %s"), error->message);
  gtk_label_set_label (label, text);
  gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

/* }}} */
/* Saving {{{ */

static void
contact_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ContactSave *save = user_data;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (save->contact_id == save->self->contact_id)
    report (save->self->contact_saved, error);
  contact_save_free (save);
}

static void
contact_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ContactSave *save = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  RapportContact *contact;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL || contacts->len == 0)
    {
      if (error != NULL && save->contact_id == save->self->contact_id)
        report (save->self->contact_saved, error);
      contact_save_free (save);
      return;
    }

  contact = g_ptr_array_index (contacts, 0);
  rapport_contact_set_notes (contact, save->notes);
  rapport_contact_store_save_async (RAPPORT_CONTACT_STORE (object), contact, NULL, contact_saved_cb, save);
}

static gboolean
save_contact_cb (gpointer user_data)
{
  RapportMeetingResearch *self = user_data;
  ContactSave *save = g_new0 (ContactSave, 1);

  self->contact_timeout_id = 0;
  save->self = g_object_ref (self);
  save->contact_id = self->contact_id;
  save->notes = dup_text (self->contact_view);
  rapport_contact_store_load_async (self->store, &save->contact_id, 1, NULL, contact_reloaded_cb, save);
  return G_SOURCE_REMOVE;
}

static void
organisation_saved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(RapportMeetingResearch) self = user_data;
  g_autoptr(GError) error = NULL;

  rapport_organisation_save_notes_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  report (self->organisation_saved, error);
}

static gboolean
save_organisation_cb (gpointer user_data)
{
  RapportMeetingResearch *self = user_data;
  g_autofree char *notes = dup_text (self->organisation_view);

  self->organisation_timeout_id = 0;
  rapport_organisation_save_notes_async (self->store, self->organisation_id, notes, NULL,
                                         organisation_saved_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
contact_changed_cb (RapportMeetingResearch *self)
{
  if (self->loading || self->contact_id == 0)
    return;
  gtk_label_set_label (self->contact_saved, "");
  g_clear_handle_id (&self->contact_timeout_id, g_source_remove);
  self->contact_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_contact_cb, self);
}

static void
organisation_changed_cb (RapportMeetingResearch *self)
{
  if (self->loading || self->organisation_id == 0)
    return;
  gtk_label_set_label (self->organisation_saved, "");
  g_clear_handle_id (&self->organisation_timeout_id, g_source_remove);
  self->organisation_timeout_id = g_timeout_add (SAVE_DELAY_MS, save_organisation_cb, self);
}

/* }}} */
/* Loading {{{ */

static void
organisation_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RapportMeetingResearch *self = user_data;
  g_autoptr(RapportOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  organisation = rapport_organisation_for_contact_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (organisation == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the organisation: %s", error->message);
      return;
    }

  self->organisation_id = rapport_organisation_get_id (organisation);
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_group), self->organisation_id != 0);
  if (self->organisation_id == 0)
    return;

  /* Translators: the title of the research notes on an organisation; %s is its name */
  title = g_strdup_printf (_("About %s"), rapport_organisation_get_name (organisation));
  adw_preferences_group_set_title (self->organisation_group, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->organisation_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->organisation_timeout_id == 0)
    set_text (self, self->organisation_view, rapport_organisation_get_notes (organisation));
}

static void
contact_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportMeetingResearch *self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  RapportContact *contact;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL || contacts->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the contact: %s", error->message);
      return;
    }

  contact = g_ptr_array_index (contacts, 0);
  /* Translators: the title of the research notes on a person; %s is their name */
  title = g_strdup_printf (_("About %s"), rapport_contact_get_display_name (contact));
  adw_preferences_group_set_title (self->contact_group, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->contact_view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->contact_timeout_id == 0)
    set_text (self, self->contact_view, rapport_contact_get_notes (contact));
}

static void
reload (RapportMeetingResearch *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->contact_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  rapport_contact_store_load_async (self->store, &self->contact_id, 1, self->cancellable, contact_loaded_cb, self);
  rapport_organisation_for_contact_async (self->store, self->contact_id, self->cancellable,
                                          organisation_loaded_cb, self);
}

/* A change made elsewhere shows here, unless it would overwrite what is
 * being typed. */
static void
store_changed_cb (RapportMeetingResearch *self,
                  gint64                  contact_id)
{
  if ((contact_id == 0 || contact_id == self->contact_id) &&
      !gtk_widget_has_focus (GTK_WIDGET (self->contact_view)) &&
      !gtk_widget_has_focus (GTK_WIDGET (self->organisation_view)))
    reload (self);
}

/* }}} */
/* GObject {{{ */

static void
rapport_meeting_research_dispose (GObject *object)
{
  RapportMeetingResearch *self = RAPPORT_MEETING_RESEARCH (object);
  GtkWidget *child;

  rapport_meeting_research_flush (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_RESEARCH);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_meeting_research_parent_class)->dispose (object);
}

static void
rapport_meeting_research_class_init (RapportMeetingResearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_research_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-meeting-research.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, contact_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, contact_saved);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, contact_view);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, organisation_saved);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingResearch, organisation_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_meeting_research_init (RapportMeetingResearch *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->contact_view), "changed",
                            G_CALLBACK (contact_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->organisation_view), "changed",
                            G_CALLBACK (organisation_changed_cb), self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_meeting_research_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEETING_RESEARCH, NULL);
}

void
rapport_meeting_research_set_store (RapportMeetingResearch *self,
                                    RapportContactStore    *store)
{
  g_return_if_fail (RAPPORT_IS_MEETING_RESEARCH (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
rapport_meeting_research_set_contact_id (RapportMeetingResearch *self,
                                         gint64                  contact_id)
{
  g_return_if_fail (RAPPORT_IS_MEETING_RESEARCH (self));

  if (self->contact_id == contact_id)
    return;

  rapport_meeting_research_flush (self);
  self->contact_id = contact_id;
  self->organisation_id = 0;
  set_text (self, self->contact_view, "");
  set_text (self, self->organisation_view, "");
  gtk_label_set_label (self->contact_saved, "");
  gtk_label_set_label (self->organisation_saved, "");
  adw_preferences_group_set_title (self->contact_group, _("About Them"));
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_group), FALSE);
  reload (self);
}

/* Saves what waits for its second of quiet now. */
void
rapport_meeting_research_flush (RapportMeetingResearch *self)
{
  g_return_if_fail (RAPPORT_IS_MEETING_RESEARCH (self));

  if (self->contact_timeout_id != 0)
    {
      g_clear_handle_id (&self->contact_timeout_id, g_source_remove);
      save_contact_cb (self);
    }
  if (self->organisation_timeout_id != 0)
    {
      g_clear_handle_id (&self->organisation_timeout_id, g_source_remove);
      save_organisation_cb (self);
    }
}

/* }}} */
