/* rapport-mailbox-sync.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looking in the user's mailbox for replies, every few minutes and on
 * "Check Now": the password from the keyring, what decides a match from
 * the database, the reading on a worker (rapport-imap.so), and what was
 * found written back in one transaction with where each folder stopped
 * (rapport-mailbox-sql.c). The main thread only moves results along.
 * A failure shows in the status and the next try waits longer (up to an
 * hour), so a server that is down is not hammered.
 */
#define G_LOG_DOMAIN "rapport-mailbox"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-goa.h"
#include "rapport-imap-backend.h"
#include "rapport-mail-error.h"
#include "rapport-mail-secret.h"
#include "rapport-mailbox-sql.h"
#include "rapport-mailbox-sync.h"

#define DEFAULT_INTERVAL (5 * 60)
#define MAX_BACKOFF      (60 * 60)

struct _RapportMailboxSync
{
  GObject              parent_instance;

  GSettings           *settings;
  RapportContactStore *store;
  GCancellable        *cancellable;   /* cancelled by shutdown */
  char                *status;
  guint                interval;      /* seconds between syncs, 0 for none */
  guint                backoff;       /* the wait after the last failure */
  guint                timer;
  GCancellable        *wait;          /* the IDLE wait between two syncs, if any */
  gboolean             no_idle;       /* the server offers none: the timer alone */
  gboolean             busy;
  gboolean             failed;
};

G_DEFINE_FINAL_TYPE (RapportMailboxSync, rapport_mailbox_sync, G_TYPE_OBJECT)

enum { PROP_0, PROP_STATUS, PROP_BUSY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { REPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule (RapportMailboxSync *self);
static void start_wait (RapportMailboxSync *self, RapportMailAccount *account, const char *password);
static void stop_wait (RapportMailboxSync *self);

/* One sync {{{ */

typedef struct
{
  RapportMailAccount *account;
  char               *account_key;
  char               *password;
  GPtrArray          *replies;
  GError             *partial;    /* what stopped the reading, after what was read was kept */
} Sync;

static void
sync_free (Sync *sync)
{
  g_clear_object (&sync->account);
  g_free (sync->account_key);
  rapport_mail_secret_free (sync->password);
  g_clear_pointer (&sync->replies, g_ptr_array_unref);
  g_clear_error (&sync->partial);
  g_free (sync);
}

static void
set_status (RapportMailboxSync *self,
            const char         *status,
            gboolean            failed)
{
  g_free (self->status);
  self->status = g_strdup (status);
  self->failed = failed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_busy (RapportMailboxSync *self,
          gboolean            busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
finish (GTask  *task,
        GError *error)
{
  RapportMailboxSync *self = g_task_get_source_object (task);
  Sync *sync = g_task_get_task_data (task);

  set_busy (self, FALSE);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_status (self, error->message, TRUE);
          self->backoff = self->backoff == 0 ? 60 : MIN (self->backoff * 2, MAX_BACKOFF);
          schedule (self);
        }
      g_task_return_error (task, error);
      return;
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *time = g_date_time_format (now, "%H:%M");
    /* Translators: the account's status; %s is a time of day */
    g_autofree char *status = g_strdup_printf (_("Last checked at %s"), time);

    set_status (self, status, FALSE);
  }
  self->backoff = 0;
  schedule (self);
  start_wait (self, sync->account, sync->password);
  if (sync->replies->len > 0)
    g_signal_emit (self, signals[REPLIED], 0, sync->replies);
  g_task_return_pointer (task, g_ptr_array_ref (sync->replies), (GDestroyNotify) g_ptr_array_unref);
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  GError *error = NULL;

  sync->replies = rapport_mailbox_apply_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (sync->replies == NULL)
    {
      finish (task, error);
      return;
    }
  finish (task, g_steal_pointer (&sync->partial));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(RapportImapSyncResult) read = NULL;
  GError *error = NULL;

  read = rapport_imap_sync_finish (result, &error);
  if (read == NULL)
    {
      finish (task, error);
      return;
    }
  /* What was read before a failure is kept: its folders' states match it. */
  sync->partial = g_steal_pointer (&read->error);
  rapport_mailbox_apply_async (self->store, sync->account_key, read->folders, read->matches, NULL,
                               applied_cb, g_steal_pointer (&task));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(RapportMailboxSnapshot) snapshot = NULL;
  GError *error = NULL;

  snapshot = rapport_mailbox_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (snapshot == NULL)
    {
      finish (task, error);
      return;
    }
  rapport_imap_sync_async (sync->account, sync->password, snapshot->index,
                           (guint) g_settings_get_int (self->settings, "mailbox-days"), snapshot->folders,
                           self->cancellable, read_cb, g_steal_pointer (&task));
}

static void
password_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  Sync *sync = g_task_get_task_data (task);
  g_autofree char *username = NULL;
  const char *own[3] = { NULL };
  GError *error = NULL;

