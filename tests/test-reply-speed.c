/* test-reply-speed.c -- how quickly a contact answered the first request:
 * quick (within three business days), slow, waiting, no reply (seven
 * business days), counted over weekends and days off, from a timeline
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-interaction.h"
#include "rapport-reply-speed.h"

static gint64
at (GTimeZone *tz,
    int        month,
    int        day,
    int        hour)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2026, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static void
test_classify (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  const char * const days_off[] = { "2026-12-24", "2026-12-25", NULL };
  /* Friday 20 November 2026, 18:00: the three business days are Monday to
   * Wednesday, so Monday 23 November, 18:00 is the third one's start */
  gint64 friday = at (tz, 11, 20, 18);

  g_assert_cmpint (rapport_reply_speed_classify (0, 0, friday, tz, NULL), ==, RAPPORT_REPLY_SPEED_NOT_ASKED);

  /* Quick: the weekend does not count against them. */
  g_assert_cmpint (rapport_reply_speed_classify (friday, at (tz, 11, 25, 17), friday, tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_QUICK);
  g_assert_cmpint (rapport_reply_speed_classify (friday, at (tz, 11, 25, 18), friday, tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_SLOW);
  g_assert_cmpint (rapport_reply_speed_classify (friday, at (tz, 11, 30, 9), friday, tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_SLOW);

  /* No answer: waiting for seven business days, then "no reply". */
  g_assert_cmpint (rapport_reply_speed_classify (friday, 0, at (tz, 11, 27, 9), tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_WAITING);
  g_assert_cmpint (rapport_reply_speed_classify (friday, 0, at (tz, 12, 1, 17), tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_WAITING);
  g_assert_cmpint (rapport_reply_speed_classify (friday, 0, at (tz, 12, 1, 18), tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_NO_REPLY);

  /* Days off count like a weekend: a request on 23 December has until 30
   * December for a quick answer (24, 25 off; 26, 27 a weekend). */
  g_assert_cmpint (rapport_reply_speed_classify (at (tz, 12, 23, 10), at (tz, 12, 30, 9), 0, tz, days_off), ==,
                   RAPPORT_REPLY_SPEED_QUICK);
  g_assert_cmpint (rapport_reply_speed_classify (at (tz, 12, 23, 10), at (tz, 12, 30, 9), 0, tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_SLOW);

  for (RapportReplySpeed speed = RAPPORT_REPLY_SPEED_WAITING; speed <= RAPPORT_REPLY_SPEED_NO_REPLY; speed++)
    {
      g_assert_cmpstr (rapport_reply_speed_get_label (speed), !=, "");
      g_assert_cmpstr (rapport_reply_speed_get_explanation (speed), !=, "");
    }
  g_assert_cmpstr (rapport_reply_speed_get_label (RAPPORT_REPLY_SPEED_NOT_ASKED), ==, "");
}

static void
add (GPtrArray              *timeline,
     GTimeZone              *tz,
     RapportInteractionKind  kind,
     int                     month,
     int                     day,
     int                     hour)
{
  g_autoptr(GDateTime) time = g_date_time_new (tz, 2026, month, day, hour, 0, 0);

  g_ptr_array_add (timeline, rapport_interaction_new (1, kind, time, "entry", ""));
}

static void
test_timeline (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GPtrArray) timeline = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 later = at (tz, 12, 20, 12);

  /* A note and an email from them before any request are not an answer. */
  add (timeline, tz, RAPPORT_INTERACTION_NOTE, 11, 1, 9);
  add (timeline, tz, RAPPORT_INTERACTION_EMAIL_RECEIVED, 11, 2, 9);
  g_assert_cmpint (rapport_reply_speed_from_timeline (timeline, later, tz, NULL), ==, RAPPORT_REPLY_SPEED_NOT_ASKED);

  /* The first request, Monday 16 November; a follow-up later does not
   * restart the clock. */
  add (timeline, tz, RAPPORT_INTERACTION_EMAIL_SENT, 11, 23, 9);
  add (timeline, tz, RAPPORT_INTERACTION_EMAIL_SENT, 11, 16, 9);
  g_assert_cmpint (rapport_reply_speed_from_timeline (timeline, at (tz, 11, 20, 9), tz, NULL), ==,
                   RAPPORT_REPLY_SPEED_WAITING);
  g_assert_cmpint (rapport_reply_speed_from_timeline (timeline, later, tz, NULL), ==, RAPPORT_REPLY_SPEED_NO_REPLY);

  /* A meeting counts as an answer; the first answer after the request
   * decides, in whatever order the timeline lists them. */
  add (timeline, tz, RAPPORT_INTERACTION_EMAIL_RECEIVED, 11, 26, 9);
  g_assert_cmpint (rapport_reply_speed_from_timeline (timeline, later, tz, NULL), ==, RAPPORT_REPLY_SPEED_SLOW);
  add (timeline, tz, RAPPORT_INTERACTION_MEETING, 11, 18, 15);
  g_assert_cmpint (rapport_reply_speed_from_timeline (timeline, later, tz, NULL), ==, RAPPORT_REPLY_SPEED_QUICK);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reply-speed/classify", test_classify);
  g_test_add_func ("/reply-speed/timeline", test_timeline);

  return g_test_run ();
}
