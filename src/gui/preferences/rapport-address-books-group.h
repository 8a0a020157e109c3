/* rapport-address-books-group.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-application.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_ADDRESS_BOOKS_GROUP (rapport_address_books_group_get_type ())

G_DECLARE_FINAL_TYPE (RapportAddressBooksGroup, rapport_address_books_group, RAPPORT, ADDRESS_BOOKS_GROUP,
                      AdwPreferencesGroup)

void rapport_address_books_group_set_application (RapportAddressBooksGroup *self,
                                                  RapportApplication       *application,
                                                  GSettings                *settings);

G_END_DECLS
