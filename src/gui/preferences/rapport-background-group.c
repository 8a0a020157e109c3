/* rapport-background-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-background-group"

#include "config.h"

#include "rapport-accessible.h"
#include "rapport-background-group.h"

/* The Background group of Preferences: "Run in the background" and "Start
 * at login", two switches bound to their keys. What they do is in
 * rapport-application-background.c, which follows the keys. */
struct _RapportBackgroundGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;

  /* Template children */
  GtkSwitch           *run_in_background_switch;
  GtkSwitch           *start_at_login_switch;
};

G_DEFINE_FINAL_TYPE (RapportBackgroundGroup, rapport_background_group, ADW_TYPE_PREFERENCES_GROUP)

static void
rapport_background_group_dispose (GObject *object)
{
  RapportBackgroundGroup *self = RAPPORT_BACKGROUND_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_BACKGROUND_GROUP);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_background_group_parent_class)->dispose (object);
}

static void
rapport_background_group_class_init (RapportBackgroundGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_background_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-background-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBackgroundGroup, run_in_background_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportBackgroundGroup, start_at_login_switch);
}

static void
rapport_background_group_init (RapportBackgroundGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  /* The same keys and backend as the application's own GSettings. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "run-in-background", self->run_in_background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "start-at-login", self->start_at_login_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
