/* rapport-meeting-research.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_RESEARCH (rapport_meeting_research_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingResearch, rapport_meeting_research, RAPPORT, MEETING_RESEARCH, GtkWidget)

GtkWidget *rapport_meeting_research_new            (void);
void       rapport_meeting_research_set_store      (RapportMeetingResearch *self,
                                                    RapportContactStore    *store);
void       rapport_meeting_research_set_contact_id (RapportMeetingResearch *self,
                                                    gint64                  contact_id);
void       rapport_meeting_research_flush          (RapportMeetingResearch *self);

G_END_DECLS
