/* rapport-meeting-store.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"
#include "rapport-meeting.h"

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_MEETING_LIST_UPCOMING,   /* proposed or confirmed, not over yet; soonest first */
  RAPPORT_MEETING_LIST_PAST,       /* the others; latest first */
  RAPPORT_MEETING_LIST_CONTACT,    /* one contact's, latest first */
} RapportMeetingList;

/* Someone the contact suggested talking to, from the outcome sheet. */
typedef struct
{
  char     *name;
  char     *organisation;
  char     *email;
  gboolean  may_use_name;   /* "may I say you sent me?" */
} RapportReferral;

#define RAPPORT_TYPE_REFERRAL (rapport_referral_get_type ())
GType            rapport_referral_get_type (void) G_GNUC_CONST;
RapportReferral *rapport_referral_new      (const char            *name,
                                            const char            *organisation,
                                            const char            *email,
                                            gboolean               may_use_name);
RapportReferral *rapport_referral_copy     (const RapportReferral *referral);
void             rapport_referral_free     (RapportReferral       *referral);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportReferral, rapport_referral_free)

#define RAPPORT_TYPE_MEETING_STORE (rapport_meeting_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportMeetingStore, rapport_meeting_store, RAPPORT, MEETING_STORE, GObject)

RapportMeetingStore *rapport_meeting_store_new                  (RapportContactStore  *contacts);
RapportContactStore *rapport_meeting_store_get_contact_store    (RapportMeetingStore  *self);

void        rapport_meeting_store_list_async          (RapportMeetingStore  *self,
                                                       RapportMeetingList    which,
                                                       gint64                contact_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GPtrArray  *rapport_meeting_store_list_finish         (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_load_async          (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RapportMeeting *rapport_meeting_store_load_finish     (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GPtrArray           **questions,
                                                       GError              **error);
void        rapport_meeting_store_save_async          (RapportMeetingStore  *self,
                                                       RapportMeeting       *meeting,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gint64      rapport_meeting_store_save_finish         (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_delete_async        (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    rapport_meeting_store_delete_finish       (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_set_questions_async (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       GPtrArray            *questions,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GArray     *rapport_meeting_store_set_questions_finish (RapportMeetingStore *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_save_notes_async    (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       const char           *notes,
                                                       guint                 agenda_done,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    rapport_meeting_store_save_notes_finish   (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_save_answer_async   (RapportMeetingStore  *self,
                                                       gint64                meeting_question_id,
                                                       const char           *answer,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    rapport_meeting_store_save_answer_finish  (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_start_async         (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean    rapport_meeting_store_start_finish        (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
void        rapport_meeting_store_finish_async        (RapportMeetingStore  *self,
                                                       gint64                meeting_id,
                                                       const char           *summary,
                                                       const char           *next_steps,
                                                       gint64                keep_in_touch_at,
                                                       GPtrArray            *referrals,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
GArray     *rapport_meeting_store_finish_finish       (RapportMeetingStore  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
