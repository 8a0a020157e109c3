/* rapport-mail-ignore-button.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside each of a contact's addresses on their page, while Rapport reads
 * the mailbox: a toggle that stops reading mail from that address (a team
 * list, a ticket system that shares the contact's address). Pressed means
 * ignored. A change that could not be saved springs back, with a toast.
 */
#define G_LOG_DOMAIN "rapport-contact-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rapport-mail-ignore-button.h"
#include "rapport-mailbox-ignored.h"
#include "rapport-toast.h"

static void toggled_cb (GtkToggleButton *button, RapportContactStore *store);

static void
set_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GtkToggleButton) button = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_mailbox_set_ignored_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    return;
  g_warning ("Could not change whether mail is read: %s", error->message);
  g_signal_handlers_block_by_func (button, toggled_cb, object);
  gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
  g_signal_handlers_unblock_by_func (button, toggled_cb, object);
  rapport_widget_add_toast (GTK_WIDGET (button), adw_toast_new (_("The change could not be saved")));
}

static void
toggled_cb (GtkToggleButton     *button,
            RapportContactStore *store)
{
  rapport_mailbox_set_ignored_async (store, g_object_get_data (G_OBJECT (button), "address"),
                                     gtk_toggle_button_get_active (button), NULL, set_cb,
                                     g_object_ref (button));
}

GtkWidget *
rapport_mail_ignore_button_new (RapportContactStore *store,
                                const char          *address,
                                gboolean             ignored)
{
  GtkWidget *button;
  /* Translators: a toggle beside a contact's email address; %s is the address */
  g_autofree char *label = g_strdup_printf (_("Do Not Read Mail From %s"), address);

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (button), "action-unavailable-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), ignored);
  g_object_set_data_full (G_OBJECT (button), "address", g_strdup (address), g_free);
  g_signal_connect_object (button, "toggled", G_CALLBACK (toggled_cb), store, 0);
  return button;
}
