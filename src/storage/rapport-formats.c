/* rapport-formats.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-formats"

#include "config.h"

#include <gmodule.h>
#include <glib/gi18n.h>

#include "rapport-formats.h"
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

static const RapportFormats *formats;
static char *load_error;

static gpointer
load_once (gpointer data)
{
  g_autoptr(GError) error = NULL;
  RapportFormatsModuleGet get;

  get = (RapportFormatsModuleGet) rapport_module_open ("rapport-formats.so", RAPPORT_FORMATS_MODULE_SYMBOL, &error);
  if (get == NULL)
    {
      load_error = g_strdup (error->message);
      return NULL;
    }
  formats = get ();
  return (gpointer) formats;
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
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_once, NULL);
  if (formats == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 /* Translators: %s is the reason from the system's loader */
                 _("Rapport’s support for vCard and iCalendar files could not be loaded: %s"),
                 load_error != NULL ? load_error : "");
  return formats;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (rapport_formats_load (&error) != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
rapport_formats_load_async (GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_formats_load_async);
  g_task_run_in_thread (task, load_thread);
}

gboolean
rapport_formats_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The module's functions, by the names the rest of the program knows {{{ */

GPtrArray *
rapport_vcard_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  const RapportFormats *f = rapport_formats_load (error);

  return f != NULL ? f->vcard_parse (data, length, error) : NULL;
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
