/* rapport-contact-list.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-list"

#include "config.h"

#include "rapport-contact-list.h"

/* A GListModel of the contacts matching a query, for lists of any length.
 *
 * Only the ids of the matches are held (8 bytes a contact); the contacts
 * themselves are made on demand when the view asks for a position, first
 * as an empty placeholder, then filled from the database in batches on the
 * worker thread. Searching, filtering and sorting happen in SQLite, never
 * here. When the query or the data changes, the new ids are compared with
 * the old ones and only the range that differs is announced, so the view
 * keeps its scroll position and selection. */

#define BATCH_SIZE 100
#define CACHE_LIMIT 2000

struct _RapportContactList
{
  GObject              parent_instance;

  RapportContactStore *store;
  RapportContactQuery *query;
  GArray              *ids;           /* gint64, the current matches in order */
  GHashTable          *cache;         /* id → RapportContact, made for the view */
  GArray              *pending;       /* ids waiting to be loaded */
  GCancellable        *query_cancellable;
  guint                flush_id;
  guint                busy : 1;
  guint                requery : 1;   /* the data changed during a query */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportContactList, rapport_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_BUSY,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void run_query (RapportContactList *self);

/* Loading {{{ */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportContactList) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load contacts: %s", error->message);
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *loaded = g_ptr_array_index (contacts, i);
      RapportContact *shown = g_hash_table_lookup (self->cache, &(gint64) { rapport_contact_get_id (loaded) });

      if (shown != NULL)
        rapport_contact_update_from (shown, loaded);
    }
}

static gboolean
flush_pending (gpointer user_data)
{
  RapportContactList *self = user_data;

  self->flush_id = 0;

  for (guint i = 0; i < self->pending->len; i += BATCH_SIZE)
    {
      guint n = MIN (BATCH_SIZE, self->pending->len - i);

      rapport_contact_store_load_async (self->store, &g_array_index (self->pending, gint64, i), n,
                                        NULL, loaded_cb, g_object_ref (self));
    }
  g_array_set_size (self->pending, 0);

  return G_SOURCE_REMOVE;
}

static void
queue_load (RapportContactList *self,
            gint64              id)
{
  g_array_append_val (self->pending, id);

  /* Every position the view asks for in one frame goes into one batch. */
  if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_pending, self, NULL);
}

/* Drops the contacts that only the cache still holds. */
static void
trim_cache (RapportContactList *self)
{
  GHashTableIter iter;
  gpointer value;

  if (g_hash_table_size (self->cache) < CACHE_LIMIT)
    return;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (G_OBJECT (value)->ref_count == 1)
        g_hash_table_iter_remove (&iter);
    }
}

/* }}} */
/* Querying {{{ */

