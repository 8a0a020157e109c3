/* rapport-window-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contacts-page.h"
#include "rapport-window.h"

G_BEGIN_DECLS

RapportContext *_rapport_window_get_context (RapportWindow *self);

void _rapport_window_add_toast   (RapportWindow *self,
                                  AdwToast      *toast);
GtkWidget *_rapport_window_import_file (RapportWindow *self,
                                        GFile         *file);

void _rapport_window_add_meeting_actions (RapportWindow *self);
void _rapport_window_add_reminder_actions (RapportWindow *self);
void _rapport_window_add_compose_actions (RapportWindow *self);
void _rapport_window_add_address_book_actions (RapportWindow *self);
void _rapport_window_add_file_actions (RapportWindow *self);

RapportContactsPage *_rapport_window_ensure_contacts_page (RapportWindow *self);

G_END_DECLS
