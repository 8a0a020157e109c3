/* rapport-contact-store-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-store.h"
#include "rapport-db-run.h"

G_BEGIN_DECLS

/* A job's input, shared by rapport-contact-store.c and the timeline's
 * jobs (rapport-contact-store-timeline.c); _rapport_contact_store_run() frees
 * it. Their results are finished with rapport_db_run_finish() and its kin. */
typedef struct
{
  RapportContactQuery *query;
  gint64              *ids;
  guint                n_ids;
  gint64               id;
  gint64               other;
  RapportContact      *contact;
  RapportInteraction  *interaction;
  GPtrArray           *contacts;
  GObject             *object;      /* a draft, for the mail jobs */
  gint64               changed_id;  /* what a write announces once committed */
} RapportContactStoreJob;

void     _rapport_contact_store_run            (RapportContactStore     *self,
                                               RapportDatabaseFunc      func,
                                               RapportContactStoreJob  *job,
                                               GDestroyNotify           result_free,
                                               gboolean                 is_write,
                                               gint64                   changed_id,
                                               gpointer                 source_tag,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);

G_END_DECLS
