/* rapport-organisation-detail.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organisation-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-link.h"
#include "rapport-accessible.h"
#include "rapport-organisation-detail.h"
#include "rapport-toast.h"
#include "rapport-text.h"

/* One organisation: its name, industry and website, the research notes the
 * user keeps about it (shared by all its people), and who works there, each
 * a link to their details. */
struct _RapportOrganisationDetail
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  RapportOrganisation *organisation;
  GCancellable        *cancellable;

  /* Template children */
  GtkWidget           *root;
  GtkWidget           *back_button;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  AdwEntryRow         *industry_row;
  AdwEntryRow         *website_row;
  GtkTextView         *notes_view;
  GtkListBox          *people_list;
};

G_DEFINE_FINAL_TYPE (RapportOrganisationDetail, rapport_organisation_detail, GTK_TYPE_WIDGET)

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
notes_text (RapportOrganisationDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
changed_cb (RapportOrganisationDetail *self)
{
  const char *website = gtk_editable_get_text (GTK_EDITABLE (self->website_row));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean website_ok = website[0] == '\0' || rapport_text_is_web_url (website);

  if (website_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->website_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->website_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.save",
                                 self->organisation != NULL && name[0] != '\0' && website_ok);
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RapportOrganisationDetail *self = user_data;
  g_autoptr(GPtrArray) people = NULL;
  GtkWidget *child;

  people = rapport_organisation_people_finish (RAPPORT_CONTACT_STORE (object), result, NULL);
  if (people == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  for (guint i = 0; i < people->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (people, i);
      GtkWidget *row = rapport_contact_link_row_new (contact, rapport_contact_get_role (contact),
                                                     "organisation.open-contact");

      gtk_list_box_append (self->people_list, row);
    }
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportOrganisationDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_organisation_save_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    {
      rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (error->message));
      return;
    }

  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (_("Saved")));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportOrganisationDetail *self = RAPPORT_ORGANISATION_DETAIL (widget);
  g_autofree char *notes = notes_text (self);

  if (self->organisation == NULL)
    return;

  rapport_organisation_set_name (self->organisation, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rapport_organisation_set_industry (self->organisation, gtk_editable_get_text (GTK_EDITABLE (self->industry_row)));
  rapport_organisation_set_website (self->organisation, gtk_editable_get_text (GTK_EDITABLE (self->website_row)));
  rapport_organisation_set_notes (self->organisation, notes);
  rapport_organisation_save_async (self->store, self->organisation, NULL, saved_cb, g_object_ref (self));
}

static void
open_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_CONTACT], 0, g_variant_get_int64 (parameter));
}

static void
rapport_organisation_detail_dispose (GObject *object)
{
  RapportOrganisationDetail *self = RAPPORT_ORGANISATION_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ORGANISATION_DETAIL);
  g_clear_pointer (&self->root, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);

  G_OBJECT_CLASS (rapport_organisation_detail_parent_class)->dispose (object);
}

static void
rapport_organisation_detail_class_init (RapportOrganisationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organisation_detail_dispose;

  signals[OPEN_CONTACT] =
    g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-organisation-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, root);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, industry_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, website_row);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationDetail, people_list);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "organisation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "organisation.open-contact", "x", open_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "organisation.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_organisation_detail_init (RapportOrganisationDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.save", FALSE);
}

GtkWidget *
rapport_organisation_detail_new (void)
{
  return g_object_new (RAPPORT_TYPE_ORGANISATION_DETAIL, NULL);
}

void
rapport_organisation_detail_set_store (RapportOrganisationDetail *self,
                                       RapportContactStore       *store)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATION_DETAIL (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  g_set_object (&self->store, store);
}

void
rapport_organisation_detail_set_organisation (RapportOrganisationDetail *self,
                                              RapportOrganisation       *organisation)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATION_DETAIL (self));
  g_return_if_fail (RAPPORT_IS_ORGANISATION (organisation));

  g_set_object (&self->organisation, organisation);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rapport_organisation_get_name (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->industry_row), rapport_organisation_get_industry (organisation));
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), rapport_organisation_get_website (organisation));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), rapport_organisation_get_notes (organisation), -1);
  changed_cb (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_organisation_people_async (self->store, rapport_organisation_get_id (organisation),
                                     self->cancellable, people_loaded_cb, self);
}

void
rapport_organisation_detail_set_show_back (RapportOrganisationDetail *self,
                                           gboolean                   show_back)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATION_DETAIL (self));
  gtk_widget_set_visible (self->back_button, show_back);
}
