/* test-organisations-page.c -- the Organisations page and the Today page's
 * focus over a real contact store: the empty page and a typed list, the
 * rows in the method's order with the focus marked, a rating changed with
 * a row's drop-down, everything within the narrowest window, and the five
 * of the focus with their next step, one opened
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rapport-organisations-page.h"
#include "rapport-target-row.h"
#include "rapport-target.h"
#include "rapport-today-focus.h"
#include "test-contact-util.h"
#include "test-util.h"

typedef struct
{
  ContactFixture  contacts;
  RapportTargets *targets;    /* made with the first view, after the test's data is written */
  GtkWidget      *window;
  gint64          shown_id;   /* the last win.show-organisation */
} Fixture;

static gboolean
timed_out_cb (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

#define WAIT_UNTIL(condition)                                                          \
  G_STMT_START {                                                                       \
    guint timeout_id_ = g_timeout_add_seconds (10, timed_out_cb, (gpointer) #condition); \
    while (!(condition))                                                               \
      g_main_context_iteration (NULL, TRUE);                                           \
    g_source_remove (timeout_id_);                                                     \
  } G_STMT_END

static void
show_organisation_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  Fixture *f = user_data;

  f->shown_id = g_variant_get_int64 (parameter);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  static const GActionEntry win_actions[] = {
    { "show-organisation", show_organisation_action, "x" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  test_contact_fixture_set_up (&f->contacts, data);
  /* one file for the whole program: each test starts without organisations */
  g_free (test_query_text (f->contacts.db, "DELETE FROM organisation"));
  f->window = gtk_window_new ();
  /* the narrowest the main window gets */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 700);
  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions, G_N_ELEMENTS (win_actions), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->targets);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  test_contact_fixture_tear_down (&f->contacts, data);
}

static void
add_names (Fixture    *f,
           const char *text)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_target_add_names_async (f->contacts.store, text, NULL, test_store_result_cb, &result);
  g_assert_cmpint (rapport_target_add_finish (f->contacts.store, test_wait_for (&result), &error), >, 0);
  g_assert_no_error (error);
}

static gint64
id_of (Fixture    *f,
       const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM organisation WHERE name = '%s'", name);
  g_autofree char *id = test_query_text (f->contacts.db, sql);

  return g_ascii_strtoll (id, NULL, 10);
}

static void
set (Fixture            *f,
     const char         *name,
     RapportTargetField  field,
     int                 value)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_target_set_async (f->contacts.store, id_of (f, name), field, value, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_target_write_finish (f->contacts.store, test_wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Seven rated, one of them parked: the list's order is that of ORDER. */
#define ORDER "Wayne,Umbrella,Initech,Hooli,Acme,Globex,Vandelay"
static void
add_rated (Fixture *f)
{
  add_names (f, "Acme\nGlobex\nHooli\nInitech\nUmbrella\nVandelay\nWayne");
  set (f, "Wayne", RAPPORT_TARGET_FIELD_MOTIVATION, 3);
  set (f, "Wayne", RAPPORT_TARGET_FIELD_POSTING, 3);
  set (f, "Wayne", RAPPORT_TARGET_FIELD_STAGE, RAPPORT_TARGET_PARKED);
  set (f, "Umbrella", RAPPORT_TARGET_FIELD_MOTIVATION, 3);
  set (f, "Initech", RAPPORT_TARGET_FIELD_MOTIVATION, 2);
  set (f, "Initech", RAPPORT_TARGET_FIELD_POSTING, 3);
  set (f, "Hooli", RAPPORT_TARGET_FIELD_MOTIVATION, 2);
  set (f, "Acme", RAPPORT_TARGET_FIELD_MOTIVATION, 1);
  set (f, "Acme", RAPPORT_TARGET_FIELD_POSTING, 2);
  set (f, "Globex", RAPPORT_TARGET_FIELD_POSTING, 2);
}

static char *
names (GListModel *model)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportTarget) target = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%s", i ? "," : "", rapport_target_get_name (target));
    }
  return g_string_free (text, FALSE);
}

