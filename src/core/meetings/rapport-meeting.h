/* rapport-meeting.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Stored as these numbers: append, never reorder. */
typedef enum
{
  RAPPORT_MEETING_PROPOSED,
  RAPPORT_MEETING_CONFIRMED,
  RAPPORT_MEETING_HELD,
  RAPPORT_MEETING_CANCELLED,
  RAPPORT_MEETING_NO_SHOW,
} RapportMeetingStatus;

#define RAPPORT_N_MEETING_STATUSES (RAPPORT_MEETING_NO_SHOW + 1)

/* The steps of an informational interview, in order; agenda_done is a set
 * of (1 << step). */
typedef enum
{
  RAPPORT_AGENDA_GREET,
  RAPPORT_AGENDA_PURPOSE,
  RAPPORT_AGENDA_QUESTIONS,
  RAPPORT_AGENDA_ABOUT_YOU,
  RAPPORT_AGENDA_WRAP_UP,
  RAPPORT_AGENDA_MORE_CONTACTS,
  RAPPORT_AGENDA_THANK,
} RapportAgendaStep;

#define RAPPORT_N_AGENDA_STEPS (RAPPORT_AGENDA_THANK + 1)

const char *rapport_meeting_status_get_label (RapportMeetingStatus status);
gboolean    rapport_meeting_status_is_open   (RapportMeetingStatus status);
const char *rapport_agenda_step_get_label    (RapportAgendaStep    step);

#define RAPPORT_TYPE_MEETING (rapport_meeting_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeeting, rapport_meeting, RAPPORT, MEETING, GObject)

RapportMeeting       *rapport_meeting_new                  (gint64                contact_id,
                                                            gint64                starts_at,
                                                            int                   duration);
RapportMeeting       *rapport_meeting_copy                 (RapportMeeting       *self);
gint64                rapport_meeting_get_id               (RapportMeeting       *self);
void                  rapport_meeting_set_id               (RapportMeeting       *self,
                                                            gint64                id);
gint64                rapport_meeting_get_contact_id       (RapportMeeting       *self);
void                  rapport_meeting_set_contact_id       (RapportMeeting       *self,
                                                            gint64                contact_id);
const char           *rapport_meeting_get_contact_name     (RapportMeeting       *self);
const char           *rapport_meeting_get_organisation     (RapportMeeting       *self);
void                  rapport_meeting_set_contact_details  (RapportMeeting       *self,
                                                            const char           *contact_name,
                                                            const char           *organisation);
gint64                rapport_meeting_get_starts_at        (RapportMeeting       *self);
void                  rapport_meeting_set_starts_at        (RapportMeeting       *self,
                                                            gint64                starts_at);
gint64                rapport_meeting_get_ends_at          (RapportMeeting       *self);
int                   rapport_meeting_get_duration         (RapportMeeting       *self);
void                  rapport_meeting_set_duration         (RapportMeeting       *self,
                                                            int                   duration);
const char           *rapport_meeting_get_place            (RapportMeeting       *self);
void                  rapport_meeting_set_place            (RapportMeeting       *self,
                                                            const char           *place);
const char           *rapport_meeting_get_purpose          (RapportMeeting       *self);
void                  rapport_meeting_set_purpose          (RapportMeeting       *self,
                                                            const char           *purpose);
RapportMeetingStatus  rapport_meeting_get_status           (RapportMeeting       *self);
void                  rapport_meeting_set_status           (RapportMeeting       *self,
                                                            RapportMeetingStatus  status);
const char           *rapport_meeting_get_notes            (RapportMeeting       *self);
void                  rapport_meeting_set_notes            (RapportMeeting       *self,
                                                            const char           *notes);
guint                 rapport_meeting_get_agenda_done      (RapportMeeting       *self);
void                  rapport_meeting_set_agenda_done      (RapportMeeting       *self,
                                                            guint                 agenda_done);
const char           *rapport_meeting_get_summary          (RapportMeeting       *self);
void                  rapport_meeting_set_summary          (RapportMeeting       *self,
                                                            const char           *summary);
const char           *rapport_meeting_get_next_steps       (RapportMeeting       *self);
void                  rapport_meeting_set_next_steps       (RapportMeeting       *self,
                                                            const char           *next_steps);
gint64                rapport_meeting_get_started_at       (RapportMeeting       *self);
void                  rapport_meeting_set_started_at       (RapportMeeting       *self,
                                                            gint64                started_at);
gint64                rapport_meeting_get_ended_at         (RapportMeeting       *self);
void                  rapport_meeting_set_ended_at         (RapportMeeting       *self,
                                                            gint64                ended_at);
gint64                rapport_meeting_get_keep_in_touch_at (RapportMeeting       *self);
void                  rapport_meeting_set_keep_in_touch_at (RapportMeeting       *self,
                                                            gint64                keep_in_touch_at);
/* Given by the database when the meeting is first saved; "" before. */
const char           *rapport_meeting_get_event_uid        (RapportMeeting       *self);
void                  rapport_meeting_set_event_uid        (RapportMeeting       *self,
                                                            const char           *event_uid);
GDateTime            *rapport_meeting_dup_local_start      (RapportMeeting       *self);
char                 *rapport_meeting_format_when          (RapportMeeting       *self);
gboolean              rapport_meeting_is_upcoming          (RapportMeeting       *self,
                                                            gint64                now);

/* A question asked (or to ask) in one meeting: copied from the bank when
 * picked (question_id), or written for this meeting alone (question_id 0). */
#define RAPPORT_TYPE_MEETING_QUESTION (rapport_meeting_question_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingQuestion, rapport_meeting_question, RAPPORT, MEETING_QUESTION, GObject)

RapportMeetingQuestion *rapport_meeting_question_new             (gint64                  question_id,
                                                                  const char             *text);
gint64                  rapport_meeting_question_get_id          (RapportMeetingQuestion *self);
void                    rapport_meeting_question_set_id          (RapportMeetingQuestion *self,
                                                                  gint64                  id);
gint64                  rapport_meeting_question_get_question_id (RapportMeetingQuestion *self);
const char             *rapport_meeting_question_get_text        (RapportMeetingQuestion *self);
const char             *rapport_meeting_question_get_answer      (RapportMeetingQuestion *self);
void                    rapport_meeting_question_set_answer      (RapportMeetingQuestion *self,
                                                                  const char             *answer);

G_END_DECLS
