/* rapport-today-focus.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-today-focus"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-target-text.h"
#include "rapport-today-focus.h"

/* The Today page's "Your Focus": the first five of the target list that
 * are not parked, each with its next step ("Find a contact at Acme").
 * Activating one shows it on the Organisations page. Hidden while the
 * list is empty; its "empty" property says so to the page. */
struct _RapportTodayFocus
{
  GtkWidget            parent_instance;

  RapportTargets      *list;    /* the context's, shared with the Organisations page */
  gboolean             empty;

  /* Template children */
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (RapportTodayFocus, rapport_today_focus, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_EMPTY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_row (RapportTarget *target)
{
  g_autofree char *step = rapport_target_step_text (target, TRUE);
  g_autofree char *ratings = rapport_target_ratings_text (target);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ratings);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "organisation-id",
                          g_memdup2 (&(gint64) { rapport_target_get_organisation_id (target) }, sizeof (gint64)),
                          g_free);
  return row;
}

static void
set_empty (RapportTodayFocus *self,
           gboolean           empty)
{
  gtk_widget_set_visible (GTK_WIDGET (self), !empty);
  if (self->empty == empty)
    return;
  self->empty = empty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
list_changed_cb (RapportTodayFocus *self)
{
  GPtrArray *targets = rapport_targets_get_list (self->list);
  g_autoptr(GPtrArray) focus = NULL;
  GtkWidget *child;

  if (targets == NULL)
    return;

  focus = rapport_target_focus (targets);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < focus->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (focus, i)));
  set_empty (self, focus->len == 0);
}

static void
row_activated_cb (RapportTodayFocus *self,
                  GtkListBoxRow     *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "organisation-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-organisation", "x", *id);
}

static void
rapport_today_focus_dispose (GObject *object)
{
  RapportTodayFocus *self = RAPPORT_TODAY_FOCUS (object);
  GtkWidget *child;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TODAY_FOCUS);
  /* dispose_template() unparents only the bound children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (rapport_today_focus_parent_class)->dispose (object);
}

static void
rapport_today_focus_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportTodayFocus *self = RAPPORT_TODAY_FOCUS (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_today_focus_class_init (RapportTodayFocusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_today_focus_dispose;
  object_class->get_property = rapport_today_focus_get_property;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-today-focus.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "list", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayFocus, list_box));
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_today_focus_init (RapportTodayFocus *self)
{
  self->empty = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_today_focus_new (void)
{
  return g_object_new (RAPPORT_TYPE_TODAY_FOCUS, NULL);
}

/**
 * rapport_today_focus_set_targets:
 * @list: the target list, kept current by itself
 */
void
rapport_today_focus_set_targets (RapportTodayFocus *self,
                                 RapportTargets    *list)
{
  g_return_if_fail (RAPPORT_IS_TODAY_FOCUS (self));
  g_return_if_fail (RAPPORT_IS_TARGETS (list));

  if (self->list == list)
    return;
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_set_object (&self->list, list);
  /* A rating, a new organisation or a new contact there changes the focus. */
  g_signal_connect_object (list, "changed", G_CALLBACK (list_changed_cb), self, G_CONNECT_SWAPPED);
  if (rapport_targets_get_list (list) != NULL)
    list_changed_cb (self);
  else
    rapport_targets_refresh (list);
}

gboolean
rapport_today_focus_is_empty (RapportTodayFocus *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_FOCUS (self), TRUE);

  return self->empty;
}
