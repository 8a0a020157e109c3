/* rapport-application.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-mail-secret.h"
#include "rapport-application.h"
#include "rapport-application-private.h"
#include "rapport-search-provider.h"
#include "rapport-preferences-window.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication   parent_instance;

  GSettings       *settings;
  RapportContext  *context;         /* the database and the stores */
  RapportSearchProvider *search_provider;
  RapportCalendarSync *calendar_sync;
  GHashTable      *contact_syncs;   /* source UID → RapportContactSync, the books kept in sync */
  RapportAppReminders *reminders;
  RapportAppBackground *background;
  RapportAppMailbox *mailbox;
  GCancellable    *cancellable;

  int              exit_status;
  guint            exit_after_startup : 1;
  guint            window_presented : 1;
  guint            calendar_bound : 1;
  guint            start_hidden : 1;     /* --background: no window at first */
  guint            started_hidden : 1;   /* and it stays so until the next activation */
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

static gint64 process_start_us;
static gint64 first_frame_us;
static long first_frame_rss_kb;

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  /* For tests and benchmarks: quit once the main window has drawn its first
   * frame and the database is open, and report how long that took. */
  { "exit-after-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Start without a window, to announce reminders"), NULL },
  { NULL }
};

static void maybe_check_database (RapportApplication *self);

/* Helpers {{{ */

static long
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "\nVmRSS:");
  return line != NULL ? strtol (line + strlen ("\nVmRSS:"), NULL, 10) : -1;
}

static void
maybe_finish_startup (RapportApplication *self)
{
  gboolean ready = rapport_context_get_ready (self->context);
  const GError *error = rapport_context_get_error (self->context);

  if (!self->exit_after_startup || !self->window_presented)
    return;

  if (!ready && error == NULL)
    return;

  /* The check of the whole file follows the first frame; wait for it too. */
  if (ready && !rapport_context_get_checked (self->context))
    return;

  /* Monotonic time is shared by every process, so a benchmark that notes
   * the time before exec can subtract it from this figure. */
  g_print ("startup first-frame-monotonic-us=%" G_GINT64_FORMAT
           " main-to-first-frame-ms=%.1f rss-kb=%ld database=%s\n",
           first_frame_us, (first_frame_us - process_start_us) / 1000.0, first_frame_rss_kb,
           ready ? "ready" : error->message);

  self->exit_status = ready ? 0 : 1;
  g_application_quit (G_APPLICATION (self));
}

static void
apply_color_scheme (RapportApplication *self)
{
  static const struct { const char *name; AdwColorScheme scheme; } schemes[] = {
    { "default", ADW_COLOR_SCHEME_DEFAULT },
    { "light", ADW_COLOR_SCHEME_FORCE_LIGHT },
    { "dark", ADW_COLOR_SCHEME_FORCE_DARK },
  };
  g_autofree char *name = g_settings_get_string (self->settings, "color-scheme");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      if (g_str_equal (name, schemes[i].name))
        adw_style_manager_set_color_scheme (style_manager, schemes[i].scheme);
    }
}

/* The intervals of the follow-up rules live in GSettings; the model keeps
 * its own copy in the database and derives every due time again only when
 * they differ, so this is cheap at every start. */
static const char * const reminder_keys[] = {
  "follow-up-days", "follow-up-cap", "confirm-minute", "meeting-soon-minutes", "thank-you-hours",
  "keep-in-touch-days", "playbook", "days-off",
};

static void
apply_reminder_settings (RapportApplication *self)
{
  RapportReminderSettings settings;

  if (!rapport_context_get_ready (self->context))
    return;

  rapport_reminder_settings_init_from_gsettings (&settings, self->settings);
  rapport_reminder_store_set_settings_async (rapport_context_get_reminder_store (self->context), &settings,
                                             self->cancellable, NULL, NULL);
}

/* An event's alarm comes when Rapport's own "starts soon" reminder does. */
/* The address books kept in sync: each one's sync made when it is
 * chosen, and let go (its view closed) when it no longer is. The book is
 * opened, and the module loaded, only once the database is there. */
static void
apply_synced_books (RapportApplication *self)
{
  g_auto(GStrv) books = g_settings_get_strv (self->settings, "synced-address-books");
  GHashTableIter iter;
  gpointer uid;

  if (!rapport_context_get_ready (self->context) || self->contact_syncs == NULL)
    return;
  g_hash_table_iter_init (&iter, self->contact_syncs);
  while (g_hash_table_iter_next (&iter, &uid, NULL))
    if (!g_strv_contains ((const char * const *) books, uid))
      g_hash_table_iter_remove (&iter);
  for (guint i = 0; books[i] != NULL; i++)
    if (!g_hash_table_contains (self->contact_syncs, books[i]))
      {
        RapportContactSync *sync = rapport_contact_sync_new (rapport_context_get_contact_store (self->context),
                                                             books[i]);

        g_hash_table_insert (self->contact_syncs, g_strdup (books[i]), sync);
        rapport_contact_sync_start (sync);
      }
}

