/* rapport-contacts-page-delete.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contacts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contacts-page.h"
#include "rapport-contacts-page-private.h"
#include "rapport-toast.h"

/* Deleting a contact from the contacts page: it goes to the trash at once,
 * a toast offers Undo, and only when the toast is gone is it purged. */

/* Callbacks {{{ */

static void
untrashed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportContactsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (rapport_contact_store_trash_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    return;

  /* Translators: %s is why; the contact stays in the trash, not lost */
  message = g_strdup_printf (_("The contact could not be restored: %s"), error->message);
  g_warning ("%s", message);
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (message));
}

static void
purged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_purge_trash_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    g_warning ("Could not remove the contact: %s", error->message);
}

static gboolean
purge_unless_undone (gpointer data)
{
  AdwToast *toast = data;
  RapportContactsPage *self = g_object_get_data (G_OBJECT (toast), "page");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "contact-id");

  /* Only now is the contact removed for good: until here, Undo restores it
   * whole, with its timeline and referral links. */
  if (!g_hash_table_remove (self->undone, &id) && self->store != NULL)
    rapport_contact_store_purge_trash_async (self->store, id, NULL, purged_cb, NULL);

  return G_SOURCE_REMOVE;
}

static void
toast_dismissed_cb (AdwToast            *toast,
                    RapportContactsPage *self)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);

  /* The toast is dismissed as its button is pressed, possibly before the
   * Undo action runs: decide once this emission is over. */
  g_idle_add_full (G_PRIORITY_DEFAULT, purge_unless_undone, g_object_ref (toast), g_object_unref);
}

static void
trashed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AdwToast) toast = user_data;
  RapportContactsPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_trash_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    {
      rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), rapport_toast_new (error->message));
      return;
    }

  _rapport_contacts_page_show_detail (self, 0);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  g_set_weak_pointer (&self->undo_toast, toast);
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), g_object_ref (toast));
}

/* }}} */
/* Actions {{{ */

void
_rapport_contacts_page_delete_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  RapportContact *contact = self->detail ? rapport_contact_detail_get_contact (self->detail) : NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 id;

  if (contact == NULL)
    return;

  id = rapport_contact_get_id (contact);
  /* Translators: %s is a contact's name */
  title = g_strdup_printf (_("“%s” deleted"), rapport_contact_get_display_name (contact));
  toast = rapport_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* Longer than the usual five seconds: deleting someone by mistake costs
   * more than a toast that stays a little. */
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "contact-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (toast), "page", self);
  adw_toast_set_action_name (toast, "contacts.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);

  rapport_contact_store_trash_async (self->store, id, TRUE, NULL, trashed_cb, toast);
}

void
_rapport_contacts_page_undo_delete_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  RapportContactsPage *self = RAPPORT_CONTACTS_PAGE (widget);
  gint64 id;

  /* From the toast's button, with its contact; from Ctrl+Z, the latest. */
  if (parameter != NULL)
    id = g_variant_get_int64 (parameter);
  else if (self->undo_toast != NULL)
    id = g_variant_get_int64 (adw_toast_get_action_target_value (self->undo_toast));
  else
    return;

  if (g_hash_table_contains (self->undone, &id))
    return;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  g_hash_table_add (self->undone, g_memdup2 (&id, sizeof id));
  self->pending_show = id;
  rapport_contact_store_trash_async (self->store, id, FALSE, NULL, untrashed_cb, g_object_ref (self));
}

/* }}} */
