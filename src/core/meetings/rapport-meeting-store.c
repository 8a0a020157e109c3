/* rapport-meeting-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-store"

#include "config.h"

#include "rapport-db-run.h"
#include "rapport-sql.h"
#include "rapport-meeting-sql.h"
#include "rapport-meeting-store.h"

/* Meetings, their questions and notes, over the database's single worker,
 * like the contact store. Writes that change a contact's stage or timeline
 * also announce the contact on the contact store, so that its pages follow.
 * Notes and answers typed during a meeting are saved quietly: nothing else
 * shows them, and a list refresh per keystroke would be waste. */

struct _RapportMeetingStore
{
  GObject              parent_instance;

  RapportContactStore *contacts;
};

G_DEFINE_FINAL_TYPE (RapportMeetingStore, rapport_meeting_store, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RapportReferral, rapport_referral, rapport_referral_copy, rapport_referral_free)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* RapportReferral {{{ */

RapportReferral *
rapport_referral_new (const char *name,
                      const char *organisation,
                      const char *email,
                      gboolean    may_use_name)
{
  RapportReferral *referral = g_new0 (RapportReferral, 1);

  referral->name = g_strdup (name != NULL ? name : "");
  referral->organisation = g_strdup (organisation != NULL ? organisation : "");
  referral->email = g_strdup (email != NULL ? email : "");
  referral->may_use_name = may_use_name;
  return referral;
}

RapportReferral *
rapport_referral_copy (const RapportReferral *referral)
{
  return rapport_referral_new (referral->name, referral->organisation, referral->email,
                               referral->may_use_name);
}

void
rapport_referral_free (RapportReferral *referral)
{
  if (referral == NULL)
    return;
  g_free (referral->name);
  g_free (referral->organisation);
  g_free (referral->email);
  g_free (referral);
}

/* }}} */
/* Jobs {{{ */

typedef enum
{
  JOB_LIST,
  JOB_LOAD,
  JOB_SAVE,
  JOB_DELETE,
  JOB_SET_QUESTIONS,
  JOB_SAVE_NOTES,
  JOB_SAVE_ANSWER,
  JOB_START,
  JOB_FINISH,
} JobKind;

typedef struct
{
  JobKind             kind;
  gint64              id;
  gint64              contact_id;   /* the contact whose timeline a write touched */
  gint64              number;
  RapportMeetingList  which;
  RapportMeeting     *meeting;
  GPtrArray          *items;
  char               *text;
  char               *other_text;
  GPtrArray          *questions;    /* JOB_LOAD's second result */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->meeting);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->questions, g_ptr_array_unref);
  g_free (job->text);
  g_free (job->other_text);
  g_free (job);
}

static gpointer
job_func (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  Job *job = data;

  /* Whose timeline the outcome sheet writes to, for the announcement. */
  if (job->kind == JOB_FINISH)
    {
      g_autoptr(RapportMeeting) meeting = rapport_meeting_sql_load (db, job->id, NULL);

      job->contact_id = meeting != NULL ? rapport_meeting_get_contact_id (meeting) : 0;
    }

  /* The writes run in a transaction of the runner's. */
  switch (job->kind)
    {
    case JOB_LIST:
      return rapport_meeting_sql_list (db, job->which, job->contact_id, rapport_sql_now (), error);
    case JOB_LOAD:
      {
        g_autoptr(RapportMeeting) meeting = rapport_meeting_sql_load (db, job->id, error);

        if (meeting == NULL)
          return NULL;
        job->questions = rapport_meeting_sql_load_questions (db, job->id, error);
        return job->questions != NULL ? g_steal_pointer (&meeting) : NULL;
      }
    case JOB_SAVE:
      return rapport_db_id_result (rapport_meeting_sql_save (db, job->meeting, error));
    case JOB_DELETE:
      return rapport_meeting_sql_delete (db, job->id, error) ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_SET_QUESTIONS:
      return rapport_meeting_sql_set_questions (db, job->id, job->items, error);
    case JOB_SAVE_NOTES:
      return rapport_meeting_sql_save_notes (db, job->id, job->text, job->number, error)
             ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_SAVE_ANSWER:
      return rapport_meeting_sql_save_answer (db, job->id, job->text, error) ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_START:
      return rapport_meeting_sql_start (db, job->id, rapport_sql_now (), error) ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_FINISH:
      return rapport_meeting_sql_finish (db, job->id, job->text, job->other_text, job->number,
                                         job->items, rapport_sql_now (), error);
    default:
      g_assert_not_reached ();
    }
}

/* }}} */
/* Plumbing {{{ */

/* Announces a committed write. */
static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  RapportMeetingStore *self = source_object;
  Job *job = data;

  switch (job->kind)
    {
    case JOB_SAVE:
      g_signal_emit (self, signals[CHANGED], 0, *(gint64 *) result);
      rapport_contact_store_notify_changed (self->contacts, job->contact_id);
      break;
    case JOB_DELETE:
    case JOB_FINISH:
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      if (job->contact_id != 0)
        rapport_contact_store_notify_changed (self->contacts, job->contact_id);
      break;
    case JOB_SET_QUESTIONS:
    case JOB_START:
      g_signal_emit (self, signals[CHANGED], 0, job->id);
      break;
    case JOB_LIST:
    case JOB_LOAD:
    case JOB_SAVE_NOTES:
    case JOB_SAVE_ANSWER:
    default:
      break;
    }
}

