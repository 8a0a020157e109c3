/* rapport-meetings-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-meeting-row.h"
#include "rapport-accessible.h"
#include "rapport-meetings-page.h"
#include "rapport-toast.h"

/* The meetings, upcoming (soonest first) then past (latest first), beside
 * the preparation of the one selected. The list is read again whenever a
 * meeting changes, and each minute while it is shown, since a meeting that
 * ends moves from one section to the other with no write at all. */
struct _RapportMeetingsPage
{
  GtkWidget            parent_instance;

  RapportMeetingStore *store;
  GSettings           *settings;
  GCancellable        *cancellable;
  GPtrArray           *upcoming;
  GPtrArray           *past;
  RapportMeetingPrep  *prep;         /* made on first use */
  gint64               selected_id;
  guint                tick_id;
  guint                pending;     /* lists still to come in this refresh */
  guint                filling : 1;

  /* Template children */
  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkWidget           *sidebar;
  GtkStack            *list_stack;
  GtkListBox          *list;
  GtkStack            *detail_stack;
  AdwBin              *prep_bin;
};

G_DEFINE_FINAL_TYPE (RapportMeetingsPage, rapport_meetings_page, GTK_TYPE_WIDGET)

/* Helpers {{{ */

static RapportMeetingPrep *
ensure_prep (RapportMeetingsPage *self)
{
  if (self->prep == NULL)
    {
      self->prep = RAPPORT_MEETING_PREP (rapport_meeting_prep_new ());
      if (self->store != NULL)
        rapport_meeting_prep_set_store (self->prep, self->store, self->settings);
      rapport_meeting_prep_set_show_back (self->prep, adw_leaflet_get_folded (self->leaflet));
      adw_bin_set_child (self->prep_bin, GTK_WIDGET (self->prep));
    }

  return self->prep;
}

static void
show_detail (RapportMeetingsPage *self,
             gint64               meeting_id,
             gboolean             navigate)
{
  self->selected_id = meeting_id;
  if (meeting_id != 0 || self->prep != NULL)
    rapport_meeting_prep_set_meeting_id (ensure_prep (self), meeting_id);
  gtk_stack_set_visible_child_name (self->detail_stack, meeting_id != 0 ? "meeting" : "none");
  if (meeting_id != 0 && navigate)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));
}

static GtkListBoxRow *
find_row (RapportMeetingsPage *self,
          gint64               meeting_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && rapport_meeting_row_get_meeting_id (child) == meeting_id)
      return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (section, g_object_get_data (G_OBJECT (before), "section")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
append_section (RapportMeetingsPage *self,
                GPtrArray           *meetings,
                const char          *section)
{
  for (guint i = 0; i < meetings->len; i++)
    {
      GtkWidget *row = rapport_meeting_row_new (g_ptr_array_index (meetings, i), TRUE);

      /* The list is a sidebar: the title is what tells rows apart. */
      g_object_set_data (G_OBJECT (row), "section", (gpointer) section);
      gtk_list_box_append (self->list, row);
    }
}

static void
fill_list (RapportMeetingsPage *self)
{
  GtkWidget *child;
  GtkListBoxRow *selected;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  append_section (self, self->upcoming, _("Upcoming"));
  append_section (self, self->past, _("Past"));

  selected = self->selected_id != 0 ? find_row (self, self->selected_id) : NULL;
  if (selected != NULL)
    gtk_list_box_select_row (self->list, selected);
  else
    gtk_list_box_unselect_all (self->list);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->list_stack, self->upcoming->len + self->past->len > 0 ? "list" : "empty");

  /* The meeting shown was deleted: nothing to prepare for any more. */
  if (self->selected_id != 0 && selected == NULL)
    show_detail (self, 0, FALSE);
}

/* }}} */
/* Callbacks {{{ */

static void
take_list (RapportMeetingsPage *self,
           GAsyncResult        *result,
           GPtrArray          **field)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *meetings;

  meetings = rapport_meeting_store_list_finish (self->store, result, &error);
  if (meetings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the meetings: %s", error->message);
      return;
    }

  g_clear_pointer (field, g_ptr_array_unref);
  *field = meetings;

  /* Both halves of one refresh are in: show them together. */
  if (--self->pending == 0)
    fill_list (self);
}

static void
upcoming_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RapportMeetingsPage) self = user_data;

  take_list (self, result, &self->upcoming);
}

static void
past_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportMeetingsPage) self = user_data;

  take_list (self, result, &self->past);
}