static gboolean
names_are (GListModel *model,
           const char *expected)
{
  g_autofree char *text = names (model);

  return g_strcmp0 (text, expected) == 0;
}

/* The @n-th widget of @type below @widget, depth first (from 0). */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*n)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
nth (GtkWidget *widget,
     GType      type,
     guint      n)
{
  return find_widget (widget, type, &n);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row that shows @name, if the list view has made one. */
static RapportTargetRow *
row_of (GtkWidget  *page,
        const char *name)
{
  GtkWidget *list_view = nth (page, GTK_TYPE_LIST_VIEW, 0);

  for (GtkWidget *item = gtk_widget_get_first_child (list_view); item; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      RapportTarget *target;

      if (RAPPORT_IS_TARGET_ROW (row) && (target = rapport_target_row_get_target (RAPPORT_TARGET_ROW (row))) &&
          g_strcmp0 (rapport_target_get_name (target), name) == 0 && gtk_widget_get_child_visible (item))
        return RAPPORT_TARGET_ROW (row);
    }
  return NULL;
}

static void
assert_fits (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static RapportTargets *
targets_of (Fixture *f)
{
  if (f->targets == NULL)
    f->targets = rapport_targets_new (f->contacts.store);
  return f->targets;
}

static RapportOrganisationsPage *
make_page (Fixture *f)
{
  RapportOrganisationsPage *page = RAPPORT_ORGANISATIONS_PAGE (rapport_organisations_page_new ());

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (f->window));
  rapport_organisations_page_set_targets (page, targets_of (f));
  return page;
}

static void
test_empty_then_typed (Fixture       *f,
                       gconstpointer  data)
{
  RapportOrganisationsPage *page = make_page (f);
  GListModel *targets = rapport_organisations_page_get_targets (page);
  GtkStack *stack = GTK_STACK (nth (GTK_WIDGET (page), GTK_TYPE_STACK, 0));
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *left = NULL;

  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0);
  assert_fits (GTK_WIDGET (page));

  /* typed into the empty page, blank lines and a repeat with spaces left out */
  view = GTK_TEXT_VIEW (nth (gtk_stack_get_visible_child (stack), GTK_TYPE_TEXT_VIEW, 0));
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_set_text (buffer, "Initech\n\nAcme\n  Acme  \nGlobex\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (page), "organisations.add-typed", NULL);
  WAIT_UNTIL (g_list_model_get_n_items (targets) == 3);
  g_assert_true (names_are (targets, "Acme,Globex,Initech"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (left, ==, "");
  /* the count, said kindly */
  g_assert_nonnull (find_label (GTK_WIDGET (page),
                                "3 organisations on your list. Around 40 gives you plenty to choose from."));
  assert_fits (GTK_WIDGET (page));
}

static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  static const char * const focus[] = { "Umbrella", "Initech", "Hooli", "Acme", "Globex" };
  RapportOrganisationsPage *page;
  GListModel *targets;
  RapportTargetRow *row;
  GtkDropDown *motivation;
  GtkDropDown *advocacy;
  g_autofree char *stored = NULL;

  add_rated (f);
  /* the user knows someone at Umbrella, whom the contacts do not show */
  set (f, "Umbrella", RAPPORT_TARGET_FIELD_ADVOCACY, 1);
  page = make_page (f);
  targets = rapport_organisations_page_get_targets (page);
  WAIT_UNTIL (g_list_model_get_n_items (targets) == 7);
  g_assert_true (names_are (targets, ORDER));

  /* the five not parked are marked, the parked one is not */
  WAIT_UNTIL (row_of (GTK_WIDGET (page), "Wayne") != NULL && row_of (GTK_WIDGET (page), "Initech") != NULL);
  g_assert_false (gtk_widget_get_visible (find_label (GTK_WIDGET (row_of (GTK_WIDGET (page), "Wayne")), "In Focus")));
  for (guint i = 0; i < G_N_ELEMENTS (focus); i++)
    if ((row = row_of (GTK_WIDGET (page), focus[i])) != NULL)
      g_assert_true (gtk_widget_get_visible (find_label (GTK_WIDGET (row), "In Focus")));
  row = row_of (GTK_WIDGET (page), "Initech");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Next: find a contact there"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "None of your contacts works here yet"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (nth (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, 0)), ==,
                   "Does someone you know work here? Rapport answers from your contacts until you change it");
  WAIT_UNTIL (row_of (GTK_WIDGET (page), "Umbrella") != NULL);
  advocacy = GTK_DROP_DOWN (nth (GTK_WIDGET (row_of (GTK_WIDGET (page), "Umbrella")), GTK_TYPE_DROP_DOWN, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (advocacy), ==, 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (advocacy)), ==,
                   "Your own answer: your contacts say otherwise");
  assert_fits (GTK_WIDGET (page));

  /* Motivation 3 for Initech with its drop-down (Advocacy, Motivation,
   * Posting, Stage): stored, and the row moves to the top (a tie with
   * Wayne, parked: by name) */
  motivation = GTK_DROP_DOWN (nth (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, 1));
  g_assert_cmpuint (gtk_drop_down_get_selected (motivation), ==, 2);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (motivation), GTK_DIR_TAB_FORWARD));
  gtk_drop_down_set_selected (motivation, 3);
  WAIT_UNTIL (names_are (targets, "Initech,Wayne,Umbrella,Hooli,Acme,Globex,Vandelay"));
  /* the keyboard follows Initech to its new place, on the same drop-down */
  WAIT_UNTIL ((row = row_of (GTK_WIDGET (page), "Initech")) != NULL &&
              gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                      nth (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, 1)));
  stored = test_query_text (f->contacts.db, "SELECT motivation FROM organisation_target t "
                                            "JOIN organisation o ON o.id = t.organisation_id WHERE o.name = 'Initech'");
  g_assert_cmpstr (stored, ==, "3");
}

