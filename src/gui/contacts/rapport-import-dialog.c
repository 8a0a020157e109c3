/* rapport-import-dialog.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-import-dialog.h"
#include "rapport-contact-file.h"
#include "rapport-contact-import.h"

/* Imports a vCard or CSV file: reads it, shows what would be added and what
 * the user already has (with the choice to skip or merge those), lets the
 * columns of a CSV file be mapped, and imports it all in one transaction,
 * with progress and Cancel. Nothing is written before "Import". */
struct _RapportImportDialog
{
  AdwWindow            parent_instance;

  RapportContactStore *store;
  RapportContactFile  *file;
  GCancellable        *cancellable;
  GPtrArray           *column_rows;
  gint                 progress;
  guint                progress_id;
  guint                n_new;
  gboolean             importing;

  /* Template children */
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwActionRow        *file_row;
  AdwActionRow        *new_row;
  AdwActionRow        *duplicates_row;
  AdwActionRow        *invalid_row;
  AdwComboRow         *merge_row;
  AdwPreferencesGroup *columns_group;
  GtkListBox          *sample_list;
  GtkProgressBar      *progress_bar;
};

G_DEFINE_FINAL_TYPE (RapportImportDialog, rapport_import_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void find_duplicates (RapportImportDialog *self);

/* Helpers {{{ */

static void
show_error (RapportImportDialog *self,
            const GError        *error)
{
  g_autofree char *name = g_file_get_basename (g_object_get_data (G_OBJECT (self), "file"));
  /* Translators: the first %s is a file name, the second what is wrong with it */
  g_autofree char *description = g_strdup_printf (_("%s: %s\n\nNothing has been imported."), name, error->message);

  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_sample (RapportImportDialog *self)
{
  GPtrArray *contacts = rapport_contact_file_get_sample (self->file);

  clear_list (self->sample_list);
  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      GtkWidget *row = adw_action_row_new ();
      const char *email = rapport_contact_get_primary_email (contact);
      const char *organisation = rapport_contact_get_organisation (contact);
      g_autofree char *subtitle = NULL;

      if (*organisation && email)
        subtitle = g_strdup_printf ("%s · %s", organisation, email);
      else
        subtitle = g_strdup (*organisation ? organisation : (email ? email : ""));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_contact_get_display_name (contact));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->sample_list, row);
    }
}

/* }}} */
/* Callbacks {{{ */

static void
duplicates_found_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *duplicates_text = NULL;
  g_autofree char *invalid_text = NULL;
  RapportImportPreview preview;
  guint n_duplicates;
  guint n_invalid;

  if (!rapport_contact_import_find_duplicates_finish (RAPPORT_CONTACT_STORE (object), result, &preview, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  n_duplicates = preview.n_existing + preview.n_repeated;
  self->n_new = preview.n_new;

  new_text = g_strdup_printf ("%u", self->n_new);
  duplicates_text = g_strdup_printf ("%u", n_duplicates);
  adw_action_row_set_subtitle (self->new_row, new_text);
  adw_action_row_set_subtitle (self->duplicates_row, duplicates_text);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_row), n_duplicates > 0);

  /* Rows without a name or an address, say, are left out rather than
   * refuse the whole file: how many, and what is wrong with the first. */
  n_invalid = rapport_contact_file_get_n_invalid (self->file);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_row), n_invalid > 0);
  if (n_invalid > 0)
    {
      /* Translators: the %u is a count; the %s what is wrong with the first, naming its line */
      invalid_text = g_strdup_printf (ngettext ("%u, left out. %s", "%u, left out. The first: %s", n_invalid),
                                      n_invalid, rapport_contact_file_get_invalid_reason (self->file));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->invalid_row), FALSE);
      adw_action_row_set_subtitle (self->invalid_row, invalid_text);
    }

  fill_sample (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 rapport_contact_file_get_n_contacts (self->file) > 0);
}

static void
find_duplicates (RapportImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
  rapport_contact_import_find_duplicates_async (self->store, self->file, self->cancellable,
                                                duplicates_found_cb, self);
}

static void
remapped_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RapportImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_file_remap_finish (RAPPORT_CONTACT_FILE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The previous mapping stays; say why this one does not work. */
      adw_preferences_group_set_description (self->columns_group, error->message);
      return;
    }

  adw_preferences_group_set_description (self->columns_group, _("Choose what each column of the file holds."));
  find_duplicates (self);
}

