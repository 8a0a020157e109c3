/* rapport-insights.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"

G_BEGIN_DECLS

/* How far an outreach got, each step counting everyone who reached a later
 * one too. Stored in insights_contact.step: append, never reorder. */
typedef enum
{
  RAPPORT_FUNNEL_IDENTIFIED,
  RAPPORT_FUNNEL_REQUESTED,
  RAPPORT_FUNNEL_REPLIED,
  RAPPORT_FUNNEL_MET,
  RAPPORT_FUNNEL_INTRODUCED,
} RapportFunnelStep;

#define RAPPORT_N_FUNNEL_STEPS (RAPPORT_FUNNEL_INTRODUCED + 1)
#define RAPPORT_RHYTHM_WEEKS   12

/* The method's "normal" share of requests that get a reply. */
#define RAPPORT_REPLY_RATE_NORMAL_LOW  0.20
#define RAPPORT_REPLY_RATE_NORMAL_HIGH 0.40

typedef struct
{
  guint counts[RAPPORT_N_FUNNEL_STEPS];
} RapportFunnel;

typedef enum
{
  RAPPORT_RHYTHM_REQUESTS,
  RAPPORT_RHYTHM_FOLLOW_UPS,
  RAPPORT_RHYTHM_MEETINGS,
  RAPPORT_RHYTHM_THANK_YOUS,
} RapportRhythmSeries;

#define RAPPORT_N_RHYTHM_SERIES (RAPPORT_RHYTHM_THANK_YOUS + 1)

typedef struct
{
  gint64 starts_at;                          /* Unix seconds, a Monday 00:00 local */
  guint  counts[RAPPORT_N_RHYTHM_SERIES];
} RapportRhythmWeek;

/* How soon the people asked answered: for everyone of the period who was
 * asked (an email, a call or a voicemail), the time from the first request
 * to the first reply or meeting. */
typedef struct
{
  guint  asked;
  guint  replied;
  double median_days;     /* over those who replied; -1 before the first reply */
} RapportReplyTimes;

/* The same for the people one referrer introduced (referrer_id 0: the
 * people nobody introduced, asked "cold"). */
typedef struct
{
  gint64             referrer_id;
  char              *name;
  RapportReplyTimes  times;
} RapportReferrerReplies;

/* The referrers listed at most, those whose introductions were asked most
 * first; the people nobody introduced come on top of these. */
#define RAPPORT_INSIGHTS_MAX_REFERRERS 10

typedef struct
{
  guint             n_people;                     /* outside the bin, whenever added */
  RapportFunnel     funnel;
  RapportRhythmWeek weeks[RAPPORT_RHYTHM_WEEKS];  /* the oldest first; the last is this week */
  RapportReplyTimes replies;
  GPtrArray        *referrers;                    /* of RapportReferrerReplies: cold first, then the referrers */
} RapportInsights;

const char *rapport_funnel_step_get_label     (RapportFunnelStep    step);
const char *rapport_rhythm_series_get_label   (RapportRhythmSeries  series);
double      rapport_funnel_get_conversion     (const RapportFunnel *funnel,
                                               RapportFunnelStep    step);
double      rapport_funnel_get_reply_rate     (const RapportFunnel *funnel);
void        rapport_insights_week_starts      (GDateTime           *now,
                                               gint64              *starts);
double      rapport_reply_times_get_rate      (const RapportReplyTimes *times);
void        rapport_insights_free             (RapportInsights     *insights);

void             rapport_insights_load_async  (RapportDatabase     *db,
                                               gint64               from,
                                               gint64               to,
                                               GDateTime           *now,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
RapportInsights *rapport_insights_load_finish (RapportDatabase     *db,
                                               GAsyncResult        *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportInsights, rapport_insights_free)

G_END_DECLS
