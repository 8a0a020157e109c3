/* rapport-second-person.h -- whom to ask next at an organisation (3B7)
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"

G_BEGIN_DECLS

char *rapport_second_person_suggest (RapportDatabase *db,
                                     gint64           organisation_id,
                                     gint64           now);

G_END_DECLS
