/* rapport-incoming-mail-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-goa.h"
#include "rapport-incoming-mail-group.h"
#include "rapport-mail-account.h"
#include "rapport-mail-rows.h"
#include "rapport-mail-secret.h"
#include "rapport-toast.h"

/* The Incoming Mail group of Preferences → Mail: the IMAP account Rapport
 * reads for replies (its password in the keyring, never in GSettings),
 * Test Connection, the switch that turns the reading on, and the
 * mailbox's status with Check Now (app.check-mailbox). The reading itself
 * is the application's RapportMailboxSync; this group only shows it. The
 * Preferences window is not one of the application's windows, so the
 * button asks the application itself rather than naming "app.". */
struct _RapportIncomingMailGroup
{
  AdwPreferencesGroup  parent_instance;

  GSettings           *settings;
  RapportMailboxSync  *sync;
  GCancellable        *cancellable;   /* the group's lifetime */
  GCancellable        *listing;       /* the online accounts' listing in flight */
  gboolean             testing;

  /* Template children */
  AdwEntryRow         *server_row;
  AdwComboRow         *security_row;
  GtkSpinButton       *port_spin;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  AdwActionRow        *test_row;
  GtkSpinner          *test_spinner;
  GtkButton           *test_button;
  AdwActionRow        *read_row;
  GtkSwitch           *read_switch;
  AdwActionRow        *status_row;
  GtkSpinner          *status_spinner;
  GtkButton           *check_button;
};

G_DEFINE_FINAL_TYPE (RapportIncomingMailGroup, rapport_incoming_mail_group, ADW_TYPE_PREFERENCES_GROUP)

static void save_password (RapportIncomingMailGroup *self,
                           gboolean                  then_test);

/* Showing the state {{{ */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
set_error_class (GtkWidget *widget,
                 gboolean   failed)
{
  if (failed)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* The keyring is keyed by server and user name, and the switch needs an
 * account to read: without both there is neither. */
static gboolean
has_account (RapportIncomingMailGroup *self)
{
  g_autoptr(RapportMailAccount) account = rapport_mail_account_new_incoming_from_settings (self->settings);
  g_autofree char *goa_id = g_settings_get_string (self->settings, "imap-goa-account");

  return goa_id[0] != '\0' || rapport_mail_account_is_complete (account);
}

static void
online_listed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportIncomingMailGroup) self = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *goa_id = NULL;

  accounts = rapport_goa_list_finish (result, &error);
  if (accounts == NULL)
    return;
  goa_id = g_settings_get_string (self->settings, "imap-goa-account");
  for (guint i = 0; i < accounts->len; i++)
    {
      RapportGoaMail *mail = accounts->pdata[i];

      if (g_str_equal (mail->id, goa_id))
        {
          /* Translators: the title of the mailbox's status row; %s is an online account, e.g. an address */
          g_autofree char *title = g_strdup_printf (_("Mailbox of %s (Online Accounts)"),
                                                    mail->address != NULL && mail->address[0] != '\0'
                                                      ? mail->address : mail->identity);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
          return;
        }
    }
  /* Gone: the next check says so in this row's subtitle. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 _("Mailbox of an online account no longer available"));
}

/* The servers typed by hand count only without an online account. */
static void
update_online (RapportIncomingMailGroup *self)
{
  g_autofree char *goa_id = g_settings_get_string (self->settings, "imap-goa-account");
  gboolean typed = goa_id[0] == '\0';
  GtkWidget *typed_rows[] = {
    GTK_WIDGET (self->server_row), GTK_WIDGET (self->security_row), GTK_WIDGET (self->port_spin),
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->password_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed_rows); i++)
    gtk_widget_set_sensitive (typed_rows[i], typed);
  /* Said in words too: a screen reader skips the greyed rows silently. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         typed ? _("So that Rapport notices replies by itself. Only mail from and to "
                                                   "your contacts is kept.")
                                               : _("The mailbox of the online account chosen above is read: its server "
                                                   "and sign-in come from Settings → Online Accounts. Only mail from "
                                                   "and to your contacts is kept."));
  g_cancellable_cancel (self->listing);
  g_clear_object (&self->listing);
  if (typed)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Mailbox"));
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Mailbox (Online Accounts)"));
  self->listing = g_cancellable_new ();
  rapport_goa_list_async (self->listing, online_listed_cb, g_object_ref (self));
}

static void
online_changed_cb (gpointer user_data)
{
  update_online (user_data);
}

static void
set_testing (RapportIncomingMailGroup *self,
             gboolean                  testing)
{
  self->testing = testing;
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !testing);
}

static void
set_test_result (RapportIncomingMailGroup *self,
                 const char               *text,
                 gboolean                  failed)
{
  adw_action_row_set_subtitle (self->test_row, text != NULL ? text : "");
  set_error_class (GTK_WIDGET (self->test_row), failed);
}

static void
update_read_row (RapportIncomingMailGroup *self)
{
  gboolean complete = has_account (self);
  /* Left on when the account is cleared, the switch stays reachable to
   * turn it off. */
  gboolean usable = complete || g_settings_get_boolean (self->settings, "read-mailbox");

  /* The switch too: AT-SPI reads a child's own flag, not its row's. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->read_row), usable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->read_switch), usable);
  adw_action_row_set_subtitle (self->read_row,
                               complete ? _("Every few minutes; a reply ends the follow-ups to that contact")
                                        : _("Enter the server and user name first"));
}

static void
update_status (RapportIncomingMailGroup *self)
{
  gboolean busy = rapport_mailbox_sync_get_busy (self->sync);
  gboolean failed = rapport_mailbox_sync_get_failed (self->sync);

  if (busy)
    adw_action_row_set_subtitle (self->status_row, _("Checking…"));
  else
    adw_action_row_set_subtitle (self->status_row, rapport_mailbox_sync_get_status (self->sync));
  set_error_class (GTK_WIDGET (self->status_row), failed && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button),
                            !busy && g_settings_get_boolean (self->settings, "read-mailbox"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), busy);
  gtk_spinner_set_spinning (self->status_spinner, busy);
}

/* }}} */
/* Password and Test Connection {{{ */

