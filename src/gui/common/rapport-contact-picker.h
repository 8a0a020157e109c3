/* rapport-contact-picker.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_PICKER (rapport_contact_picker_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactPicker, rapport_contact_picker, RAPPORT, CONTACT_PICKER, GtkWidget)

GtkWidget  *rapport_contact_picker_new              (void);
void        rapport_contact_picker_set_store        (RapportContactPicker *self,
                                                     RapportContactStore  *store);
gint64      rapport_contact_picker_get_contact_id   (RapportContactPicker *self);
const char *rapport_contact_picker_get_contact_name (RapportContactPicker *self);
void        rapport_contact_picker_set_contact      (RapportContactPicker *self,
                                                     gint64                contact_id,
                                                     const char           *name);
void        rapport_contact_picker_set_none_label   (RapportContactPicker *self,
                                                     const char           *label,
                                                     const char           *description);
void        rapport_contact_picker_set_excluded_id  (RapportContactPicker *self,
                                                     gint64                contact_id);
void        rapport_contact_picker_set_can_create   (RapportContactPicker *self,
                                                     gboolean              can_create);
void        rapport_contact_picker_set_labels       (RapportContactPicker *self,
                                                     const char           *button_label,
                                                     const char           *search_label);

G_END_DECLS
