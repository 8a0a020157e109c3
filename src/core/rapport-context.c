/* rapport-context.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user's data as one object (issue #19): the database and the stores
 * over it, the database's state (opening, ready or failed, with its error;
 * whether the whole file was checked), the backups and the latest one
 * offered when the file is damaged, and a "notice" signal for what the user
 * should see. It knows no GTK: the application makes one and hands it to
 * each window, whose pages read the stores from it and watch its state, as
 * GNOME Calendar's GcalContext does. Backups are in
 * rapport-context-backups.c.
 */
#define G_LOG_DOMAIN "rapport-context"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-context-private.h"

struct _RapportContext
{
  GObject               parent_instance;

  GSettings            *settings;
  RapportDatabase      *database;
  RapportContactStore  *contact_store;
  RapportMeetingStore  *meeting_store;
  RapportQuestionStore *question_store;
  RapportReminderStore *reminder_store;
  RapportTemplateStore *template_store;
  RapportTargets       *targets;
  GCancellable         *cancellable;    /* until rapport_context_close() */
  GError               *error;
  char                 *latest_backup;  /* offered while the database is damaged */

  guint                 ready : 1;
  guint                 checked : 1;
  guint                 checking : 1;
  guint                 back_up_after_check : 1;
};

G_DEFINE_FINAL_TYPE (RapportContext, rapport_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  PROP_ERROR,
  PROP_CHECKED,
  PROP_LATEST_BACKUP,
  N_PROPS
};

enum {
  BACKUPS_CHANGED,
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Opening and checking {{{ */

static void
database_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportContext) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_database_open_finish (self->database, result, &error))
    {
      if (is_cancelled (error))
        return;
      g_warning ("Could not open %s: %s", rapport_database_get_path (self->database), error->message);
      _rapport_context_set_state (self, FALSE, error);
      return;
    }

  g_debug ("Database %s is ready", rapport_database_get_path (self->database));

  /* Contacts deleted while their Undo was still offered when Rapport last
   * stopped: the user meant to delete them. */
  rapport_contact_store_purge_trash_async (self->contact_store, 0, NULL, NULL, NULL);

  _rapport_context_set_state (self, TRUE, NULL);
  /* Said once: the next start finds the files private already. */
  if (rapport_database_get_made_private (self->database))
    rapport_context_notice (self, _("Your Rapport data can now be read by you alone"));
}

static void
database_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RapportContext) self = user_data;
  g_autoptr(GError) error = NULL;

  self->checking = FALSE;
  if (!rapport_database_check_finish (self->database, result, &error))
    {
      if (is_cancelled (error))
        return;
      g_warning ("%s: %s", rapport_database_get_path (self->database), error->message);
      self->checked = TRUE;
      _rapport_context_set_state (self, FALSE, error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
      return;
    }

  self->checked = TRUE;
  if (self->back_up_after_check)
    _rapport_context_back_up_if_due (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

static void
database_moved_aside_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(RapportContext) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;

  moved_to = rapport_database_move_aside_finish (self->database, result, &error);
  if (moved_to == NULL)
    {
      if (!is_cancelled (error))
        _rapport_context_set_state (self, FALSE, error);
      return;
    }

  basename = g_path_get_basename (moved_to);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("The old database was kept as “%s”"), basename);
  rapport_context_notice (self, title);

  rapport_context_open (self);
}

/* }}} */
/* GObject {{{ */

static void
rapport_context_dispose (GObject *object)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->reminder_store);
  g_clear_object (&self->meeting_store);
  g_clear_object (&self->contact_store);
  g_clear_object (&self->question_store);
  g_clear_object (&self->template_store);
  g_clear_object (&self->targets);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_context_parent_class)->dispose (object);
}

static void
rapport_context_finalize (GObject *object)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_clear_pointer (&self->latest_backup, g_free);

  G_OBJECT_CLASS (rapport_context_parent_class)->finalize (object);
}

