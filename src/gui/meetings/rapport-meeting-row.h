/* rapport-meeting-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting.h"

G_BEGIN_DECLS

GtkWidget *rapport_meeting_row_new            (RapportMeeting       *meeting,
                                               gboolean              show_contact);
gint64     rapport_meeting_row_get_meeting_id (GtkWidget            *row);
GtkWidget *rapport_meeting_status_tag_new     (RapportMeetingStatus  status);
void       rapport_meeting_status_tag_set     (GtkWidget            *tag,
                                               RapportMeetingStatus  status);
char      *rapport_meeting_format_length      (int                   minutes);
char      *rapport_meeting_format_contact     (RapportMeeting       *meeting);

G_END_DECLS