  sync->password = rapport_mail_secret_lookup_finish (result, &error);
  if (sync->password == NULL)
    {
      finish (task, error);
      return;
    }
  /* Mail from these is the user's own, wherever it is found. */
  own[0] = rapport_mail_account_get_sender_address (sync->account);
  if (strchr (rapport_mail_account_get_username (sync->account), '@') != NULL)
    own[1] = rapport_mail_account_get_username (sync->account);
  rapport_mailbox_load_async (self->store, sync->account_key, own, self->cancellable, loaded_cb,
                              g_steal_pointer (&task));
}

/* The account typed in Preferences, or the online account chosen there as
 * GOA describes it now. */
static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  Sync *sync = g_task_get_task_data (task);
  GError *error = NULL;

  sync->account = rapport_mail_account_resolve_finish (result, &error);
  if (sync->account == NULL)
    {
      finish (task, error);
      return;
    }
  if (!rapport_mail_account_is_complete (sync->account))
    {
      set_busy (self, FALSE);
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NOT_CONFIGURED,
                               _("Enter your incoming mail server and user name first"));
      return;
    }
  sync->account_key = g_strdup_printf ("%s@%s", rapport_mail_account_get_username (sync->account),
                                       rapport_mail_account_get_server (sync->account));
  rapport_mail_secret_lookup_async (sync->account, self->cancellable, password_cb, g_steal_pointer (&task));
}

void
rapport_mailbox_sync_check_async (RapportMailboxSync  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Sync *sync;

  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mailbox_sync_check_async);
  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("Your mailbox is being checked already"));
      return;
    }
  sync = g_new0 (Sync, 1);
  g_task_set_task_data (task, sync, (GDestroyNotify) sync_free);
  set_busy (self, TRUE);
  g_clear_handle_id (&self->timer, g_source_remove);
  stop_wait (self);   /* one connection at a time */
  rapport_mail_account_resolve_async (self->settings, TRUE, self->cancellable, resolved_cb, g_steal_pointer (&task));
}

/**
 * rapport_mailbox_sync_check_finish:
 *
 * Returns: (transfer full) (element-type RapportMailboxReply): the replies
 *   found, or %NULL with @error set
 */
