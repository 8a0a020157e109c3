/* rapport-contacts-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-detail.h"
#include "rapport-contact-editor.h"
#include "rapport-contact-row.h"
#include "rapport-accessible.h"
#include "rapport-contacts-page.h"
#include "rapport-contacts-page-private.h"
#include "rapport-toast.h"
#include "rapport-interaction-editor.h"
#include "rapport-organisation-detail.h"

/* The list of contacts beside the selected one's details, folding to one
 * pane on a narrow window. The list is a lazy model over SQLite: searching,
 * filtering and sorting are queries, so it stays quick with 100,000
 * contacts. */

G_DEFINE_FINAL_TYPE (RapportContactsPage, rapport_contacts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT,
  PROP_STAGE_FILTER,
  PROP_TAG_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sort_names[] = {
  [RAPPORT_CONTACT_SORT_NAME] = "name",
  [RAPPORT_CONTACT_SORT_ORGANISATION] = "organisation",
  [RAPPORT_CONTACT_SORT_LAST_CONTACTED] = "last-contacted",
  [RAPPORT_CONTACT_SORT_STAGE] = "stage",
};

/* Helpers {{{ */

static int
stage_from_nick (const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_STAGE);
  GEnumValue *value = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value ? value->value : -1;
}

static void
update_query (RapportContactsPage *self)
{
  g_autoptr(RapportContactQuery) query = rapport_contact_query_new ();
  g_autoptr(GString) filters = g_string_new (NULL);
  int stage = stage_from_nick (self->stage_filter);

  if (self->list == NULL)
    return;

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  query->stage = stage;
  query->tag = self->tag_filter && *self->tag_filter ? g_strdup (self->tag_filter) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (self->sort, sort_names[i]) == 0)
      query->sort = i;

  if (stage >= 0)
    /* Translators: shown above the list while it is filtered by a stage */
    g_string_append_printf (filters, _("Stage: %s"), rapport_stage_get_label (stage));
  if (query->tag != NULL)
    {
      if (filters->len > 0)
        g_string_append (filters, " · ");
      /* Translators: shown above the list while it is filtered by a tag */
      g_string_append_printf (filters, _("Tag: %s"), query->tag);
    }
  gtk_label_set_label (self->filter_label, filters->str);
  gtk_revealer_set_reveal_child (self->filter_revealer, filters->len > 0);

  rapport_contact_list_set_query (self->list, query);
}

void
_rapport_contacts_page_update_list_state (RapportContactsPage *self)
{
  const RapportContactQuery *query = rapport_contact_list_get_query (self->list);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  gboolean filtered = (query->text && *query->text) || query->stage >= 0 || query->tag != NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    gtk_stack_set_visible_child_name (self->list_stack, filtered ? "no-results" : "empty");
}

/* The detail panes are built when first needed, so that the page (and with
 * it the window) appears sooner; with many widgets each, they cost the most. */
static RapportContactDetail *
ensure_detail (RapportContactsPage *self)
{
  if (self->detail == NULL)
    {
      self->detail = RAPPORT_CONTACT_DETAIL (rapport_contact_detail_new ());
      if (self->store != NULL)
        rapport_contact_detail_set_store (self->detail, self->store);
      if (self->meeting_store != NULL)
        rapport_contact_detail_set_meeting_store (self->detail, self->meeting_store);
      rapport_contact_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
      g_signal_connect_object (self->detail, "open-contact", G_CALLBACK (_rapport_contacts_page_open_contact_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->detail_bin, GTK_WIDGET (self->detail));
    }

  return self->detail;
}

gint64
_rapport_contacts_page_shown_contact_id (RapportContactsPage *self)
{
  return self->detail ? rapport_contact_detail_get_contact_id (self->detail) : 0;
}

void
_rapport_contacts_page_show_detail (RapportContactsPage *self,
                                    gint64               contact_id)
{
  if (contact_id != 0 || self->detail != NULL)
    rapport_contact_detail_set_contact_id (ensure_detail (self), contact_id);
  gtk_stack_set_visible_child_name (self->detail_stack, contact_id != 0 ? "contact" : "none");
  if (contact_id != 0)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail_stack));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.edit", contact_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.delete", contact_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contacts.add-entry", contact_id != 0);
}

static gboolean
select_contact (RapportContactsPage *self,
                gint64               contact_id)
{
  int position = rapport_contact_list_find (self->list, contact_id);

  if (position < 0)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", (guint) position);
  return TRUE;
}

static void
rebuild_stage_menu (RapportContactsPage *self)
{
  g_autoptr(GMenuItem) any = g_menu_item_new (_("All Stages"), NULL);

  g_menu_remove_all (self->stage_submenu);
  g_menu_item_set_action_and_target (any, "contacts.stage-filter", "s", "");
  g_menu_append_item (self->stage_submenu, any);

  for (guint i = 0; i < RAPPORT_N_STAGES; i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (RAPPORT_TYPE_STAGE);
      g_autoptr(GMenuItem) item = g_menu_item_new (rapport_stage_get_label (i), NULL);

      g_menu_item_set_action_and_target (item, "contacts.stage-filter", "s", g_enum_get_value (klass, i)->value_nick);
      g_menu_append_item (self->stage_submenu, item);
    }
}