static void
apply_calendar_alarm (RapportApplication *self)
{
  rapport_calendar_sync_set_alarm_minutes (self->calendar_sync,
                                           g_settings_get_int (self->settings, "meeting-soon-minutes"));
}

/* }}} */
/* Callbacks {{{ */

/* The database opened or failed (the context notifies "ready" at every
 * change of its state): what the application does with its settings and
 * its accounts follows. */
static void
context_state_cb (RapportApplication *self)
{
  gboolean ready = rapport_context_get_ready (self->context);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "back-up-now");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), ready);
  if (ready)
    {
      apply_reminder_settings (self);
      /* The chosen calendar is opened, and its module loaded, only now: never
       * before the first frame, and never with a database that is not there. */
      if (!self->calendar_bound)
        g_settings_bind (self->settings, "meeting-calendar", self->calendar_sync, "calendar",
                         G_SETTINGS_BIND_GET);
      self->calendar_bound = TRUE;
      apply_synced_books (self);
      maybe_check_database (self);
    }
  maybe_finish_startup (self);
}

/* Once the window is up and the database open: reading every page of a large
 * database takes long enough that it must not delay either. */
static void
maybe_check_database (RapportApplication *self)
{
  if (!rapport_context_get_ready (self->context))
    return;

  /* The mailbox too: at a start without a window, as soon as the database is open. */
  if (self->window_presented || self->started_hidden)
    _rapport_app_mailbox_start (self->mailbox);

  /* Benchmarks and tests that only start Rapport leave no backups behind. */
  if (self->window_presented)
    rapport_context_check (self->context, !self->exit_after_startup);
}

static void
color_scheme_changed_cb (RapportApplication *self)
{
  apply_color_scheme (self);
}

/* }}} */
/* Actions {{{ */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  RapportPreferencesWindow *preferences;

  preferences = rapport_preferences_window_new (self, self->context);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
database_retry_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (!rapport_context_get_ready (self->context))
    rapport_context_open (self->context);
}

static void
database_move_aside_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  RapportApplication *self = user_data;

  if (!rapport_context_get_ready (self->context))
    rapport_context_move_aside (self->context);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "database-retry", database_retry_action },
  { "database-move-aside", database_move_aside_action },
};

/* }}} */
/* GApplication overrides {{{ */

static int
rapport_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rapport %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "exit-after-startup"))
    self->exit_after_startup = TRUE;

  /* Started from a notification after Rapport quit (D-Bus activation): stay
   * a while for the action that follows, before it holds the application. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* Already running: nothing to do, and no window to raise. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->start_hidden = TRUE;
      self->started_hidden = TRUE;
    }

  return G_APPLICATION_CLASS (rapport_application_parent_class)->handle_local_options (app, options);
}

static void
rapport_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-page::today", { "<Control>1", NULL } },
    { "win.show-page::contacts", { "<Control>2", NULL } },
    { "win.show-page::meetings", { "<Control>3", NULL } },
    { "win.show-page::questions", { "<Control>4", NULL } },
    { "win.show-page::insights", { "<Control>5", NULL } },
    { "win.show-page::organisations", { "<Control>6", NULL } },
    { "win.new-contact", { "<Control>n", NULL } },
    { "win.schedule-meeting(int64 0)", { "<Control><Shift>n", NULL } },
    { "win.find", { "<Control>f", NULL } },
  };
  RapportApplication *self = RAPPORT_APPLICATION (app);

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  _rapport_application_add_backup_actions (self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  for (guint i = 0; i < G_N_ELEMENTS (reminder_keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", reminder_keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (apply_reminder_settings),
                               self, G_CONNECT_SWAPPED);
    }

  /* Opening starts before the window exists, so that both happen at once. */
  self->context = rapport_context_new (self->settings, NULL);
  g_signal_connect_object (self->context, "notify::ready", G_CALLBACK (context_state_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::checked", G_CALLBACK (maybe_finish_startup), self,
                           G_CONNECT_SWAPPED);
  self->calendar_sync = rapport_calendar_sync_new (rapport_context_get_meeting_store (self->context));
  self->contact_syncs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_signal_connect_object (self->settings, "changed::synced-address-books", G_CALLBACK (apply_synced_books),
                           self, G_CONNECT_SWAPPED);
  apply_calendar_alarm (self);
  g_signal_connect_object (self->settings, "changed::meeting-soon-minutes", G_CALLBACK (apply_calendar_alarm),
                           self, G_CONNECT_SWAPPED);
  self->reminders = _rapport_app_reminders_new (self);
  self->background = _rapport_app_background_new (self, self->start_hidden);
  self->mailbox = _rapport_app_mailbox_new (self);
  rapport_context_open (self->context);
}

