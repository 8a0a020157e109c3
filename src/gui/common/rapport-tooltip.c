/* rapport-tooltip.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-tooltip.h"

/* A tooltip given when GTK asks for it rather than set on the widget. GTK 4.8's
 * gtk_widget_set_tooltip_text() (and the tooltip-text property of a .ui file)
 * looks up at once where the pointer is, to update a tooltip that may be
 * showing: on X11 that is a round trip to the server, for every widget, even
 * one not yet in a window. A row of the Today page has seven tooltips, and
 * those round trips were two thirds of the time it took to build one
 * (tests/bench/bench-today.c, docs/performance.md). For widgets made in
 * numbers (rows); a widget made once can keep its tooltip-text. */

#define TOOLTIP_KEY "rapport-tooltip"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * rapport_widget_set_tooltip:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Gives @widget a plain-text tooltip, as gtk_widget_set_tooltip_text() does
 * but without asking the display anything until the tooltip is wanted.
 */
void
rapport_widget_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY) == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  /* An empty string rather than NULL keeps the key, so the handler stays
   * connected once. */
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text != NULL ? text : ""), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}
