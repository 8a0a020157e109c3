/* rapport-contacts-page-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-detail.h"
#include "rapport-contacts-page.h"
#include "rapport-organisation-detail.h"

G_BEGIN_DECLS

/* Shared by rapport-contacts-page.c, its Organisations mode
 * (rapport-contacts-page-organisations.c) and its deleting and undoing
 * (rapport-contacts-page-delete.c). */
struct _RapportContactsPage
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  RapportMeetingStore *meeting_store;
  RapportContactList  *list;
  GtkSingleSelection  *selection;
  char                *sort;
  char                *stage_filter;
  char                *tag_filter;
  gint64               pending_show;     /* a contact to select once listed */
  GHashTable          *undone;           /* ids whose deletion was undone */
  AdwToast            *undo_toast;       /* the latest deletion's, while shown */

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  GtkStack            *detail_stack;
  AdwBin              *detail_bin;
  AdwBin              *organisation_bin;
  RapportContactDetail *detail;                    /* made on first use, see ensure_detail() */
  RapportOrganisationDetail *organisation_detail;  /* likewise */
  GtkToggleButton     *people_toggle;
  GtkListBox          *organisation_list;
  GtkWidget           *filter_button;
  GCancellable        *organisations_cancellable;
  GMenu               *stage_submenu;
  GMenu               *tag_submenu;
};

/* rapport-contacts-page.c */
void     _rapport_contacts_page_show_detail                (RapportContactsPage *self,
                                                            gint64               contact_id);
gint64   _rapport_contacts_page_shown_contact_id           (RapportContactsPage *self);
void     _rapport_contacts_page_update_list_state          (RapportContactsPage *self);
void     _rapport_contacts_page_open_contact_cb            (RapportContactsPage *self,
                                                            gint64               contact_id);

/* rapport-contacts-page-organisations.c */
gboolean _rapport_contacts_page_showing_organisations      (RapportContactsPage *self);
void     _rapport_contacts_page_load_organisations         (RapportContactsPage *self);
gboolean _rapport_contacts_page_organisation_filter        (GtkListBoxRow       *row,
                                                            gpointer             user_data);
void     _rapport_contacts_page_mode_toggled_cb            (RapportContactsPage *self);
void     _rapport_contacts_page_organisation_selected_cb   (RapportContactsPage *self,
                                                            GtkListBoxRow       *row);

/* rapport-contacts-page-delete.c */
void     _rapport_contacts_page_delete_action              (GtkWidget           *widget,
                                                            const char          *action_name,
                                                            GVariant            *parameter);
void     _rapport_contacts_page_undo_delete_action         (GtkWidget           *widget,
                                                            const char          *action_name,
                                                            GVariant            *parameter);

G_END_DECLS