static GDestroyNotify
result_free_func (JobKind kind)
{
  switch (kind)
    {
    case JOB_LIST:          return (GDestroyNotify) g_ptr_array_unref;
    case JOB_LOAD:          return g_object_unref;
    case JOB_SAVE:          return g_free;
    case JOB_SET_QUESTIONS:
    case JOB_FINISH:        return (GDestroyNotify) g_array_unref;
    case JOB_DELETE:
    case JOB_SAVE_NOTES:
    case JOB_SAVE_ANSWER:
    case JOB_START:
    default:                return NULL;
    }
}

static void
run (RapportMeetingStore *self,
     Job                 *job,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  gboolean is_read = job->kind == JOB_LIST || job->kind == JOB_LOAD;

  rapport_db_run (self, source_tag, rapport_contact_store_get_database (self->contacts),
                  is_read ? RAPPORT_DB_RUN_READ : RAPPORT_DB_RUN_TRANSACTION,
                  job_func, job, job_free, result_free_func (job->kind), announce,
                  cancellable, callback, user_data);
}

static Job *
job_new (JobKind kind,
         gint64  id)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->id = id;
  return job;
}

/* }}} */
/* GObject {{{ */

static void
rapport_meeting_store_dispose (GObject *object)
{
  RapportMeetingStore *self = RAPPORT_MEETING_STORE (object);

  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (rapport_meeting_store_parent_class)->dispose (object);
}

static void
rapport_meeting_store_class_init (RapportMeetingStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_meeting_store_dispose;

  /**
   * RapportMeetingStore::changed:
   * @meeting_id: the meeting that changed
   *
   * Emitted on the main thread once a change to a meeting is committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rapport_meeting_store_init (RapportMeetingStore *self)
{
}

/* }}} */
/* Public API {{{ */

RapportMeetingStore *
rapport_meeting_store_new (RapportContactStore *contacts)
{
  RapportMeetingStore *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (contacts), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_STORE, NULL);
  self->contacts = g_object_ref (contacts);
  return self;
}

RapportContactStore *
rapport_meeting_store_get_contact_store (RapportMeetingStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (self), NULL);
  return self->contacts;
}

/**
 * rapport_meeting_store_list_async:
 * @contact_id: the contact, for %RAPPORT_MEETING_LIST_CONTACT
 *
 * Finishes with a #GPtrArray of #RapportMeeting.
 */
void
rapport_meeting_store_list_async (RapportMeetingStore *self,
                                  RapportMeetingList   which,
                                  gint64               contact_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  job = job_new (JOB_LIST, 0);
  job->which = which;
  job->contact_id = contact_id;
  run (self, job, rapport_meeting_store_list_async, cancellable, callback, user_data);
}

GPtrArray *
rapport_meeting_store_list_finish (RapportMeetingStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_meeting_store_list_async, error);
}

void
rapport_meeting_store_load_async (RapportMeetingStore *self,
                                  gint64               meeting_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  run (self, job_new (JOB_LOAD, meeting_id), rapport_meeting_store_load_async,
       cancellable, callback, user_data);
}

/**
 * rapport_meeting_store_load_finish:
 * @questions: (out) (transfer container): the meeting's questions, in order
 */
RapportMeeting *
rapport_meeting_store_load_finish (RapportMeetingStore  *self,
                                   GAsyncResult         *result,
                                   GPtrArray           **questions,
                                   GError              **error)
{
  RapportMeeting *meeting = rapport_db_run_finish (self, result, rapport_meeting_store_load_async, error);

  if (meeting != NULL && questions != NULL)
    {
      Job *job = rapport_db_run_get_data (result);

      *questions = g_steal_pointer (&job->questions);
    }
  return meeting;
}

/**
 * rapport_meeting_store_save_async:
 *
 * Adds @meeting (id 0) or updates it. Scheduling moves the contact to
 * "Scheduled"; moving, confirming, cancelling or holding it is written on the
 * contact's timeline. Finishes with the meeting's id.
 */
void
rapport_meeting_store_save_async (RapportMeetingStore *self,
                                  RapportMeeting      *meeting,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));
  g_return_if_fail (RAPPORT_IS_MEETING (meeting));

  job = job_new (JOB_SAVE, rapport_meeting_get_id (meeting));
  /* a copy: the caller may go on editing its own */
  job->meeting = rapport_meeting_copy (meeting);
  job->contact_id = rapport_meeting_get_contact_id (meeting);
  run (self, job, rapport_meeting_store_save_async, cancellable, callback, user_data);
}

gint64
rapport_meeting_store_save_finish (RapportMeetingStore  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_autofree gint64 *id = rapport_db_run_finish (self, result, rapport_meeting_store_save_async, error);

  if (id == NULL)
    return 0;
  /* "changed" went out with the new id */
  return *id;
}