static void
test_today_focus (Fixture       *f,
                  gconstpointer  data)
{
  RapportTodayFocus *focus = RAPPORT_TODAY_FOCUS (rapport_today_focus_new ());
  GtkListBox *list = NULL;
  GtkListBoxRow *row;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (focus));
  gtk_window_present (GTK_WINDOW (f->window));
  rapport_today_focus_set_targets (focus, targets_of (f));
  /* its own list, after the one AdwPreferencesGroup keeps for rows added to it */
  for (guint i = 0; nth (GTK_WIDGET (focus), GTK_TYPE_LIST_BOX, i) != NULL; i++)
    list = GTK_LIST_BOX (nth (GTK_WIDGET (focus), GTK_TYPE_LIST_BOX, i));
  /* nothing listed: nothing shown */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (rapport_today_focus_is_empty (focus));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (focus)));

  /* the store's "changed" after each write: the five not parked, in order */
  add_rated (f);
  WAIT_UNTIL (!rapport_today_focus_is_empty (focus) && gtk_list_box_get_row_at_index (list, 4) != NULL &&
              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 4))),
                         "Find a contact at Globex") == 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (focus)));
  g_assert_null (gtk_list_box_get_row_at_index (list, 5));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Find a contact at Umbrella");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Motivation 3 · Posting 1 · Advocacy: no");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))), ==,
                   "Find a contact at Initech");
  assert_fits (GTK_WIDGET (focus));

  /* activating one opens it */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpint (f->shown_id, ==, id_of (f, "Initech"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/organisations-page/empty-then-typed", Fixture, NULL, setup, test_empty_then_typed, teardown);
  g_test_add ("/organisations-page/rows", Fixture, NULL, setup, test_rows, teardown);
  g_test_add ("/organisations-page/today-focus", Fixture, NULL, setup, test_today_focus, teardown);

  return g_test_run ();
}
