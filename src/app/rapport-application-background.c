/* rapport-application-background.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Running without a window, so that reminders are announced on time.
 *
 * While "run-in-background" is on (or Rapport was started with
 * --background) and a reminder is still to be shown, the application holds
 * itself: closing the last window then leaves it running, and it quits by
 * itself once nothing is left to wait for. While "read-mailbox" is on, a
 * reply may come at any time: that too is a reason to run on. app.quit
 * quits regardless.
 *
 * "start-at-login" is mirrored by an XDG autostart entry that starts
 * `rapport --background`, written or removed whenever the key changes and
 * once at every start (the file may have been removed by hand, or the key
 * changed while Rapport was not running). */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application-private.h"

struct _RapportAppBackground
{
  RapportApplication *app;          /* unowned: it owns this */
  GSettings          *settings;
  GCancellable       *cancellable;
  guint               held : 1;
  guint               started_hidden : 1;
  guint               autostart_busy : 1;
  guint               autostart_again : 1;
};

/* Helpers {{{ */

static void sync_autostart (RapportAppBackground *self);

static void
update_hold (RapportAppBackground *self)
{
  RapportAppReminders *reminders = _rapport_application_get_reminders (self->app);
  gboolean known = FALSE;
  gboolean waiting;
  gboolean want;

  waiting = _rapport_app_reminders_is_waiting (reminders, &known);
  if (g_settings_get_boolean (self->settings, "read-mailbox"))
    known = waiting = TRUE;
  want = (self->started_hidden || g_settings_get_boolean (self->settings, "run-in-background")) &&
         rapport_context_get_error (rapport_application_get_context (self->app)) == NULL &&
         (!known || waiting);

  if (want == self->held)
    return;

  self->held = want;
  g_debug ("%s running without a window", want ? "Keep" : "Stop");
  if (want)
    g_application_hold (G_APPLICATION (self->app));
  else
    g_application_release (G_APPLICATION (self->app));
}

/* }}} */
/* The autostart entry {{{ */

static GFile *
autostart_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);

  return g_file_new_for_path (path);
}

/* In the language of the day: the session shows it in its list of
 * programs started at login. */
static char *
autostart_contents (void)
{
  g_autofree char *comment = g_strescape (_("Announces your follow-ups and meetings on time"), NULL);
  g_autofree char *name = g_strescape (_("Rapport Reminders"), NULL);

  return g_strdup_printf ("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=%s\n"
                          "Comment=%s\n"
                          "Exec=rapport --background\n"
                          "Icon=" APP_ID "\n"
                          "Terminal=false\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n",
                          name, comment);
}

/* The callbacks hold the application, not this, which is gone after a
 * quit that did not wait for them. */
static void
autostart_done (RapportApplication *app,
                const GError       *error)
{
  RapportAppBackground *self = _rapport_application_get_background (app);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not update the autostart entry: %s", error->message);

  if (self != NULL)
    {
      self->autostart_busy = FALSE;
      if (self->autostart_again)
        sync_autostart (self);
    }
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
}

static void
autostart_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents_finish (G_FILE (object), result, NULL, &error);
  autostart_done (user_data, error);
}

static void
autostart_folder_made_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  RapportApplication *app = user_data;
  RapportAppBackground *self = _rapport_application_get_background (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = autostart_file ();
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_make_directory_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      autostart_done (app, error);
      return;
    }
  if (self == NULL)
    {
      autostart_done (app, NULL);
      return;
    }

  text = autostart_contents ();
  length = strlen (text);
  contents = g_bytes_new_take (g_steal_pointer (&text), length);
  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, autostart_written_cb, app);
}

static void
autostart_deleted_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_clear_error (&error);
  autostart_done (user_data, error);
}

/* One write or delete at a time, in order, the last one wins; the
 * application is held meanwhile, so that quitting does not cut it short. */
static void
sync_autostart (RapportAppBackground *self)
{
  g_autoptr(GFile) file = autostart_file ();

  if (self->autostart_busy)
    {
      self->autostart_again = TRUE;
      return;
    }
  self->autostart_again = FALSE;
  self->autostart_busy = TRUE;
  g_application_hold (G_APPLICATION (self->app));
  g_object_ref (self->app);

  if (g_settings_get_boolean (self->settings, "start-at-login"))
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      g_file_make_directory_async (folder, G_PRIORITY_DEFAULT, self->cancellable,
                                   autostart_folder_made_cb, self->app);
    }
  else
    g_file_delete_async (file, G_PRIORITY_DEFAULT, self->cancellable, autostart_deleted_cb, self->app);
}

/* }}} */
/* Private API {{{ */

/* At startup, after the settings and the reminders. */
RapportAppBackground *
_rapport_app_background_new (RapportApplication *app,
                             gboolean            started_hidden)
{
  RapportAppBackground *self = g_new0 (RapportAppBackground, 1);

  self->app = app;
  self->settings = g_object_ref (rapport_context_get_settings (rapport_application_get_context (app)));
  self->cancellable = g_cancellable_new ();
  self->started_hidden = !!started_hidden;

  g_signal_connect_swapped (self->settings, "changed::run-in-background", G_CALLBACK (update_hold), self);
  g_signal_connect_swapped (self->settings, "changed::read-mailbox", G_CALLBACK (update_hold), self);
  g_signal_connect_swapped (self->settings, "changed::start-at-login", G_CALLBACK (sync_autostart), self);
  g_signal_connect_swapped (rapport_application_get_context (app), "notify::ready", G_CALLBACK (update_hold), self);

  update_hold (self);
  sync_autostart (self);
  return self;
}

void
_rapport_app_background_free (RapportAppBackground *self)
{
  if (self == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->settings, self);
  g_signal_handlers_disconnect_by_data (self->app, self);
  g_signal_handlers_disconnect_by_data (rapport_application_get_context (self->app), self);
  /* The autostart write in flight holds the application, so it finished
   * before shutdown; cancelling is for a quit that did not wait. */
  g_cancellable_cancel (self->cancellable);
  if (self->held)
    g_application_release (G_APPLICATION (self->app));
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self);
}

/**
 * _rapport_application_update_hold:
 *
 * Looks again whether to keep running without a window; after each of the
 * scheduler's checks.
 */
void
_rapport_application_update_hold (RapportApplication *app)
{
  RapportAppBackground *self = _rapport_application_get_background (app);

  if (self != NULL)
    update_hold (self);
}

/* }}} */
