/* rapport-online-accounts-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-goa.h"
#include "rapport-online-accounts-group.h"

/* The Online Accounts group of Preferences → Mail: the user's mail
 * accounts in GNOME Online Accounts, each with "Use This Account", which
 * makes the mailbox and sending use it (each side the account has) instead
 * of the servers typed below. Only the account's id is kept (settings
 * imap-goa-account and smtp-goa-account). Without GOA, or with no mail
 * account in it, the group is not shown at all; an account chosen and then
 * removed from GOA keeps a row that says so, with "Stop Using". The list is
 * read again each time the page is shown, so an account added in Settings
 * meanwhile appears. */
struct _RapportOnlineAccountsGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;   /* the listing in flight */
  GCancellable        *watching;      /* GOA's changes, for the group's lifetime */
  GPtrArray           *accounts;      /* RapportGoaMail, the last listing */
  GPtrArray           *rows;          /* what the group shows now */
};

G_DEFINE_FINAL_TYPE (RapportOnlineAccountsGroup, rapport_online_accounts_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_chosen (RapportOnlineAccountsGroup *self,
           const char                 *id)
{
  g_autofree char *imap = g_settings_get_string (self->settings, "imap-goa-account");
  g_autofree char *smtp = g_settings_get_string (self->settings, "smtp-goa-account");

  return g_str_equal (imap, id) || g_str_equal (smtp, id);
}

static void
use_clicked_cb (GtkButton                  *button,
                RapportOnlineAccountsGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "goa-id");
  RapportGoaMail *mail = NULL;

  for (guint i = 0; self->accounts != NULL && i < self->accounts->len; i++)
    if (g_str_equal (((RapportGoaMail *) self->accounts->pdata[i])->id, id))
      mail = self->accounts->pdata[i];
  if (mail == NULL)
    return;
  /* Both sides at once, as far as the account has them; the other stays
   * as typed below. */
  g_settings_delay (self->settings);
  if (mail->imap)
    g_settings_set_string (self->settings, "imap-goa-account", id);
  if (mail->smtp)
    g_settings_set_string (self->settings, "smtp-goa-account", id);
  g_settings_apply (self->settings);
}

static void
stop_clicked_cb (GtkButton                  *button,
                 RapportOnlineAccountsGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "goa-id");
  g_autofree char *imap = g_settings_get_string (self->settings, "imap-goa-account");
  g_autofree char *smtp = g_settings_get_string (self->settings, "smtp-goa-account");

  g_settings_delay (self->settings);
  if (g_str_equal (imap, id))
    g_settings_reset (self->settings, "imap-goa-account");
  if (g_str_equal (smtp, id))
    g_settings_reset (self->settings, "smtp-goa-account");
  g_settings_apply (self->settings);
}

