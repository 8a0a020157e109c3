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
#include <math.h>

#include "rapport-application.h"
#include "rapport-preferences-window.h"
#include "rapport-window.h"
#include "rapport-contact-detail.h"
#include "rapport-contact-editor.h"
#include "rapport-contact-row.h"
#include "rapport-contacts-page.h"
#include "rapport-countdown-ring.h"
#include "rapport-interaction-editor.h"
#include "rapport-question-editor.h"
#include "rapport-question-row.h"
#include "rapport-questions-page.h"
#include "rapport-contact-meetings.h"
#include "rapport-contact-picker.h"
#include "rapport-meeting-editor.h"
#include "rapport-meeting-prep.h"
#include "rapport-meeting-questions.h"
#include "rapport-meeting-window.h"
#include "rapport-meeting-research.h"
#include "rapport-backups-group.h"
#include "rapport-meetings-page.h"
#include "rapport-outcome-dialog.h"
#include "rapport-composer.h"
#include "rapport-contact-drafts.h"
#include "rapport-templates-preferences.h"

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

/* Says which widgets keep a window from narrowing. */
static void
report_wide (GtkWidget *widget,
             int        limit,
             int        depth)
{
  int min = 0;

  if (depth > 0 && !gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= limit)
    return;
  g_test_message ("%*s%s (%s) min width %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  gtk_widget_get_name (widget), min);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    report_wide (child, limit, depth + 1);
}

static void
test_window (void)
{
  RapportWindow *window = rapport_window_new (app, rapport_application_get_context (app));
  const char * const pages[] = { "today", "contacts", "meetings", "questions" };

  g_assert_true (RAPPORT_IS_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      rapport_window_set_page_name (window, pages[i]);
      g_assert_cmpstr (rapport_window_get_page_name (window), ==, pages[i]);
    }

  /* Every page fits a phone-sized window (GNOME's 360 px). */
  {
    GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
    int min = 0;

    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    if (min > 360)
      report_wide (content, 360, 0);
    g_assert_cmpint (min, <=, 360);
  }

  /* An unknown page leaves the current one. */
  rapport_window_set_page_name (window, "nonsense");
  g_assert_cmpstr (rapport_window_get_page_name (window), ==, "questions");

  show_and_destroy (GTK_WINDOW (window));
}

static void
test_window_actions (void)
{
  RapportWindow *window = rapport_window_new (app, rapport_application_get_context (app));

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
  RapportPreferencesWindow *preferences = rapport_preferences_window_new (app, rapport_application_get_context (app));

  g_assert_true (ADW_IS_PREFERENCES_WINDOW (preferences));
  show_and_destroy (GTK_WINDOW (preferences));
}

/* Standalone, then given the application: the group's template, and the
 * application's backup actions it sits beside. */
static void
test_backups_group (void)
{
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  RapportBackupsGroup *group = g_object_new (RAPPORT_TYPE_BACKUPS_GROUP, NULL);

  g_assert_true (ADW_IS_PREFERENCES_GROUP (group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  rapport_backups_group_set_context (group, rapport_application_get_context (app));

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "back-up-now"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "restore-backup"));
  g_assert_true (g_variant_type_equal (g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "restore-backup"),
                                       G_VARIANT_TYPE_STRING));

  show_and_destroy (GTK_WINDOW (window));
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
  RapportContactStore *store = rapport_context_get_contact_store (rapport_application_get_context (app));
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

/* The ring's pixel at @degrees clockwise from twelve o'clock, on the middle
 * of its line, as cairo's premultiplied BGRA. */
static const guint8 *
ring_pixel (const guint8 *pixels,
            gsize         stride,
            int           width,
            int           height,
            double        degrees)
{
  double size = MIN (width, height);
  double radius = (size - MAX (4.0, size * 0.06)) / 2.0;
  double angle = degrees * G_PI / 180.0;
  int x = (int)(width / 2.0 + radius * sin (angle));
  int y = (int)(height / 2.0 - radius * cos (angle));

  return pixels + y * stride + x * 4;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Lets the toolkit lay out and paint a frame, so that a change of text has
 * been allocated before the widget is drawn again. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint painted = 0;
  gulong handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (count_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* Draws the widget as it is now: its own snapshot function, since a
 * GtkWidgetPaintable shows the last frame, which a change has not reached
 * yet. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                           gtk_widget_get_height (widget)));
}

/* Built as the meeting view's .ui file will build it, then drawn at a few
 * fractions and in overtime, with the ring's colours checked where the arc
 * should and should not be. */
