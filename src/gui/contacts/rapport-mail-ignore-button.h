/* rapport-mail-ignore-button.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

GtkWidget *rapport_mail_ignore_button_new (RapportContactStore *store,
                                           const char          *address,
                                           gboolean             ignored);

G_END_DECLS
