/* rapport-organisation.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANISATION (rapport_organisation_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganisation, rapport_organisation, RAPPORT, ORGANISATION, GObject)

RapportOrganisation *rapport_organisation_new              (void);
gint64               rapport_organisation_get_id           (RapportOrganisation *self);
void                 rapport_organisation_set_id           (RapportOrganisation *self,
                                                            gint64               id);
const char          *rapport_organisation_get_name         (RapportOrganisation *self);
void                 rapport_organisation_set_name         (RapportOrganisation *self,
                                                            const char          *name);
const char          *rapport_organisation_get_industry     (RapportOrganisation *self);
void                 rapport_organisation_set_industry     (RapportOrganisation *self,
                                                            const char          *industry);
const char          *rapport_organisation_get_website      (RapportOrganisation *self);
void                 rapport_organisation_set_website      (RapportOrganisation *self,
                                                            const char          *website);
const char          *rapport_organisation_get_notes        (RapportOrganisation *self);
void                 rapport_organisation_set_notes        (RapportOrganisation *self,
                                                            const char          *notes);
guint                rapport_organisation_get_n_people     (RapportOrganisation *self);
void                 rapport_organisation_set_n_people     (RapportOrganisation *self,
                                                            guint                n_people);

void                 rapport_organisation_list_async       (RapportContactStore *store,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray           *rapport_organisation_list_finish      (RapportContactStore *store,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void                 rapport_organisation_people_async     (RapportContactStore *store,
                                                            gint64               organisation_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray           *rapport_organisation_people_finish    (RapportContactStore *store,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void                 rapport_organisation_save_async       (RapportContactStore *store,
                                                            RapportOrganisation *organisation,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean             rapport_organisation_save_finish      (RapportContactStore *store,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void                 rapport_organisation_for_contact_async  (RapportContactStore *store,
                                                              gint64               contact_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
RapportOrganisation *rapport_organisation_for_contact_finish (RapportContactStore *store,
                                                              GAsyncResult        *result,
                                                              GError             **error);
void                 rapport_organisation_save_notes_async   (RapportContactStore *store,
                                                              gint64               organisation_id,
                                                              const char          *notes,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean             rapport_organisation_save_notes_finish  (RapportContactStore *store,
                                                              GAsyncResult        *result,
                                                              GError             **error);

G_END_DECLS