static void
test_countdown_ring (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='GtkWindow' id='window'>"
    "    <child>"
    "      <object class='RapportCountdownRing' id='ring'>"
    "        <property name='fraction'>0.25</property>"
    "        <property name='text'>4:59</property>"
    "      </object>"
    "    </child>"
    "  </object>"
    "</interface>";
  static const double fractions[] = { 1.0, 0.75, 0.25, 0.01, 0.0 };
  g_autoptr(GtkBuilder) builder = NULL;
  RapportCountdownRing *ring;
  GtkWindow *window;
  int width;
  int height;

  g_type_ensure (RAPPORT_TYPE_COUNTDOWN_RING);
  builder = gtk_builder_new_from_string (ui, -1);
  window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
  ring = RAPPORT_COUNTDOWN_RING (gtk_builder_get_object (builder, "ring"));
  g_assert_cmpfloat (rapport_countdown_ring_get_fraction (ring), ==, 0.25);
  g_assert_cmpstr (rapport_countdown_ring_get_text (ring), ==, "4:59");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (ring)), ==,
                   GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (ring));
  height = gtk_widget_get_height (GTK_WIDGET (ring));
  g_assert_cmpint (MIN (width, height), >=, 240);

  for (guint i = 0; i <= G_N_ELEMENTS (fractions); i++)
    {
      gboolean overtime = i == G_N_ELEMENTS (fractions);
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guint8 *pixels = NULL;
      gsize stride = width * 4;

      if (overtime)
        {
          rapport_countdown_ring_set_overtime (ring, TRUE);
          rapport_countdown_ring_set_text (ring, "3:12");
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (ring), "overtime"));
        }
      else
        {
          rapport_countdown_ring_set_fraction (ring, fractions[i]);
        }

      wait_for_frame (GTK_WIDGET (ring));
      texture = render_widget (GTK_WIDGET (ring));
      g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
      /* For a look by eye: RAPPORT_TEST_IMAGES=DIR keeps each image. */
      if (g_getenv ("RAPPORT_TEST_IMAGES") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("countdown-ring-%u.png", i);
          g_autofree char *path = g_build_filename (g_getenv ("RAPPORT_TEST_IMAGES"), name, NULL);

          gdk_texture_save_to_png (texture, path);
        }

      pixels = g_malloc (stride * height);
      gdk_texture_download (texture, pixels, stride);

      for (int degrees = 10; degrees < 360; degrees += 20)
        {
          const guint8 *p = ring_pixel (pixels, stride, width, height, degrees);
          gboolean on_arc = !overtime && degrees < fractions[i] * 360;

          /* The round caps reach a few degrees past either end. */
          if (!overtime && (fabs (degrees - fractions[i] * 360) < 10 || (fractions[i] > 0 && degrees > 350)))
            continue;

          if (overtime)
            {
              /* A whole ring in the error colour: red, opaque. */
              g_assert_cmpint (p[3], >, 200);
              g_assert_cmpint (p[2], >, p[0]);
            }
          else if (on_arc)
            {
              /* The accent: blue, opaque. */
              g_assert_cmpint (p[3], >, 200);
              g_assert_cmpint (p[0], >, p[2]);
            }
          else
            {
              /* The faint track. */
              g_assert_cmpint (p[3], >, 0);
              g_assert_cmpint (p[3], <, 100);
            }
        }
    }

  /* Out of range is clamped, not refused. */
  rapport_countdown_ring_set_fraction (ring, 7.0);
  g_assert_cmpfloat (rapport_countdown_ring_get_fraction (ring), ==, 1.0);

  gtk_window_destroy (window);
}

static void
test_question_widgets (void)
{
  RapportQuestionStore *store = rapport_context_get_question_store (rapport_application_get_context (app));
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RapportQuestion) question = rapport_question_new (1, "Who else should I talk to?");
  GtkWidget *row = rapport_question_row_new (question);
  GtkWidget *page = rapport_questions_page_new ();
  GtkWidget *list = gtk_list_box_new ();

  g_ptr_array_add (categories, rapport_question_category_new (1, NULL, "Asking for More Contacts", 0));
  rapport_question_set_use_count (question, 3);
  rapport_question_row_set_question (RAPPORT_QUESTION_ROW (row), question);
  g_assert_true (rapport_question_row_get_question (RAPPORT_QUESTION_ROW (row)) == question);
  g_assert_true (rapport_question_row_matches (RAPPORT_QUESTION_ROW (row), "talk", FALSE));
  g_assert_false (rapport_question_row_matches (RAPPORT_QUESTION_ROW (row), "talk", TRUE));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  show_in_window (list);

  show_in_window (page);

  show_and_destroy (GTK_WINDOW (rapport_question_editor_new (store, categories, question)));
}

