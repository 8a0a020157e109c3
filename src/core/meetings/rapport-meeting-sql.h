/* rapport-meeting-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"
#include "rapport-meeting-store.h"

G_BEGIN_DECLS

/* The meeting store's SQL, for the database thread only. Each write is one
 * transaction of its own. */

GPtrArray      *rapport_meeting_sql_list          (RapportDatabase *db, RapportMeetingList which, gint64 contact_id, gint64 now, GError **error);
RapportMeeting *rapport_meeting_sql_load          (RapportDatabase *db, gint64 meeting_id, GError **error);
GPtrArray      *rapport_meeting_sql_load_questions (RapportDatabase *db, gint64 meeting_id, GError **error);
gint64          rapport_meeting_sql_save          (RapportDatabase *db, RapportMeeting *meeting, GError **error);
gboolean        rapport_meeting_sql_delete        (RapportDatabase *db, gint64 meeting_id, GError **error);
GArray         *rapport_meeting_sql_set_questions (RapportDatabase *db, gint64 meeting_id, GPtrArray *questions, GError **error);
gboolean        rapport_meeting_sql_save_notes    (RapportDatabase *db, gint64 meeting_id, const char *notes, guint agenda_done, GError **error);
gboolean        rapport_meeting_sql_save_answer   (RapportDatabase *db, gint64 meeting_question_id, const char *answer, GError **error);
gboolean        rapport_meeting_sql_start         (RapportDatabase *db, gint64 meeting_id, gint64 now, GError **error);
GArray         *rapport_meeting_sql_finish        (RapportDatabase *db, gint64 meeting_id, const char *summary, const char *next_steps, gint64 keep_in_touch_at, GPtrArray *referrals, gint64 now, GError **error);

G_END_DECLS
