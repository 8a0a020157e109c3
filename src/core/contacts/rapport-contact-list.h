/* rapport-contact-list.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CONTACT_LIST (rapport_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactList, rapport_contact_list, RAPPORT, CONTACT_LIST, GObject)

RapportContactList        *rapport_contact_list_new        (RapportContactStore       *store);
const RapportContactQuery *rapport_contact_list_get_query  (RapportContactList        *self);
void                       rapport_contact_list_set_query  (RapportContactList        *self,
                                                            const RapportContactQuery *query);
void                       rapport_contact_list_refresh    (RapportContactList        *self);
gboolean                   rapport_contact_list_get_busy   (RapportContactList        *self);
gint64                     rapport_contact_list_get_id     (RapportContactList        *self,
                                                            guint                      position);
int                        rapport_contact_list_find       (RapportContactList        *self,
                                                            gint64                     contact_id);

G_END_DECLS
