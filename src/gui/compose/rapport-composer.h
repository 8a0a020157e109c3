/* rapport-composer.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "rapport-template-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_COMPOSER (rapport_composer_get_type ())

G_DECLARE_FINAL_TYPE (RapportComposer, rapport_composer, RAPPORT, COMPOSER, AdwWindow)

GtkWidget *rapport_composer_new        (RapportContactStore  *contacts,
                                        RapportMeetingStore  *meetings,
                                        RapportTemplateStore *templates,
                                        GSettings            *settings);
void       rapport_composer_write      (RapportComposer      *self,
                                        gint64                contact_id,
                                        gint64                meeting_id,
                                        const char           *template_key);
void       rapport_composer_open_draft (RapportComposer      *self,
                                        gint64                contact_id,
                                        gint64                draft_id);

G_END_DECLS
