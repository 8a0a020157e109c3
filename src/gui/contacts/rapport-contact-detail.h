/* rapport-contact-detail.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_DETAIL (rapport_contact_detail_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, RAPPORT, CONTACT_DETAIL, GtkWidget)

GtkWidget      *rapport_contact_detail_new            (void);
void            rapport_contact_detail_set_store      (RapportContactDetail *self,
                                                       RapportContactStore  *store);
void            rapport_contact_detail_set_meeting_store (RapportContactDetail *self,
                                                          RapportMeetingStore  *store);
gint64          rapport_contact_detail_get_contact_id (RapportContactDetail *self);
void            rapport_contact_detail_set_contact_id (RapportContactDetail *self,
                                                       gint64                contact_id);
RapportContact *rapport_contact_detail_get_contact    (RapportContactDetail *self);
void            rapport_contact_detail_set_show_back  (RapportContactDetail *self,
                                                       gboolean              show_back);

G_END_DECLS
