/* rapport-organisations-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organisations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-organisations-page.h"
#include "rapport-shortcut.h"
#include "rapport-target-row.h"
#include "rapport-target.h"
#include "rapport-toast.h"

/* The target list (the method's "LAMP" list): the organisations the user
 * would like to work for, in the method's order, each a recycled row of a
 * list view (users may list thousands), the count toward the aim of 40,
 * and two quick ways to add: a typed list, one a line, and the
 * organisations of the user's contacts. The list is read again on every
 * change of the contact store, so that a new rating moves its row to its
 * place and a new contact there changes its Advocacy and next step. */
struct _RapportOrganisationsPage
{
  GtkWidget            parent_instance;

  RapportTargets      *list;             /* the context's, shared with Today's focus */
  RapportContactStore *store;            /* the list's, where the changes are written */
  GListStore          *targets;
  GHashTable          *focus_ids;        /* the current focus's organisations */
  gint64               show_id;          /* to scroll to and focus once listed, or 0 */
  int                  show_field;       /* the drop-down to focus there, or -1 for the row */
  gboolean             loaded;

  /* Template children */
  GtkStack            *stack;
  GtkLabel            *count_label;
  GtkLevelBar         *goal_bar;
  GtkMenuButton       *add_button;
  GtkPopover          *add_popover;
  GtkTextView         *names_view;
  GtkTextView         *empty_names_view;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (RapportOrganisationsPage, rapport_organisations_page, GTK_TYPE_WIDGET)

static void focus_shown_row (RapportOrganisationsPage *self);
static void keep_focus      (RapportOrganisationsPage *self);

/* Loading {{{ */

static void
show_count (RapportOrganisationsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));
  g_autofree char *text = NULL;

  if (n < RAPPORT_TARGET_GOAL)
    /* Translators: %u is how many organisations are on the user's list, fewer than 40 */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u organisation on your list. Around 40 gives you plenty to choose from.",
                                         "%u organisations on your list. Around 40 gives you plenty to choose from.",
                                         n), n);
  else
    /* Translators: %u is how many organisations are on the user's list, 40 or more */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organisation on your list: a good, wide choice.",
                                         "%u organisations on your list: a good, wide choice.", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_level_bar_set_value (self->goal_bar, MIN (n, RAPPORT_TARGET_GOAL));
}

static void
list_changed_cb (RapportOrganisationsPage *self)
{
  GPtrArray *targets = rapport_targets_get_list (self->list);
  g_autoptr(GPtrArray) focus = NULL;

  if (targets == NULL)
    return;

  self->loaded = TRUE;
  keep_focus (self);
  focus = rapport_target_focus (targets);
  g_hash_table_remove_all (self->focus_ids);
  for (guint i = 0; i < focus->len; i++)
    g_hash_table_add (self->focus_ids, g_memdup2 (&(gint64) { rapport_target_get_organisation_id (focus->pdata[i]) },
                                                  sizeof (gint64)));

  g_list_store_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)),
                       targets->pdata, targets->len);
  show_count (self);
  gtk_stack_set_visible_child_name (self->stack, targets->len > 0 ? "list" : "empty");
  focus_shown_row (self);
}

/* }}} */
/* Showing one organisation {{{ */

/* A new rating moves its row, and the list's new order gives the row
 * widgets other organisations: the keyboard, if it was in a row, follows
 * its organisation to its new place, on the same drop-down. */
static void
keep_focus (RapportOrganisationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  RapportTarget *target;

  if (focus == NULL || self->show_id != 0 || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return;
  row = RAPPORT_IS_TARGET_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, RAPPORT_TYPE_TARGET_ROW);
  if (row == NULL && gtk_widget_get_first_child (focus) != NULL)
    row = gtk_widget_get_first_child (focus);   /* the list item itself */
  if (!RAPPORT_IS_TARGET_ROW (row) || (target = rapport_target_row_get_target (RAPPORT_TARGET_ROW (row))) == NULL)
    return;
  self->show_id = rapport_target_get_organisation_id (target);
  self->show_field = rapport_target_row_get_focused_field (RAPPORT_TARGET_ROW (row), focus);
}

static gboolean
focus_row_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RapportOrganisationsPage *self = RAPPORT_ORGANISATIONS_PAGE (widget);

  /* The list item widgets are the view's children, each holding a row. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      RapportTarget *target;

      if (!RAPPORT_IS_TARGET_ROW (row) || (target = rapport_target_row_get_target (RAPPORT_TARGET_ROW (row))) == NULL)
        continue;
      if (rapport_target_get_organisation_id (target) == self->show_id && gtk_widget_get_mapped (item))
        {
          if (self->show_field < 0 || !rapport_target_row_focus_field (RAPPORT_TARGET_ROW (row), self->show_field))
            gtk_widget_grab_focus (item);
          self->show_id = 0;
          return G_SOURCE_REMOVE;
        }
    }
  self->show_id = 0;
  return G_SOURCE_REMOVE;
}

static void
focus_shown_row (RapportOrganisationsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->targets));

  if (self->show_id == 0 || !self->loaded)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportTarget) target = g_list_model_get_item (G_LIST_MODEL (self->targets), i);

      if (rapport_target_get_organisation_id (target) == self->show_id)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          /* The rows are placed by the next layout. */
          gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_row_cb, NULL, NULL);
          return;
        }
    }
  self->show_id = 0;
}

/**
 * rapport_organisations_page_show_organisation:
 *
 * Scrolls to the organisation's row and gives it the keyboard focus, once
 * the list is read if it is not yet.
 */
