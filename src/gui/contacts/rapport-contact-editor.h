/* rapport-contact-editor.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_EDITOR (rapport_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactEditor, rapport_contact_editor, RAPPORT, CONTACT_EDITOR, AdwWindow)

GtkWidget *rapport_contact_editor_new (RapportContactStore *store,
                                       RapportContact      *contact);

G_END_DECLS
