/* rapport-window-files.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-contact-export.h"
#include "rapport-contacts-page.h"
#include "rapport-import-dialog.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"

/* Contacts in and out as files: win.import (the file chooser), win.import-file
 * (a file given on the command line or by the file manager, which the
 * application passes as a URI), win.export (what the contacts page lists)
 * and win.export-contact (the contact it shows); each import is shown in
 * the preview dialog on the contacts page. */

static void
import_done_cb (RapportWindow *self,
                const char    *message)
{
  _rapport_window_add_toast (self, rapport_toast_new (message));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    RapportWindow   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    _rapport_window_import_file (self, file);
}

/* `rapport FILE` and files opened from the file manager: the application
 * passes their URIs here, since it does not reach into a window. */
static void
import_file_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _rapport_window_import_file (RAPPORT_WINDOW (user_data), file);
}

static GtkFileFilter *
contacts_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Contacts (vCard, CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/vcard");
  gtk_file_filter_add_mime_type (filter, "text/x-vcard");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "vcf");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RapportWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = contacts_filter ();

  chooser = gtk_file_chooser_native_new (_("Import Contacts"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  n = rapport_contact_export_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (error != NULL)
    /* Translators: %s is an error message */
    message = g_strdup_printf (_("Could not export the contacts: %s"), error->message);
  else
    message = g_strdup_printf (ngettext ("Exported %u contact", "Exported %u contacts", n), n);

  _rapport_window_add_toast (self, rapport_toast_new (message));
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    RapportWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  RapportContactStore *store = rapport_context_get_contact_store (_rapport_window_get_context (self));
  gint64 contact_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "contact-id"));
  RapportContactsPage *page;
  RapportExportFormat format;
  gboolean verbatim = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      verbatim = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "verbatim"), "true") == 0;
    }
  g_object_unref (chooser);

  if (file == NULL)
    return;

  format = rapport_contact_export_format_for_file (file);
  if (format == RAPPORT_EXPORT_CSV && verbatim)
    format = RAPPORT_EXPORT_CSV_VERBATIM;

  if (contact_id != 0)
    {
      rapport_contact_export_ids_async (store, &contact_id, 1, file, format, NULL, exported_cb, g_object_ref (self));
      return;
    }

  /* What the contacts page lists, searched and filtered as it is. */
  page = _rapport_window_ensure_contacts_page (self);
  rapport_contact_export_async (store, rapport_contact_list_get_query (rapport_contacts_page_get_list (page)),
                                file, format, NULL, exported_cb, g_object_ref (self));
}

static void
export_contacts (RapportWindow *self,
                 gint64         contact_id,
                 const char    *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (vcard, _("vCard (.vcf)"));
  gtk_file_filter_add_suffix (vcard, "vcf");
  gtk_file_filter_set_name (csv, _("Spreadsheet (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");

  chooser = gtk_file_chooser_native_new (_("Export Contacts"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), vcard);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  /* A spreadsheet runs a cell that starts like a formula; an export guards
   * such cells unless asked not to (rapport-csv.h). */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "verbatim",
                               _("In a spreadsheet, keep cells that start with = + - or @ exactly as they are"),
                               NULL, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "contact-id", GSIZE_TO_POINTER ((gsize) contact_id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  /* Translators: the suggested file name of an export */
  export_contacts (user_data, 0, _("contacts.vcf"));
}

/* The contact shown on the contacts page, on its own. */
static void
export_contact_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RapportWindow *self = user_data;
  RapportContact *contact = rapport_contacts_page_get_contact (_rapport_window_ensure_contacts_page (self));
  g_autofree char *name = NULL;

  if (contact == NULL)
    return;

  name = g_strdup_printf ("%s.vcf", rapport_contact_get_display_name (contact));
  g_strdelimit (name, "/\\", '-');
  export_contacts (self, rapport_contact_get_id (contact), name);
}

static const GActionEntry file_actions[] = {
  { "import", import_action },
  { "import-file", import_file_action, "s" },
  { "export", export_action },
  { "export-contact", export_contact_action },
};

void
_rapport_window_add_file_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions), self);
}

/**
 * _rapport_window_import_file:
 *
 * Shows the import preview of @file on the contacts page.
 *
 * Returns: (transfer none): the preview
 */
GtkWidget *
_rapport_window_import_file (RapportWindow *self,
                             GFile         *file)
{
  GtkWidget *dialog;

  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  rapport_window_set_page_name (self, "contacts");
  dialog = rapport_import_dialog_new (rapport_context_get_contact_store (_rapport_window_get_context (self)), file);
  g_signal_connect_object (dialog, "done", G_CALLBACK (import_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
