/* rapport-window-meetings.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"
#include "rapport-meeting-ics.h"
#include "rapport-meeting-window.h"

/* The window's actions on meetings, which any page can use by name: start
 * one (the meeting window), and hand meetings to a calendar as iCalendar. */

static RapportMeetingStore *
get_store (RapportWindow *self)
{
  return rapport_context_get_meeting_store (_rapport_window_get_context (self));
}

static void
toast (RapportWindow *self,
       const char    *text)
{
  _rapport_window_add_toast (self, rapport_toast_new (text));
}

static void
toast_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  toast (user_data, g_variant_get_string (parameter, NULL));
}

/* Starting {{{ */

static void
start_meeting_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RapportWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gint64 meeting_id = g_variant_get_int64 (parameter);
  RapportMeetingWindow *window;

  /* One window per meeting: a second Start brings the first one back. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (RAPPORT_IS_MEETING_WINDOW (l->data) &&
        rapport_meeting_window_get_meeting_id (l->data) == meeting_id)
      {
        gtk_window_present (l->data);
        return;
      }

  window = rapport_meeting_window_new (app, get_store (self),
                                       rapport_context_get_settings (_rapport_window_get_context (self)),
                                       meeting_id);
  gtk_window_present (GTK_WINDOW (window));
}

/* }}} */
/* iCalendar {{{ */

typedef struct
{
  GFile     *file;
  GPtrArray *meetings;   /* fresh from the store, read only on the worker */
} IcsJob;

static void
ics_job_free (IcsJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->meetings, g_ptr_array_unref);
  g_free (job);
}

static void
write_ics_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  IcsJob *job = task_data;
  g_autoptr(GFile) parent = g_file_get_parent (job->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* On the worker: the iCalendar writer is a module loaded on first use. */
  text = rapport_meeting_ics_write (job->meetings, &error);
  if (text == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_file_make_directory_with_parents (parent, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_error (&error);

  if (!g_file_replace_contents (job->file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    toast (self, _("No calendar application could open the meeting. Use “Export as iCalendar” and import the file instead."));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RapportWindow *self = RAPPORT_WINDOW (object);   /* the task keeps it alive */
  IcsJob *job = g_task_get_task_data (G_TASK (result));
  gboolean open = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the reason, e.g. "No space left on device" */
      text = g_strdup_printf (_("The calendar file could not be written: %s"), error->message);
      toast (self, text);
      return;
    }

  if (!open)
    {
      toast (self, _("Meetings exported"));
      return;
    }

  uri = g_file_get_uri (job->file);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, g_object_ref (self));
}

static void
write_ics (RapportWindow *self,
           GPtrArray     *meetings,
           GFile         *file,
           gboolean       open)
{
  g_autoptr(GTask) task = NULL;
  IcsJob *job;

  job = g_new0 (IcsJob, 1);
  job->file = g_object_ref (file);
  job->meetings = g_ptr_array_ref (meetings);
  task = g_task_new (self, NULL, written_cb, GINT_TO_POINTER (open));
  g_task_set_task_data (task, job, (GDestroyNotify) ics_job_free);
  g_task_run_in_thread (task, write_ics_thread);
}

static void
ics_chooser_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         RapportWindow   *self)
{
  GPtrArray *meetings = g_object_get_data (G_OBJECT (chooser), "meetings");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    write_ics (self, meetings, file, FALSE);
  g_object_unref (chooser);
}

static void
choose_ics_file (RapportWindow *self,
                 GPtrArray     *meetings,
                 const char    *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("iCalendar (.ics)"));
  gtk_file_filter_add_suffix (filter, "ics");
  chooser = gtk_file_chooser_native_new (_("Export Meetings"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "meetings", g_ptr_array_ref (meetings),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (ics_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  RapportWindow *window;
  gboolean       to_calendar;   /* or to a file the user picks */
} LoadCall;

static void
meeting_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autofree LoadCall *call = user_data;
  g_autoptr(RapportWindow) self = call->window;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, NULL, &error);
  if (meeting == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_ptr_array_add (meetings, g_object_ref (meeting));

  if (call->to_calendar)
    {
      g_autofree char *name = g_strdup_printf ("meeting-%" G_GINT64_FORMAT ".ics", rapport_meeting_get_id (meeting));
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "rapport", name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      write_ics (self, meetings, file, TRUE);
    }
  else
    {
      g_autofree char *name = NULL;

      /* Translators: the suggested file name of one exported meeting; %s is the contact */
      name = g_strdup_printf (_("Meeting with %s.ics"), rapport_meeting_get_contact_name (meeting));
      g_strdelimit (name, "/\\", '-');
      choose_ics_file (self, meetings, name);
    }
}

static void
load_meeting_for (RapportWindow *self,
                  gint64         meeting_id,
                  gboolean       to_calendar)
{
  LoadCall *call = g_new0 (LoadCall, 1);

  call->window = g_object_ref (self);
  call->to_calendar = to_calendar;
  rapport_meeting_store_load_async (get_store (self), meeting_id, NULL, meeting_loaded_cb, call);
}

/* "Add to Calendar": the user's calendar application opens the event and
 * offers to add it. */
static void
add_meeting_to_calendar_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  load_meeting_for (user_data, g_variant_get_int64 (parameter), TRUE);
}

static void
export_meeting_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  load_meeting_for (user_data, g_variant_get_int64 (parameter), FALSE);
}

static void
upcoming_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  meetings = rapport_meeting_store_list_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (meetings == NULL)
    toast (self, error->message);
  else if (meetings->len == 0)
    toast (self, _("There are no upcoming meetings to export"));
  else
    /* Translators: the suggested file name of the exported upcoming meetings */
    choose_ics_file (self, meetings, _("upcoming-meetings.ics"));
}

static void
export_upcoming_meetings_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RapportWindow *self = user_data;

  rapport_meeting_store_list_async (get_store (self), RAPPORT_MEETING_LIST_UPCOMING, 0, NULL,
                                    upcoming_listed_cb, g_object_ref (self));
}

/* }}} */

static const GActionEntry meeting_actions[] = {
  { "toast", toast_action, "s" },
  { "start-meeting", start_meeting_action, "x" },
  { "add-meeting-to-calendar", add_meeting_to_calendar_action, "x" },
  { "export-meeting", export_meeting_action, "x" },
  { "export-upcoming-meetings", export_upcoming_meetings_action },
};

void
_rapport_window_add_meeting_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), meeting_actions, G_N_ELEMENTS (meeting_actions), self);
}
