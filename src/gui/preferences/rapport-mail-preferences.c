/* rapport-mail-preferences.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-mail-account.h"
#include "rapport-mail-error.h"
#include "rapport-mail-message.h"
#include "rapport-mail-secret.h"
#include "rapport-mail-sender.h"
#include "rapport-accessible.h"
#include "rapport-incoming-mail-group.h"
#include "rapport-online-accounts-group.h"
#include "rapport-mail-preferences.h"
#include "rapport-mail-rows.h"
#include "rapport-toast.h"

/* The Mail page of Preferences: the sender, the SMTP account, its password
 * in the keyring (never in GSettings) and Test Connection; then the
 * incoming account (rapport-incoming-mail-group.c). Every keyring and
 * network call is asynchronous and cancelled with the page. */
struct _RapportMailPreferences
{
  AdwPreferencesPage     parent_instance;

  GSettings             *settings;
  GCancellable          *cancellable;         /* the page's lifetime */
  GCancellable          *status_cancellable;  /* the latest "is a password stored?" */
  GtkFileChooserNative  *chooser;
  guint                  status_timeout_id;
  guint                  testing : 1;
  guint                  bound : 1;

  /* Template children */
  AdwPreferencesGroup   *sender_group;
  AdwEntryRow           *name_row;
  AdwEntryRow           *address_row;
  AdwEntryRow           *server_row;
  AdwComboRow           *security_row;
  GtkSpinButton         *port_spin;
  AdwEntryRow           *username_row;
  AdwEntryRow           *password_row;
  AdwActionRow          *password_status_row;
  GtkButton             *forget_button;
  AdwActionRow          *ca_row;
  GtkButton             *ca_clear_button;
  AdwActionRow          *test_row;
  GtkSpinner            *test_spinner;
  GtkButton             *test_button;
  RapportIncomingMailGroup *incoming_group;
  RapportOnlineAccountsGroup *online_group;
  AdwPreferencesGroup *server_group;
};

G_DEFINE_FINAL_TYPE (RapportMailPreferences, rapport_mail_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void save_password (RapportMailPreferences *self,
                           gboolean                then_test);

/* Helpers {{{ */

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static RapportMailAccount *
current_account (RapportMailPreferences *self)
{
  return rapport_mail_account_new_from_settings (self->settings);
}

/* The keyring is keyed by server and user name: without both there is
 * nowhere to keep a password. */
static gboolean
has_server_and_user (RapportMailPreferences *self)
{
  g_autoptr(RapportMailAccount) account = current_account (self);

  return rapport_mail_account_get_server (account)[0] != '\0'
      && rapport_mail_account_get_username (account)[0] != '\0';
}

static void
set_testing (RapportMailPreferences *self,
             gboolean                testing)
{
  self->testing = !!testing;
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), self->testing);
  gtk_spinner_set_spinning (self->test_spinner, self->testing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), !self->testing);
}

static void
set_test_result (RapportMailPreferences *self,
                 const char             *text,
                 gboolean                failed)
{
  adw_action_row_set_subtitle (self->test_row, text ? text : "");
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->test_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->test_row), "error");
}

static void
update_ca_row (RapportMailPreferences *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "smtp-ca-file");

  adw_action_row_set_subtitle (self->ca_row,
                               path[0] ? path : _("None: the system’s certificate authorities are trusted"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->ca_clear_button), path[0] != '\0');
}

/* }}} */
/* Password status {{{ */

static void
has_password_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportMailPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  stored = rapport_mail_secret_has_password_finish (result, &error);
  if (is_cancelled (error))
    return;

  if (error != NULL)
    adw_action_row_set_subtitle (self->password_status_row, error->message);
  else
    adw_action_row_set_subtitle (self->password_status_row,
                                 stored ? _("A password is stored in the keyring")
                                        : _("No password is stored yet"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), stored);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row),
                            !g_error_matches (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NO_SECRET_SERVICE));
}

static void
refresh_password_status (RapportMailPreferences *self)
{
  g_autoptr(RapportMailAccount) account = NULL;

  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  g_cancellable_cancel (self->status_cancellable);
  g_clear_object (&self->status_cancellable);

  if (!has_server_and_user (self))
    {
      adw_action_row_set_subtitle (self->password_status_row,
                                   _("Enter the server and user name to keep a password"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), FALSE);
      return;
    }

  self->status_cancellable = g_cancellable_new ();
  account = current_account (self);
  rapport_mail_secret_has_password_async (account, self->status_cancellable, has_password_cb,
                                          g_object_ref (self));
}

static gboolean
status_timeout_cb (gpointer user_data)
{
  RapportMailPreferences *self = user_data;

  self->status_timeout_id = 0;
  refresh_password_status (self);

  return G_SOURCE_REMOVE;
}

