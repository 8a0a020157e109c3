/* rapport-contacts-page-organisations.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contacts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-contacts-page.h"
#include "rapport-contacts-page-private.h"
#include "rapport-organisation-detail.h"
#include "rapport-organisation.h"
#include "rapport-text.h"

/* The contacts page's Organisations mode: the toggle beside People, the
 * list of organisations and the detail of the selected one. */

/* Built when first needed, as the contact detail is (ensure_detail()). */
static RapportOrganisationDetail *
ensure_organisation_detail (RapportContactsPage *self)
{
  if (self->organisation_detail == NULL)
    {
      self->organisation_detail = RAPPORT_ORGANISATION_DETAIL (rapport_organisation_detail_new ());
      if (self->store != NULL)
        rapport_organisation_detail_set_store (self->organisation_detail, self->store);
      rapport_organisation_detail_set_show_back (self->organisation_detail, adw_leaflet_get_folded (self->leaflet));
      g_signal_connect_object (self->organisation_detail, "open-contact", G_CALLBACK (_rapport_contacts_page_open_contact_cb),
                               self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->organisation_bin, GTK_WIDGET (self->organisation_detail));
    }

  return self->organisation_detail;
}

gboolean
_rapport_contacts_page_showing_organisations (RapportContactsPage *self)
{
  return !gtk_toggle_button_get_active (self->people_toggle);
}

static GtkWidget *
make_organisation_row (RapportOrganisation *organisation)
{
  GtkWidget *row = adw_action_row_new ();
  const char *industry = rapport_organisation_get_industry (organisation);
  guint n = rapport_organisation_get_n_people (organisation);
  g_autofree char *people = g_strdup_printf (ngettext ("%u person", "%u people", n), n);
  g_autofree char *subtitle = *industry ? g_strdup_printf ("%s · %s", people, industry) : g_strdup (people);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_organisation_get_name (organisation));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "organisation", g_object_ref (organisation), g_object_unref);
  return row;
}

static void
organisations_listed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  RapportContactsPage *self = user_data;
  g_autoptr(GPtrArray) organisations = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  organisations = rapport_organisation_list_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (organisations == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the organisations: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organisation_list))) != NULL)
    gtk_list_box_remove (self->organisation_list, child);
  for (guint i = 0; i < organisations->len; i++)
    gtk_list_box_append (self->organisation_list, make_organisation_row (g_ptr_array_index (organisations, i)));

  gtk_list_box_invalidate_filter (self->organisation_list);
}

void
_rapport_contacts_page_load_organisations (RapportContactsPage *self)
{
  g_cancellable_cancel (self->organisations_cancellable);
  g_clear_object (&self->organisations_cancellable);
  self->organisations_cancellable = g_cancellable_new ();
  rapport_organisation_list_async (self->store, self->organisations_cancellable, organisations_listed_cb, self);
}

/* Organisations are few next to people: filtering the loaded rows is fine. */
gboolean
_rapport_contacts_page_organisation_filter (GtkListBoxRow *row,
                                            gpointer       user_data)
{
  RapportContactsPage *self = user_data;
  RapportOrganisation *organisation = g_object_get_data (G_OBJECT (row), "organisation");
  g_autofree char *needle = rapport_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *name = NULL;
  g_autofree char *industry = NULL;

  if (needle[0] == '\0' || organisation == NULL)
    return TRUE;

  name = rapport_text_fold (rapport_organisation_get_name (organisation));
  industry = rapport_text_fold (rapport_organisation_get_industry (organisation));
  return strstr (name, needle) != NULL || strstr (industry, needle) != NULL;
}

void
_rapport_contacts_page_mode_toggled_cb (RapportContactsPage *self)
{
  gboolean organisations = _rapport_contacts_page_showing_organisations (self);

  gtk_widget_set_visible (self->filter_button, !organisations);
  g_object_set (self->search_entry, "placeholder-text",
                organisations ? _("Search organisations") : _("Search contacts"), NULL);
  if (organisations)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "organisations");
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      _rapport_contacts_page_load_organisations (self);
    }
  else
    {
      _rapport_contacts_page_update_list_state (self);
      _rapport_contacts_page_show_detail (self, _rapport_contacts_page_shown_contact_id (self));
    }
}

void
_rapport_contacts_page_organisation_selected_cb (RapportContactsPage *self,
                                                 GtkListBoxRow       *row)
{
  RapportOrganisation *organisation = row ? g_object_get_data (G_OBJECT (row), "organisation") : NULL;

  if (organisation == NULL)
    return;

  rapport_organisation_detail_set_organisation (ensure_organisation_detail (self), organisation);
  gtk_stack_set_visible_child_name (self->detail_stack, "organisation");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}
