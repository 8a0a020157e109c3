/* rapport-target.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

/* Where the outreach to an organisation stands (organisation_target.stage).
 * Stored as these numbers: append, never reorder. */
typedef enum
{
  RAPPORT_TARGET_NOT_STARTED,
  RAPPORT_TARGET_CONTACTING,
  RAPPORT_TARGET_IN_CONVERSATION,
  RAPPORT_TARGET_PARKED,
} RapportTargetStage;

#define RAPPORT_N_TARGET_STAGES (RAPPORT_TARGET_PARKED + 1)

/* What to do next at an organisation, from the user's contacts there. */
typedef enum
{
  RAPPORT_TARGET_STEP_FIND_CONTACT,    /* nobody there yet */
  RAPPORT_TARGET_STEP_SECOND_CONTACT,  /* 3B7: the first person has not replied, write to another */
  RAPPORT_TARGET_STEP_WRITE,           /* someone there to write to (the step's person) */
  RAPPORT_TARGET_STEP_WAIT,            /* a request is out (to the step's person) */
  RAPPORT_TARGET_STEP_TALKING,         /* a meeting is planned or held (with the step's person) */
  RAPPORT_TARGET_STEP_FIND_ANOTHER,    /* everyone there declined or never replied */
} RapportTargetStep;

/* Which rating rapport_target_set_async() changes. */
typedef enum
{
  RAPPORT_TARGET_FIELD_MOTIVATION,
  RAPPORT_TARGET_FIELD_POSTING,
  RAPPORT_TARGET_FIELD_ADVOCACY,
  RAPPORT_TARGET_FIELD_STAGE,
} RapportTargetField;

/* The goal of the method: a list of 40 organisations or more. */
#define RAPPORT_TARGET_GOAL 40
/* How many of the top of the list are the current focus. */
#define RAPPORT_TARGET_FOCUS 5

#define RAPPORT_TYPE_TARGET (rapport_target_get_type ())

G_DECLARE_FINAL_TYPE (RapportTarget, rapport_target, RAPPORT, TARGET, GObject)

gint64               rapport_target_get_organisation_id (RapportTarget *self);
const char          *rapport_target_get_name            (RapportTarget *self);
guint                rapport_target_get_motivation      (RapportTarget *self);
guint                rapport_target_get_posting         (RapportTarget *self);
gboolean             rapport_target_get_advocacy        (RapportTarget *self);
gboolean             rapport_target_get_advocacy_derived (RapportTarget *self);
RapportTargetStage   rapport_target_get_stage           (RapportTarget *self);
guint                rapport_target_get_n_people        (RapportTarget *self);
RapportTargetStep    rapport_target_get_step            (RapportTarget *self);
const char          *rapport_target_get_step_person     (RapportTarget *self);

GPtrArray           *rapport_target_focus               (GPtrArray     *targets);

void                 rapport_target_list_async          (RapportContactStore *store,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray           *rapport_target_list_finish         (RapportContactStore *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void                 rapport_target_add_names_async     (RapportContactStore *store,
                                                         const char          *text,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void                 rapport_target_add_from_contacts_async (RapportContactStore *store,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gint64               rapport_target_add_finish          (RapportContactStore *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);
void                 rapport_target_set_async           (RapportContactStore *store,
                                                         gint64               organisation_id,
                                                         RapportTargetField   field,
                                                         int                  value,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
void                 rapport_target_remove_async        (RapportContactStore *store,
                                                         gint64               organisation_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean             rapport_target_write_finish        (RapportContactStore *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
