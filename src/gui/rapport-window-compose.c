/* rapport-window-compose.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include "rapport-application.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"
#include "rapport-composer.h"

/* The window's actions for writing, which any page (a contact, a meeting,
 * a reminder) can use by name:
 *
 *   win.write       (xxs)  contact id, meeting id (0: none), template key ("": the fitting one)
 *   win.open-draft  (xx)   contact id, draft id
 */

static void
composer_toast_cb (RapportWindow *self,
                   const char    *text)
{
  _rapport_window_add_toast (self, rapport_toast_new (text));
}

static RapportComposer *
new_composer (RapportWindow *self)
{
  GtkWidget *composer;

  composer = rapport_composer_new (rapport_context_get_contact_store (_rapport_window_get_context (self)),
                                   rapport_context_get_meeting_store (_rapport_window_get_context (self)),
                                   rapport_context_get_template_store (_rapport_window_get_context (self)),
                                   rapport_context_get_settings (_rapport_window_get_context (self)));
  g_signal_connect_object (composer, "toast", G_CALLBACK (composer_toast_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (composer), GTK_WINDOW (self));
  /* Never wider or taller than the window it comes from: on a phone-sized
   * screen the composer opens folded (its flap hides the coaching) rather
   * than running off the edge. */
  {
    int width, height, parent_width = gtk_widget_get_width (GTK_WIDGET (self));
    int parent_height = gtk_widget_get_height (GTK_WIDGET (self));

    gtk_window_get_default_size (GTK_WINDOW (composer), &width, &height);
    if (parent_width > 0 && parent_height > 0)
      gtk_window_set_default_size (GTK_WINDOW (composer), MIN (width, parent_width), MIN (height, parent_height));
  }
  return RAPPORT_COMPOSER (composer);
}

static void
write_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RapportWindow *self = user_data;
  RapportComposer *composer;
  gint64 contact_id, meeting_id;
  const char *key;

  g_variant_get (parameter, "(xx&s)", &contact_id, &meeting_id, &key);
  if (contact_id <= 0)
    return;
  composer = new_composer (self);
  rapport_composer_write (composer, contact_id, meeting_id, key);
  gtk_window_present (GTK_WINDOW (composer));
}

static void
open_draft_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RapportWindow *self = user_data;
  RapportComposer *composer;
  gint64 contact_id, draft_id;

  g_variant_get (parameter, "(xx)", &contact_id, &draft_id);
  if (contact_id <= 0 || draft_id <= 0)
    return;
  composer = new_composer (self);
  rapport_composer_open_draft (composer, contact_id, draft_id);
  gtk_window_present (GTK_WINDOW (composer));
}

static const GActionEntry compose_actions[] = {
  { "write", write_action, "(xxs)" },
  { "open-draft", open_draft_action, "(xx)" },
};

void
_rapport_window_add_compose_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), compose_actions, G_N_ELEMENTS (compose_actions), self);
}
