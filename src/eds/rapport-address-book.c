/* rapport-address-book.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-address-book"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-address-book.h"
#include "rapport-eds-backend.h"
#include "rapport-module.h"

/* Importing from an address book of evolution-data-server goes through the
 * import preview that files have, so that the duplicate check, the column
 * of what is new and the all-or-nothing import are the same: the book is
 * read whole (in rapport-eds.so) into a private vCard file, and the
 * preview opens that. Re-importing the same book adds only what is new. */

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-eds.so", RAPPORT_EDS_BACKEND_SYMBOL);

static const RapportEdsBackend *
backend (void)
{
  return rapport_module_peek_table (&module);
}

static gboolean
module_loaded (GAsyncResult  *result,
               GError       **error)
{
  if (rapport_module_load_finish (result, error))
    return TRUE;
  g_prefix_error (error, "%s", _("Address books need evolution-data-server, which could not be loaded: "));
  return FALSE;
}

/* Listing {{{ */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *books = backend ()->list_books_finish (result, &error);

  if (books == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, books, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_module_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!module_loaded (result, &error))
    g_task_return_error (task, error);
  else
    backend ()->list_books_async (g_task_get_cancellable (task), listed_cb, g_object_ref (task));
}

void
rapport_address_book_list_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_address_book_list_async);
  rapport_module_load_async (&module, cancellable, list_module_cb, task);
}

GPtrArray *
rapport_address_book_list_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* The copy {{{ */

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *cards = task_data;
  g_autofree char *folder = g_build_filename (g_get_user_runtime_dir (), "rapport", NULL);
  g_autofree char *name = g_strdelimit (g_strconcat (g_task_get_name (task), ".vcf", NULL), "/\\", '-');
  g_autofree char *path = g_build_filename (folder, name, NULL);
  GError *error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (cards, &size);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder,
                               g_strerror (saved));
      return;
    }
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_file_new_for_path (path), g_object_unref);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *cards = backend ()->read_book_finish (result, &error);

  if (cards == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, cards, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, write_thread);
}

static void
copy_module_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!module_loaded (result, &error))
    g_task_return_error (task, error);
  else
    backend ()->read_book_async (g_object_get_data (G_OBJECT (task), "rapport-book-uid"),
                                 g_task_get_cancellable (task), read_cb, g_object_ref (task));
}

void
rapport_address_book_copy_async (const RapportEdsSource *book,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (book != NULL);

  g_task_set_source_tag (task, rapport_address_book_copy_async);
  /* The file, and so the preview, is named after the book. */
  g_task_set_name (task, book->name);
  g_object_set_data_full (G_OBJECT (task), "rapport-book-uid", g_strdup (book->uid), g_free);
  rapport_module_load_async (&module, cancellable, copy_module_cb, task);
}

GFile *
rapport_address_book_copy_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rapport_address_book_forget_copy (GFile *copy)
{
  g_return_if_fail (G_IS_FILE (copy));
  g_file_delete_async (copy, G_PRIORITY_LOW, NULL, NULL, NULL);
}

void
rapport_address_book_forget_copy_and_unref (GFile *copy)
{
  rapport_address_book_forget_copy (copy);
  g_object_unref (copy);
}

/* }}} */
