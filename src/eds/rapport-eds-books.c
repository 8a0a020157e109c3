/* rapport-eds-books.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-eds"

#include "config.h"

#include <glib/gi18n.h>

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-eds-books.h"
#include "rapport-eds-registry.h"

/* The user's address books (GNOME Contacts' own, Google's, a CardDAV
 * server's), read whole as vCard text for the import preview that files
 * already have: the same parser, duplicate check and all-or-nothing
 * import, whatever the contacts came from. */

void
rapport_eds_books_list_async (GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  rapport_eds_registry_list_async (E_SOURCE_EXTENSION_ADDRESS_BOOK, cancellable, callback, user_data);
}

GPtrArray *
rapport_eds_books_list_finish (GAsyncResult  *result,
                               GError       **error)
{
  return rapport_eds_registry_list_finish (result, error);
}

/* Many thousands of contacts take a while to write out: on a thread. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  for (GSList *l = task_data; l != NULL; l = l->next, n++)
    {
      g_autofree char *card = e_vcard_to_string (E_VCARD (l->data), EVC_FORMAT_VCARD_30);

      if (n % 1024 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      g_string_append (text, card);
      g_string_append (text, "\r\n");
    }
  if (g_task_return_error_if_cancelled (task))
    g_string_free (text, TRUE);
  else
    g_task_return_pointer (task, g_string_free_to_bytes (text), (GDestroyNotify) g_bytes_unref);
}

static void
free_contacts (gpointer data)
{
  g_slist_free_full (data, g_object_unref);
}

static void
contacts_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSList *contacts = NULL;
  GError *error = NULL;

  if (!e_book_client_get_contacts_finish (E_BOOK_CLIENT (object), result, &contacts, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, contacts, free_contacts);
  g_task_run_in_thread (task, write_thread);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(EClient) client = e_book_client_connect_finish (result, &error);
  EBookQuery *query;
  g_autofree char *sexp = NULL;

  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  query = e_book_query_any_field_contains ("");
  sexp = e_book_query_to_string (query);
  e_book_query_unref (query);
  e_book_client_get_contacts (E_BOOK_CLIENT (client), sexp, g_task_get_cancellable (task),
                              contacts_cb, g_object_ref (task));
}

static void
read_registry_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(ESource) source = rapport_eds_registry_find_finish (result, &error);

  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A book whose server is away is read from EDS's own copy. */
  e_book_client_connect (source, (guint32) -1, g_task_get_cancellable (task), connect_cb, g_object_ref (task));
}

void
rapport_eds_books_read_async (const char          *source_uid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_books_read_async);
  rapport_eds_registry_find_async (source_uid, E_SOURCE_EXTENSION_ADDRESS_BOOK, cancellable, read_registry_cb,
                                   task);
}

GBytes *
rapport_eds_books_read_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
