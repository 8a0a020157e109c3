/* rapport-reminder-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reminder"

#include "config.h"

#include <string.h>

#include "rapport-db-run.h"
#include "rapport-sql.h"
#include "rapport-reminder-sql.h"
#include "rapport-reminder-store.h"

struct _RapportReminderStore
{
  GObject          parent_instance;

  RapportDatabase *database;
};

G_DEFINE_FINAL_TYPE (RapportReminderStore, rapport_reminder_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Jobs {{{ */

typedef enum
{
  JOB_LIST,
  JOB_LIST_DUE,
  JOB_LOAD,
  JOB_SET_STATE,
  JOB_SAVE,
  JOB_DELETE,
  JOB_SET_SETTINGS,
  JOB_REDERIVE,
} JobKind;

typedef struct
{
  JobKind                  kind;
  gint64                   id;
  gint64                   time;
  RapportReminderState     state;
  RapportReminder         *reminder;
  RapportReminderSettings  settings;
  gint64                   bounds[RAPPORT_N_DUE_GROUPS];
  guint                    limits[RAPPORT_N_DUE_GROUPS];
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->reminder);
  g_free (job);
}

static gpointer
job_func (RapportDatabase  *db,
          gpointer          data,
          GError          **error)
{
  Job *job = data;
  gint64 now = rapport_sql_now ();

  switch (job->kind)
    {
    case JOB_LIST:
      return rapport_reminder_sql_list (db, job->time, error);
    case JOB_LIST_DUE:
      return rapport_reminder_sql_list_due (db, job->bounds, job->limits, error);
    case JOB_LOAD:
      return rapport_reminder_sql_load (db, job->id, error);
    case JOB_SET_SETTINGS:
      return rapport_reminder_sql_set_settings (db, &job->settings, now, error) ? GINT_TO_POINTER (TRUE) : NULL;
    /* The writes: each one a transaction of the runner's, deriving what it
     * made dirty. */
    case JOB_SET_STATE:
      return rapport_reminder_sql_set_state (db, job->id, job->state, job->time, now, error)
             ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_SAVE:
      return rapport_db_id_result (rapport_reminder_sql_save_custom (db, job->reminder, now, error));
    case JOB_DELETE:
      return rapport_reminder_sql_delete_custom (db, job->id, error) ? GINT_TO_POINTER (TRUE) : NULL;
    case JOB_REDERIVE:
      return rapport_database_exec (db, "INSERT INTO reminder_dirty (contact_id) SELECT id FROM contact", error)
             ? GINT_TO_POINTER (TRUE) : NULL;
    default:
      g_assert_not_reached ();
    }
}

static RapportDbRunFlags
job_flags (JobKind kind)
{
  switch (kind)
    {
    case JOB_LIST:
    case JOB_LIST_DUE:
    case JOB_LOAD:         return RAPPORT_DB_RUN_READ;
    case JOB_SET_SETTINGS: return RAPPORT_DB_RUN_WRITE;   /* its own transaction */
    default:               return RAPPORT_DB_RUN_TRANSACTION;
    }
}

static GDestroyNotify
result_free_func (JobKind kind)
{
  switch (kind)
    {
    case JOB_LIST: return (GDestroyNotify) g_ptr_array_unref;
    case JOB_LIST_DUE: return (GDestroyNotify) rapport_due_list_free;
    case JOB_LOAD: return g_object_unref;
    case JOB_SAVE: return g_free;
    default:       return NULL;
    }
}

static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  g_signal_emit (source_object, signals[CHANGED], 0);
}

static void
run (RapportReminderStore *self,
     Job                  *job,
     gpointer              source_tag,
     GCancellable         *cancellable,
     GAsyncReadyCallback   callback,
     gpointer              user_data)
{
  RapportDbRunFlags flags = job_flags (job->kind);

  rapport_db_run (self, source_tag, self->database, flags, job_func, job, job_free, result_free_func (job->kind),
                  (flags & RAPPORT_DB_RUN_WRITE) ? announce : NULL, cancellable, callback, user_data);
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
/* Object {{{ */

static void
rapport_reminder_store_dispose (GObject *object)
{
  RapportReminderStore *self = RAPPORT_REMINDER_STORE (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (rapport_reminder_store_parent_class)->dispose (object);
}

static void
rapport_reminder_store_class_init (RapportReminderStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_reminder_store_dispose;

  /**
   * RapportReminderStore::changed:
   *
   * Reminders may have changed: a write of this store, or of the contact
   * or meeting store, has committed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rapport_reminder_store_init (RapportReminderStore *self)
{
}

static void
other_store_changed_cb (RapportReminderStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * rapport_reminder_store_new:
 * @database: the open database
 * @contacts: (nullable): the contact store, whose writes derive reminders
 * @meetings: (nullable): the meeting store, likewise
 */
RapportReminderStore *
rapport_reminder_store_new (RapportDatabase     *database,
                            RapportContactStore *contacts,
                            RapportMeetingStore *meetings)
{
  RapportReminderStore *self;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (contacts == NULL || RAPPORT_IS_CONTACT_STORE (contacts), NULL);
  g_return_val_if_fail (meetings == NULL || RAPPORT_IS_MEETING_STORE (meetings), NULL);

  self = g_object_new (RAPPORT_TYPE_REMINDER_STORE, NULL);
  self->database = g_object_ref (database);
  rapport_reminder_rules_attach (database);
  if (contacts != NULL)
    g_signal_connect_object (contacts, "changed", G_CALLBACK (other_store_changed_cb), self, G_CONNECT_SWAPPED);
  if (meetings != NULL)
    g_signal_connect_object (meetings, "changed", G_CALLBACK (other_store_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

RapportDatabase *
rapport_reminder_store_get_database (RapportReminderStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_REMINDER_STORE (self), NULL);
  return self->database;
}

/* }}} */
/* API {{{ */

void
rapport_reminder_store_list_async (RapportReminderStore *self,
                                   gint64                until,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));

  job = job_new (JOB_LIST, 0);
  job->time = until;
  run (self, job, rapport_reminder_store_list_async, cancellable, callback, user_data);
}

/**
 * rapport_reminder_store_list_finish:
 *
 * Returns: (transfer container) (element-type RapportReminder): the reminders
 */
GPtrArray *
rapport_reminder_store_list_finish (RapportReminderStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_reminder_store_list_async, error);
}

/**
 * rapport_reminder_store_list_due_async:
 * @bounds: (array fixed-size=3): where each group of #RapportDueGroup ends
 * @limits: (array fixed-size=3): how many reminders of each group to read
 *
 * The Today page's groups: how many open reminders each holds, and the
 * first @limits of each (rapport_reminder_sql_list_due()).
 */
void
rapport_reminder_store_list_due_async (RapportReminderStore *self,
                                       const gint64         *bounds,
                                       const guint          *limits,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));
  g_return_if_fail (bounds != NULL && limits != NULL);

  job = job_new (JOB_LIST_DUE, 0);
  memcpy (job->bounds, bounds, sizeof job->bounds);
  memcpy (job->limits, limits, sizeof job->limits);
  run (self, job, rapport_reminder_store_list_due_async, cancellable, callback, user_data);
}

