/* rapport-contact-drafts.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_DRAFTS (rapport_contact_drafts_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactDrafts, rapport_contact_drafts, RAPPORT, CONTACT_DRAFTS, GtkWidget)

GtkWidget *rapport_contact_drafts_new            (void);
void       rapport_contact_drafts_set_store      (RapportContactDrafts *self,
                                                  RapportContactStore  *store);
void       rapport_contact_drafts_set_contact_id (RapportContactDrafts *self,
                                                  gint64                contact_id);

G_END_DECLS