static void
rapport_application_activate (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GtkWindow *window;

  /* The activation that follows --background; any later one is the user's. */
  if (self->start_hidden)
    {
      self->start_hidden = FALSE;
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    gtk_window_present (window);
  else
    _rapport_application_present_window (self);
}

/* `rapport FILE.vcf`, or a vCard or CSV file opened from the file manager:
 * the import preview, so that nothing is written before the user agrees. */
static void
rapport_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    return;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      g_action_group_activate_action (G_ACTION_GROUP (window), "import-file", g_variant_new_string (uri));
    }
}

/* GNOME Shell's search finds contacts through the application's own bus
 * name and path (rapport-search-provider.c). */
static gboolean
rapport_application_dbus_register (GApplication     *app,
                                   GDBusConnection  *connection,
                                   const char       *object_path,
                                   GError          **error)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = rapport_search_provider_new (app);
  return rapport_search_provider_register (self->search_provider, connection, path, error);
}

static void
rapport_application_dbus_unregister (GApplication    *app,
                                     GDBusConnection *connection,
                                     const char      *object_path)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (rapport_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
rapport_application_shutdown (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->mailbox, _rapport_app_mailbox_free);
  g_clear_pointer (&self->background, _rapport_app_background_free);
  g_clear_pointer (&self->reminders, _rapport_app_reminders_free);
  if (self->context != NULL)
    rapport_context_close (self->context);
  rapport_mail_secret_disconnect ();

  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (app);
}

/* }}} */
/* GObject {{{ */

static void
rapport_application_dispose (GObject *object)
{
  RapportApplication *self = (RapportApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->calendar_sync);
  g_clear_pointer (&self->contact_syncs, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_application_parent_class)->dispose (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rapport_application_dispose;

  app_class->handle_local_options = rapport_application_handle_local_options;
  app_class->startup = rapport_application_startup;
  app_class->activate = rapport_application_activate;
  app_class->open = rapport_application_open;
  app_class->shutdown = rapport_application_shutdown;
  app_class->dbus_register = rapport_application_dbus_register;
  app_class->dbus_unregister = rapport_application_dbus_unregister;
}

static void
rapport_application_init (RapportApplication *self)
{
  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare, run and follow up informational interviews."));
}

/* }}} */
/* Public API {{{ */

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", APP_RESOURCE_PATH,
                       NULL);
}

/**
 * rapport_application_get_context:
 *
 * Returns: (transfer none): the database and the stores, from the startup
 *   on; what the application hands to each window
 */
RapportContext *
rapport_application_get_context (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->context;
}

RapportCalendarSync *
rapport_application_get_calendar_sync (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->calendar_sync;
}

/* The sync of the address book @source_uid; NULL when it is not kept in sync. */
RapportContactSync *
rapport_application_get_contact_sync (RapportApplication *self,
                                      const char         *source_uid)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return self->contact_syncs != NULL ? g_hash_table_lookup (self->contact_syncs, source_uid) : NULL;
}

/* Reads the mailbox while "read-mailbox" is on; %NULL after shutdown. */
RapportMailboxSync *
rapport_application_get_mailbox_sync (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);

  return _rapport_app_mailbox_get_sync (self->mailbox);
}

int
rapport_application_get_exit_status (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), 1);

  return self->exit_status;
}

GCancellable *
_rapport_application_get_cancellable (RapportApplication *self)
{
  return self->cancellable;
}

/* The main window, made and shown if there is none (at the first start,
 * after the last one was closed with Rapport running on, or from a
 * notification). The one place the application makes a window. */
GtkWindow *
_rapport_application_present_window (RapportApplication *self)
{
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (RAPPORT_IS_WINDOW (l->data))
        {
          window = l->data;
          break;
        }
    }
  if (window == NULL)
    window = GTK_WINDOW (rapport_window_new (self, self->context));

  gtk_window_present (window);
  return window;
}

RapportAppReminders *
_rapport_application_get_reminders (RapportApplication *self)
{
  return self->reminders;
}

RapportAppBackground *
_rapport_application_get_background (RapportApplication *self)
{
  return self->background;
}

RapportAppMailbox *
_rapport_application_get_mailbox (RapportApplication *self)
{
  return self->mailbox;
}

void
_rapport_application_mark_process_start (void)
{
  process_start_us = g_get_monotonic_time ();
}

/* Called by each main window once it has drawn its first frame. */
void
_rapport_application_window_presented (RapportApplication *self,
                                       GtkWindow          *window)
{
  g_return_if_fail (RAPPORT_IS_APPLICATION (self));

  if (self->window_presented)
    return;

  first_frame_us = g_get_monotonic_time ();
  first_frame_rss_kb = read_rss_kb ();
  self->window_presented = TRUE;

  maybe_check_database (self);
  maybe_finish_startup (self);
}

/* }}} */
