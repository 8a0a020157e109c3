/* rapport-contact-drafts.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-contact-drafts.h"
#include "rapport-contact-store-mail.h"

/* "Write…" on a contact's page, and the messages kept there unsent: each
 * opens in the composer again (through the window's actions), or goes. */
struct _RapportContactDrafts
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  GCancellable        *cancellable;
  gint64               contact_id;

  /* Template children */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (RapportContactDrafts, rapport_contact_drafts, GTK_TYPE_WIDGET)

static GtkWidget *
draft_row (RapportContactDrafts *self,
           RapportDraft         *draft)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *subject = rapport_draft_get_subject (draft);
  const char *error = rapport_draft_get_error (draft);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject[0] != '\0' ? subject : _("(No subject)"));
  /* Translators: a draft's subtitle; %s is why it was not sent */
  subtitle = error[0] != '\0' ? g_strdup_printf (_("Draft, not sent: %s"), error) : g_strdup (_("Draft"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "property");

  gtk_widget_set_tooltip_text (open, _("Open Draft"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Draft"), -1);
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-draft");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(xx)", self->contact_id, rapport_draft_get_id (draft));

  gtk_widget_set_tooltip_text (delete, _("Delete Draft"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Draft"), -1);
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "contact-drafts.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", rapport_draft_get_id (draft));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportContactDrafts *self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  drafts = rapport_contact_store_list_drafts_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (drafts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the drafts: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < drafts->len; i++)
    gtk_list_box_append (self->list, draft_row (self, g_ptr_array_index (drafts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->list), drafts->len > 0);
}

static void
reload (RapportContactDrafts *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->contact_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  rapport_contact_store_list_drafts_async (self->store, self->contact_id, self->cancellable, listed_cb, self);
}

static void
store_changed_cb (RapportContactDrafts *self,
                  gint64                contact_id)
{
  if (contact_id == 0 || contact_id == self->contact_id)
    reload (self);
}

static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportContactDrafts *self = RAPPORT_CONTACT_DRAFTS (widget);

  if (self->contact_id != 0)
    gtk_widget_activate_action (widget, "win.write", "(xxs)", self->contact_id, (gint64) 0, "");
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_delete_draft_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    g_warning ("Could not delete the draft: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportContactDrafts *self = RAPPORT_CONTACT_DRAFTS (widget);

  rapport_contact_store_delete_draft_async (self->store, g_variant_get_int64 (parameter), self->contact_id,
                                            NULL, deleted_cb, NULL);
}

static void
rapport_contact_drafts_dispose (GObject *object)
{
  RapportContactDrafts *self = RAPPORT_CONTACT_DRAFTS (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_DRAFTS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_drafts_parent_class)->dispose (object);
}

static void
rapport_contact_drafts_class_init (RapportContactDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_drafts_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-drafts.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactDrafts, list);
  gtk_widget_class_install_action (widget_class, "contact-drafts.write", NULL, write_action);
  gtk_widget_class_install_action (widget_class, "contact-drafts.delete", "x", delete_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_contact_drafts_init (RapportContactDrafts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_contact_drafts_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT_DRAFTS, NULL);
}

void
rapport_contact_drafts_set_store (RapportContactDrafts *self,
                                  RapportContactStore  *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DRAFTS (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

void
rapport_contact_drafts_set_contact_id (RapportContactDrafts *self,
                                       gint64                contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DRAFTS (self));

  if (self->contact_id == contact_id)
    return;
  self->contact_id = contact_id;
  reload (self);
}
