/* rapport-birthday.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A birthday as vCard can say it: a day of a month, with or without the
 * year. Kept as ISO 8601 text, "1990-04-12", or "--04-12" without a year,
 * which is what the database stores and the address book reads. */

#define RAPPORT_BIRTHDAY_NO_YEAR 0

gboolean  rapport_birthday_parse        (const char *text,
                                         int        *year,
                                         int        *month,
                                         int        *day);
char     *rapport_birthday_normalize    (const char *text);
char     *rapport_birthday_new          (int         year,
                                         int         month,
                                         int         day);
char     *rapport_birthday_to_vcard     (const char *birthday);
char     *rapport_birthday_dup_label    (const char *birthday);

G_END_DECLS