/* }}} */
/* Callbacks {{{ */

static void
address_changed_cb (RapportMailPreferences *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  gboolean valid = address[0] == '\0' || rapport_mail_address_is_valid (address);

  if (self->settings == NULL)
    return;

  /* What is typed stays in the row; only a real address reaches the
   * settings, so that a half-typed one never goes into a From line. */
  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
      adw_preferences_group_set_description (self->sender_group,
                                             _("How your messages are signed and where replies go."));
      g_settings_set_string (self->settings, "sender-address", address);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
      adw_preferences_group_set_description (self->sender_group,
                                             _("This is not an email address yet, such as name@example.org: "
                                               "it is saved once it is one."));
    }
}

/* The server or the user name changed: the password found may change too. */
static void
account_changed_cb (RapportMailPreferences *self)
{
  if (self->settings == NULL)
    return;

  set_test_result (self, NULL, FALSE);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  self->status_timeout_id = g_timeout_add (400, status_timeout_cb, self);
}

static void
security_changed_cb (RapportMailPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->security_row);
  int port;

  if (!self->bound)
    return;

  /* Follow the usual port, unless the user chose another one. */
  port = g_settings_get_int (self->settings, "smtp-port");
  if (selected == RAPPORT_MAIL_SECURITY_STARTTLS && port == RAPPORT_MAIL_PORT_TLS)
    g_settings_set_int (self->settings, "smtp-port", RAPPORT_MAIL_PORT_STARTTLS);
  else if (selected == RAPPORT_MAIL_SECURITY_TLS && port == RAPPORT_MAIL_PORT_STARTTLS)
    g_settings_set_int (self->settings, "smtp-port", RAPPORT_MAIL_PORT_TLS);

  set_test_result (self, NULL, FALSE);
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportMailPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  rapport_mail_sender_test_finish (result, &error);
  if (is_cancelled (error))
    return;

  set_testing (self, FALSE);

  if (error != NULL)
    {
      set_test_result (self, error->message, TRUE);
      return;
    }

  {
    g_autoptr(RapportMailAccount) account = current_account (self);

    text = g_strdup_printf (_("Connected and logged in to %s"), rapport_mail_account_get_server (account));
  }
  set_test_result (self, text, FALSE);
  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (text));
}

static void
start_test (RapportMailPreferences *self)
{
  g_autoptr(RapportMailAccount) account = current_account (self);

  set_testing (self, TRUE);
  set_test_result (self, _("Connecting…"), FALSE);
  rapport_mail_sender_test_async (account, self->cancellable, test_cb, g_object_ref (self));
}

static void
test_clicked_cb (RapportMailPreferences *self)
{
  if (self->testing)
    return;

  /* A password typed but not yet applied is the one the user means. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0')
    save_password (self, TRUE);
  else
    start_test (self);
}

typedef struct
{
  RapportMailPreferences *self;
  gboolean                then_test;
} SaveData;

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(RapportMailPreferences) self = data->self;
  gboolean then_test = data->then_test;
  g_autoptr(GError) error = NULL;

  g_free (data);

  rapport_mail_secret_store_finish (result, &error);
  if (is_cancelled (error))
    return;

  if (error != NULL)
    {
      adw_action_row_set_subtitle (self->password_status_row, error->message);
      rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (error->message));
      if (then_test)
        {
          set_testing (self, FALSE);
          set_test_result (self, error->message, TRUE);
        }
      return;
    }

  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Password saved in the keyring")));
  refresh_password_status (self);

  if (then_test)
    start_test (self);
}

static void
save_password (RapportMailPreferences *self,
               gboolean                then_test)
{
  g_autoptr(RapportMailAccount) account = NULL;
  SaveData *data;

  if (!has_server_and_user (self))
    {
      adw_action_row_set_subtitle (self->password_status_row,
                                   _("Enter the server and user name before the password"));
      gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  account = current_account (self);
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->then_test = then_test;

  if (then_test)
    {
      set_testing (self, TRUE);
      set_test_result (self, _("Saving the password…"), FALSE);
    }
  adw_action_row_set_subtitle (self->password_status_row, _("Saving the password…"));

  /* libsecret has its own copy by now: the row lets go of it at once. */
  rapport_mail_secret_store_async (account, gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                   self->cancellable, store_cb, data);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
password_apply_cb (RapportMailPreferences *self)
{
  if (self->settings != NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0')
    save_password (self, FALSE);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RapportMailPreferences) self = user_data;
  g_autoptr(GError) error = NULL;

  rapport_mail_secret_clear_finish (result, &error);
  if (is_cancelled (error))
    return;

  if (error != NULL)
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (error->message));
  else
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Password removed from the keyring")));

  refresh_password_status (self);
}

