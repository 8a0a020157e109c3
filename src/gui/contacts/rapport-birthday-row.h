/* rapport-birthday-row.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_BIRTHDAY_ROW (rapport_birthday_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportBirthdayRow, rapport_birthday_row, RAPPORT, BIRTHDAY_ROW, AdwActionRow)

const char *rapport_birthday_row_get_birthday (RapportBirthdayRow *self);
void        rapport_birthday_row_set_birthday (RapportBirthdayRow *self,
                                               const char         *birthday);

G_END_DECLS