static void
rapport_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportContext *self = RAPPORT_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;

    case PROP_LATEST_BACKUP:
      g_value_set_string (value, self->latest_backup);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_context_class_init (RapportContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_context_dispose;
  object_class->finalize = rapport_context_finalize;
  object_class->get_property = rapport_context_get_property;

  /* The database is open and migrated: the stores can be used. */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Why the database could not be opened, or was found damaged. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Every page of the file was read once since it was opened. */
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The newest backup, while the database is damaged or foreign. */
  properties[PROP_LATEST_BACKUP] =
    g_param_spec_string ("latest-backup", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A backup was made or restored. */
  signals[BACKUPS_CHANGED] =
    g_signal_new ("backups-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Something the user should see in every main window (a backup made, a
   * file's permissions mended): the windows show it as a toast. */
  signals[NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_context_init (RapportContext *self)
{
  self->cancellable = g_cancellable_new ();
}

/* }}} */
/* Private API {{{ */

GCancellable *
_rapport_context_get_cancellable (RapportContext *self)
{
  return self->cancellable;
}

void
_rapport_context_set_state (RapportContext *self,
                            gboolean        ready,
                            const GError   *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  self->ready = !!ready;

  /* A damaged or foreign file: is there a backup to offer instead? */
  if (g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT))
    _rapport_context_find_latest_backup (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* After a restore: the database is open and checked on the restored file. */
void
_rapport_context_restored (RapportContext *self)
{
  self->checked = TRUE;
  _rapport_context_set_latest_backup (self, NULL);
  _rapport_context_set_state (self, TRUE, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

void
_rapport_context_set_latest_backup (RapportContext *self,
                                    const char     *path)
{
  if (g_strcmp0 (self->latest_backup, path) == 0)
    return;

  g_free (self->latest_backup);
  self->latest_backup = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATEST_BACKUP]);
}

void
_rapport_context_backups_changed (RapportContext *self)
{
  g_signal_emit (self, signals[BACKUPS_CHANGED], 0);
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_context_new:
 * @settings: the application's settings
 * @database_path: (nullable): the database file, %NULL for the user's own
 *   (rapport_database_dup_default_path())
 *
 * Makes the database and the stores; nothing is read before
 * rapport_context_open().
 */
RapportContext *
rapport_context_new (GSettings  *settings,
                     const char *database_path)
{
  RapportContext *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  path = database_path != NULL ? g_strdup (database_path) : rapport_database_dup_default_path ();
  self = g_object_new (RAPPORT_TYPE_CONTEXT, NULL);
  self->settings = g_object_ref (settings);
  self->database = rapport_database_new (path);
  self->contact_store = rapport_contact_store_new (self->database);
  self->meeting_store = rapport_meeting_store_new (self->contact_store);
  self->question_store = rapport_question_store_new (self->database);
  self->template_store = rapport_template_store_new (self->database);
  self->reminder_store = rapport_reminder_store_new (self->database, self->contact_store, self->meeting_store);
  self->targets = rapport_targets_new (self->contact_store);

  return self;
}

GSettings *
rapport_context_get_settings (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->settings;
}

RapportDatabase *
rapport_context_get_database (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->database;
}

RapportContactStore *
rapport_context_get_contact_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->contact_store;
}

RapportMeetingStore *
rapport_context_get_meeting_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->meeting_store;
}

RapportQuestionStore *
rapport_context_get_question_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->question_store;
}

RapportReminderStore *
rapport_context_get_reminder_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->reminder_store;
}

RapportTemplateStore *
rapport_context_get_template_store (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->template_store;
}

/**
 * rapport_context_get_targets:
 *
 * Returns: (transfer none): the target list, kept current for every view
 */
RapportTargets *
rapport_context_get_targets (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->targets;
}

gboolean
rapport_context_get_ready (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), FALSE);

  return self->ready;
}

/**
 * rapport_context_get_error:
 *
 * Returns: (nullable): why the database is not ready, %NULL while it opens
 *   or once it is
 */
const GError *
rapport_context_get_error (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->error;
}

gboolean
rapport_context_get_checked (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), FALSE);

  return self->checked;
}

/**
 * rapport_context_get_latest_backup:
 *
 * Returns: (nullable): the newest backup's path while the database is
 *   damaged or foreign and there is one, else %NULL
 */
const char *
rapport_context_get_latest_backup (RapportContext *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (self), NULL);

  return self->latest_backup;
}

/**
 * rapport_context_open:
 *
 * Opens the database on its thread, again after a failure ("Try Again");
 * "ready" or "error" tell the outcome.
 */
void
rapport_context_open (RapportContext *self)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  self->checked = FALSE;
  _rapport_context_set_state (self, FALSE, NULL);
  rapport_database_open_async (self->database, self->cancellable, database_opened_cb, g_object_ref (self));
}

/**
 * rapport_context_check:
 * @back_up_if_due: then make the day's backup if there is none yet
 *
 * Reads every page of the open database once, which at 100,000 contacts
 * takes long enough that the caller starts it only after the first frame;
 * "checked" turns %TRUE when done, and a damaged file sets "error".
 */
void
rapport_context_check (RapportContext *self,
                       gboolean        back_up_if_due)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  if (!self->ready || self->checked || self->checking)
    return;

  self->checking = TRUE;
  self->back_up_after_check = !!back_up_if_due;
  rapport_database_check_async (self->database, self->cancellable, database_checked_cb, g_object_ref (self));
}

/**
 * rapport_context_move_aside:
 *
 * Keeps a damaged database under another name, says so, and starts with a
 * new one.
 */
void
rapport_context_move_aside (RapportContext *self)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  rapport_database_move_aside_async (self->database, self->cancellable, database_moved_aside_cb,
                                     g_object_ref (self));
}

/**
 * rapport_context_close:
 *
 * Cancels what is under way and closes the database (at the application's
 * shutdown); the stores stay, unusable.
 */
void
rapport_context_close (RapportContext *self)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  g_cancellable_cancel (self->cancellable);
  rapport_database_close (self->database);
}

/**
 * rapport_context_notice:
 *
 * Says @message in every main window (emits "notice").
 */
void
rapport_context_notice (RapportContext *self,
                        const char     *message)
{
  g_return_if_fail (RAPPORT_IS_CONTEXT (self));

  g_signal_emit (self, signals[NOTICE], 0, message);
}

/* }}} */
