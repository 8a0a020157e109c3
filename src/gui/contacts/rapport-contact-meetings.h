/* rapport-contact-meetings.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_MEETINGS (rapport_contact_meetings_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactMeetings, rapport_contact_meetings, RAPPORT, CONTACT_MEETINGS, GtkWidget)

GtkWidget *rapport_contact_meetings_new            (void);
void       rapport_contact_meetings_set_store      (RapportContactMeetings *self,
                                                    RapportMeetingStore    *store);
void       rapport_contact_meetings_set_contact_id (RapportContactMeetings *self,
                                                    gint64                  contact_id);

G_END_DECLS
