/* rapport-reply-speed.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How quickly someone answered the user's first request. Computed from the
 * timeline whenever it is needed, never stored, shown only to the user and
 * never exported. */
typedef enum
{
  RAPPORT_REPLY_SPEED_NOT_ASKED,   /* no request yet */
  RAPPORT_REPLY_SPEED_WAITING,     /* asked, under seven business days ago */
  RAPPORT_REPLY_SPEED_QUICK,       /* answered within three business days */
  RAPPORT_REPLY_SPEED_SLOW,        /* answered, later than that */
  RAPPORT_REPLY_SPEED_NO_REPLY,    /* seven business days and more without an answer */
} RapportReplySpeed;

#define RAPPORT_REPLY_QUICK_DAYS    3
#define RAPPORT_REPLY_WAITING_DAYS  7

RapportReplySpeed  rapport_reply_speed_classify        (gint64              requested_at,
                                                        gint64              replied_at,
                                                        gint64              now,
                                                        GTimeZone          *tz,
                                                        const char * const *days_off);
RapportReplySpeed  rapport_reply_speed_from_timeline   (GPtrArray          *timeline,
                                                        gint64              now,
                                                        GTimeZone          *tz,
                                                        const char * const *days_off);
const char        *rapport_reply_speed_get_label       (RapportReplySpeed   speed);
const char        *rapport_reply_speed_get_explanation (RapportReplySpeed   speed);

G_END_DECLS
