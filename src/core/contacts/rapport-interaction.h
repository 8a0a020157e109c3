/* rapport-interaction.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What happened, on a contact's timeline. Stored as these numbers: append,
 * never reorder. */
typedef enum
{
  RAPPORT_INTERACTION_EMAIL_SENT,
  RAPPORT_INTERACTION_EMAIL_RECEIVED,
  RAPPORT_INTERACTION_CALL,
  RAPPORT_INTERACTION_VOICEMAIL,
  RAPPORT_INTERACTION_MEETING,
  RAPPORT_INTERACTION_NOTE,
  RAPPORT_INTERACTION_THANK_YOU_SENT,
  RAPPORT_INTERACTION_REFERRAL_RECEIVED,
  RAPPORT_INTERACTION_STAGE_CHANGE,
} RapportInteractionKind;

#define RAPPORT_N_INTERACTION_KINDS (RAPPORT_INTERACTION_STAGE_CHANGE + 1)

const char *rapport_interaction_kind_get_label     (RapportInteractionKind kind);
const char *rapport_interaction_kind_get_icon_name (RapportInteractionKind kind);
gboolean    rapport_interaction_kind_is_contact    (RapportInteractionKind kind);

#define RAPPORT_TYPE_INTERACTION (rapport_interaction_get_type ())

G_DECLARE_FINAL_TYPE (RapportInteraction, rapport_interaction, RAPPORT, INTERACTION, GObject)

RapportInteraction     *rapport_interaction_new             (gint64                  contact_id,
                                                             RapportInteractionKind  kind,
                                                             GDateTime              *happened_at,
                                                             const char             *summary,
                                                             const char             *body);
gint64                  rapport_interaction_get_id          (RapportInteraction     *self);
void                    rapport_interaction_set_id          (RapportInteraction     *self,
                                                             gint64                  id);
gint64                  rapport_interaction_get_contact_id  (RapportInteraction     *self);
RapportInteractionKind  rapport_interaction_get_kind        (RapportInteraction     *self);
void                    rapport_interaction_set_kind        (RapportInteraction     *self,
                                                             RapportInteractionKind  kind);
GDateTime              *rapport_interaction_get_happened_at (RapportInteraction     *self);
void                    rapport_interaction_set_happened_at (RapportInteraction     *self,
                                                             GDateTime              *happened_at);
const char             *rapport_interaction_get_summary     (RapportInteraction     *self);
void                    rapport_interaction_set_summary     (RapportInteraction     *self,
                                                             const char             *summary);
const char             *rapport_interaction_get_body        (RapportInteraction     *self);
void                    rapport_interaction_set_body        (RapportInteraction     *self,
                                                             const char             *body);

G_END_DECLS
