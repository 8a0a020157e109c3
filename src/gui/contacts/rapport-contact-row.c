/* rapport-contact-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-contact-row.h"

/* One contact in the contacts list: avatar, name, role at organisation and
 * the stage. The contact may still be a placeholder that the list fills in
 * a moment later, so everything follows its notifications. */
struct _RapportContactRow
{
  GtkWidget       parent_instance;

  RapportContact *contact;
  gulong          notify_id;

  /* Template children */
  AdwAvatar      *avatar;
  GtkLabel       *name_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *stage_label;
};

G_DEFINE_FINAL_TYPE (RapportContactRow, rapport_contact_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const stage_classes[] = {
  "stage-to-contact", "stage-request-sent", "stage-scheduled", "stage-met", "stage-thanked",
  "stage-keeping-in-touch", "stage-declined", "stage-no-reply", "stage-paused",
};

static void
update (RapportContactRow *self)
{
  RapportContact *contact = self->contact;
  const char *name = "";
  const char *role = "";
  const char *organisation = "";
  g_autofree char *subtitle = NULL;
  RapportStage stage = RAPPORT_STAGE_TO_CONTACT;

  if (contact != NULL)
    {
      name = rapport_contact_get_display_name (contact);
      role = rapport_contact_get_role (contact);
      organisation = rapport_contact_get_organisation (contact);
      stage = rapport_contact_get_stage (contact);
    }

  if (*role && *organisation)
    /* Translators: "Role at Organisation" in the contacts list */
    subtitle = g_strdup_printf (_("%s at %s"), role, organisation);
  else
    subtitle = g_strdup (*role ? role : organisation);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (stage_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->stage_label), stage_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), stage_classes[stage]);
  gtk_label_set_label (self->stage_label, contact && rapport_contact_get_loaded (contact)
                                          ? rapport_stage_get_label (stage) : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static void
rapport_contact_row_dispose (GObject *object)
{
  GtkWidget *child;
  RapportContactRow *self = RAPPORT_CONTACT_ROW (object);

  rapport_contact_row_set_contact (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_ROW);
  /* The template's root box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rapport_contact_row_parent_class)->dispose (object);
}

static void
rapport_contact_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RapportContactRow *self = RAPPORT_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RapportContactRow *self = RAPPORT_CONTACT_ROW (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      rapport_contact_row_set_contact (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_row_class_init (RapportContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_row_dispose;
  object_class->get_property = rapport_contact_row_get_property;
  object_class->set_property = rapport_contact_row_set_property;

  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL, RAPPORT_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactRow, stage_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rapport_contact_row_init (RapportContactRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_contact_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT_ROW, NULL);
}

RapportContact *
rapport_contact_row_get_contact (RapportContactRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_ROW (self), NULL);
  return self->contact;
}

void
rapport_contact_row_set_contact (RapportContactRow *self,
                                 RapportContact    *contact)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_ROW (self));
  g_return_if_fail (!contact || RAPPORT_IS_CONTACT (contact));

  if (self->contact == contact)
    return;

  if (self->contact != NULL)
    g_clear_signal_handler (&self->notify_id, self->contact);
  g_set_object (&self->contact, contact);
  if (contact != NULL)
    self->notify_id = g_signal_connect_object (contact, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}