static void
store_changed_cb (RapportMeetingsPage *self)
{
  rapport_meetings_page_refresh (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  rapport_meetings_page_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
row_activated_cb (RapportMeetingsPage *self,
                  GtkListBoxRow       *row)
{
  show_detail (self, rapport_meeting_row_get_meeting_id (GTK_WIDGET (row)), TRUE);
}

static void
selected_changed_cb (RapportMeetingsPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  /* Following the selection keeps arrow keys browsing the meetings; on a
   * folded leaflet only activation moves on to the detail. */
  if (!self->filling && row != NULL && !adw_leaflet_get_folded (self->leaflet))
    show_detail (self, rapport_meeting_row_get_meeting_id (GTK_WIDGET (row)), FALSE);
}

static void
folded_changed_cb (RapportMeetingsPage *self)
{
  if (self->prep != NULL)
    rapport_meeting_prep_set_show_back (self->prep, adw_leaflet_get_folded (self->leaflet));
}

/* }}} */
/* Actions {{{ */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportMeetingsPage *self = RAPPORT_MEETINGS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportMeetingsPage *self = RAPPORT_MEETINGS_PAGE (widget);

  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (g_variant_get_string (parameter, NULL)));
}

/* }}} */
/* GObject and GtkWidget {{{ */

static void
rapport_meetings_page_map (GtkWidget *widget)
{
  RapportMeetingsPage *self = RAPPORT_MEETINGS_PAGE (widget);

  GTK_WIDGET_CLASS (rapport_meetings_page_parent_class)->map (widget);

  /* Time moves meetings into the past only while someone can see it. */
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
  rapport_meetings_page_refresh (self);
}

static void
rapport_meetings_page_unmap (GtkWidget *widget)
{
  RapportMeetingsPage *self = RAPPORT_MEETINGS_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (rapport_meetings_page_parent_class)->unmap (widget);
}

static void
rapport_meetings_page_dispose (GObject *object)
{
  RapportMeetingsPage *self = RAPPORT_MEETINGS_PAGE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETINGS_PAGE);
  g_clear_pointer ((GtkWidget **) &self->toast_overlay, gtk_widget_unparent);
  g_clear_pointer (&self->upcoming, g_ptr_array_unref);
  g_clear_pointer (&self->past, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_meetings_page_parent_class)->dispose (object);
}

static void
rapport_meetings_page_class_init (RapportMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meetings_page_dispose;
  widget_class->map = rapport_meetings_page_map;
  widget_class->unmap = rapport_meetings_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, list);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingsPage, prep_bin);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "meetings.toast", "s", toast_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_meetings_page_init (RapportMeetingsPage *self)
{
  self->upcoming = g_ptr_array_new ();
  self->past = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  g_signal_connect_swapped (self->list, "selected-rows-changed", G_CALLBACK (selected_changed_cb), self);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_meetings_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_MEETINGS_PAGE, NULL);
}

void
rapport_meetings_page_set_store (RapportMeetingsPage *self,
                                 RapportMeetingStore *store,
                                 GSettings           *settings)
{
  g_return_if_fail (RAPPORT_IS_MEETINGS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->prep != NULL)
    rapport_meeting_prep_set_store (self->prep, store, settings);
  rapport_meetings_page_refresh (self);
}

/* Reads both sections again; cheap, and what keeps "upcoming" true. */
void
rapport_meetings_page_refresh (RapportMeetingsPage *self)
{
  g_return_if_fail (RAPPORT_IS_MEETINGS_PAGE (self));

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 2;

  rapport_meeting_store_list_async (self->store, RAPPORT_MEETING_LIST_UPCOMING, 0, self->cancellable,
                                    upcoming_listed_cb, g_object_ref (self));
  rapport_meeting_store_list_async (self->store, RAPPORT_MEETING_LIST_PAST, 0, self->cancellable,
                                    past_listed_cb, g_object_ref (self));
}

/**
 * rapport_meetings_page_show_meeting:
 *
 * Shows the preparation of @meeting_id, selected in the list as soon as
 * the list holds it.
 */
void
rapport_meetings_page_show_meeting (RapportMeetingsPage *self,
                                    gint64               meeting_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (RAPPORT_IS_MEETINGS_PAGE (self));

  show_detail (self, meeting_id, TRUE);
  row = find_row (self, meeting_id);
  self->filling = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
  self->filling = FALSE;
}

gint64
rapport_meetings_page_get_meeting_id (RapportMeetingsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETINGS_PAGE (self), 0);
  return self->selected_id;
}

/**
 * rapport_meetings_page_get_prep:
 *
 * Returns: (transfer none): the preparation pane, made now if need be
 */
RapportMeetingPrep *
rapport_meetings_page_get_prep (RapportMeetingsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_MEETINGS_PAGE (self), NULL);
  return ensure_prep (self);
}

/* }}} */
