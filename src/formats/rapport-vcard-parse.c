/* rapport-vcard-parse.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-formats"

#include "config.h"

#include "rapport-import-private.h"
#include "rapport-vcard.h"

/* rapport_vcard_parse() is rapport_vcard_read() over a buffer. It lives
 * apart from both the module and its trampolines (rapport-formats.c) so that
 * the fuzz binary, which links the parser itself, uses the same code. */

/* A card that cannot be imported fails the whole parse here. */
static gboolean
collect_contact_cb (RapportContact  *contact,
                    const GError    *invalid,
                    gpointer         user_data,
                    GError         **error)
{
  if (contact == NULL)
    {
      g_propagate_error (error, g_error_copy (invalid));
      return FALSE;
    }

  g_ptr_array_add (user_data, contact);
  return TRUE;
}

GPtrArray *
rapport_vcard_parse (const char    *data,
                     gsize          length,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = g_memory_input_stream_new_from_data (data, length, NULL);
  contacts = g_ptr_array_new_with_free_func (g_object_unref);
  if (!rapport_vcard_read (stream, collect_contact_cb, contacts, cancellable, error))
    {
      _rapport_import_drop_array (g_steal_pointer (&contacts));
      return NULL;
    }

  return g_steal_pointer (&contacts);
}