void
rapport_meeting_store_delete_async (RapportMeetingStore *self,
                                    gint64               meeting_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  run (self, job_new (JOB_DELETE, meeting_id), rapport_meeting_store_delete_async,
       cancellable, callback, user_data);
}

gboolean
rapport_meeting_store_delete_finish (RapportMeetingStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_meeting_store_delete_async, error);
}

/**
 * rapport_meeting_store_set_questions_async:
 * @questions: (element-type RapportMeetingQuestion): the questions in their
 *   new order; those with id 0 are added
 *
 * Finishes with a #GArray of the rows' ids (gint64), in order.
 */
void
rapport_meeting_store_set_questions_async (RapportMeetingStore *self,
                                           gint64               meeting_id,
                                           GPtrArray           *questions,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));
  g_return_if_fail (questions != NULL);

  job = job_new (JOB_SET_QUESTIONS, meeting_id);
  job->items = g_ptr_array_new_with_free_func (g_object_unref);
  /* Read on the worker while the caller keeps its own: only ids, texts and
   * answers are read there, and none of them change until this finishes. */
  for (guint i = 0; i < questions->len; i++)
    {
      RapportMeetingQuestion *question = g_ptr_array_index (questions, i);
      RapportMeetingQuestion *copy;

      copy = rapport_meeting_question_new (rapport_meeting_question_get_question_id (question),
                                           rapport_meeting_question_get_text (question));
      rapport_meeting_question_set_id (copy, rapport_meeting_question_get_id (question));
      rapport_meeting_question_set_answer (copy, rapport_meeting_question_get_answer (question));
      g_ptr_array_add (job->items, copy);
    }
  run (self, job, rapport_meeting_store_set_questions_async, cancellable, callback, user_data);
}

GArray *
rapport_meeting_store_set_questions_finish (RapportMeetingStore  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_meeting_store_set_questions_async, error);
}

void
rapport_meeting_store_save_notes_async (RapportMeetingStore *self,
                                        gint64               meeting_id,
                                        const char          *notes,
                                        guint                agenda_done,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  job = job_new (JOB_SAVE_NOTES, meeting_id);
  job->text = g_strdup (notes != NULL ? notes : "");
  job->number = agenda_done;
  run (self, job, rapport_meeting_store_save_notes_async, cancellable, callback, user_data);
}

gboolean
rapport_meeting_store_save_notes_finish (RapportMeetingStore  *self,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_meeting_store_save_notes_async, error);
}

void
rapport_meeting_store_save_answer_async (RapportMeetingStore *self,
                                         gint64               meeting_question_id,
                                         const char          *answer,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  job = job_new (JOB_SAVE_ANSWER, meeting_question_id);
  job->text = g_strdup (answer != NULL ? answer : "");
  run (self, job, rapport_meeting_store_save_answer_async, cancellable, callback, user_data);
}

gboolean
rapport_meeting_store_save_answer_finish (RapportMeetingStore  *self,
                                          GAsyncResult         *result,
                                          GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_meeting_store_save_answer_async, error);
}

/* Records when the meeting really began (the first Start only). */
void
rapport_meeting_store_start_async (RapportMeetingStore *self,
                                   gint64               meeting_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  run (self, job_new (JOB_START, meeting_id), rapport_meeting_store_start_async,
       cancellable, callback, user_data);
}

gboolean
rapport_meeting_store_start_finish (RapportMeetingStore  *self,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_meeting_store_start_async, error);
}

/**
 * rapport_meeting_store_finish_async:
 * @keep_in_touch_at: when to get back in touch (Unix seconds), or 0
 * @referrals: (element-type RapportReferral) (nullable): people the contact
 *   suggested, each to become a contact referred by this one
 *
 * The outcome sheet, in one transaction: the meeting is marked held, the
 * contact moves to "Met", the timeline records the meeting with its notes and
 * answers, and each referral becomes a contact. Finishes with a #GArray of
 * the new contacts' ids.
 */
void
rapport_meeting_store_finish_async (RapportMeetingStore *self,
                                    gint64               meeting_id,
                                    const char          *summary,
                                    const char          *next_steps,
                                    gint64               keep_in_touch_at,
                                    GPtrArray           *referrals,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_MEETING_STORE (self));

  job = job_new (JOB_FINISH, meeting_id);
  job->text = g_strdup (summary != NULL ? summary : "");
  job->other_text = g_strdup (next_steps != NULL ? next_steps : "");
  job->number = keep_in_touch_at;
  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_referral_free);
  for (guint i = 0; referrals != NULL && i < referrals->len; i++)
    g_ptr_array_add (job->items, rapport_referral_copy (g_ptr_array_index (referrals, i)));
  run (self, job, rapport_meeting_store_finish_async, cancellable, callback, user_data);
}

GArray *
rapport_meeting_store_finish_finish (RapportMeetingStore  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  return rapport_db_run_finish (self, result, rapport_meeting_store_finish_async, error);
}

/* }}} */
