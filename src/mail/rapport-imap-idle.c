/* rapport-imap-idle.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting for new mail in INBOX with IMAP IDLE (RFC 2177), so that a reply
 * shows in Rapport within seconds rather than at the next check, without
 * asking the server again and again. libetpan sends IDLE and DONE; the wait
 * between them is GIO's: the connection's TLS stream is pollable, and its
 * source also fires when the sync's cancellable is cancelled, so quitting
 * stops a wait at once, as it stops a read.
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-imap-idle.h"

typedef enum { WAITING, READABLE, TIMED_OUT } Wait;

static gboolean
readable_cb (GObject  *stream,
             gpointer  user_data)
{
  *(Wait *) user_data = READABLE;
  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(Wait *) user_data = TIMED_OUT;
  return G_SOURCE_REMOVE;
}

/* Until the server says something, @ms pass, or the cancellable is
 * cancelled (FALSE with the cancelled error). */
static gboolean
wait_for_server (RapportImapClient  *client,
                 guint               ms,
                 gboolean           *readable,
                 GError            **error)
{
  GInputStream *input = g_io_stream_get_input_stream (client->io.stream);
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GSource) source = NULL;
  g_autoptr(GSource) timeout = NULL;
  Wait wait = WAITING;

  /* What libetpan already read past IDLE's "+ idling" is waiting in its
   * buffer, not on the connection. */
  if (client->imap->imap_stream != NULL && client->imap->imap_stream->read_buffer_len > 0)
    {
      *readable = TRUE;
      return TRUE;
    }
  if (!G_IS_POLLABLE_INPUT_STREAM (input) || !g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (input)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The connection cannot be waited on");
      return FALSE;
    }

  context = g_main_context_new ();
  source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (input), client->io.cancellable);
  g_source_set_callback (source, G_SOURCE_FUNC (readable_cb), &wait, NULL);
  g_source_attach (source, context);
  timeout = g_timeout_source_new (ms);   /* not _seconds(): that one may fire a second early */
  g_source_set_callback (timeout, timeout_cb, &wait, NULL);
  g_source_attach (timeout, context);
  while (wait == WAITING)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (source);
  g_source_destroy (timeout);

  if (g_cancellable_set_error_if_cancelled (client->io.cancellable, error))
    return FALSE;
  *readable = wait == READABLE;
  return TRUE;
}

/**
 * rapport_imap_idle_wait:
 * @client: a logged-in connection
 * @seconds: how long to wait at most
 * @error: %G_IO_ERROR_NOT_SUPPORTED when the server offers no IDLE
 *
 * Examines INBOX and waits in IDLE until the number of its messages grows
 * or @seconds pass. Flags changed elsewhere (mail read on the phone) and
 * messages removed wake the wait but do not count, and it goes on waiting.
 *
 * Returns: %TRUE when INBOX has new mail, %FALSE when @seconds passed
 *   (without @error) or on error
 */
gboolean
rapport_imap_idle_wait (RapportImapClient  *client,
                        guint               seconds,
                        GError            **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  guint32 exists;
  int rc;

  if (!mailimap_has_idle (client->imap))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("%s cannot tell when new mail arrives"),
                   client->server);
      return FALSE;
    }
  rc = mailimap_examine (client->imap, "INBOX");
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error);
  exists = client->imap->imap_selection_info->sel_exists;

  for (;;)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      gboolean readable = FALSE;

      if (left <= 0)
        return FALSE;
      rc = mailimap_idle (client->imap);
      if (rc != MAILIMAP_NO_ERROR)
        return rapport_imap_client_fail (client, rc, error);
      if (!wait_for_server (client, (guint) ((left + 999) / 1000), &readable, error))
        return FALSE;
      /* DONE ends the IDLE; libetpan reads the untagged EXISTS that woke
       * the wait into the selection's state on the way. */
      rc = mailimap_idle_done (client->imap);
      if (rc != MAILIMAP_NO_ERROR)
        return rapport_imap_client_fail (client, rc, error);
      if (client->imap->imap_selection_info->sel_exists > exists)
        return TRUE;
      exists = client->imap->imap_selection_info->sel_exists;   /* fewer after an EXPUNGE */
      if (!readable)
        return FALSE;
    }
}