static void
tested_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportIncomingMailGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportMailAccount) account = NULL;
  g_autofree char *text = NULL;

  rapport_mailbox_sync_test_finish (RAPPORT_MAILBOX_SYNC (object), result, &error);
  if (is_cancelled (error))
    return;

  set_testing (self, FALSE);
  if (error != NULL)
    {
      set_test_result (self, error->message, TRUE);
      return;
    }
  account = rapport_mail_account_new_incoming_from_settings (self->settings);
  text = g_strdup_printf (_("Connected and logged in to %s"), rapport_mail_account_get_server (account));
  set_test_result (self, text, FALSE);
  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
}

static void
start_test (RapportIncomingMailGroup *self)
{
  set_testing (self, TRUE);
  set_test_result (self, _("Connecting…"), FALSE);
  rapport_mailbox_sync_test_async (self->sync, self->cancellable, tested_cb, g_object_ref (self));
}

static void
test_clicked_cb (RapportIncomingMailGroup *self)
{
  if (self->testing || self->sync == NULL)
    return;

  /* A password typed but not yet applied is the one the user means. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0')
    save_password (self, TRUE);
  else
    start_test (self);
}

typedef struct
{
  RapportIncomingMailGroup *self;
  gboolean                  then_test;
} SaveData;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(RapportIncomingMailGroup) self = data->self;
  gboolean then_test = data->then_test;
  g_autoptr(GError) error = NULL;

  g_free (data);
  rapport_mail_secret_store_finish (result, &error);
  if (is_cancelled (error))
    return;

  if (error != NULL)
    {
      set_testing (self, FALSE);
      set_test_result (self, error->message, TRUE);
      return;
    }
  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Password saved in the keyring")));
  if (then_test)
    start_test (self);
  else
    set_test_result (self, NULL, FALSE);
}

static void
save_password (RapportIncomingMailGroup *self,
               gboolean                  then_test)
{
  g_autoptr(RapportMailAccount) account = NULL;
  SaveData *data;

  if (!has_account (self))
    {
      set_test_result (self, _("Enter the server and user name before the password"), TRUE);
      return;
    }

  account = rapport_mail_account_new_incoming_from_settings (self->settings);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->then_test = then_test;
  set_testing (self, then_test);
  set_test_result (self, _("Saving the password…"), FALSE);
  /* libsecret has its own copy by now: the row lets go of it at once. */
  rapport_mail_secret_store_async (account, gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                   self->cancellable, stored_cb, data);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
password_apply_cb (RapportIncomingMailGroup *self)
{
  if (self->settings != NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0')
    save_password (self, FALSE);
}

/* }}} */
/* Callbacks {{{ */

static void
check_clicked_cb (RapportIncomingMailGroup *self)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "check-mailbox", NULL);
}