/* }}} */
/* Callbacks {{{ */

static void
tags_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportContactsPage) self = user_data;
  g_autoptr(GMenuItem) any = NULL;
  g_auto(GStrv) tags = NULL;

  tags = rapport_contact_store_list_tags_finish (RAPPORT_CONTACT_STORE (object), result, NULL);
  if (tags == NULL || self->tag_submenu == NULL)
    return;

  g_menu_remove_all (self->tag_submenu);
  any = g_menu_item_new (_("All Tags"), NULL);
  g_menu_item_set_action_and_target (any, "contacts.tag-filter", "s", "");
  g_menu_append_item (self->tag_submenu, any);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (tags[i], NULL);

      g_menu_item_set_action_and_target (item, "contacts.tag-filter", "s", tags[i]);
      g_menu_append_item (self->tag_submenu, item);
    }
}

static void
store_changed_cb (RapportContactsPage *self)
{
  if (_rapport_contacts_page_showing_organisations (self))
    _rapport_contacts_page_load_organisations (self);
  rapport_contact_store_list_tags_async (self->store, NULL, tags_listed_cb, g_object_ref (self));
}

static void
list_updated_cb (RapportContactsPage *self)
{
  if (_rapport_contacts_page_showing_organisations (self))
    return;

  _rapport_contacts_page_update_list_state (self);

  if (self->pending_show != 0 && select_contact (self, self->pending_show))
    self->pending_show = 0;
}

static void
selection_changed_cb (RapportContactsPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  _rapport_contacts_page_show_detail (self, rapport_contact_list_get_id (self->list, position));
}

static void
list_activated_cb (RapportContactsPage *self,
                   guint                position)
{
  _rapport_contacts_page_show_detail (self, rapport_contact_list_get_id (self->list, position));
}

static void
search_changed_cb (RapportContactsPage *self)
{
  if (_rapport_contacts_page_showing_organisations (self))
    gtk_list_box_invalidate_filter (self->organisation_list);
  else
    update_query (self);
}

