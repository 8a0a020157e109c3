/* rapport-window.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-window.h"
#include "rapport-window-private.h"
#include "rapport-toast.h"
#include "rapport-contacts-page.h"
#include "rapport-meeting-editor.h"
#include "rapport-meeting-prep.h"
#include "rapport-meeting-questions.h"
#include "rapport-meetings-page.h"
#include "rapport-questions-page.h"
#include "rapport-today-page.h"
#include "rapport-insights-page.h"
#include "rapport-organisations-page.h"
#include "rapport-today-focus.h"

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  RapportContext       *context;
  GSettings            *settings;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkWidget            *waiting_banner;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *today_stack_page;
  RapportTodayPage     *today_page;
  AdwBin               *contacts_bin;
  RapportContactsPage  *contacts_page;   /* made on first use, see _rapport_window_ensure_contacts_page() */
  AdwBin               *questions_bin;
  RapportQuestionsPage *questions_page;  /* likewise */
  AdwBin               *meetings_bin;
  RapportMeetingsPage  *meetings_page;   /* likewise */
  AdwBin               *insights_bin;
  RapportInsightsPage  *insights_page;   /* built when first shown */
  AdwBin               *organisations_bin;
  RapportOrganisationsPage *organisations_page;  /* built when first shown */
  AdwStatusPage        *error_page;
  GtkWidget            *move_aside_button;
  GtkWidget            *restore_backup_button;
  GtkWidget            *retry_button;
  GtkWidget            *quit_button;

  gulong                after_paint_id;
  guint                 build_pages_id;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers {{{ */

static RapportApplication *
get_application (RapportWindow *self)
{
  return RAPPORT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_database_error (RapportWindow *self,
                     const GError  *error)
{
  const char *title;
  const char *latest_backup;
  g_autofree char *description = NULL;
  const char *path = rapport_database_get_path (rapport_context_get_database (self->context));
  gboolean corrupt = g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CORRUPT);
  gboolean too_new = g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_TOO_NEW);

  if (corrupt)
    title = _("The Database Cannot Be Read");
  else if (too_new)
    title = _("The Database Is From a Newer Rapport");
  else if (g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_BUSY))
    title = _("The Database Is in Use");
  else if (g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_FULL))
    title = _("The Disk Is Full");
  else
    title = _("The Database Could Not Be Opened");

  if (corrupt)
    /* Translators: the first %s is a file path, the second an error message */
    description = g_strdup_printf (_("%s\n\n%s\n\nIt has not been changed. You can move it aside, "
                                     "keeping it next to the new one, and start with an empty database."),
                                   path, error->message);
  else if (too_new)
    description = g_strdup_printf (_("%s\n\n%s\n\nIt has been left untouched. "
                                     "Update Rapport to open it."),
                                   path, error->message);
  else
    description = g_strdup_printf (_("%s\n\n%s\n\nNothing has been changed. "
                                     "Fix the problem, then try again."),
                                   path, error->message);

  /* A damaged or foreign file with a backup to go back to: the restore
   * moves the file aside first, as Move Aside does. */
  latest_backup = rapport_context_get_latest_backup (self->context);
  if (corrupt && latest_backup != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *basename = g_path_get_basename (latest_backup);
      g_autoptr(GDateTime) time = rapport_backup_parse_time (basename);
      g_autofree char *when = time != NULL ? rapport_backup_format_date (time, now) : g_strdup (basename);
      g_autofree char *with_backup = NULL;
      g_autofree char *without = g_steal_pointer (&description);

      /* Translators: %s is a date and time, e.g. "20 November at 09:12" */
      with_backup = g_strdup_printf (_("The latest backup is from %s."), when);
      description = g_strconcat (without, "\n\n", with_backup, NULL);
      /* The action's target is the path, known only now. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->restore_backup_button), "s", latest_backup);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->restore_backup_button), "app.restore-backup");
    }
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->restore_backup_button, corrupt && latest_backup != NULL);
  gtk_widget_set_visible (self->move_aside_button, corrupt);
  /* One suggested way out. */
  if (latest_backup != NULL)
    gtk_widget_remove_css_class (self->move_aside_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->move_aside_button, "suggested-action");
  gtk_widget_set_visible (self->retry_button, !corrupt && !too_new);
  gtk_widget_set_visible (self->quit_button, too_new);

  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
update_database_state (RapportWindow *self)
{
  const GError *error = rapport_context_get_error (self->context);

  if (error != NULL)
    show_database_error (self, error);
  else
    gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
restore_state (RapportWindow *self)
{
  g_autofree char *page = NULL;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  rapport_window_set_page_name (self, page);
}

static void
save_state (RapportWindow *self)
{
  int width, height;

  /* The default size is the unmaximized size, which is what to restore. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page", rapport_window_get_page_name (self));
  g_settings_apply (self->settings);
}

/* The contacts page is the heaviest part of the window; it is built when it
 * is first shown, or right after the first frame, so that it never delays
 * the window's appearance. */
RapportContactsPage *
_rapport_window_ensure_contacts_page (RapportWindow *self)
{
  if (self->contacts_page == NULL)
    {
      self->contacts_page = RAPPORT_CONTACTS_PAGE (rapport_contacts_page_new ());
      rapport_contacts_page_set_store (self->contacts_page, rapport_context_get_contact_store (self->context));
      rapport_contacts_page_set_meeting_store (self->contacts_page, rapport_context_get_meeting_store (self->context));
      adw_bin_set_child (self->contacts_bin, GTK_WIDGET (self->contacts_page));
    }

  return self->contacts_page;
}

static RapportQuestionsPage *
ensure_questions_page (RapportWindow *self)
{
  if (self->questions_page == NULL)
    {
      self->questions_page = RAPPORT_QUESTIONS_PAGE (rapport_questions_page_new ());
      adw_bin_set_child (self->questions_bin, GTK_WIDGET (self->questions_page));
      /* How often each question was used changes with the meetings. */
      g_signal_connect_object (rapport_context_get_meeting_store (self->context), "changed",
                               G_CALLBACK (rapport_questions_page_reload), self->questions_page, G_CONNECT_SWAPPED);
      if (rapport_context_get_ready (self->context))
        rapport_questions_page_set_store (self->questions_page, rapport_context_get_question_store (self->context));
    }

  return self->questions_page;
}

static void
prep_meeting_changed_cb (RapportMeetingPrep      *prep,
                         GParamSpec              *pspec,
                         RapportMeetingQuestions *questions)
{
  rapport_meeting_questions_set_meeting (questions, rapport_meeting_prep_get_meeting_id (prep));
}

/* The preparation view's questions come from the question bank, which the
 * meetings page does not know. */
static void
add_meeting_questions (RapportWindow      *self,
                       RapportMeetingPrep *prep)
{
  GtkWidget *questions;

  questions = rapport_meeting_questions_new (rapport_context_get_meeting_store (self->context),
                                             rapport_context_get_question_store (self->context));
  adw_bin_set_child (rapport_meeting_prep_get_questions_bin (prep), questions);
  g_signal_connect_object (prep, "notify::meeting-id", G_CALLBACK (prep_meeting_changed_cb), questions, 0);
  rapport_meeting_questions_set_meeting (RAPPORT_MEETING_QUESTIONS (questions),
                                         rapport_meeting_prep_get_meeting_id (prep));
}

static RapportMeetingsPage *
ensure_meetings_page (RapportWindow *self)
{
  if (self->meetings_page == NULL)
    {
      self->meetings_page = RAPPORT_MEETINGS_PAGE (rapport_meetings_page_new ());
      rapport_meetings_page_set_store (self->meetings_page, rapport_context_get_meeting_store (self->context),
                                       rapport_context_get_settings (self->context));
      adw_bin_set_child (self->meetings_bin, GTK_WIDGET (self->meetings_page));
      add_meeting_questions (self, rapport_meetings_page_get_prep (self->meetings_page));
    }

  return self->meetings_page;
}

static void
ensure_insights_page (RapportWindow *self)
{
  if (self->insights_page != NULL)
    return;
  self->insights_page = RAPPORT_INSIGHTS_PAGE (rapport_insights_page_new ());
  rapport_insights_page_set_stores (self->insights_page, rapport_context_get_contact_store (self->context),
                                    rapport_context_get_meeting_store (self->context),
                                    rapport_context_get_settings (self->context));
  adw_bin_set_child (self->insights_bin, GTK_WIDGET (self->insights_page));
}

static RapportOrganisationsPage *
ensure_organisations_page (RapportWindow *self)
{
  if (self->organisations_page == NULL)
    {
      self->organisations_page = RAPPORT_ORGANISATIONS_PAGE (rapport_organisations_page_new ());
      rapport_organisations_page_set_targets (self->organisations_page, rapport_context_get_targets (self->context));
      adw_bin_set_child (self->organisations_bin, GTK_WIDGET (self->organisations_page));
    }

  return self->organisations_page;
}

/* One page per idle, so that input between them is not held up. */
static gboolean
build_pages_idle_cb (gpointer user_data)
{
  RapportWindow *self = user_data;

  if (self->contacts_page == NULL)
    {
      _rapport_window_ensure_contacts_page (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->meetings_page == NULL)
    {
      ensure_meetings_page (self);
      return G_SOURCE_CONTINUE;
    }

  self->build_pages_id = 0;
  ensure_questions_page (self);
  return G_SOURCE_REMOVE;
}

/* }}} */
/* Callbacks {{{ */

static void
visible_page_changed_cb (RapportWindow *self)
{
  const char *page = rapport_window_get_page_name (self);

  if (g_strcmp0 (page, "contacts") == 0)
    _rapport_window_ensure_contacts_page (self);
  else if (g_strcmp0 (page, "questions") == 0)
    ensure_questions_page (self);
  else if (g_strcmp0 (page, "meetings") == 0)
    ensure_meetings_page (self);
  else if (g_strcmp0 (page, "insights") == 0)
    ensure_insights_page (self);
  else if (g_strcmp0 (page, "organisations") == 0)
    ensure_organisations_page (self);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                RapportWindow *self)
{
  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  _rapport_application_window_presented (get_application (self), GTK_WINDOW (self));
  rapport_today_page_set_store (self->today_page,
                                rapport_context_get_reminder_store (self->context));
  rapport_today_focus_set_targets (rapport_today_page_get_focus (self->today_page),
                                   rapport_context_get_targets (self->context));
  /* A "second contact" step falls due with time: read again when the page is. */
  g_signal_connect_object (self->today_page, "filled", G_CALLBACK (rapport_targets_refresh),
                           rapport_context_get_targets (self->context), G_CONNECT_SWAPPED);

  if (self->build_pages_id == 0 &&
      (self->contacts_page == NULL || self->meetings_page == NULL || self->questions_page == NULL))
    self->build_pages_id = g_idle_add_full (G_PRIORITY_LOW, build_pages_idle_cb, self, NULL);
}

static void
database_state_changed_cb (RapportWindow *self)
{
  update_database_state (self);

  /* After "Try Again" or a fresh start, the pages read the database anew. */
  if (!rapport_context_get_ready (self->context))
    return;
  if (self->contacts_page != NULL)
    rapport_contact_list_refresh (rapport_contacts_page_get_list (self->contacts_page));
  if (self->questions_page != NULL)
    {
      rapport_questions_page_set_store (self->questions_page,
                                        rapport_context_get_question_store (self->context));
      rapport_questions_page_reload (self->questions_page);
    }
  if (self->meetings_page != NULL)
    rapport_meetings_page_refresh (self->meetings_page);
  rapport_today_page_refresh (self->today_page);
  /* Today's focus and the Organisations page, which share it. */
  rapport_targets_refresh (rapport_context_get_targets (self->context));
  if (self->insights_page != NULL)
    rapport_insights_page_refresh (self->insights_page);
}

/* }}} */
/* Actions {{{ */

static void
show_page_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RapportWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->stack, "main");
  rapport_window_set_page_name (self, g_variant_get_string (parameter, NULL));
}

static void
new_contact_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportWindow *self = user_data;

  rapport_window_set_page_name (self, "contacts");
  gtk_widget_activate_action (GTK_WIDGET (_rapport_window_ensure_contacts_page (self)), "contacts.new", NULL);
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RapportWindow *self = user_data;

  /* The question bank has a search of its own; every other page finds contacts. */
  if (g_strcmp0 (rapport_window_get_page_name (self), "questions") == 0)
    {
      rapport_questions_page_focus_search (ensure_questions_page (self));
      return;
    }

  rapport_window_set_page_name (self, "contacts");
  rapport_contacts_page_focus_search (_rapport_window_ensure_contacts_page (self));
}

/* GtkApplication would build the shortcuts window along with every main
 * window if it found it at gtk/help-overlay.ui; built on first use instead,
 * it costs the first frame nothing. (GtkApplicationWindow keeps this action
 * rather than adding its own, so it also shows the window.) */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RapportWindow *self = user_data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_RESOURCE_PATH "ui/rapport-help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
      rapport_accessible_clean_names (GTK_WIDGET (overlay));
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
notice_cb (RapportWindow *self,
           const char    *message)
{
  _rapport_window_add_toast (self, rapport_toast_new (message));
}

static void
show_contact_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RapportWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->stack, "main");
  rapport_window_set_page_name (self, "contacts");
  rapport_contacts_page_show_contact (_rapport_window_ensure_contacts_page (self), g_variant_get_int64 (parameter));
}

