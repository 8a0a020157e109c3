/* rapport-contact-sync.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-sync.h"
#include "rapport-contact-sync-db.h"
#include "rapport-eds-backend.h"
#include "rapport-module.h"

/* "Keep in sync" with an address book: the standard fields of each linked
 * contact (rapport-book-card.h) flow both ways; stage, referrer, tags and
 * the timeline never leave Rapport. A card of the book is linked to a
 * contact by its EDS UID (once linked), else by an email address of an
 * unlinked contact; the sync never creates a contact on either side, so
 * it cannot make a duplicate however often it runs.
 *
 * A pass compares the whole book with the linked contacts: each field
 * against its value at the last sync (eds_contact_link.synced), a
 * three-way merge. A field changed on one side only goes to the other; one
 * changed differently on both is a conflict: each side keeps its value
 * until the user chooses, and the pass never picks one. The fingerprints of
 * both sides after the last sync make an unchanged contact cost two digests.
 *
 * Passes run one at a time; the book's view and the store's "changed" (the
 * echo of the pass's own writes too) ask for another, which then finds
 * nothing to do. */

static RapportModule module = RAPPORT_MODULE_INIT ("rapport-eds.so", RAPPORT_EDS_BACKEND_SYMBOL);

/* Edits come in bursts (an import, the book's first download). */
#define SETTLE_MS 300

struct _RapportContactSync
{
  GObject              parent_instance;

  RapportContactStore *store;
  char                *source_uid;
  GObject             *book;         /* the module's; NULL until open */
  GCancellable        *cancellable;
  guint                settle_id;
  gboolean             running;
  gboolean             again;
  char                *message;
  GPtrArray           *conflicts;    /* of RapportContactConflict */
};

G_DEFINE_FINAL_TYPE (RapportContactSync, rapport_contact_sync, G_TYPE_OBJECT)

