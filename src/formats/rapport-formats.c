/* rapport-formats.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-formats"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-formats.h"
#include "rapport-import-private.h"
#include "rapport-module.h"
#include "rapport-vcard.h"

/* vCard support comes from Evolution Data Server's libebook-contacts, which
 * brings some forty libraries (camel, ICU, NSS, libphonenumber with protobuf
 * and abseil, krb5, libsoup) whose loading, relocation and C++ constructors
 * made every start of Rapport a third slower than a bare window. libical,
 * for iCalendar, brings ICU as well. Both are used only when a file is
 * imported or exported, so they live in a module of their own
 * (rapport-formats.so), loaded on first use, off the main thread.
 *
 * The functions below keep the names the rest of the program calls. */

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-formats.so", RAPPORT_FORMATS_MODULE_SYMBOL);

static void
prefix_error (GError **error)
{
  /* Translators: the reason from the system's loader follows */
  g_prefix_error (error, _("Rapport’s support for vCard and iCalendar files could not be loaded: "));
}

/**
 * rapport_formats_load:
 *
 * Loads the module the first time, which reads files from disk: call it
 * from a worker thread, or use rapport_formats_load_async().
 *
 * Returns: (transfer none) (nullable): the module's functions
 */
const RapportFormats *
rapport_formats_load (GError **error)
{
  const RapportFormats *formats = rapport_module_get_table (&module, error);

  if (formats == NULL)
    prefix_error (error);
  return formats;
}

void
rapport_formats_load_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  rapport_module_load_async (&module, cancellable, callback, user_data);
}

gboolean
rapport_formats_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  if (rapport_module_load_finish (result, error))
    return TRUE;
  prefix_error (error);
  return FALSE;
}

/* The module's functions, by the names the rest of the program knows {{{ */

gboolean
rapport_vcard_read (GInputStream      *stream,
                    RapportVCardFunc   func,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  const RapportFormats *f = rapport_formats_load (error);

  return f != NULL && f->vcard_read (stream, func, user_data, cancellable, error);
}

char *
rapport_vcard_write (GPtrArray *contacts)
{
  const RapportFormats *f = rapport_formats_load (NULL);

  /* Callers load the module first (rapport_formats_load_async()) and say so
   * when it is missing; this only keeps the program standing. */
  return f != NULL ? f->vcard_write (contacts) : g_strdup ("");
}

char *
rapport_ics_make_uid (gint64      id,
                      const char *salt)
{
  const RapportFormats *f = rapport_formats_load (NULL);

  return f != NULL ? f->ics_make_uid (id, salt) : g_strdup_printf ("meeting-%" G_GINT64_FORMAT "@rapport.github.io", id);
}

char *
rapport_ics_write (const RapportIcsEvent  *events,
                   guint                   n_events,
                   GError                **error)
{
  const RapportFormats *f = rapport_formats_load (error);

  return f != NULL ? f->ics_write (events, n_events, error) : NULL;
}

/* }}} */
