/* rapport-preferences-window.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-preferences-window.h"
#include "rapport-background-group.h"
#include "rapport-backups-group.h"
#include "rapport-address-books-group.h"
#include "rapport-calendar-group.h"
#include "rapport-follow-up-preferences.h"
#include "rapport-mail-preferences.h"
#include "rapport-templates-preferences.h"

struct _RapportPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RapportApplication   *application;
  RapportContext       *context;

  /* Template children */
  AdwComboRow          *style_row;
  AdwActionRow         *database_row;
  GtkSpinButton        *length_spin;
  GtkSpinButton        *first_alert_spin;
  GtkSpinButton        *wrap_up_alert_spin;
  GtkTextView          *introduction_view;
  RapportCalendarGroup *calendar_group;
  RapportAddressBooksGroup *address_books_group;
  RapportBackupsGroup  *backups_group;
  RapportMailPreferences *mail_page;
  RapportTemplatesPreferences *templates_page;
};

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the style row's model in the template. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    {
      if (g_str_equal (name, color_schemes[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (color_schemes))
    return NULL;

  return g_variant_new_string (color_schemes[i]);
}

static void
open_folder_cb (RapportPreferencesWindow *self)
{
  RapportDatabase *database = rapport_context_get_database (self->context);
  g_autofree char *dir = g_path_get_dirname (rapport_database_get_path (database));
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
rapport_preferences_window_constructed (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);
  GSettings *settings = rapport_context_get_settings (self->context);
  RapportDatabase *database = rapport_context_get_database (self->context);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (settings, "color-scheme",
                                self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);

  g_settings_bind (settings, "meeting-length", self->length_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "first-alert-minutes", self->first_alert_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "wrap-up-alert-minutes", self->wrap_up_alert_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "introduction", gtk_text_view_get_buffer (self->introduction_view), "text",
                   G_SETTINGS_BIND_DEFAULT);

  adw_action_row_set_subtitle (self->database_row, rapport_database_get_path (database));
  rapport_calendar_group_set_sync (self->calendar_group, settings,
                                   rapport_application_get_calendar_sync (self->application));
  rapport_address_books_group_set_application (self->address_books_group, self->application, settings);
  rapport_backups_group_set_context (self->backups_group, self->context);
  rapport_mail_preferences_set_settings (self->mail_page, settings,
                                         rapport_application_get_mailbox_sync (self->application));
  rapport_templates_preferences_set_store (self->templates_page,
                                           rapport_context_get_template_store (self->context));
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->application);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_dup_object (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_preferences_window_constructed;
  object_class->dispose = rapport_preferences_window_dispose;
  object_class->get_property = rapport_preferences_window_get_property;
  object_class->set_property = rapport_preferences_window_set_property;

  /* Not GtkWindow:application: a preferences window is not one of the
   * application's main windows, but it shows the application's accounts
   * (the calendar, the address books and the mailbox it keeps in sync). */
  properties[PROP_APPLICATION] =
    g_param_spec_object ("rapport-application", NULL, NULL,
                         RAPPORT_TYPE_APPLICATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The data: the settings, the database and its backups, the templates. */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         RAPPORT_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RAPPORT_TYPE_ADDRESS_BOOKS_GROUP);
  g_type_ensure (RAPPORT_TYPE_BACKGROUND_GROUP);
  g_type_ensure (RAPPORT_TYPE_BACKUPS_GROUP);
  g_type_ensure (RAPPORT_TYPE_CALENDAR_GROUP);
  g_type_ensure (RAPPORT_TYPE_FOLLOW_UP_PREFERENCES);
  g_type_ensure (RAPPORT_TYPE_MAIL_PREFERENCES);
  g_type_ensure (RAPPORT_TYPE_TEMPLATES_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, length_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, first_alert_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, wrap_up_alert_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, introduction_view);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, calendar_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, address_books_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, mail_page);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, templates_page);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_cb);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

RapportPreferencesWindow *
rapport_preferences_window_new (RapportApplication *application,
                                RapportContext     *context)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RAPPORT_IS_CONTEXT (context), NULL);

  return g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW,
                       "rapport-application", application,
                       "context", context,
                       NULL);
}