enum {
  SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One pass: what it read, and the writes it is waiting for. */
typedef struct
{
  RapportContactSync      *self;
  GPtrArray               *cards;      /* of RapportBookCard */
  RapportContactSyncState *state;
  GPtrArray               *links;      /* of RapportContactLink, to write */
  GStrv                    gone;
  guint                    pending;
  gboolean                 failed;
} Pass;

static void run_pass (RapportContactSync *self);

static const RapportEdsBackend *
backend (void)
{
  return rapport_module_peek_table (&module);
}

static void
pass_free (Pass *pass)
{
  g_clear_pointer (&pass->cards, g_ptr_array_unref);
  g_clear_pointer (&pass->state, rapport_contact_sync_state_free);
  g_clear_pointer (&pass->links, g_ptr_array_unref);
  g_strfreev (pass->gone);
  g_object_unref (pass->self);
  g_free (pass);
}

static void
set_message (RapportContactSync *self,
             const GError       *error)
{
  g_clear_pointer (&self->message, g_free);
  if (error != NULL)
    {
      g_warning ("Address book %s: %s", self->source_uid, error->message);
      /* Translators: the reason follows */
      self->message = g_strdup_printf (_("The address book could not be kept in sync: %s"), error->message);
    }
}

static gboolean
stopped (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Scheduling {{{ */

static gboolean
settled_cb (gpointer user_data)
{
  RapportContactSync *self = user_data;

  self->settle_id = 0;
  run_pass (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (RapportContactSync *self)
{
  if (self->book == NULL)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settled_cb, self);
}

static void
book_changed_cb (GObject  *book,
                 gpointer  user_data)
{
  schedule (user_data);
}

static void
store_changed_cb (RapportContactStore *store,
                  gint64               contact_id,
                  gpointer             user_data)
{
  schedule (user_data);
}

static void
pass_done (Pass *pass)
{
  RapportContactSync *self = pass->self;

  self->running = FALSE;
  if (self->again)
    {
      self->again = FALSE;
      schedule (self);
    }
  g_signal_emit (self, signals[SYNCED], 0);
  pass_free (pass);
}

/* }}} */
/* The merge {{{ */

/* The fields each side should have after the merge, and what is then the
 * last-synced state; TRUE when a field is in conflict. */
static gboolean
merge (const RapportBookFields *base,      /* NULL when first linked */
       const RapportBookFields *ours,
       const RapportBookFields *theirs,
       RapportBookFields       *new_ours,
       RapportBookFields       *new_theirs,
       RapportBookFields       *synced)
{
  gboolean conflict = FALSE;

  for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS; i++)
    {
      const char *o = ours->values[i], *t = theirs->values[i], *m;

      if (g_str_equal (o, t))
        m = o;
      else if (base != NULL && g_str_equal (o, base->values[i]))
        m = t;
      else if (base != NULL && g_str_equal (t, base->values[i]))
        m = o;
      else if (base == NULL && *o == '\0')   /* first link: what one side lacks */
        m = t;
      else if (base == NULL && *t == '\0')
        m = o;
      else
        m = NULL;

      if (m != NULL)
        {
          new_ours->values[i] = g_strdup (m);
          new_theirs->values[i] = g_strdup (m);
          synced->values[i] = g_strdup (m);
        }
      else
        {
          /* Both kept, and the base stays as it was: the next pass sees the same. */
          conflict = TRUE;
          new_ours->values[i] = g_strdup (o);
          new_theirs->values[i] = g_strdup (t);
          synced->values[i] = g_strdup (base != NULL ? base->values[i] : "");
        }
    }
  return conflict;
}

/* }}} */
/* A pass {{{ */

static void
links_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_sync_db_write_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    set_message (pass->self, error);
  else if (!pass->failed)
    set_message (pass->self, NULL);
  pass_done (pass);
}

static void
write_links (Pass *pass)
{
  rapport_contact_sync_db_write_async (pass->self->store, pass->self->source_uid, pass->links, pass->gone,
                                       NULL, links_written_cb, pass);
}

/* A write failed: its link is left as it was, so the next pass tries again. */
static void
drop_link (Pass               *pass,
           RapportContactLink *link)
{
  pass->failed = TRUE;
  g_ptr_array_remove_fast (pass->links, link);
}

typedef struct
{
  Pass               *pass;
  RapportContactLink *link;
} Write;

static void
write_done (Write        *write,
            const GError *error)
{
  Pass *pass = write->pass;

  if (error != NULL)
    {
      if (!stopped (error))
        set_message (pass->self, error);
      if (g_ptr_array_find (pass->links, write->link, NULL))
        drop_link (pass, write->link);
    }
  g_free (write);
  if (--pass->pending == 0)
    write_links (pass);
}

static void
card_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  backend ()->write_card_finish (object, result, &error);
  write_done (user_data, error);
}

static void
contact_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  rapport_contact_store_save_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  write_done (user_data, error);
}

static Write *
new_write (Pass               *pass,
           RapportContactLink *link)
{
  Write *write = g_new0 (Write, 1);

  write->pass = pass;
  write->link = link;
  pass->pending++;
  return write;
}

/* One card against its contact; queues the writes it needs. */
static void
sync_card (Pass            *pass,
           RapportBookCard *card,
           RapportContact  *contact)
{
  RapportContactSync *self = pass->self;
  RapportContactLink *old = g_hash_table_lookup (pass->state->links, card->uid);
  RapportContactLink *link;
  RapportBookFields ours, base, new_ours = { 0 }, new_theirs = { 0 }, synced = { 0 };
  g_autofree char *ours_fp = NULL;
  g_autofree char *theirs_fp = NULL;
  gboolean conflict;

  rapport_book_fields_from_contact (&ours, contact);
  ours_fp = rapport_book_fields_fingerprint (&ours);
  theirs_fp = rapport_book_fields_fingerprint (&card->fields);
  if (old != NULL && old->conflict == NULL && g_str_equal (ours_fp, old->rapport_fingerprint) &&
      g_str_equal (theirs_fp, old->book_fingerprint))
    {
      /* Nothing changed on either side; only the revision may be newer
       * (the book's echo of this sync's own write). */
      if (g_strcmp0 (old->rev, card->rev) != 0)
        {
          g_hash_table_steal (pass->state->links, card->uid);
          g_free (old->rev);
          old->rev = g_strdup (card->rev);
          g_ptr_array_add (pass->links, old);
        }
      rapport_book_fields_clear (&ours);
      return;
    }

  if (old != NULL)
    rapport_book_fields_parse (&base, old->synced);
  conflict = merge (old != NULL ? &base : NULL, &ours, &card->fields, &new_ours, &new_theirs, &synced);

  link = g_new0 (RapportContactLink, 1);
  link->contact_id = rapport_contact_get_id (contact);
  link->eds_uid = g_strdup (card->uid);
  link->rev = g_strdup (card->rev);
  link->synced = rapport_book_fields_serialize (&synced);
  link->rapport_fingerprint = rapport_book_fields_fingerprint (&new_ours);
  link->book_fingerprint = rapport_book_fields_fingerprint (&new_theirs);
  link->conflict = conflict ? rapport_book_fields_serialize (&new_theirs) : NULL;
  g_ptr_array_add (pass->links, link);
  if (conflict)
    {
      RapportContactConflict *shown = g_new0 (RapportContactConflict, 1);

      shown->contact_id = link->contact_id;
      shown->name = g_strdup (rapport_contact_get_display_name (contact));
      for (guint i = 0; i < RAPPORT_BOOK_N_FIELDS && shown->ours == NULL; i++)
        if (!g_str_equal (new_ours.values[i], new_theirs.values[i]))
          {
            shown->field = i;
            shown->ours = g_strdup (new_ours.values[i]);
            shown->theirs = g_strdup (new_theirs.values[i]);
          }
      g_ptr_array_add (self->conflicts, shown);
    }

  if (!rapport_book_fields_equal (&new_ours, &ours))
    {
      g_autoptr(RapportContact) copy = rapport_contact_copy (contact);

      rapport_book_fields_to_contact (&new_ours, copy);
      rapport_contact_store_save_async (self->store, copy, NULL, contact_saved_cb, new_write (pass, link));
    }
  if (!rapport_book_fields_equal (&new_theirs, &card->fields))
    {
      g_autoptr(RapportBookCard) write = rapport_book_card_new (card->uid, card->rev);

      rapport_book_fields_clear (&write->fields);
      rapport_book_fields_copy (&write->fields, &new_theirs);
      backend ()->write_card_async (self->book, write, self->cancellable, card_written_cb,
                                    new_write (pass, link));
    }

  if (old != NULL)
    rapport_book_fields_clear (&base);
  rapport_book_fields_clear (&ours);
  rapport_book_fields_clear (&new_ours);
  rapport_book_fields_clear (&new_theirs);
  rapport_book_fields_clear (&synced);
}

static gint64
contact_for (Pass            *pass,
             RapportBookCard *card)
{
  RapportContactLink *link = g_hash_table_lookup (pass->state->links, card->uid);
  gint64 *id;

  if (link != NULL)
    return link->contact_id;
  id = g_hash_table_lookup (pass->state->by_email, card->uid);
  return id != NULL ? *id : 0;
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Pass *pass = user_data;
  RapportContactSync *self = pass->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) gone = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  if (contacts == NULL)
    {
      set_message (self, error);
      pass_done (pass);
      return;
    }
  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      gint64 id = rapport_contact_get_id (contact);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), contact);
    }

  pass->links = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_link_free);
  g_ptr_array_set_size (self->conflicts, 0);
  pass->pending = 1;   /* until every card was looked at */
  for (guint i = 0; i < pass->cards->len; i++)
    {
      RapportBookCard *card = g_ptr_array_index (pass->cards, i);
      gint64 id = contact_for (pass, card);
      RapportContact *contact = id != 0 ? g_hash_table_lookup (by_id, &id) : NULL;

      g_hash_table_add (present, card->uid);
      if (contact != NULL)
        sync_card (pass, card, contact);
    }
  g_hash_table_iter_init (&iter, pass->state->links);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_strv_builder_add (gone, key);
  pass->gone = g_strv_builder_end (gone);
  if (--pass->pending == 0)
    write_links (pass);
}