static void
stop_search_cb (RapportContactsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_activate_cb (RapportContactsPage *self)
{
  /* Enter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      _rapport_contacts_page_show_detail (self, rapport_contact_list_get_id (self->list, 0));
    }
}

void
_rapport_contacts_page_open_contact_cb (RapportContactsPage *self,
                                        gint64               contact_id)
{
  gtk_toggle_button_set_active (self->people_toggle, TRUE);
  rapport_contacts_page_show_contact (self, contact_id);
}

static void
folded_changed_cb (RapportContactsPage *self)
{
  if (self->detail != NULL)
    rapport_contact_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
  if (self->organisation_detail != NULL)
    rapport_organisation_detail_set_show_back (self->organisation_detail, adw_leaflet_get_folded (self->leaflet));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, rapport_contact_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  rapport_contact_row_set_contact (RAPPORT_CONTACT_ROW (gtk_list_item_get_child (item)),
                                   gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  rapport_contact_row_set_contact (RAPPORT_CONTACT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
editor_saved_cb (RapportContactsPage *self,
                 gint64               contact_id)
{
  rapport_contacts_page_show_contact (self, contact_id);

  /* The keyboard comes back to the list, on the contact just saved, so
   * that the page's keys (Ctrl+E, Delete) act on it at once, rather than
   * to wherever the focus was before the editor opened. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}


/* }}} */
/* Actions {{{ */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  GtkWidget *editor = rapport_contact_editor_new (self->store, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  RapportContact *contact = self->detail ? rapport_contact_detail_get_contact (self->detail) : NULL;
  GtkWidget *editor;

  if (contact == NULL)
    return;

  editor = rapport_contact_editor_new (self->store, contact);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  AdwToast *toast = rapport_toast_new (g_variant_get_string (parameter, NULL));

  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  gint64 id = _rapport_contacts_page_shown_contact_id (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(RapportInteraction) entry = NULL;
  GtkWidget *editor;

  if (id == 0)
    return;

  entry = rapport_interaction_new (id, RAPPORT_INTERACTION_NOTE, now, "", "");
  editor = rapport_interaction_editor_new (self->store, entry);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rapport_contacts_page_focus_search (RAPPORT_CONTACTS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_object_set (widget, "stage-filter", "", "tag-filter", "", NULL);
}

/* }}} */
/* GObject {{{ */

static void
rapport_contacts_page_dispose (GObject *object)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  g_clear_weak_pointer (&self->undo_toast);
  g_cancellable_cancel (self->organisations_cancellable);
  g_clear_object (&self->organisations_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACTS_PAGE);
  g_clear_pointer ((GtkWidget **) &self->toast_overlay, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting_store);

  G_OBJECT_CLASS (rapport_contacts_page_parent_class)->dispose (object);
}

static void
rapport_contacts_page_finalize (GObject *object)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  g_clear_pointer (&self->undone, g_hash_table_unref);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->stage_filter, g_free);
  g_clear_pointer (&self->tag_filter, g_free);

  G_OBJECT_CLASS (rapport_contacts_page_parent_class)->finalize (object);
}

static void
rapport_contacts_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;

    case PROP_STAGE_FILTER:
      g_value_set_string (value, self->stage_filter);
      break;

    case PROP_TAG_FILTER:
      g_value_set_string (value, self->tag_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (RapportContactsPage  *self,
            char                **field,
            const GValue         *value,
            GParamSpec           *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text ? text : "") == 0)
    return;

  g_free (*field);
  *field = g_strdup (text ? text : "");
  update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
rapport_contacts_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT:
      set_string (self, &self->sort, value, pspec);
      break;

    case PROP_STAGE_FILTER:
      set_string (self, &self->stage_filter, value, pspec);
      break;

    case PROP_TAG_FILTER:
      set_string (self, &self->tag_filter, value, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contacts_page_class_init (RapportContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rapport_contacts_page_dispose;
  object_class->finalize = rapport_contacts_page_finalize;
  object_class->get_property = rapport_contacts_page_get_property;
  object_class->set_property = rapport_contacts_page_set_property;

  properties[PROP_SORT] = g_param_spec_string ("sort", NULL, NULL, "name", flags);
  properties[PROP_STAGE_FILTER] = g_param_spec_string ("stage-filter", NULL, NULL, "", flags);
  properties[PROP_TAG_FILTER] = g_param_spec_string ("tag-filter", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, detail_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, organisation_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, people_toggle);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, organisation_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, filter_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "mode_toggled_cb",
                                                G_CALLBACK (_rapport_contacts_page_mode_toggled_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "organisation_selected_cb",
                                                G_CALLBACK (_rapport_contacts_page_organisation_selected_cb));
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, stage_submenu);
  gtk_widget_class_bind_template_child (widget_class, RapportContactsPage, tag_submenu);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "contacts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "contacts.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "contacts.delete", NULL, _rapport_contacts_page_delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "contacts.undo-delete", "x", _rapport_contacts_page_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.undo", NULL, _rapport_contacts_page_undo_delete_action);
  gtk_widget_class_install_action (widget_class, "contacts.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "contacts.add-entry", NULL, add_entry_action);
  gtk_widget_class_install_action (widget_class, "contacts.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "contacts.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "contacts.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "contacts.stage-filter", "stage-filter");
  gtk_widget_class_install_property_action (widget_class, "contacts.tag-filter", "tag-filter");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "contacts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "contacts.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "contacts.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "contacts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "contacts.undo", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_contacts_page_init (RapportContactsPage *self)
{
  GtkListItemFactory *factory;

  self->undone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->sort = g_strdup ("name");
  self->stage_filter = g_strdup ("");
  self->tag_filter = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  /* Typing anywhere on the page starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->organisation_list, _rapport_contacts_page_organisation_filter, self, NULL);
  rebuild_stage_menu (self);
  _rapport_contacts_page_show_detail (self, 0);
  folded_changed_cb (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_contacts_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACTS_PAGE, NULL);
}

void
rapport_contacts_page_set_store (RapportContactsPage *self,
                                 RapportContactStore *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->list = rapport_contact_list_new (store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "updated", G_CALLBACK (list_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->detail != NULL)
    rapport_contact_detail_set_store (self->detail, store);
  if (self->organisation_detail != NULL)
    rapport_organisation_detail_set_store (self->organisation_detail, store);
  update_query (self);
  store_changed_cb (self);
}

/* A contact's page lists their meetings. */
void
rapport_contacts_page_set_meeting_store (RapportContactsPage *self,
                                         RapportMeetingStore *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_MEETING_STORE (store));
  g_return_if_fail (self->meeting_store == NULL);

  self->meeting_store = g_object_ref (store);
  if (self->detail != NULL)
    rapport_contact_detail_set_meeting_store (self->detail, store);
}

RapportContactList *
rapport_contacts_page_get_list (RapportContactsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACTS_PAGE (self), NULL);
  return self->list;
}

/**
 * rapport_contacts_page_show_contact:
 *
 * Shows @contact_id's details, and selects it in the list as soon as the
 * list holds it (it may be added, or filtered out, right now).
 */
void
rapport_contacts_page_show_contact (RapportContactsPage *self,
                                    gint64               contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_PAGE (self));

  _rapport_contacts_page_show_detail (self, contact_id);
  if (!select_contact (self, contact_id))
    self->pending_show = contact_id;
}

/**
 * rapport_contacts_page_get_contact:
 *
 * Returns: (transfer none) (nullable): the contact whose details are shown
 */
RapportContact *
rapport_contacts_page_get_contact (RapportContactsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACTS_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "contact") != 0)
    return NULL;
  return self->detail ? rapport_contact_detail_get_contact (self->detail) : NULL;
}

void
rapport_contacts_page_focus_search (RapportContactsPage *self)
{
  g_return_if_fail (RAPPORT_IS_CONTACTS_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* }}} */
