/* rapport-contacts-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-list.h"
#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACTS_PAGE (rapport_contacts_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactsPage, rapport_contacts_page, RAPPORT, CONTACTS_PAGE, GtkWidget)

GtkWidget          *rapport_contacts_page_new          (void);
void                rapport_contacts_page_set_store    (RapportContactsPage *self,
                                                        RapportContactStore *store);
void                rapport_contacts_page_set_meeting_store (RapportContactsPage *self,
                                                             RapportMeetingStore *store);
RapportContactList *rapport_contacts_page_get_list     (RapportContactsPage *self);
void                rapport_contacts_page_show_contact (RapportContactsPage *self,
                                                        gint64               contact_id);
void                rapport_contacts_page_focus_search (RapportContactsPage *self);
RapportContact     *rapport_contacts_page_get_contact  (RapportContactsPage *self);

G_END_DECLS