static void
state_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  pass->state = rapport_contact_sync_db_read_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (pass->state == NULL)
    {
      set_message (pass->self, error);
      pass_done (pass);
      return;
    }
  for (guint i = 0; i < pass->cards->len; i++)
    {
      gint64 id = contact_for (pass, g_ptr_array_index (pass->cards, i));

      if (id != 0)
        g_array_append_val (ids, id);
    }
  rapport_contact_store_load_async (pass->self->store, (const gint64 *) ids->data, ids->len, NULL,
                                    loaded_cb, pass);
}

static void
cards_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Pass *pass = user_data;
  g_autoptr(GError) error = NULL;

  pass->cards = backend ()->read_cards_finish (object, result, &error);
  if (pass->cards == NULL)
    {
      if (!stopped (error))
        set_message (pass->self, error);
      pass_done (pass);
      return;
    }
  rapport_contact_sync_db_read_async (pass->self->store, pass->self->source_uid, pass->cards, NULL,
                                      state_cb, pass);
}

static void
run_pass (RapportContactSync *self)
{
  Pass *pass;

  if (self->book == NULL || self->running)
    return;
  self->running = TRUE;
  pass = g_new0 (Pass, 1);
  pass->self = g_object_ref (self);
  backend ()->read_cards_async (self->book, self->cancellable, cards_cb, pass);
}

/* }}} */
/* Opening {{{ */

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportContactSync) self = user_data;
  g_autoptr(GError) error = NULL;
  GObject *book = backend ()->open_book_finish (result, &error);

  if (book == NULL)
    {
      if (!stopped (error))
        set_message (self, error);
      g_signal_emit (self, signals[SYNCED], 0);
      return;
    }
  self->book = book;
  g_signal_connect_object (book, "changed", G_CALLBACK (book_changed_cb), self, 0);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  run_pass (self);
}

