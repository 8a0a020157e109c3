/* rapport-organisation-detail.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-organisation.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANISATION_DETAIL (rapport_organisation_detail_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganisationDetail, rapport_organisation_detail, RAPPORT, ORGANISATION_DETAIL, GtkWidget)

GtkWidget *rapport_organisation_detail_new              (void);
void       rapport_organisation_detail_set_store        (RapportOrganisationDetail *self,
                                                         RapportContactStore       *store);
void       rapport_organisation_detail_set_organisation (RapportOrganisationDetail *self,
                                                         RapportOrganisation       *organisation);
void       rapport_organisation_detail_set_show_back    (RapportOrganisationDetail *self,
                                                         gboolean                   show_back);

G_END_DECLS
