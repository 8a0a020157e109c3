/* rapport-imap-stream.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libetpan speaks IMAP; GIO carries the bytes. libetpan's own TLS does
 * not check the server's certificate against the host name, and its
 * sockets wait in poll() with a timeout of their own; GIO's TLS verifies
 * (GTlsClientConnection, with the account's extra CA if any) and every
 * read and write honours the sync's GCancellable, so that quitting stops
 * a sync at once. This driver is the bridge: libetpan reads and writes
 * through whichever GIOStream is current (plain, then TLS after STARTTLS).
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include "rapport-imap-stream.h"

static void
remember (RapportImapStream *io,
          GError            *error)
{
  if (io->error == NULL)
    io->error = error;
  else
    g_error_free (error);
}

static ssize_t
stream_read (mailstream_low *low,
             void           *buffer,
             size_t          count)
{
  RapportImapStream *io = low->data;
  GError *error = NULL;
  gssize n;

  n = g_input_stream_read (g_io_stream_get_input_stream (io->stream), buffer, count, io->cancellable, &error);
  if (n < 0)
    remember (io, error);
  return n;
}

static ssize_t
stream_write (mailstream_low *low,
              const void     *buffer,
              size_t          count)
{
  RapportImapStream *io = low->data;
  GError *error = NULL;
  gsize written = 0;

  if (!g_output_stream_write_all (g_io_stream_get_output_stream (io->stream), buffer, count, &written,
                                  io->cancellable, &error))
    {
      remember (io, error);
      return -1;
    }
  return (ssize_t) written;
}

/* The connection is closed by its owner (rapport-imap-client.c). */
static int
stream_close (mailstream_low *low)
{
  return 0;
}

static int
stream_get_fd (mailstream_low *low)
{
  return -1;
}

static void
stream_free (mailstream_low *low)
{
  free (low);
}

static void
stream_cancel (mailstream_low *low)
{
  RapportImapStream *io = low->data;

  g_cancellable_cancel (io->cancellable);
}

static struct mailstream_cancel *
stream_get_cancel (mailstream_low *low)
{
  return NULL;
}

static carray *
stream_get_certificate_chain (mailstream_low *low)
{
  return NULL;
}

/* IDLE is not used (the sync polls), so there is nothing to set up. */
static int
stream_idle_unsupported (mailstream_low *low)
{
  return -1;
}

static mailstream_low_driver driver = {
  stream_read,
  stream_write,
  stream_close,
  stream_get_fd,
  stream_free,
  stream_cancel,
  stream_get_cancel,
  stream_get_certificate_chain,
  stream_idle_unsupported,
  stream_idle_unsupported,
  stream_idle_unsupported,
};

mailstream *
rapport_imap_stream_open (RapportImapStream *io)
{
  mailstream_low *low;
  mailstream *stream;

  g_return_val_if_fail (io != NULL && io->stream != NULL, NULL);

  low = mailstream_low_new (io, &driver);
  if (low == NULL)
    return NULL;
  stream = mailstream_new (low, 8192);
  if (stream == NULL)
    mailstream_low_free (low);
  return stream;
}