static void
account_changed_cb (RapportIncomingMailGroup *self)
{
  if (self->settings == NULL)
    return;
  set_test_result (self, NULL, FALSE);
  update_read_row (self);
}

static void
security_changed_cb (RapportIncomingMailGroup *self)
{
  guint selected = adw_combo_row_get_selected (self->security_row);
  int port = g_settings_get_int (self->settings, "imap-port");

  /* Follow the usual port, unless the user chose another one. */
  if (selected == RAPPORT_MAIL_SECURITY_STARTTLS && port == RAPPORT_IMAP_PORT_TLS)
    g_settings_set_int (self->settings, "imap-port", RAPPORT_IMAP_PORT_STARTTLS);
  else if (selected == RAPPORT_MAIL_SECURITY_TLS && port == RAPPORT_IMAP_PORT_STARTTLS)
    g_settings_set_int (self->settings, "imap-port", RAPPORT_IMAP_PORT_TLS);
}

static void
settings_changed_cb (RapportIncomingMailGroup *self,
                     const char               *key)
{
  if (g_str_has_prefix (key, "imap-"))
    set_test_result (self, NULL, FALSE);
  if (g_str_equal (key, "imap-goa-account"))
    update_online (self);
  if (g_str_has_prefix (key, "imap-") || g_str_equal (key, "read-mailbox"))
    update_read_row (self);
  if (g_str_equal (key, "read-mailbox"))
    update_status (self);
}

/* }}} */
/* GObject {{{ */

static void
rapport_incoming_mail_group_dispose (GObject *object)
{
  RapportIncomingMailGroup *self = RAPPORT_INCOMING_MAIL_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->listing);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_clear_object (&self->sync);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_INCOMING_MAIL_GROUP);

  G_OBJECT_CLASS (rapport_incoming_mail_group_parent_class)->dispose (object);
}

static void
rapport_incoming_mail_group_finalize (GObject *object)
{
  RapportIncomingMailGroup *self = RAPPORT_INCOMING_MAIL_GROUP (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->listing);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_incoming_mail_group_parent_class)->finalize (object);
}

static void
rapport_incoming_mail_group_class_init (RapportIncomingMailGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_incoming_mail_group_dispose;
  object_class->finalize = rapport_incoming_mail_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_RESOURCE_PATH "ui/rapport-incoming-mail-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, server_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, security_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, port_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, username_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, password_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, test_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, test_button);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, read_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, read_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportIncomingMailGroup, check_button);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_clicked_cb);
}

static void
rapport_incoming_mail_group_init (RapportIncomingMailGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  rapport_mail_rows_setup_password (self->password_row);
}

/* }}} */
/* Public API {{{ */

void
rapport_incoming_mail_group_set_sync (RapportIncomingMailGroup *self,
                                      GSettings                *settings,
                                      RapportMailboxSync       *sync)
{
  g_return_if_fail (RAPPORT_IS_INCOMING_MAIL_GROUP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (RAPPORT_IS_MAILBOX_SYNC (sync));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  self->sync = g_object_ref (sync);

  g_settings_bind (settings, "imap-server", self->server_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "imap-username", self->username_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "imap-port", self->port_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "read-mailbox", self->read_switch, "active", G_SETTINGS_BIND_DEFAULT);
  rapport_mail_rows_bind_security (settings, "imap-security", self->security_row);
  g_signal_connect_object (self->security_row, "notify::selected", G_CALLBACK (security_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::status", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sync, "notify::busy", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  set_test_result (self, NULL, FALSE);
  update_online (self);
  /* An account removed in Settings while Preferences is open is said so
   * here at once, as in the Online Accounts group. */
  rapport_goa_watch (self->cancellable, online_changed_cb, self);
  update_read_row (self);
  update_status (self);
}

/* }}} */
