/* test-network-page.c -- the Network view over a real database: nobody,
 * one person, a few, and 5,000; search, the stage filter, zoom and fit,
 * Enter on a person, the positions kept, the dark style, the export
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rapport-contact-store.h"
#include "rapport-network-export.h"
#include "rapport-network-page.h"
#include "rapport-network-scene.h"
#include "test-util.h"

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *contacts;
  GtkWidget           *window;
  RapportNetworkPage  *page;
  RapportNetworkView  *view;
  guint                refreshes;
  gint64               activated;
} Fixture;

static void
refreshed_cb (RapportNetworkPage *page,
              Fixture            *f)
{
  f->refreshes++;
}

static void
activated_cb (RapportNetworkView *view,
              gint64              contact_id,
              Fixture            *f)
{
  f->activated = contact_id;
}

static void
refresh_and_wait (Fixture *f)
{
  guint refreshes = f->refreshes;

  rapport_network_page_refresh (f->page);
  while (f->refreshes == refreshes)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_frames (Fixture *f,
             guint    n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->view));
  gint64 until = gdk_frame_clock_get_frame_counter (clock) + n;

  gtk_widget_queue_draw (GTK_WIDGET (f->view));
  while (gdk_frame_clock_get_frame_counter (clock) < until)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
save_contact_at (Fixture    *f,
                 const char *name,
                 gint64      referrer,
                 const char *organisation)
{
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_set_display_name (contact, name);
  rapport_contact_set_referred_by_id (contact, referrer);
  rapport_contact_set_organisation (contact, organisation);
  rapport_contact_store_save_async (f->contacts, contact, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_finish (f->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return id;
}

static gint64
save_contact (Fixture    *f,
              const char *name,
              gint64      referrer)
{
  return save_contact_at (f, name, referrer, NULL);
}

/* The page's drop-down whose first choice is @first. */
static GtkDropDown *
find_dropdown (GtkWidget  *widget,
               const char *first)
{
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) &&
      g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))), 0),
                 first) == 0)
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_dropdown (child, first);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->db = test_open_database ();
  /* the database's default path is the same for every test of the program */
  test_exec (f->db, "DELETE FROM network_position; DELETE FROM network_layout; DELETE FROM contact");
  f->contacts = rapport_contact_store_new (f->db);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 600);
  f->page = RAPPORT_NETWORK_PAGE (rapport_network_page_new ());
  f->view = rapport_network_page_get_view (f->page);
  g_signal_connect (f->page, "refreshed", G_CALLBACK (refreshed_cb), f);
  g_signal_connect (f->view, "contact-activated", G_CALLBACK (activated_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  rapport_network_page_set_store (f->page, f->contacts);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_clear_object (&f->contacts);
  rapport_database_close (f->db);
  g_clear_object (&f->db);
}

static guint
n_people (Fixture *f)
{
  RapportNetworkLoad *load = rapport_network_view_get_network (f->view);

  return load != NULL ? rapport_network_graph_n_nodes (load->graph) : 0;
}

static void
test_nobody (Fixture       *f,
             gconstpointer  data)
{
  refresh_and_wait (f);
  g_assert_cmpstr (rapport_network_page_get_shown (f->page), ==, "empty");
  g_assert_cmpuint (n_people (f), ==, 0);
}

/* One person, introduced by nobody: still the empty state, which says how
 * to record an introduction; then one introduction and the network. */
static void
test_one_then_a_few (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *described = NULL;
  g_autofree char *kept = NULL;
  RapportNetworkLoad *load;
  gint64 ana, ben, cleo;
  int ben_index;

  ana = save_contact (f, "Ana Ruiz", 0);
  refresh_and_wait (f);
  g_assert_cmpstr (rapport_network_page_get_shown (f->page), ==, "empty");

  ben = save_contact (f, "Ben Ortiz", ana);
  cleo = save_contact (f, "Cleo Park", ana);
  save_contact (f, "Dan Weiss", ben);
  refresh_and_wait (f);
  g_assert_cmpstr (rapport_network_page_get_shown (f->page), ==, "network");
  g_assert_cmpuint (n_people (f), ==, 5);
  load = rapport_network_view_get_network (f->view);
  described = rapport_network_view_describe (f->view, (guint) rapport_network_graph_find (load->graph, ana));
  g_assert_cmpstr (described, ==, "Ana Ruiz, To Contact, introduced 2 people");
  g_clear_pointer (&described, g_free);
  described = rapport_network_view_describe (f->view, (guint) rapport_network_graph_find (load->graph, ben));
  g_assert_cmpstr (described, ==, "Ben Ortiz, To Contact, introduced 1 person");

  /* the layout is kept: one position per person and the user, saved by a
   * job of its own after the view has it (waited for, never slept on) */
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    for (;;)
      {
        g_free (kept);
        kept = test_query_text (f->db, "SELECT count(*) FROM network_position");
        if (g_str_equal (kept, "5") || g_get_monotonic_time () > deadline)
          break;
        g_main_context_iteration (NULL, FALSE);
        g_usleep (10000);
      }
  }
  g_assert_cmpstr (kept, ==, "5");

  /* search rings and centres Ben, and the cursor goes there */
  g_assert_true (rapport_network_view_search (f->view, "ORTIZ"));
  ben_index = rapport_network_graph_find (load->graph, ben);
  g_assert_cmpint (rapport_network_view_get_highlight (f->view), ==, ben_index);
  g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==, ben_index);
  wait_frames (f, 2);
  g_assert_false (rapport_network_view_search (f->view, "Nobody by that name"));
  g_assert_cmpint (rapport_network_view_get_highlight (f->view), ==, -1);

  /* Enter on the person under the cursor opens the contact */
  rapport_network_view_search (f->view, "Cleo");
  rapport_network_view_focus_person (f->view);
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (f->window))));
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (f->window)));
  /* a button clicks when its short press animation ends */
  {
    gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (f->activated == 0 && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpint (f->activated, ==, cleo);

  /* zoom about the centre, then fit again */
  rapport_network_view_fit (f->view);
  {
    double fitted = rapport_network_view_get_scale (f->view);

    rapport_network_view_zoom (f->view, 2.0);
    g_assert_cmpfloat_with_epsilon (rapport_network_view_get_scale (f->view), 2 * fitted, 1e-9);
    gtk_widget_activate_action (GTK_WIDGET (f->view), "network.fit", NULL);
    g_assert_cmpfloat_with_epsilon (rapport_network_view_get_scale (f->view), fitted, 1e-9);
  }

  /* a new person: the others keep their places */
  {
    g_autofree double *before = g_memdup2 (load->xy, sizeof (double) * 2 * 5);
    g_autofree gint64 *ids = g_new0 (gint64, 5);
    RapportNetworkLoad *after;
    double scale;

    for (guint i = 0; i < 5; i++)
      ids[i] = rapport_network_graph_node (load->graph, i)->contact_id;

    rapport_network_view_search (f->view, "Cleo");
    rapport_network_view_zoom (f->view, 1.5);
    scale = rapport_network_view_get_scale (f->view);
    save_contact (f, "Eva Lind", cleo);
    refresh_and_wait (f);
    after = rapport_network_view_get_network (f->view);
    g_assert_cmpuint (n_people (f), ==, 6);
    /* read again: the same zoom, the cursor and the ring still on Cleo */
    g_assert_cmpfloat (rapport_network_view_get_scale (f->view), ==, scale);
    g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==, rapport_network_graph_find (after->graph, cleo));
    g_assert_cmpint (rapport_network_view_get_highlight (f->view), ==, rapport_network_graph_find (after->graph, cleo));
    for (guint i = 0; i < 5; i++)
      {
        int j = rapport_network_graph_find (after->graph, ids[i]);

        g_assert_cmpfloat_with_epsilon (after->xy[2 * j], before[2 * i], 0.01);
        g_assert_cmpfloat_with_epsilon (after->xy[2 * j + 1], before[2 * i + 1], 0.01);
      }
  }
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
export_and_wait (Fixture                    *f,
                 RapportImageFormat  format,
                 const char                 *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportNetworkColors colors;
  GStatBuf st;

  rapport_network_colors_lookup (GTK_WIDGET (f->view), &colors);
  rapport_network_export_async (rapport_network_view_get_network (f->view), &colors, format, file, NULL,
                                exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rapport_network_export_finish (result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* The colours come from the style: the dark style draws in others, and the
 * export takes the ones on screen. */
static void
test_dark_and_export (Fixture       *f,
                      gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *svg_path = g_build_filename (g_get_user_data_dir (), "network.svg", NULL);
  g_autofree char *png_path = g_build_filename (g_get_user_data_dir (), "network.png", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *png = NULL;
  RapportNetworkColors light, dark;
  gsize length;
  gint64 ana;

  ana = save_contact (f, "Ana <Ruiz> & Co", 0);
  save_contact (f, "Ben Ortiz", ana);
  refresh_and_wait (f);
  rapport_network_colors_lookup (GTK_WIDGET (f->view), &light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_frames (f, 2);
  rapport_network_colors_lookup (GTK_WIDGET (f->view), &dark);
  g_assert_false (rapport_network_colors_equal (&light, &dark));
  /* light text on a dark background */
  g_assert_cmpfloat (dark.text.red + dark.text.green + dark.text.blue, >, 1.5);
  g_assert_cmpfloat (dark.background.red + dark.background.green + dark.background.blue, <, 1.5);

  /* an existing file is replaced, and private */
  g_assert_true (g_file_set_contents_full (svg_path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
  export_and_wait (f, RAPPORT_IMAGE_SVG, svg_path);
  g_assert_true (g_file_get_contents (svg_path, &svg, &length, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<title>Ana &lt;Ruiz&gt; &amp; Co</title>"));
  g_assert_nonnull (strstr (svg, ">Ben Ortiz</text>"));

  export_and_wait (f, RAPPORT_IMAGE_PNG, png_path);
  g_assert_true (g_file_get_contents (png_path, &png, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* 5,000 people: laid out off the main thread, drawn, zoomed. */
static void
test_five_thousand (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  double fitted;

  test_exec (f->db,
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
    "INSERT INTO contact (id, display_name, sort_key, stage, referred_by, created_at, updated_at) "
    "SELECT i, 'Person ' || i, 'person ' || i, i % 9, "
    "       CASE WHEN i > 1 AND i % 10 != 0 THEN (i * 7919) % (i - 1) + 1 END, 0, 0 FROM n");
  refresh_and_wait (f);
  g_assert_cmpstr (rapport_network_page_get_shown (f->page), ==, "network");
  g_assert_cmpuint (n_people (f), ==, 5001);
  wait_frames (f, 2);
  fitted = rapport_network_view_get_scale (f->view);
  {
    graphene_rect_t bounds;

    /* the whole network in view */
    rapport_network_load_bounds (rapport_network_view_get_network (f->view), &bounds);
    g_assert_cmpfloat (bounds.size.width * fitted, <=, gtk_widget_get_width (GTK_WIDGET (f->view)));
    g_assert_cmpfloat (bounds.size.height * fitted, <=, gtk_widget_get_height (GTK_WIDGET (f->view)));
    g_assert_true (bounds.size.width * fitted > gtk_widget_get_width (GTK_WIDGET (f->view)) / 2.0 ||
                   bounds.size.height * fitted > gtk_widget_get_height (GTK_WIDGET (f->view)) / 2.0);
  }

  rapport_network_view_zoom (f->view, 8.0);
  rapport_network_view_pan (f->view, 100, -50);
  wait_frames (f, 2);
  g_assert_true (rapport_network_view_search (f->view, "Person 4321"));
  g_assert_cmpint (rapport_network_view_get_highlight (f->view), ==,
                   rapport_network_graph_find (rapport_network_view_get_network (f->view)->graph, 4321));
  wait_frames (f, 2);

  /* only stage "Met" counts for the keyboard now; the cursor leaves Person 4321 (stage 1) */
  rapport_network_view_set_stage_filter (f->view, 3);
  g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==, 0);
  wait_frames (f, 2);
}

/* One organisation in full, the others faint: its people are listed once
 * each, in order, and the keyboard keeps to them; the choice survives a
 * refresh while the organisation is still there. */
static void
test_organisation_filter (Fixture       *f,
                          gconstpointer  data)
{
  GtkDropDown *organisations;
  GtkStringList *list;
  gint64 ana, ben;
  int ben_index;

  ana = save_contact_at (f, "Ana Ruiz", 0, "Northwind");
  ben = save_contact_at (f, "Ben Ortiz", ana, "Acme");
  save_contact_at (f, "Cleo Park", ana, "Northwind");
  save_contact (f, "Dan Weiss", ben);
  refresh_and_wait (f);

  organisations = find_dropdown (GTK_WIDGET (f->page), "All Organisations");
  g_assert_nonnull (organisations);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (organisations)));
  list = GTK_STRING_LIST (gtk_drop_down_get_model (organisations));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (list, 1), ==, "Acme");
  g_assert_cmpstr (gtk_string_list_get_string (list, 2), ==, "Northwind");

  /* Ben, of Acme, has the cursor; choosing Northwind takes it away */
  g_assert_true (rapport_network_view_search (f->view, "Ben"));
  ben_index = rapport_network_graph_find (rapport_network_view_get_network (f->view)->graph, ben);
  g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==, ben_index);
  gtk_drop_down_set_selected (organisations, 2);
  g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==, 0);
  wait_frames (f, 2);

  /* a new person elsewhere: the list grows, Northwind stays chosen */
  save_contact_at (f, "Eva Lind", ben, "Contoso");
  refresh_and_wait (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (list, gtk_drop_down_get_selected (organisations)), ==, "Northwind");

  /* all again */
  gtk_drop_down_set_selected (organisations, 0);
  g_assert_true (rapport_network_view_search (f->view, "Ben"));
  g_assert_cmpint (rapport_network_view_get_cursor (f->view), ==,
                   rapport_network_graph_find (rapport_network_view_get_network (f->view)->graph, ben));
}

/* Grouped by organisation (the toolbar's toggle): the two people of
 * Northwind are in one group, drawn around them, and the choice is kept
 * in the page's "grouped". */
static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  RapportNetworkLoad *load;
  graphene_rect_t rect;
  guint refreshes;
  gint64 ana, cleo;

  ana = save_contact_at (f, "Ana Ruiz", 0, "Northwind");
  save_contact_at (f, "Ben Ortiz", ana, "Acme");
  cleo = save_contact_at (f, "Cleo Park", 0, "Northwind");
  refresh_and_wait (f);
  load = rapport_network_view_get_network (f->view);
  g_assert_false (rapport_network_graph_get_grouped (load->graph));
  g_assert_cmpuint (rapport_network_graph_n_groups (load->graph), ==, 0);

  refreshes = f->refreshes;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "network.group", NULL));
  while (f->refreshes == refreshes)
    g_main_context_iteration (NULL, TRUE);
  {
    gboolean grouped;

    g_object_get (f->page, "grouped", &grouped, NULL);
    g_assert_true (grouped);
  }
  load = rapport_network_view_get_network (f->view);
  g_assert_true (rapport_network_graph_get_grouped (load->graph));
  g_assert_cmpuint (rapport_network_graph_n_groups (load->graph), ==, 1);
  g_assert_cmpstr (rapport_network_graph_group (load->graph, 0)->organisation, ==, "Northwind");
  rapport_network_load_group_rect (load, 0, &rect);
  for (guint k = 0; k < 2; k++)
    {
      int i = rapport_network_graph_find (load->graph, k == 0 ? ana : cleo);

      g_assert_true (graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT ((float) load->xy[2 * i],
                                                                                (float) load->xy[2 * i + 1])));
    }
  wait_frames (f, 2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  g_test_add ("/network-page/nobody", Fixture, NULL, setup, test_nobody, teardown);
  g_test_add ("/network-page/one-then-a-few", Fixture, NULL, setup, test_one_then_a_few, teardown);
  g_test_add ("/network-page/dark-and-export", Fixture, NULL, setup, test_dark_and_export, teardown);
  g_test_add ("/network-page/organisation-filter", Fixture, NULL, setup, test_organisation_filter, teardown);
  g_test_add ("/network-page/grouped", Fixture, NULL, setup, test_grouped, teardown);
  g_test_add ("/network-page/five-thousand", Fixture, NULL, setup, test_five_thousand, teardown);

  return g_test_run ();
}