static void
show_organisation_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RapportWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->stack, "main");
  rapport_window_set_page_name (self, "organisations");
  rapport_organisations_page_show_organisation (ensure_organisations_page (self), g_variant_get_int64 (parameter));
}

static void
show_meeting_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  RapportWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->stack, "main");
  rapport_window_set_page_name (self, "meetings");
  rapport_meetings_page_show_meeting (ensure_meetings_page (self), g_variant_get_int64 (parameter));
}

static void
meeting_saved_cb (RapportWindow *self,
                  gint64         meeting_id)
{
  /* Scheduled from the meetings page: show it there. From a contact's
   * page, it shows in their list of meetings, where the user is. */
  if (g_strcmp0 (rapport_window_get_page_name (self), "meetings") == 0)
    rapport_meetings_page_show_meeting (ensure_meetings_page (self), meeting_id);
}

/* The target is the contact to meet, fixed; 0 to choose one in the dialog,
 * which then starts with the contact the Contacts page shows (Ctrl+Shift+N
 * on someone's page is most often meant for them) but lets the user pick
 * another. */
static void
schedule_meeting_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  RapportWindow *self = user_data;
  gint64 contact_id = g_variant_get_int64 (parameter);
  RapportContact *shown = NULL;
  GtkWidget *editor;

  editor = rapport_meeting_editor_new (rapport_context_get_meeting_store (self->context), NULL,
                                       g_settings_get_int (self->settings, "meeting-length"));
  if (contact_id == 0 && self->contacts_page != NULL
      && g_strcmp0 (rapport_window_get_page_name (self), "contacts") == 0)
    shown = rapport_contacts_page_get_contact (self->contacts_page);
  if (contact_id != 0)
    rapport_meeting_editor_set_contact (RAPPORT_MEETING_EDITOR (editor), contact_id, NULL, TRUE);
  else if (shown != NULL)
    rapport_meeting_editor_set_contact (RAPPORT_MEETING_EDITOR (editor), rapport_contact_get_id (shown),
                                        rapport_contact_get_display_name (shown), FALSE);
  g_signal_connect_object (editor, "saved", G_CALLBACK (meeting_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Rapport Authors", NULL };
  RapportWindow *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self,
                        "application-icon", APP_ID,
                        "application-name", "Rapport",
                        "developer-name", "The Rapport Authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Prepare, run and follow up informational interviews, "
                                      "and grow your network one referral at a time."),
                        "website", "https://github.com/rapport/Rapport",
                        "issue-url", "https://github.com/rapport/Rapport/issues",
                        "copyright", "© 2026 The Rapport Authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your name/username, and optionally an email or URL. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  rapport_accessible_clean_names (about);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry win_actions[] = {
  { "about", about_action },
  { "show-contact", show_contact_action, "x" },
  { "show-meeting", show_meeting_action, "x" },
  { "show-organisation", show_organisation_action, "x" },
  { "schedule-meeting", schedule_meeting_action, "x" },
  { "show-help-overlay", show_help_overlay_action },
  { "show-page", show_page_action, "s" },
  { "new-contact", new_contact_action },
  { "find", find_action },
};

