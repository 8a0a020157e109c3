/* rapport-backups-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-backups-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-backups-group.h"
#include "rapport-toast.h"

/* The Backups group of Preferences: when the last backup was made, Back Up
 * Now, and the list of backups to restore, each after a confirmation. */
struct _RapportBackupsGroup
{
  AdwPreferencesGroup  parent_instance;

  RapportContext      *context;
  GCancellable        *cancellable;
  GPtrArray           *backup_rows;   /* rows in restore_row, to remove them */
  guint                busy : 1;

  /* Template children */
  AdwActionRow        *last_backup_row;
  GtkSpinner          *spinner;
  GtkButton           *back_up_button;
  AdwExpanderRow      *restore_row;
};

G_DEFINE_FINAL_TYPE (RapportBackupsGroup, rapport_backups_group, ADW_TYPE_PREFERENCES_GROUP)

static void reload (RapportBackupsGroup *self);

/* Helpers {{{ */

static void
update_sensitivity (RapportBackupsGroup *self)
{
  gboolean ready = self->context != NULL && rapport_context_get_ready (self->context);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back_up_button), ready && !self->busy);
  /* A restore also works while the database cannot be opened. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_row), !self->busy && self->backup_rows->len > 0);
}

static void
set_busy (RapportBackupsGroup *self,
          gboolean             busy)
{
  self->busy = !!busy;
  update_sensitivity (self);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* }}} */
/* Callbacks {{{ */

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportBackupsGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rapport_context_restore_finish (RAPPORT_CONTEXT (object), result, NULL, &error))
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (_("Backup restored")));
  else if (!is_cancelled (error))
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (error->message));

  if (!is_cancelled (error))
    set_busy (self, FALSE);
}

static void
confirm_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     RapportBackupsGroup *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (!g_str_equal (response, "restore") || self->busy)
    return;

  set_busy (self, TRUE);
  rapport_context_restore_async (self->context, path, self->cancellable,
                                     restored_cb, g_object_ref (self));
}

static void
restore_clicked_cb (GtkButton           *button,
                    RapportBackupsGroup *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "backup-path");
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GDateTime) time = rapport_backup_parse_time (basename);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = time != NULL ? rapport_backup_format_date (time, now) : g_strdup (basename);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Restore the Backup?"), NULL);
  /* Translators: %s is a date and time, e.g. "20 November at 09:12" */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Restore the backup of %s? Your current data is backed up first."),
                                  date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_backup_row (RapportBackupsGroup *self,
                   RapportBackup       *backup,
                   GDateTime           *now)
{
  g_autofree char *when = rapport_backup_describe_time (backup->time, now);
  g_autofree char *date = rapport_backup_format_date (backup->time, now);
  g_autofree char *size = g_format_size (backup->size);
  g_autofree char *label = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);

  button = gtk_button_new_with_mnemonic (_("Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is a date and time, e.g. "20 November at 09:12" */
  label = g_strdup_printf (_("Restore the Backup of %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* GTK 4.8 would read the visible "Restore…" after the label: see rapport-accessible.c */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_set_tooltip_text (button, label);
  g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (backup->path), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportBackupsGroup) self = user_data;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  backups = rapport_backup_list_finish (RAPPORT_DATABASE (object), result, &error);
  if (backups == NULL)
    {
      if (!is_cancelled (error))
        adw_action_row_set_subtitle (self->last_backup_row, error->message);
      return;
    }

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_expander_row_remove (self->restore_row, g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  if (backups->len > 0)
    {
      RapportBackup *latest = g_ptr_array_index (backups, 0);
      g_autofree char *when = rapport_backup_describe_time (latest->time, now);

      adw_action_row_set_subtitle (self->last_backup_row, when);
    }
  else
    adw_action_row_set_subtitle (self->last_backup_row, _("None yet"));

  for (guint i = 0; i < backups->len; i++)
    {
      GtkWidget *row = create_backup_row (self, g_ptr_array_index (backups, i), now);

      adw_expander_row_add_row (self->restore_row, row);
      g_ptr_array_add (self->backup_rows, row);
    }

  update_sensitivity (self);
}

static void
backed_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportBackupsGroup) self = user_data;
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = rapport_context_back_up_finish (RAPPORT_CONTEXT (object), result, &error);
  if (is_cancelled (error))
    return;

  set_busy (self, FALSE);
  rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (backup != NULL ? _("Backed up") : error->message));
}

static void
back_up_clicked_cb (RapportBackupsGroup *self)
{
  if (self->busy || self->context == NULL)
    return;

  set_busy (self, TRUE);
  rapport_context_back_up_async (self->context, self->cancellable,
                                     backed_up_cb, g_object_ref (self));
}

static void
reload (RapportBackupsGroup *self)
{
  if (self->context == NULL)
    return;

  rapport_backup_list_async (rapport_context_get_database (self->context), self->cancellable,
                             listed_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
rapport_backups_group_dispose (GObject *object)
{
  RapportBackupsGroup *self = RAPPORT_BACKUPS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_BACKUPS_GROUP);
  g_clear_object (&self->context);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_backups_group_parent_class)->dispose (object);
}

static void
rapport_backups_group_finalize (GObject *object)
{
  RapportBackupsGroup *self = RAPPORT_BACKUPS_GROUP (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rapport_backups_group_parent_class)->finalize (object);
}

static void
rapport_backups_group_class_init (RapportBackupsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_backups_group_dispose;
  object_class->finalize = rapport_backups_group_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-backups-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportBackupsGroup, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, RapportBackupsGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportBackupsGroup, back_up_button);
  gtk_widget_class_bind_template_child (widget_class, RapportBackupsGroup, restore_row);
  gtk_widget_class_bind_template_callback (widget_class, back_up_clicked_cb);
}

static void
rapport_backups_group_init (RapportBackupsGroup *self)
{
  self->cancellable = g_cancellable_new ();
  self->backup_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  update_sensitivity (self);
}

/* }}} */
/* Public API {{{ */

void
rapport_backups_group_set_context (RapportBackupsGroup *self,
                                       RapportContext      *context)
{
  g_return_if_fail (RAPPORT_IS_BACKUPS_GROUP (self));
  g_return_if_fail (RAPPORT_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "backups-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::ready",
                           G_CALLBACK (update_sensitivity), self, G_CONNECT_SWAPPED);
  update_sensitivity (self);
  reload (self);
}

/* }}} */
