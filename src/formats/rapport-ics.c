/* rapport-ics.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "rapport-ics.h"

/* iCalendar (RFC 5545) for meetings, so that they can go into the user's own
 * calendar. libical builds the text: it escapes commas, semicolons,
 * backslashes and newlines, and folds long lines without splitting a UTF-8
 * character, or should (see refold()). What it does not do is checked or
 * cleaned here first. */

#define PRODID "-//Rapport//Rapport//EN"

/* 3000-12-31T23:59:59Z: libical 3.0 writes any later time as
 * 00000000T000000, which is no time at all (found by fuzzing). */
#define LAST_TIME G_GINT64_CONSTANT (32535215999)

/* A year, in minutes: far beyond any meeting, and far from overflowing the
 * seconds that libical counts in an int. */
#define MAX_MINUTES (366 * 24 * 60)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Text fields are the user's: bytes that are not UTF-8 become U+FFFD rather
 * than failing a whole export. libical drops a lone CR and writes other
 * control characters as they are, which no reader understands, so line
 * breaks become LF and the other controls spaces. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (p[0] == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if (p[0] == '\n')
        g_string_append_c (out, '\n');
      else if ((guchar)p[0] < 0x20 || p[0] == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, p[0]);
    }

  return g_string_free (out, FALSE);
}

/* The identifier is what makes a second import update the first, so a
 * changed one would quietly duplicate events: a bad one fails instead.
 * libical's parser drops a leading space, so spaces at either end count as
 * bad too. */
static gboolean
uid_is_valid (const char *uid)
{
  gsize length;

  if (uid == NULL || uid[0] == '\0' || !g_utf8_validate (uid, -1, NULL))
    return FALSE;

  length = strlen (uid);
  if (g_ascii_isspace (uid[0]) || g_ascii_isspace (uid[length - 1]))
    return FALSE;

  for (const char *p = uid; *p != '\0'; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f)
        return FALSE;
    }

  return TRUE;
}

/* RFC 5545 folding: at most 75 octets a line, never inside a character. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = 75;

  while (length - start > limit)
    {
      gsize end = start + limit;

      while (end > start && ((guchar)line[end] & 0xc0) == 0x80)
        end--;
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n ");
      start = end;
      limit = 74;
    }

  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

/* libical 3.0 (3.0.16 in Debian 12) folds a line whose end falls on the
 * fold point into CR CR LF SP LF, or adds an empty continuation line; the
 * first breaks parsers, libical's own included (fixed in libical 4.0.3,
 * libical/libical#1338). So its folds are undone and done again here. */
static char *
refold (const char *ical)
{
  GString *unfolded = g_string_sized_new (strlen (ical));
  GString *out = g_string_sized_new (strlen (ical) + strlen (ical) / 64);
  g_auto(GStrv) lines = NULL;

  for (const char *p = ical; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && p[2] == ' ')
        p += 2;
      else
        g_string_append_c (unfolded, *p);
    }

  lines = g_strsplit (unfolded->str, "\r\n", -1);
  g_string_free (unfolded, TRUE);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        append_folded (out, lines[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
check_event (const RapportIcsEvent  *event,
             GError                **error)
{
  if (!uid_is_valid (event->uid))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A meeting to export has no valid identifier"));
      return FALSE;
    }

  if (event->duration < 1 || event->duration > MAX_MINUTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A meeting to export lasts %d minutes, which is not a valid length"),
                   event->duration);
      return FALSE;
    }

  if (event->starts_at < 0 || event->starts_at > LAST_TIME - (gint64)event->duration * 60)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A meeting to export is outside the years 1970 to 3000"));
      return FALSE;
    }

  if (event->alarm_minutes > MAX_MINUTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A meeting to export has a reminder %d minutes before it, which is too early"),
                   event->alarm_minutes);
      return FALSE;
    }

  return TRUE;
}

static struct icaltimetype
utc_time (gint64 unix_seconds)
{
  return icaltime_from_timet_with_zone ((time_t)unix_seconds, 0, icaltimezone_get_utc_timezone ());
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*new_property) (const char *),
          const char    *text)
{
  g_autofree char *clean = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  clean = clean_text (text);
  icalcomponent_add_property (component, new_property (clean));
}

