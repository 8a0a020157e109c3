/* test-ics.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The iCalendar writer, read back by libical's own parser: every field
 * survives awkward text, and the times are the same instants.
 */

#include "config.h"

#include <libical/ical.h>

#include "rapport-ics.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static char *
long_description (void)
{
  GString *text = g_string_new ("Questions, in order; the last one matters most:\n");

  while (g_utf8_strlen (text->str, -1) < 2000)
    g_string_append (text, "Wie sind Sie in die Branche gekommen? 李雷, Zoë; ");
  /* Cut on a character boundary at exactly 2000 characters. */
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 2000) - text->str);

  return g_string_free (text, FALSE);
}

/* Unfolded lines are at most 75 octets and each is UTF-8 on its own: a fold
 * inside a character would break strict readers. */
static void
assert_well_formed (const char *ics)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_utf8_validate (ics, -1, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));

  lines = g_strsplit (ics, "\r\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
    }
}

static icalcomponent *
parse (const char *ics)
{
  icalcomponent *calendar;

  assert_well_formed (ics);
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  return calendar;
}

static gint64
utc_seconds (struct icaltimetype time)
{
  g_assert_true (icaltime_is_utc (time));
  return icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ());
}

static void
assert_event (icalcomponent         *vevent,
              const RapportIcsEvent *expected)
{
  icalcomponent *valarm;
  gint64 stamp;

  g_assert_nonnull (vevent);
  g_assert_cmpstr (icalcomponent_get_uid (vevent), ==, expected->uid);
  g_assert_cmpint (utc_seconds (icalcomponent_get_dtstart (vevent)), ==, expected->starts_at);
  g_assert_cmpint (utc_seconds (icalcomponent_get_dtend (vevent)), ==, expected->starts_at + expected->duration * 60);
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, expected->summary);
  g_assert_cmpstr (icalcomponent_get_description (vevent), ==, expected->description);
  g_assert_cmpstr (icalcomponent_get_location (vevent), ==, expected->location);

  stamp = utc_seconds (icalcomponent_get_dtstamp (vevent));
  g_assert_cmpint (ABS (stamp - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  valarm = icalcomponent_get_first_component (vevent, ICAL_VALARM_COMPONENT);
  if (expected->alarm_minutes < 0)
    {
      g_assert_null (valarm);
    }
  else
    {
      icalproperty *trigger = icalcomponent_get_first_property (valarm, ICAL_TRIGGER_PROPERTY);
      icalproperty *action = icalcomponent_get_first_property (valarm, ICAL_ACTION_PROPERTY);
      icalproperty *description = icalcomponent_get_first_property (valarm, ICAL_DESCRIPTION_PROPERTY);

      g_assert_nonnull (trigger);
      g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_trigger (trigger).duration), ==,
                       -expected->alarm_minutes * 60);
      g_assert_cmpint (icalproperty_get_action (action), ==, ICAL_ACTION_DISPLAY);
      g_assert_nonnull (description);
      g_assert_cmpstr (icalproperty_get_description (description), !=, "");
      g_assert_null (icalcomponent_get_next_component (vevent, ICAL_VALARM_COMPONENT));
    }
}

