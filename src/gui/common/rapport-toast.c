/* rapport-toast.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-accessible.h"
#include "rapport-toast.h"

/**
 * rapport_widget_add_toast:
 * @widget: the widget the toast is about, or a toast overlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the toast overlay nearest to @widget: @widget itself, or
 * the closest one among its ancestors. That is a page's own overlay, a
 * dialog's, or the one AdwPreferencesWindow keeps around its pages, so every
 * part of Rapport raises a toast the same way. The toast's close button,
 * which libadwaita builds, gets a clean accessible name like every other
 * control.
 */
void
rapport_widget_add_toast (GtkWidget *widget,
                          AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = ADW_IS_TOAST_OVERLAY (widget) ? widget : gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      /* a widget not (or no longer) in a window: nobody would see it */
      g_debug ("No toast overlay for a %s", G_OBJECT_TYPE_NAME (widget));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      rapport_accessible_clean_names (child);
}
