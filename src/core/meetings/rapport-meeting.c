/* rapport-meeting.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-meeting.h"

/* One informational interview with one contact. Times are Unix seconds in
 * UTC, so that a meeting stays at the same instant when the user travels or
 * the clocks change; they are turned into local time only to be shown. */
struct _RapportMeeting
{
  GObject               parent_instance;

  gint64                id;
  gint64                contact_id;
  char                 *contact_name;
  char                 *organisation;
  gint64                starts_at;
  int                   duration;       /* minutes */
  char                 *place;
  char                 *purpose;
  RapportMeetingStatus  status;
  char                 *notes;
  guint                 agenda_done;
  char                 *summary;
  char                 *next_steps;
  gint64                started_at;     /* 0 when not (yet) */
  gint64                ended_at;
  gint64                keep_in_touch_at;
  char                 *event_uid;      /* its event's in the user's calendar */
};

G_DEFINE_FINAL_TYPE (RapportMeeting, rapport_meeting, G_TYPE_OBJECT)

const char *
rapport_meeting_status_get_label (RapportMeetingStatus status)
{
  switch (status)
    {
    case RAPPORT_MEETING_PROPOSED:  return C_("meeting status", "Proposed");
    case RAPPORT_MEETING_CONFIRMED: return C_("meeting status", "Confirmed");
    case RAPPORT_MEETING_HELD:      return C_("meeting status", "Held");
    case RAPPORT_MEETING_CANCELLED: return C_("meeting status", "Cancelled");
    case RAPPORT_MEETING_NO_SHOW:   return C_("meeting status", "No-Show");
    default:                        g_return_val_if_reached (NULL);
    }
}

/* Whether the meeting may still take place. */
gboolean
rapport_meeting_status_is_open (RapportMeetingStatus status)
{
  return status == RAPPORT_MEETING_PROPOSED || status == RAPPORT_MEETING_CONFIRMED;
}

const char *
rapport_agenda_step_get_label (RapportAgendaStep step)
{
  switch (step)
    {
    case RAPPORT_AGENDA_GREET:         return _("Greet them and thank them for their time");
    case RAPPORT_AGENDA_PURPOSE:       return _("Restate why you asked for the meeting");
    case RAPPORT_AGENDA_QUESTIONS:     return _("Ask your questions");
    case RAPPORT_AGENDA_ABOUT_YOU:     return _("Tell them briefly about yourself");
    case RAPPORT_AGENDA_WRAP_UP:       return _("Wrap up on time");
    case RAPPORT_AGENDA_MORE_CONTACTS: return _("Ask who else you should talk to");
    case RAPPORT_AGENDA_THANK:         return _("Thank them again");
    default:                           g_return_val_if_reached (NULL);
    }
}

static void
rapport_meeting_finalize (GObject *object)
{
  RapportMeeting *self = RAPPORT_MEETING (object);

  g_free (self->contact_name);
  g_free (self->organisation);
  g_free (self->place);
  g_free (self->purpose);
  g_free (self->notes);
  g_free (self->summary);
  g_free (self->next_steps);
  g_free (self->event_uid);

  G_OBJECT_CLASS (rapport_meeting_parent_class)->finalize (object);
}

static void
rapport_meeting_class_init (RapportMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_meeting_finalize;
}

static void
rapport_meeting_init (RapportMeeting *self)
{
  self->contact_name = g_strdup ("");
  self->organisation = g_strdup ("");
  self->place = g_strdup ("");
  self->purpose = g_strdup ("");
  self->notes = g_strdup ("");
  self->summary = g_strdup ("");
  self->next_steps = g_strdup ("");
  self->event_uid = g_strdup ("");
  self->duration = 20;
}

RapportMeeting *
rapport_meeting_new (gint64 contact_id,
                     gint64 starts_at,
                     int    duration)
{
  RapportMeeting *self = g_object_new (RAPPORT_TYPE_MEETING, NULL);

  self->contact_id = contact_id;
  self->starts_at = starts_at;
  self->duration = duration;
  return self;
}

RapportMeeting *
rapport_meeting_copy (RapportMeeting *self)
{
  RapportMeeting *copy;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);

  copy = rapport_meeting_new (self->contact_id, self->starts_at, self->duration);
  copy->id = self->id;
  rapport_meeting_set_contact_details (copy, self->contact_name, self->organisation);
  rapport_meeting_set_place (copy, self->place);
  rapport_meeting_set_purpose (copy, self->purpose);
  copy->status = self->status;
  rapport_meeting_set_notes (copy, self->notes);
  copy->agenda_done = self->agenda_done;
  rapport_meeting_set_summary (copy, self->summary);
  rapport_meeting_set_next_steps (copy, self->next_steps);
  copy->started_at = self->started_at;
  copy->ended_at = self->ended_at;
  copy->keep_in_touch_at = self->keep_in_touch_at;
  rapport_meeting_set_event_uid (copy, self->event_uid);
  return copy;
}

static void
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
}

#define INT_ACCESSORS(type, name)                                   \
  type                                                              \
  rapport_meeting_get_##name (RapportMeeting *self)                 \
  {                                                                 \
    g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);            \
    return self->name;                                              \
  }                                                                 \
  void                                                              \
  rapport_meeting_set_##name (RapportMeeting *self, type value)     \
  {                                                                 \
    g_return_if_fail (RAPPORT_IS_MEETING (self));                   \
    self->name = value;                                             \
  }