static void
test_one_event (void)
{
  RapportIcsEvent event = {
    .uid = "meeting-42@rapport.github.io",
    .starts_at = 1780300800, /* 2026-06-01 08:00:00 UTC */
    .duration = 20,
    .summary = "Informational meeting with Zoë Ødegård",
    .description = "Ask: how did you start?\nWho else should I talk to?",
    .location = "Café Kranzler, Kurfürstendamm 18, Berlin",
    .alarm_minutes = 30,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = rapport_ics_write (&event, 1, &error);
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *vevent;

  g_assert_no_error (error);
  g_assert_nonnull (ics);
  g_test_message ("%s", ics);

  g_assert_nonnull (strstr (ics, "\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nPRODID:-//Rapport//Rapport//EN\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTSTART:20260601T080000Z\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTEND:20260601T082000Z\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nTRIGGER:-PT30M\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nACTION:DISPLAY\r\n"));
  /* Commas in text are escaped. */
  g_assert_nonnull (strstr (ics, "Café Kranzler\\, Kurfürstendamm 18\\, Berlin"));

  calendar = parse (ics);
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  assert_event (vevent, &event);
}

static void
test_three_events (void)
{
  g_autofree char *description = long_description ();
  RapportIcsEvent events[] = {
    {
      .uid = "meeting-1-f00d@rapport.github.io",
      .starts_at = 1780300800,
      .duration = 15,
      .summary = "李雷: coffee, then a walk; maybe",
      .description = description,
      .location = "https://meet.example.org/abc-defg-hij?pwd=x;y,z\\w",
      .alarm_minutes = 0,
    },
    {
      .uid = "meeting-2-f00d@rapport.github.io",
      .starts_at = 1780387200,
      .duration = 30,
      .summary = "Line one\nLine two\r\nLine three\rLine four",
      .description = "Tabs\tand \"quotes\", back\\slashes; and:colons",
      .location = NULL,
      .alarm_minutes = -1,
    },
    {
      .uid = "meeting-3-f00d@rapport.github.io",
      .starts_at = 0,
      .duration = 60 * 24,
      .summary = NULL,
      .description = "",
      .location = "Zoë Ødegård's office, 3rd floor",
      .alarm_minutes = 24 * 60,
    },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = rapport_ics_write (events, G_N_ELEMENTS (events), &error);
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *vevent;

  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (description, -1), ==, 2000);

  calendar = parse (ics);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);

  vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  assert_event (vevent, &events[0]);

  /* Every kind of line break comes back as one LF; tabs stay text. */
  vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
  events[1].summary = "Line one\nLine two\nLine three\nLine four";
  events[1].description = "Tabs and \"quotes\", back\\slashes; and:colons";
  assert_event (vevent, &events[1]);

  /* Empty text is left out rather than written empty; the alarm then
   * describes itself. */
  vevent = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_null (icalcomponent_get_first_property (vevent, ICAL_SUMMARY_PROPERTY));
  g_assert_null (icalcomponent_get_first_property (vevent, ICAL_DESCRIPTION_PROPERTY));
  events[2].description = NULL;
  assert_event (vevent, &events[2]);

  g_assert_null (icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT));
}

/* A meeting at 10:00 in Berlin on the day summer time starts (02:00 became
 * 03:00) is 08:00 UTC, and that instant is what the file says. */
static void
test_dst (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autofree char *ics = NULL;
  RapportIcsEvent event = {
    .uid = "meeting-7@rapport.github.io",
    .duration = 20,
    .summary = "Sommerzeit",
    .alarm_minutes = 15,
  };
  icalcomponent *vevent;

  g_assert_nonnull (berlin);
  local = g_date_time_new (berlin, 2026, 3, 29, 10, 0, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 2 * G_TIME_SPAN_HOUR);
  event.starts_at = g_date_time_to_unix (local);

  ics = rapport_ics_write (&event, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, "\r\nDTSTART:20260329T080000Z\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTEND:20260329T082000Z\r\n"));

  calendar = parse (ics);
  vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  assert_event (vevent, &event);

  back = g_date_time_new_from_unix_utc (utc_seconds (icalcomponent_get_dtstart (vevent)));
  g_assert_true (g_date_time_equal (back, local));
}

static void
test_invalid_utf8 (void)
{
  RapportIcsEvent event = {
    .uid = "meeting-9@rapport.github.io",
    .starts_at = 1780300800,
    .duration = 20,
    .summary = "Zo\xc3 \xff\xfe end",
    .description = "\xe6\x9d",
    .location = "ok",
    .alarm_minutes = -1,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = rapport_ics_write (&event, 1, &error);
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *vevent;

  g_assert_no_error (error);
  calendar = parse (ics);
  vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, "Zo\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd end");
  /* GLib replaces each byte of a truncated sequence. */
  g_assert_cmpstr (icalcomponent_get_description (vevent), ==, "\xef\xbf\xbd\xef\xbf\xbd");
}

/* Every length of text across a few folds: libical 3.0 breaks the line
 * when the value ends right at a fold. */
