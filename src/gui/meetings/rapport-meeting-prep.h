/* rapport-meeting-prep.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

/* The checklist for the day is kept in the meeting's agenda_done, above the
 * bits of the in-meeting agenda. */
#define RAPPORT_CHECKLIST_FIRST_BIT 16
#define RAPPORT_N_CHECKLIST_ITEMS   7

#define RAPPORT_TYPE_MEETING_PREP (rapport_meeting_prep_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingPrep, rapport_meeting_prep, RAPPORT, MEETING_PREP, GtkWidget)

GtkWidget      *rapport_meeting_prep_new              (void);
void            rapport_meeting_prep_set_store        (RapportMeetingPrep  *self,
                                                       RapportMeetingStore *store,
                                                       GSettings           *settings);
gint64          rapport_meeting_prep_get_meeting_id   (RapportMeetingPrep  *self);
void            rapport_meeting_prep_set_meeting_id   (RapportMeetingPrep  *self,
                                                       gint64               meeting_id);
RapportMeeting *rapport_meeting_prep_get_meeting      (RapportMeetingPrep  *self);
AdwBin         *rapport_meeting_prep_get_questions_bin (RapportMeetingPrep *self);
void            rapport_meeting_prep_set_show_back    (RapportMeetingPrep  *self,
                                                       gboolean             show_back);

G_END_DECLS