static void
apply_ids (RapportContactList *self,
           GArray             *ids)
{
  guint old_len = self->ids->len;
  guint new_len = ids->len;
  guint prefix = 0;
  guint suffix = 0;
  const gint64 *a = (const gint64 *) (gpointer) self->ids->data;
  const gint64 *b = (const gint64 *) (gpointer) ids->data;
  g_autoptr(GArray) old_ids = self->ids;

  while (prefix < old_len && prefix < new_len && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         a[old_len - 1 - suffix] == b[new_len - 1 - suffix])
    suffix++;

  self->ids = g_array_ref (ids);

  if (old_len != new_len || prefix != old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix, new_len - prefix - suffix);
  if (old_len != new_len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_busy (RapportContactList *self,
          gboolean            busy)
{
  if (self->busy != !!busy)
    {
      self->busy = !!busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RapportContactList) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rapport_contact_store_query_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (ids == NULL)
    {
      /* A newer query replaced this one, and will finish in its place. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A database that could not be opened has its own message. */
      if (g_error_matches (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_CLOSED))
        g_debug ("Could not query contacts: %s", error->message);
      else
        g_warning ("Could not query contacts: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  g_clear_object (&self->query_cancellable);

  if (self->requery)
    {
      run_query (self);
      return;
    }

  apply_ids (self, ids);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
run_query (RapportContactList *self)
{
  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);

  self->requery = FALSE;
  self->query_cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  rapport_contact_store_query_async (self->store, self->query, self->query_cancellable,
                                     query_done_cb, g_object_ref (self));
}

static void
store_changed_cb (RapportContactList  *self,
                  gint64               contact_id,
                  RapportContactStore *store)
{
  RapportContact *shown;

  if (contact_id == 0)
    {
      /* Many contacts changed: reload whatever is on screen. */
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->cache);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        queue_load (self, *(gint64 *) key);
    }
  else if ((shown = g_hash_table_lookup (self->cache, &contact_id)) != NULL)
    queue_load (self, contact_id);

  /* The order, or whether it matches at all, may have changed too. A query
   * in flight may have read the data before the change: run it again. */
  if (self->query_cancellable != NULL)
    self->requery = TRUE;
  else
    run_query (self);
}

/* }}} */
/* GListModel {{{ */

static GType
rapport_contact_list_get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_CONTACT;
}

static guint
rapport_contact_list_get_n_items (GListModel *model)
{
  return RAPPORT_CONTACT_LIST (model)->ids->len;
}

static gpointer
rapport_contact_list_get_item (GListModel *model,
                               guint       position)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (model);
  RapportContact *contact;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  contact = g_hash_table_lookup (self->cache, &id);
  if (contact == NULL)
    {
      trim_cache (self);
      contact = rapport_contact_new ();
      rapport_contact_set_id (contact, id);
      g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), contact);
      queue_load (self, id);
    }

  return g_object_ref (contact);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rapport_contact_list_get_item_type;
  iface->get_n_items = rapport_contact_list_get_n_items;
  iface->get_item = rapport_contact_list_get_item;
}

/* }}} */
/* GObject {{{ */

static void
rapport_contact_list_dispose (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  g_cancellable_cancel (self->query_cancellable);
  g_clear_object (&self->query_cancellable);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->dispose (object);
}

static void
rapport_contact_list_finalize (GObject *object)
{
  RapportContactList *self = (RapportContactList *)object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->query, rapport_contact_query_free);

  G_OBJECT_CLASS (rapport_contact_list_parent_class)->finalize (object);
}

static void
rapport_contact_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RapportContactList *self = RAPPORT_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_list_class_init (RapportContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_contact_list_dispose;
  object_class->finalize = rapport_contact_list_finalize;
  object_class->get_property = rapport_contact_list_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportContactList::updated:
   *
   * Emitted when the list holds the results of the latest query.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rapport_contact_list_init (RapportContactList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->query = rapport_contact_query_new ();
}

/* }}} */
/* Public API {{{ */

RapportContactList *
rapport_contact_list_new (RapportContactStore *store)
{
  RapportContactList *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_CONTACT_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

const RapportContactQuery *
rapport_contact_list_get_query (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), NULL);
  return self->query;
}

/**
 * rapport_contact_list_set_query:
 *
 * Runs @query, replacing (and cancelling) any query still running; the list
 * changes when the results arrive, and then emits "updated".
 */
void
rapport_contact_list_set_query (RapportContactList        *self,
                                const RapportContactQuery *query)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, rapport_contact_query_free);
  self->query = rapport_contact_query_copy (query);
  run_query (self);
}

void
rapport_contact_list_refresh (RapportContactList *self)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_LIST (self));
  run_query (self);
}

gboolean
rapport_contact_list_get_busy (RapportContactList *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), FALSE);
  return self->busy;
}

gint64
rapport_contact_list_get_id (RapportContactList *self,
                             guint               position)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/**
 * rapport_contact_list_find:
 *
 * Returns: the position of @contact_id, or -1
 */
int
rapport_contact_list_find (RapportContactList *self,
                           gint64              contact_id)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_LIST (self), -1);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == contact_id)
      return i;
  return -1;
}

/* }}} */