static void
test_fold_lengths (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint length = 1; length < 400; length++)
    {
      RapportIcsEvent event = {
        .uid = NULL,
        .starts_at = 1780300800,
        .duration = 20,
        .alarm_minutes = 10,
      };
      g_autoptr(GError) error = NULL;
      g_autofree char *ics = NULL;
      g_autoptr(icalcomponent) calendar = NULL;
      icalcomponent *vevent;

      /* Some characters of two and three octets, to move the folds. */
      g_string_append (text, length % 7 == 0 ? "é" : length % 11 == 0 ? "李" : "x");
      event.uid = text->str;
      event.summary = text->str;
      event.description = text->str;
      event.location = text->str;

      ics = rapport_ics_write (&event, 1, &error);
      g_assert_no_error (error);
      calendar = parse (ics);
      vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      assert_event (vevent, &event);
    }
}

/* The last minute libical can write. */
static void
test_latest (void)
{
  RapportIcsEvent event = {
    .uid = "meeting-3000@rapport.github.io",
    .starts_at = G_GINT64_CONSTANT (32535215999) - 20 * 60,
    .duration = 20,
    .summary = "Year 3000",
    .alarm_minutes = 5,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = rapport_ics_write (&event, 1, &error);
  g_autoptr(icalcomponent) calendar = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (ics, "\r\nDTSTART:30001231T233959Z\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nDTEND:30001231T235959Z\r\n"));
  calendar = parse (ics);
  assert_event (icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT), &event);
}

static void
test_rejected (void)
{
  const RapportIcsEvent good = {
    .uid = "meeting-1@rapport.github.io",
    .starts_at = 1780300800,
    .duration = 20,
    .alarm_minutes = -1,
  };
  RapportIcsEvent events[2] = { good, good };
  struct { const char *uid; gint64 starts_at; int duration; int alarm; } bad[] = {
    { NULL, 1780300800, 20, -1 },
    { "", 1780300800, 20, -1 },
    { "bad\xff", 1780300800, 20, -1 },
    { "line\nbreak", 1780300800, 20, -1 },
    { "ok", -1, 20, -1 },
    { " lead", 1780300800, 20, -1 },
    { "trail ", 1780300800, 20, -1 },
    { "ok", G_GINT64_CONSTANT (32535216000), 20, -1 },
    /* Starts in 3000, ends in 3001. */
    { "ok", G_GINT64_CONSTANT (32535215999) - 60, 20, -1 },
    { "ok", 1780300800, 0, -1 },
    { "ok", 1780300800, -5, -1 },
    { "ok", 1780300800, G_MAXINT, -1 },
    { "ok", 1780300800, 20, G_MAXINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *ics = NULL;

      events[1].uid = bad[i].uid;
      events[1].starts_at = bad[i].starts_at;
      events[1].duration = bad[i].duration;
      events[1].alarm_minutes = bad[i].alarm;
      ics = rapport_ics_write (events, G_N_ELEMENTS (events), &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (ics);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *ics = rapport_ics_write (NULL, 0, &error);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_assert_null (ics);
  }
}

static void
test_make_uid (void)
{
  g_autofree char *plain = rapport_ics_make_uid (42, NULL);
  g_autofree char *salted = rapport_ics_make_uid (42, "a1b2-c3");

  g_assert_cmpstr (plain, ==, "meeting-42@rapport.github.io");
  g_assert_cmpstr (salted, ==, "meeting-42-a1b2-c3@rapport.github.io");

  g_test_expect_message ("rapport-ics", G_LOG_LEVEL_CRITICAL, "*isalnum*");
  g_assert_null (rapport_ics_make_uid (42, "no spaces"));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ics/one-event", test_one_event);
  g_test_add_func ("/ics/three-events", test_three_events);
  g_test_add_func ("/ics/dst", test_dst);
  g_test_add_func ("/ics/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ics/fold-lengths", test_fold_lengths);
  g_test_add_func ("/ics/latest", test_latest);
  g_test_add_func ("/ics/rejected", test_rejected);
  g_test_add_func ("/ics/make-uid", test_make_uid);

  return g_test_run ();
}
