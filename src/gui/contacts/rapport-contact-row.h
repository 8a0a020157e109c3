/* rapport-contact-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_ROW (rapport_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactRow, rapport_contact_row, RAPPORT, CONTACT_ROW, GtkWidget)

GtkWidget      *rapport_contact_row_new         (void);
RapportContact *rapport_contact_row_get_contact (RapportContactRow *self);
void            rapport_contact_row_set_contact (RapportContactRow *self,
                                                 RapportContact    *contact);

G_END_DECLS
