/* rapport-draft.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_DRAFT (rapport_draft_get_type ())

G_DECLARE_FINAL_TYPE (RapportDraft, rapport_draft, RAPPORT, DRAFT, GObject)

/* A message as written in the composer: kept on the contact it is about
 * while it has not gone out (rapport_contact_store_save_draft_async()). */
RapportDraft *rapport_draft_new              (gint64        contact_id,
                                              gint64        meeting_id,
                                              const char   *template_key);
RapportDraft *rapport_draft_copy             (RapportDraft *self);
gint64        rapport_draft_get_id           (RapportDraft *self);
void          rapport_draft_set_id           (RapportDraft *self,
                                              gint64        id);
gint64        rapport_draft_get_contact_id   (RapportDraft *self);
gint64        rapport_draft_get_meeting_id   (RapportDraft *self);
void          rapport_draft_set_meeting_id   (RapportDraft *self,
                                              gint64        meeting_id);
const char   *rapport_draft_get_template_key (RapportDraft *self);
void          rapport_draft_set_template_key (RapportDraft *self,
                                              const char   *key);
const char   *rapport_draft_get_to           (RapportDraft *self);
void          rapport_draft_set_to           (RapportDraft *self,
                                              const char   *to);
const char   *rapport_draft_get_subject      (RapportDraft *self);
void          rapport_draft_set_subject      (RapportDraft *self,
                                              const char   *subject);
const char   *rapport_draft_get_body         (RapportDraft *self);
void          rapport_draft_set_body         (RapportDraft *self,
                                              const char   *body);
const char   *rapport_draft_get_error        (RapportDraft *self);
void          rapport_draft_set_error        (RapportDraft *self,
                                              const char   *error);
const char   *rapport_draft_get_message_id   (RapportDraft *self);
void          rapport_draft_set_message_id   (RapportDraft *self,
                                              const char   *message_id);
gint64        rapport_draft_get_updated_at   (RapportDraft *self);
void          rapport_draft_set_updated_at   (RapportDraft *self,
                                              gint64        updated_at);

G_END_DECLS