static void
column_changed_cb (RapportImportDialog *self)
{
  guint n = rapport_contact_file_get_n_columns (self->file);
  g_autofree RapportCsvField *mapping = g_new0 (RapportCsvField, n);

  for (guint i = 0; i < n; i++)
    mapping[i] = adw_combo_row_get_selected (g_ptr_array_index (self->column_rows, i));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rapport_contact_file_remap_async (self->file, mapping, self->cancellable, remapped_cb, self);
}

static void
fill_columns (RapportImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  guint n = rapport_contact_file_get_n_columns (self->file);

  for (guint i = 0; i < RAPPORT_CSV_N_FIELDS; i++)
    gtk_string_list_append (fields, rapport_csv_field_get_label (i));

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *title = rapport_contact_file_get_column_title (self->file, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title[0] ? title : _("Unnamed Column"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_contact_file_get_column_sample (self->file, i));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), rapport_contact_file_get_column_field (self->file, i));
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *format;

  self->file = rapport_contact_file_read_finish (result, &error);
  if (self->file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  switch (rapport_contact_file_get_format (self->file))
    {
    case RAPPORT_CONTACT_FILE_VCARD:    format = _("vCard file"); break;
    case RAPPORT_CONTACT_FILE_LINKEDIN: format = _("LinkedIn connections"); break;
    case RAPPORT_CONTACT_FILE_CSV:
    default:                            format = _("CSV file"); break;
    }

  name = g_file_get_basename (rapport_contact_file_get_file (self->file));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_action_row_set_subtitle (self->file_row, format);

  gtk_widget_set_visible (GTK_WIDGET (self->columns_group),
                          rapport_contact_file_get_format (self->file) == RAPPORT_CONTACT_FILE_CSV);
  if (rapport_contact_file_get_format (self->file) == RAPPORT_CONTACT_FILE_CSV)
    fill_columns (self);

  find_duplicates (self);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  RapportImportDialog *self = user_data;
  guint total = rapport_contact_file_get_n_contacts (self->file);
  guint done = g_atomic_int_get (&self->progress);
  /* Translators: progress of an import, e.g. "1,200 of 10,000" */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  RapportImportResult counts;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->importing = FALSE;

  if (!rapport_contact_import_run_finish (RAPPORT_CONTACT_STORE (object), result, &counts, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Import cancelled: nothing was imported"));
      else
        {
          show_error (self, error);
          return;
        }
    }
  else if (counts.n_merged > 0)
    message = g_strdup_printf (ngettext ("Imported %u contact, completed %u existing ones",
                                         "Imported %u contacts, completed %u existing ones", counts.n_added),
                               counts.n_added, counts.n_merged);
  else
    message = g_strdup_printf (ngettext ("Imported %u contact", "Imported %u contacts", counts.n_added),
                               counts.n_added);

  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* }}} */
/* Actions {{{ */

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (widget);

  if (self->file == NULL || self->importing)
    return;

  self->importing = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress, 0);

  gtk_widget_action_set_enabled (widget, "import.import", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "importing");
  update_progress_cb (self);
  self->progress_id = g_timeout_add (100, update_progress_cb, self);

  /* The dialog stays alive until the import answers: the progress counter
   * it owns is written by the database thread until then. */
  rapport_contact_import_run_async (self->store, self->file,
                                    adw_combo_row_get_selected (self->merge_row) == 1,
                                    &self->progress, self->cancellable, imported_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);

  /* While importing, the dialog closes once the transaction is rolled back. */
  if (!self->importing)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* }}} */
/* GObject {{{ */

static gboolean
rapport_import_dialog_close_request (GtkWindow *window)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (window);

  if (self->importing)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (rapport_import_dialog_parent_class)->close_request (window);
}

static void
rapport_import_dialog_dispose (GObject *object)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_import_dialog_parent_class)->dispose (object);
}

static void
rapport_import_dialog_class_init (RapportImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_import_dialog_dispose;
  window_class->close_request = rapport_import_dialog_close_request;

  /**
   * RapportImportDialog::done:
   * @message: what happened, for a toast
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, invalid_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, merge_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, sample_list);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
}

static void
rapport_import_dialog_init (RapportImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/* }}} */

/**
 * rapport_import_dialog_new:
 *
 * Starts reading @file at once; the dialog shows what it found.
 */
GtkWidget *
rapport_import_dialog_new (RapportContactStore *store,
                           GFile               *file)
{
  RapportImportDialog *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RAPPORT_TYPE_IMPORT_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_object_set_data_full (G_OBJECT (self), "file", g_object_ref (file), g_object_unref);

  self->cancellable = g_cancellable_new ();
  rapport_contact_file_read_async (file, self->cancellable, file_read_cb, g_object_ref (self));

  return GTK_WIDGET (self);
}