/* }}} */
/* GObject and GtkWidget overrides {{{ */

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  save_state (RAPPORT_WINDOW (window));

  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

static void
rapport_window_map (GtkWidget *widget)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GdkFrameClock *frame_clock;

  GTK_WIDGET_CLASS (rapport_window_parent_class)->map (widget);

  if (self->after_paint_id == 0)
    {
      frame_clock = gtk_widget_get_frame_clock (widget);
      self->after_paint_id = g_signal_connect (frame_clock, "after-paint",
                                               G_CALLBACK (after_paint_cb), self);
    }
}

static void
rapport_window_unmap (GtkWidget *widget)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (self->after_paint_id != 0)
    g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (rapport_window_parent_class)->unmap (widget);
}

/* GtkWindow:application is not a construct property, so it is still unset in
 * constructed(); the window is wired up to it here instead. */
static void
setup_for_application (RapportWindow *self)
{
  self->settings = g_object_ref (rapport_context_get_settings (self->context));
  restore_state (self);

  g_signal_connect_object (self->context, "notify::error",
                           G_CALLBACK (database_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::latest-backup",
                           G_CALLBACK (update_database_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notice", G_CALLBACK (notice_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (rapport_context_get_database (self->context), "waiting",
                          self->waiting_banner, "visible", G_BINDING_SYNC_CREATE);
  update_database_state (self);

  /* The first page: its template only until the first frame is shown
   * (after_paint_cb), then filled once the database answers. */
  g_object_bind_property (self->today_page, "badge-number", self->today_stack_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->today_page, "needs-attention", self->today_stack_page, "needs-attention",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  g_clear_handle_id (&self->build_pages_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_window_dispose;

  widget_class->map = rapport_window_map;
  widget_class->unmap = rapport_window_unmap;

  window_class->close_request = rapport_window_close_request;

  g_type_ensure (RAPPORT_TYPE_TODAY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, waiting_banner);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, today_stack_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, insights_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, organisations_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, contacts_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, questions_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, meetings_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, restore_backup_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, move_aside_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, quit_button);
}

static void
rapport_window_init (RapportWindow *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  _rapport_window_add_meeting_actions (self);
  _rapport_window_add_reminder_actions (self);
  _rapport_window_add_compose_actions (self);
  _rapport_window_add_address_book_actions (self);
  _rapport_window_add_file_actions (self);
}

/* }}} */
/* Public API {{{ */

/**
 * rapport_window_new:
 * @context: the data the window shows; its pages read their stores from it
 */
RapportWindow *
rapport_window_new (RapportApplication *application,
                    RapportContext     *context)
{
  RapportWindow *self;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  self = g_object_new (RAPPORT_TYPE_WINDOW, "application", application, NULL);
  self->context = g_object_ref (context);
  setup_for_application (self);

  return self;
}

RapportContext *
_rapport_window_get_context (RapportWindow *self)
{
  return self->context;
}

const char *
rapport_window_get_page_name (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
rapport_window_set_page_name (RapportWindow *self,
                              const char    *name)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
_rapport_window_add_toast (RapportWindow *self,
                           AdwToast      *toast)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

/* }}} */
