/* rapport-today-page-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-today-page.h"
#include "rapport-due.h"
#include "rapport-today-focus.h"

G_BEGIN_DECLS

/* Rows of a group shown at first, and added by each "Show All" (see
 * rapport-today-page.c). */
#define ROWS_SHOWN 20
#define ROWS_MORE  200

struct _RapportTodayPage
{
  GtkWidget             parent_instance;

  RapportReminderStore *store;
  GCancellable         *cancellable;
  GPtrArray            *reminders;               /* the last list's rows, earliest first */
  gint64                bounds[RAPPORT_N_DUE_GROUPS];  /* where its groups end */
  guint                 counts[RAPPORT_N_DUE_GROUPS];  /* how many each group holds */
  RapportReminder      *deleted;                 /* kept for Undo */
  AdwToast             *toast;                   /* weak: the one showing */
  guint                 shown[RAPPORT_N_DUE_GROUPS];
  guint                 badge_number;
  gboolean              needs_attention;
  guint                 n_rows;
  guint                 midnight_id;
  guint                 fill_tick_id;            /* the rest of the rows, next frame */
  gboolean              fill_pending;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkScrolledWindow    *scrolled;
  GtkLabel             *date_label;
  GtkLabel             *summary_label;
  GtkWidget            *groups[RAPPORT_N_DUE_GROUPS];
  GtkListBox           *lists[RAPPORT_N_DUE_GROUPS];
  RapportTodayFocus    *focus;
};

void             _rapport_today_page_fill            (RapportTodayPage *self);
void             _rapport_today_page_add_toast       (RapportTodayPage *self,
                                                      AdwToast         *toast);
void             _rapport_today_page_show_error      (RapportTodayPage *self,
                                                      const char       *format,
                                                      ...) G_GNUC_PRINTF (2, 3);
RapportReminder *_rapport_today_page_find_reminder   (RapportTodayPage *self,
                                                      gint64            id);
void             _rapport_today_page_install_actions (GtkWidgetClass   *widget_class);

G_END_DECLS
