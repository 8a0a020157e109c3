/* rapport-mail-rows.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-mail-account.h"
#include "rapport-mail-rows.h"

/* libadwaita 1.2 gives the apply and the show-text buttons of a password
 * row an icon and a tooltip, which GTK 4.8 does not read out: a screen
 * reader would say only "button". */
static void
name_icon_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;
      const char *tooltip = gtk_widget_get_tooltip_text (child);

      if (icon != NULL && strstr (icon, "apply") != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save Password"),
                                          -1);
          gtk_widget_set_tooltip_text (child, _("Save Password"));
        }
      else if (icon != NULL && tooltip != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                        -1);

      name_icon_buttons (child);
    }
}

/* Saves when the focus moves on to another control of the page, not when
 * the whole window loses it: someone fetching the rest of the password from
 * a password manager must find the row as they left it. */
static gboolean
focus_left_cb (gpointer user_data)
{
  GtkWidget *row = user_data;
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus;

  if (!GTK_IS_WINDOW (root) || !gtk_window_is_active (GTK_WINDOW (root)))
    return G_SOURCE_REMOVE;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row)))
    g_signal_emit_by_name (row, "apply");

  return G_SOURCE_REMOVE;
}

static void
focus_leave_cb (GtkWidget *row)
{
  /* After the crossing: only then do the window's state and focus show
   * where the focus went. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_left_cb, g_object_ref (row), g_object_unref);
}

/* Keeps what is typed in memory that is never swapped out, and wiped when
 * freed, as GtkPasswordEntry does; names the row's icon buttons; and
 * applies what was typed when the focus moves on. */
void
rapport_mail_rows_setup_password (AdwPasswordEntryRow *row)
{
  GtkEventController *focus;
  GtkEditable *delegate;

  g_return_if_fail (ADW_IS_PASSWORD_ENTRY_ROW (row));

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (GTK_IS_TEXT (delegate))
    {
      g_autoptr(GtkEntryBuffer) buffer = gtk_password_entry_buffer_new ();

      gtk_text_set_buffer (GTK_TEXT (delegate), buffer);
    }
  name_icon_buttons (GTK_WIDGET (row));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
}

static gboolean
security_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *name = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (name, "starttls") ? RAPPORT_MAIL_SECURITY_STARTTLS
                                                          : RAPPORT_MAIL_SECURITY_TLS);
  return TRUE;
}

static GVariant *
security_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == RAPPORT_MAIL_SECURITY_STARTTLS ? "starttls" : "tls");
}

/* A "tls"/"starttls" key to a combo row listing TLS, then STARTTLS. */
void
rapport_mail_rows_bind_security (GSettings   *settings,
                                 const char  *key,
                                 AdwComboRow *row)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                security_get_mapping, security_set_mapping, NULL, NULL);
}
