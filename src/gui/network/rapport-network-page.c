/* rapport-network-page.c -- the Network view of the Insights page
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-network"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-graph.h"
#include "rapport-network-export.h"
#include "rapport-network-page.h"
#include "rapport-toast.h"

/* Reads the network on the database thread; if its shape changed since the
 * cached layout, lays it out on a worker (keeping the places of those
 * already placed) and caches the new positions; then shows it. Like the
 * rest of the Insights page it reads only while on screen, and again when
 * a contact changes. */
struct _RapportNetworkPage
{
  GtkWidget            parent_instance;

  GtkWidget           *toolbar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *stage_dropdown;
  GtkDropDown         *organisation_dropdown;
  GtkStringList       *organisations;    /* "All Organisations", then those of the people shown */
  gboolean             filling;
  GtkStack            *stack;
  RapportNetworkView  *view;

  RapportContactStore *contacts;
  GCancellable        *cancellable;
  gboolean             grouped;          /* each organisation's people kept together */
};

G_DEFINE_FINAL_TYPE (RapportNetworkPage, rapport_network_page, GTK_TYPE_WIDGET)

enum {
  REFRESHED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_GROUPED,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/* The organisations of the people shown, the one chosen kept while it is
 * still among them. */
static void
fill_organisations (RapportNetworkPage *self)
{
  g_auto(GStrv) names = rapport_network_view_dup_organisations (self->view);
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);
  g_autofree char *chosen = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->organisations));
  guint select = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    chosen = g_strdup (gtk_string_list_get_string (self->organisations, selected));
  for (guint i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], chosen) == 0)
      select = i + 1;

  self->filling = TRUE;
  gtk_string_list_splice (self->organisations, 1, n - 1, (const char * const *) names);
  gtk_drop_down_set_selected (self->organisation_dropdown, select);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->organisation_dropdown), names[0] != NULL);
  rapport_network_view_set_organisation_filter (self->view, select > 0 ? chosen : NULL);
}

static void
show_load (RapportNetworkPage *self,
           RapportNetworkLoad *load)
{
  gboolean anyone_introduced = FALSE;

  for (guint i = 1; i < rapport_network_graph_n_nodes (load->graph); i++)
    anyone_introduced = anyone_introduced || rapport_network_graph_node (load->graph, i)->introduced > 0;
  if (!anyone_introduced)
    {
      rapport_network_view_set_network (self->view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      rapport_network_view_set_network (self->view, load);
      gtk_stack_set_visible_child_name (self->stack, "network");
    }
  fill_organisations (self);
  gtk_widget_set_visible (self->toolbar, anyone_introduced);
  g_signal_emit (self, signals[REFRESHED], 0);
}

typedef struct
{
  RapportNetworkPage *page;
  RapportNetworkLoad *load;
  GCancellable       *cancellable;
} LayoutData;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_network_save_positions_finish (RAPPORT_DATABASE (object), result, &error))
    g_warning ("Could not keep the network's layout: %s", error->message);
}

static void
laid_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LayoutData *data = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = rapport_graph_layout_finish (result, &error);

  /* The layout cannot be stopped half-way; a newer read wins. */
  if (!g_cancellable_is_cancelled (data->cancellable))
    {
      if (!ok)
        g_warning ("Could not lay out the network: %s", error->message);
      else
        {
          rapport_network_save_positions_async (rapport_contact_store_get_database (data->page->contacts),
                                                data->load, NULL, saved_cb, NULL);
          show_load (data->page, data->load);
        }
    }
  g_object_unref (data->page);
  rapport_network_load_unref (data->load);
  g_object_unref (data->cancellable);
  g_free (data);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportNetworkPage) self = user_data;
  g_autoptr(RapportNetworkLoad) load = NULL;
  g_autoptr(GError) error = NULL;
  LayoutData *data;

  load = rapport_network_load_finish (RAPPORT_DATABASE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (load == NULL)
    {
      g_warning ("Could not read the network: %s", error->message);
      return;
    }
  if (load->same_key)
    {
      show_load (self, load);
      return;
    }

  if (gtk_stack_get_visible_child_name (self->stack) == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "network") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  data = g_new0 (LayoutData, 1);
  data->page = g_object_ref (self);
  data->load = rapport_network_load_ref (load);
  data->cancellable = g_object_ref (self->cancellable);
  rapport_graph_layout_async (load->graph, load->xy, load->known, NULL, laid_out_cb, data);
}

static void
search_changed_cb (RapportNetworkPage *self)
{
  rapport_network_view_search (self->view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search: on to the person found, for Enter to open them.
 * Searched again, since Enter may come before the entry's short delay. */
static void
search_activate_cb (RapportNetworkPage *self)
{
  if (rapport_network_view_search (self->view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
    rapport_network_view_focus_person (self->view);
}

static void
stage_selected_cb (RapportNetworkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->stage_dropdown);

  rapport_network_view_set_stage_filter (self->view, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                                     ? -1 : (int) selected - 1);
}

/* An organisation's name may be long: the drop-downs' buttons shorten
 * theirs with an ellipsis (their lists show names whole), so that the
 * toolbar still fits a phone's width. */
static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

static void
organisation_selected_cb (RapportNetworkPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->organisation_dropdown);

  if (self->filling)
    return;
  rapport_network_view_set_organisation_filter (self->view,
                                                selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                                ? NULL : gtk_string_list_get_string (self->organisations, selected));
}

static void
contact_activated_cb (RapportNetworkPage *self,
                      gint64              contact_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-contact", "x", contact_id);
}

/* Export */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportNetworkPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_network_export_finish (result, &error))
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Network exported")));
  else
    {
      g_autofree char *text = g_strdup_printf (_("Could not export the network: %s"), error->message);

      rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
    }
}

