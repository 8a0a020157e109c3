/* rapport-address-books-group.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-address-books-group"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-address-book.h"
#include "rapport-birthday.h"
#include "rapport-address-books-group.h"
#include "rapport-toast.h"

/* The Address Books group of Preferences, beside the calendar's: each of
 * the user's address books with its "Keep in Sync" switch, and under a
 * book kept in sync, a row for each contact changed differently in both
 * places, with the two values and the choice between them. A conflict is
 * never settled without the user; until then each side keeps its value.
 * Without EDS the status row says so and nothing else changes. */
struct _RapportAddressBooksGroup
{
  AdwPreferencesGroup  parent_instance;

  RapportApplication  *application;
  GSettings           *settings;
  GCancellable        *cancellable;
  GPtrArray           *books;      /* of RapportEdsSource */
  GHashTable          *book_rows;  /* source UID → its row */
  GPtrArray           *rows;       /* the conflicts' rows, to replace */
  GHashTable          *watched;    /* the syncs whose "synced" rebuilds the rows */

  /* Template children */
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
};

G_DEFINE_FINAL_TYPE (RapportAddressBooksGroup, rapport_address_books_group, ADW_TYPE_PREFERENCES_GROUP)

static void rebuild (RapportAddressBooksGroup *self);


/* Choosing {{{ */

static void
switch_active_cb (GtkSwitch                *toggle,
                  GParamSpec               *pspec,
                  RapportAddressBooksGroup *self)
{
  const char *uid = g_object_get_data (G_OBJECT (toggle), "rapport-book-uid");
  g_auto(GStrv) books = g_settings_get_strv (self->settings, "synced-address-books");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  gboolean active = gtk_switch_get_active (toggle);

  if (g_strv_contains ((const char * const *) books, uid) == active)
    return;
  for (guint i = 0; books[i] != NULL; i++)
    if (!g_str_equal (books[i], uid))
      g_strv_builder_add (builder, books[i]);
  if (active)
    g_strv_builder_add (builder, uid);
  chosen = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "synced-address-books", (const char * const *) chosen);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportAddressBooksGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_sync_resolve_finish (RAPPORT_CONTACT_SYNC (object), result, &error))
    rapport_widget_add_toast (GTK_WIDGET (self), rapport_toast_new (error->message));
}

static void
keep_clicked_cb (GtkButton                *button,
                 RapportAddressBooksGroup *self)
{
  RapportContactSync *sync = g_object_get_data (G_OBJECT (button), "rapport-sync");
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "rapport-contact-id");
  RapportContactSyncKeep keep = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rapport-keep"));

  /* Once chosen, the row waits for the pass that carries the choice over. */
  gtk_widget_set_sensitive (gtk_widget_get_parent (GTK_WIDGET (button)), FALSE);
  rapport_contact_sync_resolve_async (sync, id, keep, NULL, resolved_cb, g_object_ref (self));
}

/* }}} */
/* The rows {{{ */

static void
add_row (RapportAddressBooksGroup *self,
         GtkWidget                *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static char *
shown_value (RapportBookField  field,
             const char       *value)
{
  g_auto(GStrv) parts = NULL;

  /* A birthday as the contact page shows it, not as it is stored. */
  if (field == RAPPORT_BOOK_FIELD_BIRTHDAY && *value != '\0')
    return rapport_birthday_dup_label (value);

  /* Lists are one value a line; in a subtitle, one after another. */
  parts = g_strsplit (*value != '\0' ? value : _("nothing"), "\n", -1);

  return g_strjoinv (", ", parts);
}

static GtkWidget *
keep_button (RapportAddressBooksGroup *self,
             RapportContactSync       *sync,
             RapportContactConflict   *conflict,
             RapportContactSyncKeep    keep)
{
  GtkWidget *button = gtk_button_new_with_label (keep == RAPPORT_CONTACT_SYNC_KEEP_RAPPORT
                                                 ? _("Keep Rapport’s") : _("Keep the Address Book’s"));

  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "rapport-sync", g_object_ref (sync), g_object_unref);
  g_object_set_data_full (G_OBJECT (button), "rapport-contact-id", g_memdup2 (&conflict->contact_id, sizeof (gint64)),
                          g_free);
  g_object_set_data (G_OBJECT (button), "rapport-keep", GINT_TO_POINTER (keep));
  g_signal_connect_object (button, "clicked", G_CALLBACK (keep_clicked_cb), self, 0);
  return button;
}

