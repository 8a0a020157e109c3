/* rapport-template-render.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact.h"
#include "rapport-meeting.h"

G_BEGIN_DECLS

/* A placeholder is exactly "{" [a-z_]+ "}" (at most 32 letters). Anything
 * else with braces ("{", "{ }", "{Name}", "{a-b}") is plain text. */
#define RAPPORT_PLACEHOLDER_MAX_NAME 32

typedef enum
{
  RAPPORT_PLACEHOLDER_UNKNOWN,  /* not a name Rapport knows */
  RAPPORT_PLACEHOLDER_EMPTY,    /* known, but nothing to fill it with */
} RapportPlaceholderProblem;

/* A placeholder left in a text; offsets are in bytes, [start, end). */
typedef struct
{
  RapportPlaceholderProblem  problem;
  char                      *name;
  gsize                      start;
  gsize                      end;
} RapportPlaceholderIssue;

typedef struct _RapportTemplateContext RapportTemplateContext;

RapportTemplateContext *rapport_template_context_new          (void);
void                    rapport_template_context_free         (RapportTemplateContext *self);
void                    rapport_template_context_set          (RapportTemplateContext *self,
                                                               const char             *name,
                                                               const char             *value);
const char             *rapport_template_context_get          (RapportTemplateContext *self,
                                                               const char             *name);
void                    rapport_template_context_set_contact  (RapportTemplateContext *self,
                                                               RapportContact         *contact,
                                                               RapportContact         *referrer);
void                    rapport_template_context_set_meeting  (RapportTemplateContext *self,
                                                               RapportMeeting         *meeting);
void                    rapport_template_context_set_sender   (RapportTemplateContext *self,
                                                               const char             *name,
                                                               const char             *phone,
                                                               int                     meeting_minutes);

const char * const     *rapport_placeholder_get_names         (void);
gboolean                rapport_placeholder_is_known          (const char             *name);
const char             *rapport_placeholder_get_description   (const char             *name);

char                   *rapport_template_render               (const char             *text,
                                                               RapportTemplateContext *context,
                                                               GArray                **issues);
GArray                 *rapport_template_scan                 (const char             *text);
char                   *rapport_placeholder_issue_describe    (const RapportPlaceholderIssue *issue);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportTemplateContext, rapport_template_context_free)

G_END_DECLS
