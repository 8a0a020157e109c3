/* rapport-contact-store.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact.h"
#include "rapport-database.h"
#include "rapport-interaction.h"

G_BEGIN_DECLS

#define RAPPORT_CONTACT_STORE_ERROR (rapport_contact_store_error_quark ())

typedef enum
{
  RAPPORT_CONTACT_STORE_ERROR_INVALID,     /* a value the store refuses */
  RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,   /* no such contact or entry */
} RapportContactStoreError;

typedef enum
{
  RAPPORT_CONTACT_SORT_NAME,
  RAPPORT_CONTACT_SORT_ORGANISATION,
  RAPPORT_CONTACT_SORT_LAST_CONTACTED,
  RAPPORT_CONTACT_SORT_STAGE,
} RapportContactSort;

/* Which contacts, in which order. Plain data, copied into each query. */
typedef struct
{
  char               *text;    /* search words, each matched as a prefix; NULL for all */
  int                 stage;   /* a RapportStage, or -1 for any */
  char               *tag;     /* NULL for any */
  RapportContactSort  sort;
  guint               limit;   /* 0 for no limit */
} RapportContactQuery;

#define RAPPORT_TYPE_CONTACT_QUERY (rapport_contact_query_get_type ())
GType                rapport_contact_query_get_type (void) G_GNUC_CONST;
RapportContactQuery *rapport_contact_query_new      (void);
RapportContactQuery *rapport_contact_query_copy     (const RapportContactQuery *query);
void                 rapport_contact_query_free     (RapportContactQuery       *query);
gboolean             rapport_contact_query_equal    (const RapportContactQuery *a,
                                                     const RapportContactQuery *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportContactQuery, rapport_contact_query_free)

#define RAPPORT_TYPE_CONTACT_STORE (rapport_contact_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportContactStore, rapport_contact_store, RAPPORT, CONTACT_STORE, GObject)

GQuark               rapport_contact_store_error_quark          (void);
RapportContactStore *rapport_contact_store_new                  (RapportDatabase            *database);
RapportDatabase     *rapport_contact_store_get_database         (RapportContactStore        *self);
char                *rapport_contact_store_build_match          (const char                 *text);
void                 rapport_contact_store_notify_changed       (RapportContactStore        *self,
                                                                 gint64                      contact_id);

void                 rapport_contact_store_query_async          (RapportContactStore        *self,
                                                                 const RapportContactQuery  *query,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
GArray              *rapport_contact_store_query_finish         (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_load_async           (RapportContactStore        *self,
                                                                 const gint64               *ids,
                                                                 guint                       n_ids,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
GPtrArray           *rapport_contact_store_load_finish          (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_save_async           (RapportContactStore        *self,
                                                                 RapportContact             *contact,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gint64               rapport_contact_store_save_finish          (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_insert_many_async    (RapportContactStore        *self,
                                                                 GPtrArray                  *contacts,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gboolean             rapport_contact_store_insert_many_finish   (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_set_stage_async      (RapportContactStore        *self,
                                                                 gint64                      contact_id,
                                                                 RapportStage                stage,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gboolean             rapport_contact_store_set_stage_finish     (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_trash_async          (RapportContactStore        *self,
                                                                 gint64                      contact_id,
                                                                 gboolean                    trashed,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gboolean             rapport_contact_store_trash_finish         (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_purge_trash_async    (RapportContactStore        *self,
                                                                 gint64                      contact_id,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gboolean             rapport_contact_store_purge_trash_finish   (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_referrals_async      (RapportContactStore        *self,
                                                                 gint64                      contact_id,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
gboolean             rapport_contact_store_referrals_finish     (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GPtrArray                 **chain,
                                                                 GPtrArray                 **referred,
                                                                 GError                    **error);
void                 rapport_contact_store_timeline_async       (RapportContactStore        *self,
                                                                 gint64                      contact_id,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
GPtrArray           *rapport_contact_store_timeline_finish      (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);
void                 rapport_contact_store_save_interaction_async    (RapportContactStore   *self,
                                                                      RapportInteraction    *interaction,
                                                                      GCancellable          *cancellable,
                                                                      GAsyncReadyCallback    callback,
                                                                      gpointer               user_data);
gint64               rapport_contact_store_save_interaction_finish   (RapportContactStore   *self,
                                                                      GAsyncResult          *result,
                                                                      GError               **error);
void                 rapport_contact_store_delete_interaction_async  (RapportContactStore   *self,
                                                                      RapportInteraction    *interaction,
                                                                      GCancellable          *cancellable,
                                                                      GAsyncReadyCallback    callback,
                                                                      gpointer               user_data);
gboolean             rapport_contact_store_delete_interaction_finish (RapportContactStore   *self,
                                                                      GAsyncResult          *result,
                                                                      GError               **error);
void                 rapport_contact_store_list_tags_async      (RapportContactStore        *self,
                                                                 GCancellable               *cancellable,
                                                                 GAsyncReadyCallback         callback,
                                                                 gpointer                    user_data);
char               **rapport_contact_store_list_tags_finish     (RapportContactStore        *self,
                                                                 GAsyncResult               *result,
                                                                 GError                    **error);

G_END_DECLS
