/* rapport-template-store.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-template.h"
#include "rapport-database.h"

G_BEGIN_DECLS

#define RAPPORT_TEMPLATE_STORE_ERROR (rapport_template_store_error_quark ())

typedef enum
{
  RAPPORT_TEMPLATE_STORE_ERROR_INVALID,    /* no name, or no text */
  RAPPORT_TEMPLATE_STORE_ERROR_NOT_FOUND,  /* no such template */
} RapportTemplateStoreError;

#define RAPPORT_TYPE_TEMPLATE_STORE (rapport_template_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportTemplateStore, rapport_template_store, RAPPORT, TEMPLATE_STORE, GObject)

/* The message templates over the database's worker: the built-in ones (in
 * the current language unless the user edited them) and the user's own.
 * "changed" is emitted once a write has committed. */

GQuark                rapport_template_store_error_quark (void);
RapportTemplateStore *rapport_template_store_new         (RapportDatabase       *database);

void                  rapport_template_store_list_async  (RapportTemplateStore  *self,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
GPtrArray            *rapport_template_store_list_finish (RapportTemplateStore  *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                  rapport_template_store_save_async  (RapportTemplateStore  *self,
                                                          RapportTemplate       *template,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gint64                rapport_template_store_save_finish (RapportTemplateStore  *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                  rapport_template_store_reset_async (RapportTemplateStore  *self,
                                                          const char            *key,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean              rapport_template_store_reset_finish (RapportTemplateStore *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);
void                  rapport_template_store_delete_async (RapportTemplateStore *self,
                                                          gint64                 template_id,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean              rapport_template_store_delete_finish (RapportTemplateStore *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);

G_END_DECLS
