/* rapport-meeting-editor.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_MEETING_EDITOR (rapport_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingEditor, rapport_meeting_editor, RAPPORT, MEETING_EDITOR, AdwWindow)

GtkWidget *rapport_meeting_editor_new         (RapportMeetingStore  *store,
                                               RapportMeeting       *meeting,
                                               int                   default_length);
void       rapport_meeting_editor_set_contact (RapportMeetingEditor *self,
                                               gint64                contact_id,
                                               const char           *name,
                                               gboolean              fixed);

G_END_DECLS
