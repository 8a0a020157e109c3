/* rapport-reply-speed.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-reply-speed"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-business-days.h"
#include "rapport-interaction.h"
#include "rapport-reply-speed.h"

/* The method's idea: how fast someone answers a first request says much
 * about how they will help. Those who answer within three business days
 * tend to be keen helpers, worth asking first; a slower answer is still a
 * kind one; no answer after seven business days is common and the cue to
 * give one's time to the next person. The windows are 3B7's own. */

/**
 * rapport_reply_speed_classify:
 * @requested_at: when the first request went out (Unix seconds), 0 if none
 * @replied_at: when the first answer to it came, 0 if none yet
 * @now: the time to judge "no reply" at
 * @tz: the zone business days are counted in
 * @days_off: (nullable): dates that are not business days
 */
RapportReplySpeed
rapport_reply_speed_classify (gint64              requested_at,
                              gint64              replied_at,
                              gint64              now,
                              GTimeZone          *tz,
                              const char * const *days_off)
{
  g_return_val_if_fail (tz != NULL, RAPPORT_REPLY_SPEED_NOT_ASKED);

  if (requested_at == 0)
    return RAPPORT_REPLY_SPEED_NOT_ASKED;
  /* Fewer than n whole business days passed when the n-th is still ahead
   * (rapport_business_days_between(), without counting a long wait). */
  if (replied_at != 0)
    return replied_at < rapport_business_days_add (requested_at, RAPPORT_REPLY_QUICK_DAYS, tz, days_off)
           ? RAPPORT_REPLY_SPEED_QUICK : RAPPORT_REPLY_SPEED_SLOW;
  return now < rapport_business_days_add (requested_at, RAPPORT_REPLY_WAITING_DAYS, tz, days_off)
         ? RAPPORT_REPLY_SPEED_WAITING : RAPPORT_REPLY_SPEED_NO_REPLY;
}

static gboolean
is_request (RapportInteractionKind kind)
{
  return kind == RAPPORT_INTERACTION_EMAIL_SENT || kind == RAPPORT_INTERACTION_CALL ||
         kind == RAPPORT_INTERACTION_VOICEMAIL;
}

static gboolean
is_reply (RapportInteractionKind kind)
{
  return kind == RAPPORT_INTERACTION_EMAIL_RECEIVED || kind == RAPPORT_INTERACTION_MEETING;
}

/**
 * rapport_reply_speed_from_timeline:
 * @timeline: (element-type RapportInteraction): a contact's entries, in
 *   any order
 *
 * Classes the answer to the contact's first request (an email, a call or a
 * voicemail): the first email from them or meeting with them after it.
 */
RapportReplySpeed
rapport_reply_speed_from_timeline (GPtrArray          *timeline,
                                   gint64              now,
                                   GTimeZone          *tz,
                                   const char * const *days_off)
{
  gint64 requested_at = 0, replied_at = 0;

  g_return_val_if_fail (timeline != NULL, RAPPORT_REPLY_SPEED_NOT_ASKED);

  for (guint i = 0; i < timeline->len; i++)
    {
      RapportInteraction *entry = g_ptr_array_index (timeline, i);
      gint64 at = g_date_time_to_unix (rapport_interaction_get_happened_at (entry));

      if (is_request (rapport_interaction_get_kind (entry)) && (requested_at == 0 || at < requested_at))
        requested_at = at;
    }
  for (guint i = 0; requested_at != 0 && i < timeline->len; i++)
    {
      RapportInteraction *entry = g_ptr_array_index (timeline, i);
      gint64 at = g_date_time_to_unix (rapport_interaction_get_happened_at (entry));

      if (is_reply (rapport_interaction_get_kind (entry)) && at >= requested_at && (replied_at == 0 || at < replied_at))
        replied_at = at;
    }
  return rapport_reply_speed_classify (requested_at, replied_at, now, tz, days_off);
}

/**
 * rapport_reply_speed_get_label:
 *
 * Returns: a short name for the class, in the user's language; "" for
 *   %RAPPORT_REPLY_SPEED_NOT_ASKED
 */
const char *
rapport_reply_speed_get_label (RapportReplySpeed speed)
{
  switch (speed)
    {
    case RAPPORT_REPLY_SPEED_NOT_ASKED: return "";
    case RAPPORT_REPLY_SPEED_WAITING:   return _("No reply yet");
    case RAPPORT_REPLY_SPEED_QUICK:     return _("Quick to reply");
    case RAPPORT_REPLY_SPEED_SLOW:      return _("Took their time");
    case RAPPORT_REPLY_SPEED_NO_REPLY:  return _("No reply");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * rapport_reply_speed_get_explanation:
 *
 * Returns: the idea behind the class, kindly put, for a tooltip
 */
const char *
rapport_reply_speed_get_explanation (RapportReplySpeed speed)
{
  switch (speed)
    {
    case RAPPORT_REPLY_SPEED_NOT_ASKED:
      return "";
    case RAPPORT_REPLY_SPEED_WAITING:
      return _("Your request went out less than seven business days ago. Give them time: many people answer "
               "within a week. Only you see this.");
    case RAPPORT_REPLY_SPEED_QUICK:
      return _("They answered within three business days. People who reply this quickly often enjoy helping, "
               "so they are good to ask about others at their organisation. Only you see this.");
    case RAPPORT_REPLY_SPEED_SLOW:
      return _("They answered, after more than three business days. Busy people often do, and a slow answer "
               "is still a kind one: plan a little more time with them. Only you see this.");
    case RAPPORT_REPLY_SPEED_NO_REPLY:
      return _("No answer in seven business days. That is common and rarely about you: give your time to "
               "the next person, and be glad if they write after all. Only you see this.");
    default:
      g_return_val_if_reached ("");
    }
}
