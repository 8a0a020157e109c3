/* rapport-image-export.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-image-export.h"

/* Where a picture (the network, a chart) is saved: the file chooser, which
 * is the portal's inside a sandbox, for an SVG or a PNG file. */

typedef struct
{
  GtkWidget              *widget;
  RapportImageFormat      format;
  RapportImageChosenFunc  chosen;
  gpointer                user_data;
} Choice;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        choice->chosen (choice->widget, choice->format, file, choice->user_data);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (choice->widget);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * rapport_image_export_choose:
 * @widget: the widget asking, whose window the chooser belongs to
 * @title: the chooser's title, e.g. "Export the Network"
 * @name: the suggested file name without its extension, translated
 * @chosen: called with the file, if the user chooses one
 */
void
rapport_image_export_choose (GtkWidget              *widget,
                             const char             *title,
                             const char             *name,
                             RapportImageFormat      format,
                             RapportImageChosenFunc  chosen,
                             gpointer                user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  gboolean svg = format == RAPPORT_IMAGE_SVG;
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL && name != NULL && chosen != NULL);

  root = gtk_widget_get_root (widget);
  gtk_file_filter_set_name (filter, svg ? _("SVG Image (.svg)") : _("PNG Image (.png)"));
  gtk_file_filter_add_suffix (filter, svg ? "svg" : "png");
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  file_name = g_strconcat (name, svg ? ".svg" : ".png", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  choice = g_new0 (Choice, 1);
  choice->widget = g_object_ref (widget);
  choice->format = format;
  choice->chosen = chosen;
  choice->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
