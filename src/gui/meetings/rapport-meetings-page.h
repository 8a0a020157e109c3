/* rapport-meetings-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"
#include "rapport-meeting-prep.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETINGS_PAGE (rapport_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingsPage, rapport_meetings_page, RAPPORT, MEETINGS_PAGE, GtkWidget)

GtkWidget          *rapport_meetings_page_new            (void);
void                rapport_meetings_page_set_store      (RapportMeetingsPage *self,
                                                          RapportMeetingStore *store,
                                                          GSettings           *settings);
void                rapport_meetings_page_show_meeting   (RapportMeetingsPage *self,
                                                          gint64               meeting_id);
gint64              rapport_meetings_page_get_meeting_id (RapportMeetingsPage *self);
RapportMeetingPrep *rapport_meetings_page_get_prep       (RapportMeetingsPage *self);
void                rapport_meetings_page_refresh        (RapportMeetingsPage *self);

G_END_DECLS
