/* rapport-composer-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-draft.h"
#include "rapport-template-render.h"
#include "rapport-template.h"
#include "rapport-composer.h"

G_BEGIN_DECLS

/* Shared by rapport-composer.c (writing, checking) and
 * rapport-composer-send.c (sending, the mail app, drafts). */
struct _RapportComposer
{
  AdwWindow               parent_instance;

  RapportContactStore    *contacts;
  RapportMeetingStore    *meetings;
  RapportTemplateStore   *templates;
  GSettings              *settings;
  GCancellable           *cancellable;

  gint64                  contact_id;
  gint64                  meeting_id;
  gint64                  draft_id;
  char                   *template_key;   /* "" for one of the user's own */
  RapportContact         *contact;
  RapportContact         *referrer;
  RapportMeeting         *meeting;
  GPtrArray              *template_list;
  RapportTemplateContext *context;
  GtkTextTag             *placeholder_tag;
  guint                   check_id;
  gboolean                filling;        /* text set by Rapport, not typed */
  gboolean                dirty;          /* typed since filled or saved */
  gboolean                done;           /* sent or handed over: nothing to keep */
  gboolean                busy;
  gboolean                via_mail_app;   /* handed over, not sent by Rapport */
  RapportDraft           *before_switch;  /* what another template replaced, for Undo */

  /* Template children */
  AdwToastOverlay        *toast_overlay;
  AdwWindowTitle         *window_title;
  GtkButton              *send_button;
  GtkButton              *mail_app_button;
  GtkToggleButton        *coaching_toggle;
  GtkRevealer            *problem_revealer;
  GtkLabel               *problem_label;
  AdwFlap                *flap;
  GtkDropDown            *template_dropdown;
  GtkEntry               *to_entry;
  GtkEntry               *subject_entry;
  GtkTextView            *body_view;
  GtkLabel               *placeholders_label;
  GtkBox                 *coaching_box;
  GtkLabel               *coaching_empty_label;
};

char                  *_rapport_composer_get_body        (RapportComposer *self);
RapportTemplatePurpose _rapport_composer_get_purpose     (RapportComposer *self);
void                   _rapport_composer_show_problem    (RapportComposer *self,
                                                          const char      *message);
char                  *_rapport_composer_check_ready     (RapportComposer *self,
                                                          char           **address);
void                   _rapport_composer_schedule_check  (RapportComposer *self);
void                   _rapport_composer_text_changed    (RapportComposer *self);
void                   _rapport_composer_update_sending  (RapportComposer *self);
void                   _rapport_composer_send            (RapportComposer *self);
void                   _rapport_composer_open_in_mail_app (RapportComposer *self);
void                   _rapport_composer_finish          (RapportComposer *self);
gboolean               _rapport_composer_keep_draft      (RapportComposer *self);
void                   _rapport_composer_emit_toast      (RapportComposer *self,
                                                          const char      *text);

G_END_DECLS
