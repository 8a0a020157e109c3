/* rapport-template.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-reminder.h"

G_BEGIN_DECLS

/* The keys of the built-in templates. */
#define RAPPORT_TEMPLATE_REQUEST_REFERRED "request-referred"
#define RAPPORT_TEMPLATE_REQUEST          "request"
#define RAPPORT_TEMPLATE_CONFIRM          "confirm"
#define RAPPORT_TEMPLATE_THANK_YOU        "thank-you"
#define RAPPORT_TEMPLATE_FOLLOW_UP        "follow-up"
#define RAPPORT_TEMPLATE_REFERRER_UPDATE  "referrer-update"
#define RAPPORT_TEMPLATE_KEEP_IN_TOUCH    "keep-in-touch"

/* What a message is for: decides the coaching, the timeline entry and whose
 * timeline it goes on. */
typedef enum
{
  RAPPORT_TEMPLATE_PURPOSE_REQUEST,          /* asks for a meeting: starts the follow-ups */
  RAPPORT_TEMPLATE_PURPOSE_FOLLOW_UP,
  RAPPORT_TEMPLATE_PURPOSE_CONFIRM,
  RAPPORT_TEMPLATE_PURPOSE_THANK_YOU,
  RAPPORT_TEMPLATE_PURPOSE_REFERRER_UPDATE,  /* to the referrer, about the contact */
  RAPPORT_TEMPLATE_PURPOSE_KEEP_IN_TOUCH,
  RAPPORT_TEMPLATE_PURPOSE_OTHER,            /* a template of the user's own */
} RapportTemplatePurpose;

#define RAPPORT_TYPE_TEMPLATE (rapport_template_get_type ())

G_DECLARE_FINAL_TYPE (RapportTemplate, rapport_template, RAPPORT, TEMPLATE, GObject)

RapportTemplate        *rapport_template_new              (const char      *name,
                                                           const char      *subject,
                                                           const char      *body);
RapportTemplate        *rapport_template_new_builtin      (const char      *key);
RapportTemplate        *rapport_template_copy             (RapportTemplate *self);
const char * const     *rapport_template_get_builtin_keys (void);
gboolean                rapport_template_is_builtin_key   (const char      *key);

gint64                  rapport_template_get_id           (RapportTemplate *self);
void                    rapport_template_set_id           (RapportTemplate *self,
                                                           gint64           id);
const char             *rapport_template_get_key          (RapportTemplate *self);
void                    rapport_template_set_key          (RapportTemplate *self,
                                                           const char      *key);
gboolean                rapport_template_get_modified     (RapportTemplate *self);
void                    rapport_template_set_modified     (RapportTemplate *self,
                                                           gboolean         modified);
const char             *rapport_template_get_name         (RapportTemplate *self);
void                    rapport_template_set_name         (RapportTemplate *self,
                                                           const char      *name);
const char             *rapport_template_get_subject      (RapportTemplate *self);
void                    rapport_template_set_subject      (RapportTemplate *self,
                                                           const char      *subject);
const char             *rapport_template_get_body         (RapportTemplate *self);
void                    rapport_template_set_body         (RapportTemplate *self,
                                                           const char      *body);
RapportTemplatePurpose  rapport_template_get_purpose      (RapportTemplate *self);
RapportTemplatePurpose  rapport_template_purpose_for_key  (const char      *key);

const char             *rapport_template_key_for_reminder (RapportReminderKind kind);
const char             *rapport_template_key_for_contact  (gboolean         has_referrer,
                                                           gboolean         has_open_meeting,
                                                           gboolean         has_held_meeting,
                                                           gboolean         thanked,
                                                           gboolean         request_sent);

G_END_DECLS
