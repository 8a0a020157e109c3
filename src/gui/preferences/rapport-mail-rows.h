/* rapport-mail-rows.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the outgoing (SMTP) and incoming (IMAP) account groups of
 * Preferences share. */
void     rapport_mail_rows_setup_password     (AdwPasswordEntryRow *row);
void     rapport_mail_rows_bind_security      (GSettings           *settings,
                                               const char          *key,
                                               AdwComboRow         *row);

G_END_DECLS