void
rapport_organisations_page_show_organisation (RapportOrganisationsPage *self,
                                              gint64                    organisation_id)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATIONS_PAGE (self));

  self->show_id = organisation_id;
  self->show_field = -1;
  focus_shown_row (self);
}

/* }}} */
/* Writing {{{ */

static void
report (RapportOrganisationsPage *self,
        const char               *what,
        GError                   *error)
{
  /* Translators: the first %s says what failed, the second why */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), what, error->message);

  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportOrganisationsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_target_write_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    {
      report (self, _("The list could not be changed"), error);
      rapport_targets_refresh (self->list);   /* shows the ratings as they still are */
    }
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportOrganisationsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 n;

  n = rapport_target_add_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (n < 0)
    {
      report (self, _("The organisations could not be added"), error);
      return;
    }
  if (n == 0)
    text = g_strdup (_("Nothing new: they are all on the list already"));
  else
    /* Translators: %u is a number of organisations, 1 or more */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organisation added to the list",
                                         "%u organisations added to the list", (gulong) n), (guint) n);
  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
}

static void
add_typed (RapportOrganisationsPage *self,
           GtkTextView              *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->store == NULL || g_strstrip (text)[0] == '\0')
    return;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_popover_popdown (self->add_popover);
  rapport_target_add_names_async (self->store, text, NULL, added_cb, g_object_ref (self));
}

static void
add_typed_clicked_cb (RapportOrganisationsPage *self,
                      GtkButton                *button)
{
  add_typed (self, gtk_widget_is_ancestor (GTK_WIDGET (button), GTK_WIDGET (self->add_popover))
                     ? self->names_view : self->empty_names_view);
}

static void
add_typed_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportOrganisationsPage *self = RAPPORT_ORGANISATIONS_PAGE (widget);

  add_typed (self, gtk_widget_get_mapped (GTK_WIDGET (self->names_view)) ? self->names_view : self->empty_names_view);
}

static void
add_contacts_clicked_cb (RapportOrganisationsPage *self)
{
  gtk_popover_popdown (self->add_popover);
  if (self->store != NULL)
    rapport_target_add_from_contacts_async (self->store, NULL, added_cb, g_object_ref (self));
}

static void
rate_cb (RapportOrganisationsPage *self,
         gint64                    organisation_id,
         int                       field,
         int                       value)
{
  if (self->store != NULL)
    rapport_target_set_async (self->store, organisation_id, field, value, NULL, written_cb, g_object_ref (self));
}

static void
remove_cb (RapportOrganisationsPage *self,
           gint64                    organisation_id)
{
  if (self->store != NULL)
    rapport_target_remove_async (self->store, organisation_id, NULL, written_cb, g_object_ref (self));
}

/* }}} */
/* Rows {{{ */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RapportOrganisationsPage *self)
{
  GtkWidget *row = rapport_target_row_new ();

  g_signal_connect_object (row, "rate", G_CALLBACK (rate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         RapportOrganisationsPage *self)
{
  RapportTarget *target = gtk_list_item_get_item (item);
  gint64 id = rapport_target_get_organisation_id (target);

  rapport_target_row_set_target (RAPPORT_TARGET_ROW (gtk_list_item_get_child (item)), target,
                                 g_hash_table_contains (self->focus_ids, &id));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RapportOrganisationsPage *self)
{
  rapport_target_row_set_target (RAPPORT_TARGET_ROW (gtk_list_item_get_child (item)), NULL, FALSE);
}

/* }}} */
/* GObject {{{ */

static void
rapport_organisations_page_dispose (GObject *object)
{
  RapportOrganisationsPage *self = RAPPORT_ORGANISATIONS_PAGE (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ORGANISATIONS_PAGE);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->targets);
  g_clear_pointer (&self->focus_ids, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_organisations_page_parent_class)->dispose (object);
}

static void
rapport_organisations_page_class_init (RapportOrganisationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_organisations_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-organisations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, goal_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, add_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, names_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, empty_names_view);
  gtk_widget_class_bind_template_child (widget_class, RapportOrganisationsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, add_typed_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_contacts_clicked_cb);
  gtk_widget_class_install_action (widget_class, "organisations.add-typed", NULL, add_typed_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_organisations_page_init (RapportOrganisationsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  /* Ctrl+Return adds what was typed, as Ctrl+Return saves in every editor. */
  rapport_widget_add_ctrl_return (GTK_WIDGET (self->names_view), "organisations.add-typed");
  rapport_widget_add_ctrl_return (GTK_WIDGET (self->empty_names_view), "organisations.add-typed");

  self->focus_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->targets = g_list_store_new (RAPPORT_TYPE_TARGET);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->targets)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  show_count (self);
}

/* }}} */

GtkWidget *
rapport_organisations_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_ORGANISATIONS_PAGE, NULL);
}

/**
 * rapport_organisations_page_set_targets:
 * @list: the target list to show, kept current by itself
 */
void
rapport_organisations_page_set_targets (RapportOrganisationsPage *self,
                                        RapportTargets           *list)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATIONS_PAGE (self));
  g_return_if_fail (RAPPORT_IS_TARGETS (list));

  if (self->list == list)
    return;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  g_set_object (&self->store, rapport_targets_get_store (list));
  g_signal_connect_object (list, "changed", G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  /* Shown at once when Today's focus had it listed already. */
  if (rapport_targets_get_list (list) != NULL)
    list_changed_cb (self);
  else
    rapport_targets_refresh (list);
}

/**
 * rapport_organisations_page_get_targets:
 *
 * Returns: (transfer none): the list as shown, a model of #RapportTarget
 */
GListModel *
rapport_organisations_page_get_targets (RapportOrganisationsPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANISATIONS_PAGE (self), NULL);

  return G_LIST_MODEL (self->targets);
}