static void
forget_clicked_cb (RapportMailPreferences *self)
{
  g_autoptr(RapportMailAccount) account = current_account (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), FALSE);
  rapport_mail_secret_clear_async (account, self->cancellable, clear_cb, g_object_ref (self));
}

static void
chooser_response_cb (RapportMailPreferences *self,
                     int                     response,
                     GtkFileChooserNative   *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "smtp-ca-file", path);
    }

  g_clear_object (&self->chooser);
}

static void
ca_choose_clicked_cb (RapportMailPreferences *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) pem = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a Certificate Authority"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (pem, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (pem, "*.pem");
  gtk_file_filter_add_pattern (pem, "*.crt");
  gtk_file_filter_add_pattern (pem, "*.cer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pem);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ca_clear_clicked_cb (RapportMailPreferences *self)
{
  g_settings_set_string (self->settings, "smtp-ca-file", "");
}

/* The server typed by hand is used only without an online account. Its
 * rows are greyed then, and the group's description, which stays
 * readable, says why: a screen reader skips greyed rows without a word. */
static void
update_server_group (RapportMailPreferences *self)
{
  g_autofree char *goa_id = g_settings_get_string (self->settings, "smtp-goa-account");
  gboolean typed = goa_id[0] == '\0';
  GtkWidget *rows[] = {
    GTK_WIDGET (self->server_row), GTK_WIDGET (self->security_row),
    gtk_widget_get_ancestor (GTK_WIDGET (self->port_spin), ADW_TYPE_ACTION_ROW),
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->password_row), GTK_WIDGET (self->password_status_row),
    GTK_WIDGET (self->ca_row), GTK_WIDGET (self->test_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (rows[i], typed);
  adw_preferences_group_set_description (self->server_group,
                                         typed ? _("To send from Rapport itself. Without it, Open in Mail App still works.")
                                               : _("Mail is sent through the online account chosen above: its server "
                                                   "and sign-in come from Settings → Online Accounts."));
}

static void
settings_changed_cb (RapportMailPreferences *self,
                     const char             *key)
{
  if (g_str_equal (key, "smtp-ca-file"))
    update_ca_row (self);

  if (g_str_has_prefix (key, "smtp-"))
    set_test_result (self, NULL, FALSE);
  if (g_str_equal (key, "smtp-goa-account"))
    update_server_group (self);
}

/* }}} */
/* GObject {{{ */

static void
rapport_mail_preferences_dispose (GObject *object)
{
  RapportMailPreferences *self = RAPPORT_MAIL_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->status_cancellable);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MAIL_PREFERENCES);

  G_OBJECT_CLASS (rapport_mail_preferences_parent_class)->dispose (object);
}

static void
rapport_mail_preferences_finalize (GObject *object)
{
  RapportMailPreferences *self = RAPPORT_MAIL_PREFERENCES (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->status_cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_mail_preferences_parent_class)->finalize (object);
}

static void
rapport_mail_preferences_class_init (RapportMailPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_mail_preferences_dispose;
  object_class->finalize = rapport_mail_preferences_finalize;

  g_type_ensure (RAPPORT_TYPE_INCOMING_MAIL_GROUP);
  g_type_ensure (RAPPORT_TYPE_ONLINE_ACCOUNTS_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-mail-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, sender_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, address_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, server_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, security_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, port_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, username_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, password_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, password_status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, forget_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, ca_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, test_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, test_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, incoming_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, online_group);
  gtk_widget_class_bind_template_child (widget_class, RapportMailPreferences, server_group);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ca_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
}

static void
rapport_mail_preferences_init (RapportMailPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  rapport_mail_rows_setup_password (ADW_PASSWORD_ENTRY_ROW (self->password_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->forget_button), FALSE);
}

/* }}} */
/* Public API {{{ */

void
rapport_mail_preferences_set_settings (RapportMailPreferences *self,
                                       GSettings              *settings,
                                       RapportMailboxSync     *sync)
{
  g_autofree char *address = NULL;

  g_return_if_fail (RAPPORT_IS_MAIL_PREFERENCES (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "sender-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-server", self->server_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-username", self->username_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-port", self->port_spin, "value", G_SETTINGS_BIND_DEFAULT);
  rapport_mail_rows_bind_security (settings, "smtp-security", self->security_row);
  g_signal_connect_object (self->security_row, "notify::selected", G_CALLBACK (security_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  address = g_settings_get_string (settings, "sender-address");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);

  rapport_incoming_mail_group_set_sync (self->incoming_group, settings, sync);
  rapport_online_accounts_group_set_settings (self->online_group, settings);

  self->bound = TRUE;
  update_server_group (self);
  update_ca_row (self);
  refresh_password_status (self);
}

/* }}} */
