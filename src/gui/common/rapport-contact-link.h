/* rapport-contact-link.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact.h"

G_BEGIN_DECLS

GtkWidget *rapport_contact_link_row_new (RapportContact *contact,
                                         const char     *subtitle,
                                         const char     *action_name);

G_END_DECLS