static icalcomponent *
build_event (const RapportIcsEvent *event,
             struct icaltimetype    stamp)
{
  icalcomponent *vevent = icalcomponent_new_vevent ();

  icalcomponent_add_property (vevent, icalproperty_new_uid (event->uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (vevent, icalproperty_new_dtstart (utc_time (event->starts_at)));
  /* DTEND rather than DURATION: every calendar reads it. */
  icalcomponent_add_property (vevent, icalproperty_new_dtend (utc_time (event->starts_at + (gint64)event->duration * 60)));
  add_text (vevent, icalproperty_new_summary, event->summary);
  add_text (vevent, icalproperty_new_description, event->description);
  add_text (vevent, icalproperty_new_location, event->location);

  if (event->alarm_minutes >= 0)
    {
      icalcomponent *valarm = icalcomponent_new_valarm ();
      struct icaltriggertype trigger = icaltriggertype_from_int (-event->alarm_minutes * 60);

      icalcomponent_add_property (valarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (valarm, icalproperty_new_trigger (trigger));
      /* A DISPLAY alarm must have a description (RFC 5545, 3.6.6). */
      if (event->summary != NULL && event->summary[0] != '\0')
        add_text (valarm, icalproperty_new_description, event->summary);
      else
        icalcomponent_add_property (valarm, icalproperty_new_description (_("Meeting")));
      icalcomponent_add_component (vevent, valarm);
    }

  return vevent;
}

/**
 * rapport_ics_make_uid:
 * @id: the meeting's row id
 * @salt: (nullable): letters, digits and dashes kept for the database, so
 *   that two users' meeting 42 stay apart in one calendar
 *
 * Returns: (transfer full): a UID that stays the same for each export of
 *   the meeting
 */
char *
rapport_ics_make_uid (gint64      id,
                      const char *salt)
{
  if (salt == NULL || salt[0] == '\0')
    return g_strdup_printf ("meeting-%" G_GINT64_FORMAT "@rapport.github.io", id);

  for (const char *p = salt; *p != '\0'; p++)
    g_return_val_if_fail (g_ascii_isalnum (*p) || *p == '-', NULL);

  return g_strdup_printf ("meeting-%" G_GINT64_FORMAT "-%s@rapport.github.io", id, salt);
}

/**
 * rapport_ics_write:
 * @events: (array length=n_events): the meetings
 * @n_events: how many, at least one
 * @error: a location for a #GError, or %NULL
 *
 * Writes the meetings as one iCalendar file (METHOD:PUBLISH), times in UTC
 * from 1970 to the end of 3000 (libical's limit).
 * Text that is not valid UTF-8 is repaired; an event with an invalid
 * identifier, start, length or reminder fails the whole call with
 * %G_IO_ERROR_INVALID_ARGUMENT, since a calendar would misread it.
 *
 * Returns: (transfer full): the text, with CRLF line ends, or %NULL
 */
char *
rapport_ics_write (const RapportIcsEvent  *events,
                   guint                   n_events,
                   GError                **error)
{
  g_autoptr(icalcomponent) vcalendar = NULL;
  struct icaltimetype stamp;
  char *text;
  char *copy;

  g_return_val_if_fail (events != NULL || n_events == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_events == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There are no meetings to export"));
      return NULL;
    }

  for (guint i = 0; i < n_events; i++)
    {
      if (!check_event (&events[i], error))
        return NULL;
    }

  vcalendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (vcalendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  stamp = utc_time (g_get_real_time () / G_USEC_PER_SEC);
  for (guint i = 0; i < n_events; i++)
    icalcomponent_add_component (vcalendar, build_event (&events[i], stamp));

  /* libical's memory comes from its own allocator; hand out GLib's. */
  text = icalcomponent_as_ical_string_r (vcalendar);
  if (text == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libical: %s", icalerror_strerror (icalerrno));
      return NULL;
    }

  copy = refold (text);
  icalmemory_free_buffer (text);

  return copy;
}