/* @what names the account in its button's accessible name. */
static GtkWidget *
add_row (RapportOnlineAccountsGroup *self,
         const char                 *id,
         const char                 *title,
         const char                 *subtitle,
         const char                 *what,
         gboolean                    chosen)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  /* Translators: the accessible name of a button; %s is an account, e.g. an address */
  g_autofree char *name = g_strdup_printf (chosen ? _("Stop using %s") : _("Use %s"), what);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (chosen)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("In use"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  button = gtk_button_new_with_label (chosen ? _("Stop Using") : _("Use This Account"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (!chosen)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "goa-id", g_strdup (id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (chosen ? stop_clicked_cb : use_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* What the account is used for, as its row's subtitle. */
static char *
describe (RapportOnlineAccountsGroup *self,
          RapportGoaMail             *mail)
{
  g_autofree char *imap = g_settings_get_string (self->settings, "imap-goa-account");
  g_autofree char *smtp = g_settings_get_string (self->settings, "smtp-goa-account");
  gboolean reads = g_str_equal (imap, mail->id);
  gboolean sends = g_str_equal (smtp, mail->id);
  const char *use;

  if (reads && sends)
    use = _("Used for your mailbox and for sending");
  else if (reads)
    use = _("Used for your mailbox");
  else if (sends)
    use = _("Used for sending");
  else
    return g_strdup (mail->provider);
  /* Translators: a provider such as "Google", then what Rapport uses the account for */
  return g_strdup_printf (_("%s · %s"), mail->provider, use);
}

static void
add_gone_row (RapportOnlineAccountsGroup *self,
              const char                 *id)
{
  GtkWidget *row = add_row (self, id, _("Online account no longer available"),
                            _("It was removed from Settings → Online Accounts. Choose another, or stop using it "
                              "to go back to the servers below."),
                            /* Translators: in "Stop using %s", the accessible name of a button */
                            _("the removed account"), TRUE);

  gtk_widget_add_css_class (row, "error");
}

static void
rebuild (RapportOnlineAccountsGroup *self)
{
  g_autofree char *imap = NULL;
  g_autofree char *smtp = NULL;
  gboolean imap_found = FALSE;
  gboolean smtp_found = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  if (self->settings == NULL || self->accounts == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  imap = g_settings_get_string (self->settings, "imap-goa-account");
  smtp = g_settings_get_string (self->settings, "smtp-goa-account");
  for (guint i = 0; i < self->accounts->len; i++)
    {
      RapportGoaMail *mail = self->accounts->pdata[i];
      g_autofree char *subtitle = describe (self, mail);
      const char *title = mail->address != NULL && mail->address[0] != '\0' ? mail->address : mail->identity;

      imap_found |= g_str_equal (imap, mail->id);
      smtp_found |= g_str_equal (smtp, mail->id);
      add_row (self, mail->id, title, subtitle, title, is_chosen (self, mail->id));
    }

  /* Chosen, then removed from GOA: said here too, and undone in one press. */
  if (imap[0] != '\0' && !imap_found)
    add_gone_row (self, imap);
  if (smtp[0] != '\0' && !smtp_found && !g_str_equal (smtp, imap))
    add_gone_row (self, smtp);
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

static gboolean
same_accounts (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!rapport_goa_mail_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportOnlineAccountsGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *accounts = rapport_goa_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* No module (GOA's library not installed): the group stays away, as
   * with no GOA on the bus; nothing for the user to do about it here. */
  if (accounts == NULL)
    g_debug ("No online accounts: %s", error->message);
  /* GOA says "changed" for more than the group shows (a credential
   * check, say): rebuilding then would only move the keyboard focus. */
  if (same_accounts (self->accounts, accounts))
    {
      g_clear_pointer (&accounts, g_ptr_array_unref);
      return;
    }
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  self->accounts = accounts;
  rebuild (self);
}

static void
refresh (RapportOnlineAccountsGroup *self)
{
  if (self->settings == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_goa_list_async (self->cancellable, listed_cb, g_object_ref (self));
}

static void
online_changed_cb (gpointer user_data)
{
  refresh (user_data);
}

static void
settings_changed_cb (RapportOnlineAccountsGroup *self,
                     const char                 *key)
{
  if (g_str_has_suffix (key, "-goa-account"))
    rebuild (self);
}

static void
rapport_online_accounts_group_dispose (GObject *object)
{
  RapportOnlineAccountsGroup *self = RAPPORT_ONLINE_ACCOUNTS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->watching);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  G_OBJECT_CLASS (rapport_online_accounts_group_parent_class)->dispose (object);
}

static void
rapport_online_accounts_group_finalize (GObject *object)
{
  RapportOnlineAccountsGroup *self = RAPPORT_ONLINE_ACCOUNTS_GROUP (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->watching);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_online_accounts_group_parent_class)->finalize (object);
}

static void
rapport_online_accounts_group_class_init (RapportOnlineAccountsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_online_accounts_group_dispose;
  object_class->finalize = rapport_online_accounts_group_finalize;
}

static void
rapport_online_accounts_group_init (RapportOnlineAccountsGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Online Accounts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Your mail accounts from Settings → Online Accounts. Rapport asks "
                                           "them for the password or sign-in at each connection and keeps "
                                           "none."));
  /* Shown once a listing finds an account. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
rapport_online_accounts_group_set_settings (RapportOnlineAccountsGroup *self,
                                            GSettings                  *settings)
{
  GtkWidget *page;

  g_return_if_fail (RAPPORT_IS_ONLINE_ACCOUNTS_GROUP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  page = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_PAGE);
  /* Each time the page is shown (the group itself, hidden, never maps): an
   * account may have been added in Settings since. */
  if (page != NULL)
    g_signal_connect_object (page, "map", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  /* And while it is shown. */
  self->watching = g_cancellable_new ();
  rapport_goa_watch (self->watching, online_changed_cb, self);
  refresh (self);
}