GPtrArray *
rapport_mailbox_sync_check_finish (RapportMailboxSync  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Test Connection {{{ */

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (rapport_imap_test_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
test_password_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  RapportMailAccount *account;
  char *password;
  GError *error = NULL;

  password = rapport_mail_secret_lookup_finish (result, &error);
  if (password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  account = g_task_get_task_data (task);
  rapport_imap_test_async (account, password, self->cancellable, tested_cb, g_steal_pointer (&task));
  rapport_mail_secret_free (password);
}

static void
test_resolved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportMailboxSync *self = g_task_get_source_object (task);
  RapportMailAccount *account;
  GError *error = NULL;

  account = rapport_mail_account_resolve_finish (result, &error);
  if (account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, account, g_object_unref);
  if (!rapport_mail_account_is_complete (account))
    {
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NOT_CONFIGURED,
                               _("Enter your incoming mail server and user name first"));
      return;
    }
  rapport_mail_secret_lookup_async (account, self->cancellable, test_password_cb, g_steal_pointer (&task));
}

/* Connects and logs in with the account in the settings (or the online
 * account chosen there) and its password, then logs out. */
void
rapport_mailbox_sync_test_async (RapportMailboxSync  *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_mailbox_sync_test_async);
  rapport_mail_account_resolve_async (self->settings, TRUE, self->cancellable, test_resolved_cb,
                                      g_steal_pointer (&task));
}

gboolean
rapport_mailbox_sync_test_finish (RapportMailboxSync  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
/* Every few minutes {{{ */

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GPtrArray) replies = NULL;
  g_autoptr(GError) error = NULL;

  replies = rapport_mailbox_sync_check_finish (RAPPORT_MAILBOX_SYNC (object), result, &error);
  if (replies == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Mailbox not checked: %s", error->message);
}

/* Checks now, for a caller that follows the outcome through the status
 * (which Preferences shows) and the "replied" signal, not a callback. */
void
rapport_mailbox_sync_check (RapportMailboxSync *self)
{
  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (self));

  rapport_mailbox_sync_check_async (self, NULL, checked_cb, NULL);
}

static gboolean
timer_cb (gpointer user_data)
{
  RapportMailboxSync *self = user_data;

  self->timer = 0;
  if (g_settings_get_boolean (self->settings, "read-mailbox"))
    rapport_mailbox_sync_check (self);
  else
    schedule (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (RapportMailboxSync *self)
{
  guint wait = self->backoff > 0 ? MAX (self->backoff, self->interval) : self->interval;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->interval > 0 && !g_cancellable_is_cancelled (self->cancellable))
    self->timer = g_timeout_add_seconds (wait, timer_cb, self);
}

/* Between two checks, where the server offers IDLE, a connection waits
 * on INBOX for as long as the interval: new mail there starts the next
 * check at once, so that a reply shows within seconds. The Sent folder
 * has no such wait; the timer covers it. */
static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportMailboxSync *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean news = rapport_imap_wait_finish (result, &error);

  /* Not a reference of its own, or a wait would keep a closed sync alive
   * for minutes: every way to an end cancels the wait (stop_wait()), and a
   * cancelled task reports the cancel even when it had finished. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    self->no_idle = TRUE;
  else if (error != NULL)
    g_debug ("Stopped waiting for new mail: %s", error->message);
  if (news && !self->busy && g_settings_get_boolean (self->settings, "read-mailbox"))
    {
      g_debug ("New mail in INBOX");
      rapport_mailbox_sync_check (self);
    }
}

static void
start_wait (RapportMailboxSync *self,
            RapportMailAccount *account,
            const char         *password)
{
  stop_wait (self);
  if (self->no_idle || self->interval == 0 || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->wait = g_cancellable_new ();
  rapport_imap_wait_async (account, password, self->interval, self->wait, waited_cb, self);
}

static void
stop_wait (RapportMailboxSync *self)
{
  if (self->wait != NULL)
    g_cancellable_cancel (self->wait);
  g_clear_object (&self->wait);
}

/* Checks every @seconds while "read-mailbox" is on (0: only when asked). */
void
rapport_mailbox_sync_set_interval (RapportMailboxSync *self,
                                   guint               seconds)
{
  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (self));

  self->interval = seconds;
  if (!self->busy)
    schedule (self);
}

/* Stops the sync under way (its reads return at once) and every later one. */
void
rapport_mailbox_sync_shutdown (RapportMailboxSync *self)
{
  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  stop_wait (self);
}

/* }}} */

const char *
rapport_mailbox_sync_get_status (RapportMailboxSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAILBOX_SYNC (self), NULL);

  return self->status;
}

gboolean
rapport_mailbox_sync_get_failed (RapportMailboxSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAILBOX_SYNC (self), FALSE);

  return self->failed;
}

gboolean
rapport_mailbox_sync_get_busy (RapportMailboxSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_MAILBOX_SYNC (self), FALSE);

  return self->busy;
}

static void
rapport_mailbox_sync_dispose (GObject *object)
{
  RapportMailboxSync *self = RAPPORT_MAILBOX_SYNC (object);

  rapport_mailbox_sync_shutdown (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_mailbox_sync_parent_class)->dispose (object);
}

static void
rapport_mailbox_sync_finalize (GObject *object)
{
  RapportMailboxSync *self = RAPPORT_MAILBOX_SYNC (object);

  g_clear_object (&self->cancellable);
  g_free (self->status);

  G_OBJECT_CLASS (rapport_mailbox_sync_parent_class)->finalize (object);
}

static void
rapport_mailbox_sync_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportMailboxSync *self = RAPPORT_MAILBOX_SYNC (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_mailbox_sync_class_init (RapportMailboxSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_mailbox_sync_dispose;
  object_class->finalize = rapport_mailbox_sync_finalize;
  object_class->get_property = rapport_mailbox_sync_get_property;

  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportMailboxSync::replied:
   * @replies: (element-type RapportMailboxReply): who wrote back
   *
   * Emitted when a sync put replies on timelines.
   */
  signals[REPLIED] = g_signal_new ("replied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
rapport_mailbox_sync_init (RapportMailboxSync *self)
{
  self->cancellable = g_cancellable_new ();
  self->status = g_strdup (_("Not checked yet"));
  self->interval = 0;
}

RapportMailboxSync *
rapport_mailbox_sync_new (GSettings           *settings,
                          RapportContactStore *store)
{
  RapportMailboxSync *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_MAILBOX_SYNC, NULL);
  self->settings = g_object_ref (settings);
  self->store = g_object_ref (store);
  return self;
}
