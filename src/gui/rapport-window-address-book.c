/* rapport-window-address-book.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-address-book.h"
#include "rapport-toast.h"
#include "rapport-window-private.h"

/* win.import-address-book: the user picks one of their address books
 * (GNOME Contacts', an online account's, a CardDAV server's, through
 * evolution-data-server) and gets the import preview that a file gets.
 * The copy the preview reads is deleted when the preview closes. */

typedef struct
{
  RapportWindow *window;
  GPtrArray     *books;     /* of RapportEdsSource */
  GPtrArray     *buttons;   /* the radio button of each book */
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->window);
  g_clear_pointer (&choice->books, g_ptr_array_unref);
  g_clear_pointer (&choice->buttons, g_ptr_array_unref);
  g_free (choice);
}

static void
copied_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = rapport_address_book_copy_finish (result, &error);
  GtkWidget *preview;

  if (copy == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Could not read the address book: %s", error->message);
      /* Translators: the reason follows */
      message = g_strdup_printf (_("The address book could not be read: %s"), error->message);
      _rapport_window_add_toast (self, rapport_toast_new (message));
      return;
    }

  preview = _rapport_window_import_file (self, copy);
  g_object_set_data_full (G_OBJECT (preview), "rapport-address-book-copy", g_steal_pointer (&copy),
                          (GDestroyNotify) rapport_address_book_forget_copy_and_unref);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Choice           *choice)
{
  if (!g_str_equal (response, "import"))
    return;

  for (guint i = 0; i < choice->buttons->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (choice->buttons, i)))
      rapport_address_book_copy_async (g_ptr_array_index (choice->books, i), NULL, copied_cb,
                                       g_object_ref (choice->window));
}

static void
show_choice (RapportWindow *self,
             GPtrArray     *books)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import From an Address Book"),
                                              _("Choose the address book. You will see who is new, and who "
                                                "is already in Rapport, before anything is added."));
  GtkWidget *list = gtk_list_box_new ();
  Choice *choice = g_new0 (Choice, 1);
  GtkCheckButton *group = NULL;

  choice->window = g_object_ref (self);
  choice->books = g_ptr_array_ref (books);
  choice->buttons = g_ptr_array_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < books->len; i++)
    {
      RapportEdsSource *book = g_ptr_array_index (books, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *radio = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), book->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), book->account);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (radio), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (radio), i == 0);
      gtk_widget_set_valign (radio, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (radio), GTK_ACCESSIBLE_PROPERTY_LABEL, book->name, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), radio);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), radio);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      group = group != NULL ? group : GTK_CHECK_BUTTON (radio);
      g_ptr_array_add (choice->buttons, radio);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Continue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), choice,
                         (GClosureNotify) (void (*) (void)) choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) books = rapport_address_book_list_finish (result, &error);
  GtkWidget *dialog;

  if (books != NULL && books->len > 0)
    {
      show_choice (self, books);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Address Books"),
                                   books != NULL
                                   ? _("evolution-data-server, the service behind GNOME Contacts, has no address "
                                       "book to import from.")
                                   : _("Rapport reaches your address books through evolution-data-server, the "
                                       "service behind GNOME Contacts; it is not installed or not running. "
                                       "You can still import a vCard or CSV file."));
  if (error != NULL)
    g_debug ("No address books: %s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_address_book_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  rapport_address_book_list_async (NULL, listed_cb, g_object_ref (user_data));
}

static const GActionEntry address_book_actions[] = {
  { "import-address-book", import_address_book_action },
};

void
_rapport_window_add_address_book_actions (RapportWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), address_book_actions, G_N_ELEMENTS (address_book_actions),
                                   self);
}
