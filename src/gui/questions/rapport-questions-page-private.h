/* rapport-questions-page-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-questions-page.h"

G_BEGIN_DECLS

struct _RapportQuestionsPage
{
  GtkWidget             parent_instance;

  RapportQuestionStore *store;
  GCancellable         *cancellable;    /* the listing in flight */
  GPtrArray            *categories;     /* the latest listing */
  GHashTable           *groups;         /* category id → Group */
  GHashTable           *rows;           /* question id → RapportQuestionRow (borrowed) */
  GHashTable           *deleted;        /* question id → its tombstone, while Undo is offered */
  gboolean              reload_again;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *starred_toggle;
  GtkStack             *content_stack;
  GtkBox               *groups_box;
};

gint64          *_rapport_questions_page_id_key          (gint64                id);
void             _rapport_questions_page_show_error      (RapportQuestionsPage *self,
                                                          const GError         *error);
RapportQuestion *_rapport_questions_page_find_question   (RapportQuestionsPage *self,
                                                          gint64                id);
void             _rapport_questions_page_edit            (RapportQuestionsPage *self,
                                                          gint64                id,
                                                          gboolean              focus_category);
void             _rapport_questions_page_install_actions (GtkWidgetClass       *widget_class);

G_END_DECLS