/* One side's value, with the button that keeps it. */
static GtkWidget *
side_row (RapportAddressBooksGroup *self,
          RapportContactSync       *sync,
          RapportContactConflict   *conflict,
          RapportContactSyncKeep    keep)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = keep_button (self, sync, conflict, keep);
  g_autofree char *value = shown_value (conflict->field,
                                       keep == RAPPORT_CONTACT_SYNC_KEEP_RAPPORT ? conflict->ours
                                                                                : conflict->theirs);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), keep == RAPPORT_CONTACT_SYNC_KEEP_RAPPORT
                                                            ? _("In Rapport") : _("In the Address Book"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* A conflict: the contact and the field, and under it each side's value
 * with its own button, so that the values keep the row's width even on a
 * phone. Open from the start: nothing is decided until the user chooses. */
static void
add_conflict (RapportAddressBooksGroup *self,
              RapportContactSync       *sync,
              RapportContactConflict   *conflict)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = NULL;

  /* Translators: a contact whose details were changed both in Rapport and in the address book */
  title = g_strdup_printf (_("Changed in both places: %s"), conflict->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), rapport_book_field_get_label (conflict->field));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), side_row (self, sync, conflict, RAPPORT_CONTACT_SYNC_KEEP_RAPPORT));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), side_row (self, sync, conflict, RAPPORT_CONTACT_SYNC_KEEP_BOOK));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  add_row (self, row);
}

static void
synced_cb (RapportContactSync       *sync,
           RapportAddressBooksGroup *self)
{
  rebuild (self);
}

static void
add_book (RapportAddressBooksGroup *self,
          const RapportEdsSource   *book,
          const char * const       *synced)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), book->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), book->account);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), g_strv_contains (synced, book->uid));
  /* Translators: the switch of an address book in Preferences, as in "Keep Personal in Sync" */
  label = g_strdup_printf (_("Keep %s in Sync"), book->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (toggle, _("Keep in Sync"));
  g_object_set_data_full (G_OBJECT (toggle), "rapport-book-uid", g_strdup (book->uid), g_free);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (switch_active_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  /* The row makes its title the switch's label too, and GTK 4.8 reads
   * both, "Keep Personal in Sync Personal": the switch's own name is
   * the whole of it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_hash_table_insert (self->book_rows, g_strdup (book->uid), row);
}

/* The books' states and the conflicts, after a pass or a switch: the
 * books' own rows stay, so that the focus does. */
static void
rebuild (RapportAddressBooksGroup *self)
{
  if (self->books == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->books->len; i++)
    {
      RapportEdsSource *book = g_ptr_array_index (self->books, i);
      RapportContactSync *sync = rapport_application_get_contact_sync (self->application, book->uid);
      const char *message = sync != NULL ? rapport_contact_sync_get_message (sync) : NULL;
      AdwActionRow *row = g_hash_table_lookup (self->book_rows, book->uid);

      adw_action_row_set_subtitle (row, message != NULL ? message : book->account);
      if (sync == NULL)
        continue;
      if (!g_hash_table_contains (self->watched, sync))
        {
          g_hash_table_add (self->watched, g_object_ref (sync));
          g_signal_connect_object (sync, "synced", G_CALLBACK (synced_cb), self, 0);
        }
      for (guint c = 0; c < rapport_contact_sync_get_conflicts (sync)->len; c++)
        add_conflict (self, sync, g_ptr_array_index (rapport_contact_sync_get_conflicts (sync), c));
    }
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportAddressBooksGroup *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) books = rapport_address_book_list_finish (result, &error);
  g_auto(GStrv) synced = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (books == NULL)
    {
      g_debug ("No address books: %s", error->message);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Address books are not available"));
      adw_action_row_set_subtitle (self->status_row,
                                   _("Rapport uses evolution-data-server, the service behind GNOME Contacts, to "
                                     "reach your address books; it is not installed or not running."));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  self->books = g_ptr_array_ref (books);
  synced = g_settings_get_strv (self->settings, "synced-address-books");
  for (guint i = 0; i < books->len; i++)
    add_book (self, g_ptr_array_index (books, i), (const char * const *) synced);
  rebuild (self);
}

/* }}} */
/* GObject {{{ */

static void
rapport_address_books_group_dispose (GObject *object)
{
  RapportAddressBooksGroup *self = RAPPORT_ADDRESS_BOOKS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);
  g_clear_pointer (&self->books, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->book_rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_ADDRESS_BOOKS_GROUP);

  G_OBJECT_CLASS (rapport_address_books_group_parent_class)->dispose (object);
}

static void
rapport_address_books_group_class_init (RapportAddressBooksGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_address_books_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapport/Rapport/ui/rapport-address-books-group.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAddressBooksGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportAddressBooksGroup, status_icon);
}

static void
rapport_address_books_group_init (RapportAddressBooksGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->book_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

/* }}} */

void
rapport_address_books_group_set_application (RapportAddressBooksGroup *self,
                                             RapportApplication       *application,
                                             GSettings                *settings)
{
  g_return_if_fail (RAPPORT_IS_ADDRESS_BOOKS_GROUP (self));
  g_return_if_fail (self->application == NULL);

  self->application = g_object_ref (application);
  self->settings = g_object_ref (settings);
  /* A book switched on has its sync only once the application made it. */
  g_signal_connect_object (self->settings, "changed::synced-address-books", G_CALLBACK (rebuild), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* Listing loads the module and asks EDS's registry: not before
   * Preferences opens, and never on the main thread. */
  rapport_address_book_list_async (self->cancellable, listed_cb, self);
}
