/* rapport-toast.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2 always reads a toast's title as Pango markup (use-markup
 * came in 1.4): a contact named "Smith & Sons" or an error message quoting a
 * path would not show. Every toast goes through this. */
static inline AdwToast *
rapport_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void rapport_widget_add_toast (GtkWidget *widget,
                               AdwToast  *toast);

G_END_DECLS