static void
export_chosen_cb (GtkWidget          *widget,
                  RapportImageFormat  format,
                  GFile              *file,
                  gpointer            user_data)
{
  RapportNetworkPage *self = RAPPORT_NETWORK_PAGE (widget);
  RapportNetworkColors colors;

  if (rapport_network_view_get_network (self->view) == NULL)
    return;
  rapport_network_colors_lookup (GTK_WIDGET (self->view), &colors);
  rapport_network_export_async (rapport_network_view_get_network (self->view), &colors, format, file, NULL,
                                exported_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gboolean svg = g_str_equal (action_name, "network.export-svg");

  /* Translators: the suggested name of the network's export, without its extension */
  rapport_image_export_choose (widget, _("Export the Network"), C_("file name", "network"),
                               svg ? RAPPORT_IMAGE_SVG : RAPPORT_IMAGE_PNG, export_chosen_cb, NULL);
}

/* The zoom buttons over the view ask the page, their ancestor. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportNetworkView *view = RAPPORT_NETWORK_PAGE (widget)->view;

  if (g_str_equal (action_name, "network.fit"))
    rapport_network_view_fit (view);
  else
    rapport_network_view_zoom (view, g_str_equal (action_name, "network.zoom-in") ? 1.25 : 0.8);
}

/* GtkWidget */

static void
rapport_network_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rapport_network_page_parent_class)->map (widget);
  rapport_network_page_refresh (RAPPORT_NETWORK_PAGE (widget));
}

/* GObject */

static void
rapport_network_page_dispose (GObject *object)
{
  RapportNetworkPage *self = RAPPORT_NETWORK_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_NETWORK_PAGE);
  /* the template's box is not a bound child, which alone it unparents */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->contacts);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (rapport_network_page_parent_class)->dispose (object);
}

static void
rapport_network_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportNetworkPage *self = RAPPORT_NETWORK_PAGE (object);

  switch (prop_id)
    {
    case PROP_GROUPED:
      g_value_set_boolean (value, self->grouped);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_network_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RapportNetworkPage *self = RAPPORT_NETWORK_PAGE (object);

  switch (prop_id)
    {
    case PROP_GROUPED:
      if (self->grouped == g_value_get_boolean (value))
        break;
      self->grouped = g_value_get_boolean (value);
      g_object_notify_by_pspec (object, pspec);
      /* A new drawing: laid out afresh the first time, cached after. */
      rapport_network_page_refresh (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_network_page_class_init (RapportNetworkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_network_page_dispose;
  object_class->get_property = rapport_network_page_get_property;
  object_class->set_property = rapport_network_page_set_property;
  widget_class->map = rapport_network_page_map;

  /* Each organisation's people drawn together, in a group named after it. */
  properties[PROP_GROUPED] =
    g_param_spec_boolean ("grouped", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "network.group", "grouped");

  /* After each network shown, or the empty state (for the tests). */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "network.export-svg", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "network.export-png", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "network.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "network.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "network.fit", NULL, zoom_action);

  g_type_ensure (RAPPORT_TYPE_NETWORK_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-network-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportNetworkPage, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_activated_cb);
}

static void
rapport_network_page_init (RapportNetworkPage *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (stages, _("All Stages"));
  for (guint i = 0; i < RAPPORT_N_STAGES; i++)
    gtk_string_list_append (stages, rapport_stage_get_label (i));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  g_signal_connect_object (self->stage_dropdown, "notify::selected", G_CALLBACK (stage_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* Thousands of organisations at most: the drop-down's list is recycled and can be searched. */
  self->organisations = gtk_string_list_new ((const char * const[]) { _("All Organisations"), NULL });
  gtk_drop_down_set_model (self->organisation_dropdown, G_LIST_MODEL (self->organisations));
  {
    g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_expression (self->organisation_dropdown, name);
  }
  gtk_drop_down_set_enable_search (self->organisation_dropdown, TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);
      gtk_drop_down_set_factory (i == 0 ? self->stage_dropdown : self->organisation_dropdown, factory);
    }
  g_signal_connect_object (self->organisation_dropdown, "notify::selected", G_CALLBACK (organisation_selected_cb),
                           self, G_CONNECT_SWAPPED);
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
rapport_network_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_NETWORK_PAGE, NULL);
}

/**
 * rapport_network_page_set_store:
 * @contacts: the contacts, whose database the page reads and whose
 *   "changed" it follows
 */
void
rapport_network_page_set_store (RapportNetworkPage  *self,
                                RapportContactStore *contacts)
{
  g_return_if_fail (RAPPORT_IS_NETWORK_PAGE (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (contacts));
  g_return_if_fail (self->contacts == NULL);

  self->contacts = g_object_ref (contacts);
  g_signal_connect_object (contacts, "changed", G_CALLBACK (rapport_network_page_refresh), self, G_CONNECT_SWAPPED);
  rapport_network_page_refresh (self);
}

/* Reads the network again if the page is on screen. */
void
rapport_network_page_refresh (RapportNetworkPage *self)
{
  RapportDatabase *db;

  g_return_if_fail (RAPPORT_IS_NETWORK_PAGE (self));

  if (self->contacts == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  db = rapport_contact_store_get_database (self->contacts);
  if (!rapport_database_is_open (db))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* Translators: the user, in the centre of the referral network */
  rapport_network_load_async (db, _("You"), self->grouped, self->cancellable, loaded_cb, g_object_ref (self));
}

/* "loading", "empty" or "network" */
const char *
rapport_network_page_get_shown (RapportNetworkPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

RapportNetworkView *
rapport_network_page_get_view (RapportNetworkPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_NETWORK_PAGE (self), NULL);
  return self->view;
}
