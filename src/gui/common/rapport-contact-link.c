/* rapport-contact-link.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-link"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-link.h"

/**
 * rapport_contact_link_row_new:
 * @action_name: an action taking the contact's id ("x"), run to open it
 *
 * A row naming a contact, with their avatar, that opens them: used for the
 * referral chain and for the people of an organisation.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
rapport_contact_link_row_new (RapportContact *contact,
                              const char     *subtitle,
                              const char     *action_name)
{
  const char *name = rapport_contact_get_display_name (contact);
  g_autofree char *tooltip = NULL;
  GtkWidget *row;
  GtkWidget *button;

  g_return_val_if_fail (RAPPORT_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (action_name != NULL, NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), adw_avatar_new (32, name, TRUE));

  /* A real button, so that keyboard, pointer and assistive technologies all
   * have something to press; activating the row presses it too, and its
   * accessible name comes from the row's title. */
  button = gtk_button_new_from_icon_name ("go-next-symbolic");
  /* Translators: %s is a contact's name */
  tooltip = g_strdup_printf (_("Open %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rapport_contact_get_id (contact));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}