/**
 * rapport_reminder_store_list_due_finish:
 *
 * Returns: (transfer full): the groups, free with rapport_due_list_free()
 */
RapportDueList *
rapport_reminder_store_list_due_finish (RapportReminderStore  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_reminder_store_list_due_async, error);
}

void
rapport_reminder_store_load_async (RapportReminderStore *self,
                                   gint64                id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));

  run (self, job_new (JOB_LOAD, id), rapport_reminder_store_load_async, cancellable, callback, user_data);
}

RapportReminder *
rapport_reminder_store_load_finish (RapportReminderStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish (self, result, rapport_reminder_store_load_async, error);
}

void
rapport_reminder_store_set_state_async (RapportReminderStore *self,
                                        gint64                id,
                                        RapportReminderState  state,
                                        gint64                snoozed_until,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));
  g_return_if_fail (state <= RAPPORT_REMINDER_DISMISSED);
  g_return_if_fail (state != RAPPORT_REMINDER_SNOOZED || snoozed_until > 0);

  job = job_new (JOB_SET_STATE, id);
  job->state = state;
  job->time = snoozed_until;
  run (self, job, rapport_reminder_store_set_state_async, cancellable, callback, user_data);
}

gboolean
rapport_reminder_store_set_state_finish (RapportReminderStore  *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_reminder_store_set_state_async, error);
}

void
rapport_reminder_store_save_async (RapportReminderStore *self,
                                   RapportReminder      *reminder,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));
  g_return_if_fail (RAPPORT_IS_REMINDER (reminder));

  job = job_new (JOB_SAVE, 0);
  /* A copy, so that the caller may go on editing its own. The worker
   * refuses anything but one of the user's own, with an error. */
  job->reminder = rapport_reminder_new (rapport_reminder_get_id (reminder), rapport_reminder_get_kind (reminder),
                                        rapport_reminder_get_due_at (reminder));
  rapport_reminder_set_text (job->reminder, rapport_reminder_get_text (reminder));
  rapport_reminder_set_contact_id (job->reminder, rapport_reminder_get_contact_id (reminder));
  run (self, job, rapport_reminder_store_save_async, cancellable, callback, user_data);
}

gint64
rapport_reminder_store_save_finish (RapportReminderStore  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  return rapport_db_run_finish_id (self, result, rapport_reminder_store_save_async, error);
}

void
rapport_reminder_store_delete_async (RapportReminderStore *self,
                                     gint64                id,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));

  run (self, job_new (JOB_DELETE, id), rapport_reminder_store_delete_async, cancellable, callback, user_data);
}

gboolean
rapport_reminder_store_delete_finish (RapportReminderStore  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_reminder_store_delete_async, error);
}

void
rapport_reminder_store_set_settings_async (RapportReminderStore          *self,
                                           const RapportReminderSettings *settings,
                                           GCancellable                  *cancellable,
                                           GAsyncReadyCallback            callback,
                                           gpointer                       user_data)
{
  Job *job;

  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));
  g_return_if_fail (settings != NULL);

  job = job_new (JOB_SET_SETTINGS, 0);
  job->settings = *settings;
  run (self, job, rapport_reminder_store_set_settings_async, cancellable, callback, user_data);
}

gboolean
rapport_reminder_store_set_settings_finish (RapportReminderStore  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_reminder_store_set_settings_async, error);
}

void
rapport_reminder_store_rederive_async (RapportReminderStore *self,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_return_if_fail (RAPPORT_IS_REMINDER_STORE (self));

  run (self, job_new (JOB_REDERIVE, 0), rapport_reminder_store_rederive_async, cancellable, callback, user_data);
}

gboolean
rapport_reminder_store_rederive_finish (RapportReminderStore  *self,
                                        GAsyncResult          *result,
                                        GError               **error)
{
  return rapport_db_run_finish_boolean (self, result, rapport_reminder_store_rederive_async, error);
}

/* }}} */
