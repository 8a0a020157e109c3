/* test-templates.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instantiates every composite template on a real display, so that a .ui
 * file that no longer matches its class (a renamed child, a missing
 * callback, a wrong property) fails here and not in a user's hands.
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-preferences-window.h"
#include "rapport-window.h"
#include "widgets/rapport-contact-detail.h"
#include "widgets/rapport-contact-editor.h"
#include "widgets/rapport-contact-row.h"
#include "widgets/rapport-contacts-page.h"
#include "widgets/rapport-interaction-editor.h"
#include "widgets/rapport-contact-meetings.h"
#include "widgets/rapport-contact-picker.h"
#include "widgets/rapport-meeting-editor.h"
#include "widgets/rapport-meeting-prep.h"
#include "widgets/rapport-meeting-research.h"
#include "widgets/rapport-meetings-page.h"

static RapportApplication *app;

static void
show_and_destroy (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (window);
}

static void
test_window (void)
{
  RapportWindow *window = rapport_window_new (app);
  const char * const pages[] = { "today", "contacts", "meetings", "questions" };

  g_assert_true (RAPPORT_IS_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rapport_window_set_page_name (window, pages[i]);
      g_assert_cmpstr (rapport_window_get_page_name (window), ==, pages[i]);
    }

  /* An unknown page leaves the current one. */
  rapport_window_set_page_name (window, "nonsense");
  g_assert_cmpstr (rapport_window_get_page_name (window), ==, "questions");

  show_and_destroy (GTK_WINDOW (window));
}

static void
test_window_actions (void)
{
  RapportWindow *window = rapport_window_new (app);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("meetings"));
  g_assert_cmpstr (rapport_window_get_page_name (window), ==, "meetings");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-meeting"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-contact"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "schedule-meeting"));

  show_and_destroy (GTK_WINDOW (window));
}

static void
test_preferences_window (void)
{
  RapportPreferencesWindow *preferences = rapport_preferences_window_new (app);

  g_assert_true (ADW_IS_PREFERENCES_WINDOW (preferences));
  show_and_destroy (GTK_WINDOW (preferences));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  builder = gtk_builder_new_from_resource (APP_RESOURCE_PATH "ui/rapport-help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  show_and_destroy (GTK_WINDOW (overlay));
}

static void
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  show_and_destroy (GTK_WINDOW (window));
}

static void
test_contact_widgets (void)
{
  RapportContactStore *store = rapport_application_get_contact_store (app);
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(RapportInteraction) entry = rapport_interaction_new (1, RAPPORT_INTERACTION_CALL, now, "Intro call", "");
  GtkWidget *row = rapport_contact_row_new ();
  GtkWidget *detail = rapport_contact_detail_new ();
  GtkWidget *page = rapport_contacts_page_new ();

  rapport_contact_set_display_name (contact, "Zoë Ødegård");
  rapport_contact_set_organisation (contact, "Fjord Analytics");
  rapport_contact_row_set_contact (RAPPORT_CONTACT_ROW (row), contact);
  g_assert_true (rapport_contact_row_get_contact (RAPPORT_CONTACT_ROW (row)) == contact);
  show_in_window (row);

  rapport_contact_detail_set_store (RAPPORT_CONTACT_DETAIL (detail), store);
  show_in_window (detail);

  rapport_contacts_page_set_store (RAPPORT_CONTACTS_PAGE (page), store);
  g_assert_nonnull (rapport_contacts_page_get_list (RAPPORT_CONTACTS_PAGE (page)));
  show_in_window (page);

  show_and_destroy (GTK_WINDOW (rapport_contact_editor_new (store, NULL)));
  show_and_destroy (GTK_WINDOW (rapport_contact_editor_new (store, contact)));
  show_and_destroy (GTK_WINDOW (rapport_interaction_editor_new (store, entry)));
}

static void
test_meeting_widgets (void)
{
  RapportMeetingStore *store = rapport_application_get_meeting_store (app);
  GSettings *settings = rapport_application_get_settings (app);
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (1, 1795600800, 20);
  GtkWidget *picker = rapport_contact_picker_new ();
  GtkWidget *meetings = rapport_contact_meetings_new ();
  GtkWidget *research = rapport_meeting_research_new ();
  GtkWidget *prep = rapport_meeting_prep_new ();
  GtkWidget *page = rapport_meetings_page_new ();
  GtkWidget *editor;

  g_assert_nonnull (store);

  rapport_contact_picker_set_store (RAPPORT_CONTACT_PICKER (picker), rapport_application_get_contact_store (app));
  rapport_contact_picker_set_contact (RAPPORT_CONTACT_PICKER (picker), 7, "Zoë Ødegård");
  g_assert_cmpint (rapport_contact_picker_get_contact_id (RAPPORT_CONTACT_PICKER (picker)), ==, 7);
  show_in_window (picker);

  rapport_contact_meetings_set_store (RAPPORT_CONTACT_MEETINGS (meetings), store);
  show_in_window (meetings);

  rapport_meeting_research_set_store (RAPPORT_MEETING_RESEARCH (research), rapport_application_get_contact_store (app));
  show_in_window (research);

  rapport_meeting_prep_set_store (RAPPORT_MEETING_PREP (prep), store, settings);
  g_assert_true (ADW_IS_BIN (rapport_meeting_prep_get_questions_bin (RAPPORT_MEETING_PREP (prep))));
  show_in_window (prep);

  rapport_meetings_page_set_store (RAPPORT_MEETINGS_PAGE (page), store, settings);
  g_assert_nonnull (rapport_meetings_page_get_prep (RAPPORT_MEETINGS_PAGE (page)));
  show_in_window (page);

  show_and_destroy (GTK_WINDOW (rapport_meeting_editor_new (store, NULL, 20)));
  rapport_meeting_set_contact_details (meeting, "Zoë Ødegård", "Fjord Analytics");
  rapport_meeting_set_id (meeting, 1);
  editor = rapport_meeting_editor_new (store, meeting, 20);
  rapport_meeting_editor_set_contact (RAPPORT_MEETING_EDITOR (editor), 1, "Zoë Ødegård", TRUE);
  show_and_destroy (GTK_WINDOW (editor));
}

static void
test_accels (void)
{
  static const struct { const char *action; const char *accel; } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "window.close", "<Control>w" },
    { "win.show-page::today", "<Control>1" },
    { "win.show-page::contacts", "<Control>2" },
    { "win.show-page::meetings", "<Control>3" },
    { "win.show-page::questions", "<Control>4" },
    { "win.new-contact", "<Control>n" },
    { "win.find", "<Control>f" },
    { "win.schedule-meeting(int64 0)", "<Shift><Control>n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), expected[i].action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }
}

static int test_status;

/* The tests run from inside g_application_run(), after startup (settings,
 * actions, accelerators, the database) and instead of the default activate
 * handler, so the application registers and unregisters as it does for users. */
static void
activate_cb (GApplication *application)
{
  g_signal_stop_emission_by_name (application, "activate");
  test_status = g_test_run ();
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: it would hide the icon theme in
   * XDG_DATA_DIRS, and headless-session already gives this test a home
   * of its own. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/window-actions", test_window_actions);
  g_test_add_func ("/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/contact-widgets", test_contact_widgets);
  g_test_add_func ("/templates/meeting-widgets", test_meeting_widgets);
  g_test_add_func ("/templates/accels", test_accels);

  app = rapport_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);

  return test_status;
}
