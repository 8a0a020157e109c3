/* fuzz-ics.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libFuzzer target for the iCalendar writer. The input is cut into up to
 * three events: for each, 16 bytes of numbers (start, length, reminder),
 * then four texts ended by NUL bytes (uid, summary, description, location).
 * Whatever comes in, the writer must not crash, and what it writes must read
 * back as that many events, with the same UIDs and starts, in valid UTF-8
 * lines of at most 75 octets.
 *
 * Built with clang's -fsanitize=fuzzer when meson is set up with
 * -Dfuzzing=true (see tests/fuzz/README); otherwise fuzz-main.c replays the
 * corpus as an ordinary test.
 */

#include "config.h"

#include <libical/ical.h>

#include "rapport-ics.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT, not on
 * the SIGTRAP of g_error(). */
#define fail(...) G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

#define N_TEXTS 4
#define MAX_EVENTS 3

typedef struct
{
  const guint8 *data;
  size_t        size;
} Reader;

static guint64
read_number (Reader *reader,
             guint   n_bytes)
{
  guint64 value = 0;

  for (guint i = 0; i < n_bytes && reader->size > 0; i++)
    {
      value = (value << 8) | reader->data[0];
      reader->data++;
      reader->size--;
    }

  return value;
}

static char *
read_text (Reader *reader)
{
  const guint8 *end = memchr (reader->data, '\0', reader->size);
  size_t length = end != NULL ? (size_t)(end - reader->data) : reader->size;
  char *text = g_strndup ((const char *)reader->data, length);

  reader->data += length;
  reader->size -= length;
  if (reader->size > 0)
    {
      reader->data++;
      reader->size--;
    }

  return text;
}

/* Numbers are folded into ranges a little wider than the valid ones, so
 * that most inputs are written and the edges are tried too. */
static void
read_event (Reader          *reader,
            RapportIcsEvent *event,
            char           **texts)
{
  gint64 start = (gint64)(read_number (reader, 8) % G_GUINT64_CONSTANT (32535302400));

  event->starts_at = start - 86400;
  event->duration = (int)(read_number (reader, 4) % 2000) - 5;
  event->alarm_minutes = (int)(read_number (reader, 4) % 3000) - 100;

  for (guint i = 0; i < N_TEXTS; i++)
    texts[i] = read_text (reader);

  /* NULL is allowed for every text but the UID. */
  event->uid = texts[0];
  event->summary = texts[1][0] == 'N' && texts[1][1] == '\0' ? NULL : texts[1];
  event->description = texts[2];
  event->location = texts[3];
}

static void
check_output (const char            *ics,
              const RapportIcsEvent *events,
              guint                  n_events)
{
  g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
  icalcomponent *calendar;
  icalcomponent *vevent;
  guint n = 0;

  if (!g_utf8_validate (ics, -1, NULL))
    fail ("output is not UTF-8");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strlen (lines[i]) > 75 || !g_utf8_validate (lines[i], -1, NULL) || strchr (lines[i], '\n') != NULL)
        fail ("line %u is badly folded (%zu octets): %s", i, strlen (lines[i]), lines[i]);
    }

  calendar = icalparser_parse_string (ics);
  if (calendar == NULL)
    fail ("output does not parse");

  for (vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL;
       vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (n >= n_events)
        fail ("more events read back than written");
      if (g_strcmp0 (icalcomponent_get_uid (vevent), events[n].uid) != 0)
        fail ("event %u does not read back: UID \"%s\" for \"%s\"\n%s", n,
              icalcomponent_get_uid (vevent), events[n].uid, ics);
      if (icaltime_as_timet_with_zone (icalcomponent_get_dtstart (vevent), icaltimezone_get_utc_timezone ())
          != events[n].starts_at)
        fail ("event %u starts at another time:\n%s", n, ics);
      n++;
    }

  if (n != n_events)
    fail ("%u events written, %u read back", n_events, n);

  icalcomponent_free (calendar);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  Reader reader = { data, size };
  RapportIcsEvent events[MAX_EVENTS] = { 0 };
  char *texts[MAX_EVENTS][N_TEXTS] = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  guint n_events;

  if (size == 0)
    return 0;

  n_events = 1 + read_number (&reader, 1) % MAX_EVENTS;
  for (guint i = 0; i < n_events; i++)
    read_event (&reader, &events[i], texts[i]);

  ics = rapport_ics_write (events, n_events, &error);
  if (ics != NULL)
    check_output (ics, events, n_events);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    fail ("unexpected error: %s", error->message);

  for (guint i = 0; i < n_events; i++)
    for (guint j = 0; j < N_TEXTS; j++)
      g_free (texts[i][j]);

  return 0;
}
