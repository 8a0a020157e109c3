/* rapport-shortcut.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-shortcut.h"

/**
 * rapport_widget_add_ctrl_return:
 * @widget: an editor or a dialog
 * @action_name: the action that Ctrl+Return activates, e.g. "editor.save"
 *
 * Makes Ctrl+Return (and Ctrl+Enter on the keypad) activate @action_name
 * wherever the focus is in @widget. A class key binding would not do: it
 * runs after the focused widget, and a multi-line text view (notes, a
 * summary, a message) takes Ctrl+Return as a new line first. This shortcut
 * runs in the capture phase, before the focused widget sees the key.
 */
void
rapport_widget_add_ctrl_return (GtkWidget  *widget,
                                const char *action_name)
{
  static const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (action_name != NULL);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                                                            gtk_named_action_new (action_name)));
  gtk_widget_add_controller (widget, controller);
}
