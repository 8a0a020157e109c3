/* rapport-organisations-page.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-targets.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ORGANISATIONS_PAGE (rapport_organisations_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportOrganisationsPage, rapport_organisations_page, RAPPORT, ORGANISATIONS_PAGE, GtkWidget)

GtkWidget  *rapport_organisations_page_new               (void);
void        rapport_organisations_page_set_targets       (RapportOrganisationsPage *self,
                                                          RapportTargets           *list);
void        rapport_organisations_page_show_organisation (RapportOrganisationsPage *self,
                                                          gint64                    organisation_id);
GListModel *rapport_organisations_page_get_targets       (RapportOrganisationsPage *self);

G_END_DECLS
