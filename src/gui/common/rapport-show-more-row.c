/* rapport-show-more-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-show-more-row.h"

/**
 * rapport_show_more_row_new:
 * @action_name: the action that shows more rows
 * @target: (nullable): its target
 * @remaining: how many rows are not shown
 * @more: how many the action adds
 *
 * The last row of a long list that shows only its first rows: a list of
 * thousands of rows would cost seconds to build, lay out and draw (the Today
 * page, a contact's timeline; docs/performance.md).
 */
GtkWidget *
rapport_show_more_row_new (const char *action_name,
                           GVariant   *target,
                           guint       remaining,
                           guint       more)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("view-more-symbolic");
  g_autofree char *title = NULL;

  if (remaining <= more)
    /* Translators: the last row of a long list (reminders, a timeline); %u is how many more there are */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All (%u More)", "Show All (%u More)", remaining),
                             remaining);
  else
    /* Translators: the last row of a very long list; %u is how many it adds, %u how many more
     * there are */
    title = g_strdup_printf (_("Show %u More (of %u)"), more, remaining);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "show-more");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  return row;
}