#define STRING_ACCESSORS(name)                                              \
  const char *                                                              \
  rapport_meeting_get_##name (RapportMeeting *self)                         \
  {                                                                         \
    g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);                 \
    return self->name;                                                      \
  }                                                                         \
  void                                                                      \
  rapport_meeting_set_##name (RapportMeeting *self, const char *value)      \
  {                                                                         \
    g_return_if_fail (RAPPORT_IS_MEETING (self));                           \
    set_string (&self->name, value);                                        \
  }

INT_ACCESSORS (gint64, id)
INT_ACCESSORS (gint64, contact_id)
INT_ACCESSORS (gint64, starts_at)
INT_ACCESSORS (int, duration)
INT_ACCESSORS (RapportMeetingStatus, status)
INT_ACCESSORS (guint, agenda_done)
INT_ACCESSORS (gint64, started_at)
INT_ACCESSORS (gint64, ended_at)
INT_ACCESSORS (gint64, keep_in_touch_at)
STRING_ACCESSORS (place)
STRING_ACCESSORS (purpose)
STRING_ACCESSORS (notes)
STRING_ACCESSORS (summary)
STRING_ACCESSORS (next_steps)
STRING_ACCESSORS (event_uid)

const char *
rapport_meeting_get_contact_name (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);
  return self->contact_name;
}

const char *
rapport_meeting_get_organisation (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);
  return self->organisation;
}

/* Read along with the meeting, for lists; saving ignores them. */
void
rapport_meeting_set_contact_details (RapportMeeting *self,
                                     const char     *contact_name,
                                     const char     *organisation)
{
  g_return_if_fail (RAPPORT_IS_MEETING (self));
  set_string (&self->contact_name, contact_name);
  set_string (&self->organisation, organisation);
}

gint64
rapport_meeting_get_ends_at (RapportMeeting *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), 0);
  return self->starts_at + (gint64) self->duration * 60;
}

GDateTime *
rapport_meeting_dup_local_start (RapportMeeting *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (RAPPORT_IS_MEETING (self), NULL);

  utc = g_date_time_new_from_unix_utc (self->starts_at);
  return g_date_time_to_local (utc);
}

/* "Tuesday, 24 November 2026, 14:00": the start in the user's time zone of
 * the moment, with the locale's own date and time formats. */
char *
rapport_meeting_format_when (RapportMeeting *self)
{
  g_autoptr(GDateTime) local = rapport_meeting_dup_local_start (self);
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (local == NULL)
    return g_strdup ("");
  /* Translators: a meeting's date, see the strftime manual; e.g. "Tue 24 Nov 2026" */
  date = g_date_time_format (local, _("%a %e %b %Y"));
  time = g_date_time_format (local, "%X");
  /* drop the seconds that %X carries in many locales */
  if (time != NULL && strlen (time) == 8 && time[2] == ':' && time[5] == ':')
    time[5] = '\0';
  g_strstrip (date);
  /* Translators: a meeting's date and time, e.g. "Tue 24 Nov 2026, 14:00" */
  return g_strdup_printf (_("%s, %s"), date, time != NULL ? time : "");
}

/* Still to come (or going on), rather than past. */
gboolean
rapport_meeting_is_upcoming (RapportMeeting *self,
                             gint64          now)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING (self), FALSE);
  return rapport_meeting_status_is_open (self->status) && rapport_meeting_get_ends_at (self) >= now;
}

/* RapportMeetingQuestion {{{ */

struct _RapportMeetingQuestion
{
  GObject  parent_instance;

  gint64   id;
  gint64   question_id;
  char    *text;
  char    *answer;
};

G_DEFINE_FINAL_TYPE (RapportMeetingQuestion, rapport_meeting_question, G_TYPE_OBJECT)

static void
rapport_meeting_question_finalize (GObject *object)
{
  RapportMeetingQuestion *self = RAPPORT_MEETING_QUESTION (object);

  g_free (self->text);
  g_free (self->answer);

  G_OBJECT_CLASS (rapport_meeting_question_parent_class)->finalize (object);
}

static void
rapport_meeting_question_class_init (RapportMeetingQuestionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_meeting_question_finalize;
}

static void
rapport_meeting_question_init (RapportMeetingQuestion *self)
{
  self->answer = g_strdup ("");
}

RapportMeetingQuestion *
rapport_meeting_question_new (gint64      question_id,
                              const char *text)
{
  RapportMeetingQuestion *self = g_object_new (RAPPORT_TYPE_MEETING_QUESTION, NULL);

  self->question_id = question_id;
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

gint64
rapport_meeting_question_get_id (RapportMeetingQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION (self), 0);
  return self->id;
}

void
rapport_meeting_question_set_id (RapportMeetingQuestion *self,
                                 gint64                  id)
{
  g_return_if_fail (RAPPORT_IS_MEETING_QUESTION (self));
  self->id = id;
}

gint64
rapport_meeting_question_get_question_id (RapportMeetingQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION (self), 0);
  return self->question_id;
}

const char *
rapport_meeting_question_get_text (RapportMeetingQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION (self), NULL);
  return self->text;
}

const char *
rapport_meeting_question_get_answer (RapportMeetingQuestion *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_QUESTION (self), NULL);
  return self->answer;
}

void
rapport_meeting_question_set_answer (RapportMeetingQuestion *self,
                                     const char             *answer)
{
  g_return_if_fail (RAPPORT_IS_MEETING_QUESTION (self));
  set_string (&self->answer, answer);
}

/* }}} */