static void
module_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportContactSync) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_module_load_finish (result, &error))
    {
      g_prefix_error (&error, "%s", _("Address books need evolution-data-server, which could not be loaded: "));
      set_message (self, error);
      g_signal_emit (self, signals[SYNCED], 0);
      return;
    }
  backend ()->open_book_async (self->source_uid, self->cancellable, opened_cb, g_object_ref (self));
}

/* }}} */
/* GObject and the public API {{{ */

void
rapport_contact_conflict_free (RapportContactConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->name);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

static void
rapport_contact_sync_dispose (GObject *object)
{
  RapportContactSync *self = RAPPORT_CONTACT_SYNC (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_object (&self->book);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_sync_parent_class)->dispose (object);
}

static void
rapport_contact_sync_finalize (GObject *object)
{
  RapportContactSync *self = RAPPORT_CONTACT_SYNC (object);

  g_clear_object (&self->cancellable);
  g_free (self->source_uid);
  g_free (self->message);
  g_ptr_array_unref (self->conflicts);

  G_OBJECT_CLASS (rapport_contact_sync_parent_class)->finalize (object);
}

static void
rapport_contact_sync_class_init (RapportContactSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_contact_sync_dispose;
  object_class->finalize = rapport_contact_sync_finalize;

  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rapport_contact_sync_init (RapportContactSync *self)
{
  self->cancellable = g_cancellable_new ();
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_contact_conflict_free);
}

RapportContactSync *
rapport_contact_sync_new (RapportContactStore *store,
                          const char          *source_uid)
{
  RapportContactSync *self;

  g_return_val_if_fail (RAPPORT_IS_CONTACT_STORE (store), NULL);
  g_return_val_if_fail (source_uid != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_CONTACT_SYNC, NULL);
  self->store = g_object_ref (store);
  self->source_uid = g_strdup (source_uid);
  return self;
}

void
rapport_contact_sync_start (RapportContactSync *self)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_SYNC (self));

  rapport_module_load_async (&module, self->cancellable, module_cb, g_object_ref (self));
}

void
rapport_contact_sync_sync_now (RapportContactSync *self)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_SYNC (self));

  if (self->running)
    self->again = TRUE;
  else
    {
      g_clear_handle_id (&self->settle_id, g_source_remove);
      run_pass (self);
    }
}

const char *
rapport_contact_sync_get_message (RapportContactSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_SYNC (self), NULL);
  return self->message;
}

GPtrArray *
rapport_contact_sync_get_conflicts (RapportContactSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_SYNC (self), NULL);
  return self->conflicts;
}

gboolean
rapport_contact_sync_is_idle (RapportContactSync *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_SYNC (self), FALSE);
  return self->book != NULL && !self->running && !self->again && self->settle_id == 0;
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!rapport_contact_sync_db_resolve_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  rapport_contact_sync_sync_now (g_task_get_source_object (task));
  g_task_return_boolean (task, TRUE);
}

static void
resolve_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  RapportBookFields ours;
  g_autofree char *synced = NULL;

  if (contacts == NULL || contacts->len == 0)
    {
      if (contacts != NULL)
        error = g_error_new (RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                             _("The contact no longer exists."));
      g_task_return_error (task, error);
      return;
    }
  /* Keeping the book's: Rapport's fields become the last synced, so the
   * book's read as the newer and come in. */
  rapport_book_fields_from_contact (&ours, g_ptr_array_index (contacts, 0));
  synced = rapport_book_fields_serialize (&ours);
  rapport_book_fields_clear (&ours);
  rapport_contact_sync_db_resolve_async (RAPPORT_CONTACT_STORE (object), rapport_contact_get_id (g_ptr_array_index (contacts, 0)),
                                         synced, NULL, resolved_cb, g_object_ref (task));
}

void
rapport_contact_sync_resolve_async (RapportContactSync     *self,
                                    gint64                  contact_id,
                                    RapportContactSyncKeep  keep,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_CONTACT_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rapport_contact_sync_resolve_async);
  if (keep == RAPPORT_CONTACT_SYNC_KEEP_RAPPORT)
    /* The book's conflicting fields become the last synced: Rapport's go out. */
    rapport_contact_sync_db_resolve_async (self->store, contact_id, NULL, NULL, resolved_cb, task);
  else
    rapport_contact_store_load_async (self->store, &contact_id, 1, NULL, resolve_loaded_cb, task);
}

gboolean
rapport_contact_sync_resolve_finish (RapportContactSync  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
