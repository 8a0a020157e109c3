/* rapport-outcome-dialog.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-meeting-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_OUTCOME_DIALOG (rapport_outcome_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportOutcomeDialog, rapport_outcome_dialog, RAPPORT, OUTCOME_DIALOG, AdwWindow)

RapportOutcomeDialog *rapport_outcome_dialog_new (RapportMeetingStore *store,
                                                  RapportMeeting      *meeting);

G_END_DECLS