static void
test_meeting_widgets (void)
{
  RapportMeetingStore *store = rapport_context_get_meeting_store (rapport_application_get_context (app));
  GSettings *settings = rapport_context_get_settings (rapport_application_get_context (app));
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (1, 1795600800, 20);
  GtkWidget *picker = rapport_contact_picker_new ();
  GtkWidget *meetings = rapport_contact_meetings_new ();
  GtkWidget *research = rapport_meeting_research_new ();
  GtkWidget *prep = rapport_meeting_prep_new ();
  GtkWidget *page = rapport_meetings_page_new ();
  GtkWidget *editor;

  g_assert_nonnull (store);

  rapport_contact_picker_set_store (RAPPORT_CONTACT_PICKER (picker), rapport_context_get_contact_store (rapport_application_get_context (app)));
  rapport_contact_picker_set_contact (RAPPORT_CONTACT_PICKER (picker), 7, "Zoë Ødegård");
  g_assert_cmpint (rapport_contact_picker_get_contact_id (RAPPORT_CONTACT_PICKER (picker)), ==, 7);
  show_in_window (picker);

  rapport_contact_meetings_set_store (RAPPORT_CONTACT_MEETINGS (meetings), store);
  show_in_window (meetings);

  rapport_meeting_research_set_store (RAPPORT_MEETING_RESEARCH (research), rapport_context_get_contact_store (rapport_application_get_context (app)));
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

  /* what the meeting itself shows */
  show_in_window (rapport_meeting_questions_new (store, rapport_context_get_question_store (rapport_application_get_context (app))));
  show_and_destroy (GTK_WINDOW (rapport_outcome_dialog_new (store, meeting)));
  show_and_destroy (GTK_WINDOW (rapport_meeting_window_new (GTK_APPLICATION (app), store, settings, 1)));
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
/* The composer (for a contact that does not exist: it says so), a
 * contact's drafts and the templates' preferences page. */
static void
test_compose_widgets (void)
{
  GtkWidget *composer = rapport_composer_new (rapport_context_get_contact_store (rapport_application_get_context (app)),
                                              rapport_context_get_meeting_store (rapport_application_get_context (app)),
                                              rapport_context_get_template_store (rapport_application_get_context (app)),
                                              rapport_context_get_settings (rapport_application_get_context (app)));
  GtkWidget *drafts = rapport_contact_drafts_new ();
  GtkWidget *page = g_object_new (RAPPORT_TYPE_TEMPLATES_PREFERENCES, NULL);
  GtkWidget *preferences = adw_preferences_window_new ();

  g_object_ref_sink (composer);
  rapport_composer_write (RAPPORT_COMPOSER (composer), 999999, 0, "thank-you");
  gtk_window_present (GTK_WINDOW (composer));
  while (!gtk_widget_get_mapped (composer))
    g_main_context_iteration (NULL, TRUE);
  /* the load fails on the database thread and answers here */
  for (guint i = 0; i < 200 && !g_main_context_pending (NULL); i++)
    g_usleep (1000);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_test_message ("composer shown");
  gtk_window_destroy (GTK_WINDOW (composer));
  g_object_unref (composer);

  rapport_contact_drafts_set_store (RAPPORT_CONTACT_DRAFTS (drafts), rapport_context_get_contact_store (rapport_application_get_context (app)));
  rapport_contact_drafts_set_contact_id (RAPPORT_CONTACT_DRAFTS (drafts), 1);
  show_in_window (drafts);

  rapport_templates_preferences_set_store (RAPPORT_TEMPLATES_PREFERENCES (page),
                                           rapport_context_get_template_store (rapport_application_get_context (app)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  show_and_destroy (GTK_WINDOW (preferences));
}

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
  g_test_add_func ("/templates/backups-group", test_backups_group);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);
  g_test_add_func ("/templates/contact-widgets", test_contact_widgets);
  g_test_add_func ("/templates/question-widgets", test_question_widgets);
  g_test_add_func ("/templates/meeting-widgets", test_meeting_widgets);
  g_test_add_func ("/templates/accels", test_accels);
  g_test_add_func ("/templates/countdown-ring", test_countdown_ring);
  g_test_add_func ("/templates/compose-widgets", test_compose_widgets);

  app = rapport_application_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 0, NULL);
  g_clear_object (&app);

  return test_status;
}
