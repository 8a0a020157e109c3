/* rapport-eds-book.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-eds"

#include "config.h"

#include <glib/gi18n.h>

/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "rapport-birthday.h"
#include "rapport-eds-book.h"
#include "rapport-eds-registry.h"

/* An address book kept in sync: its client, and a view on every contact of
 * it that tells Rapport when one changed elsewhere (GNOME Contacts, a phone
 * through the server). A write edits the book's own contact in place, so
 * that what Rapport does not know of it (a NICKNAME, a photo, X-
 * properties, the parameters of an address) is kept: it is never rebuilt
 * from Rapport's fields. EDS queues the writes of a book that is offline. */

struct _RapportEdsBook
{
  GObject          parent_instance;

  EBookClient     *client;
  EBookClientView *view;
};

G_DEFINE_FINAL_TYPE (RapportEdsBook, rapport_eds_book, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields {{{ */

static void
read_list (RapportBookFields *fields,
           RapportBookField   field,
           EContact          *contact,
           EContactField      id)
{
  GList *attrs = e_contact_get_attributes (contact, id);
  GString *text = g_string_new (NULL);

  for (GList *l = attrs; l != NULL; l = l->next)
    {
      g_autofree char *value = e_vcard_attribute_get_value (l->data);

      if (value == NULL || *g_strstrip (value) == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, value);
    }
  rapport_book_fields_set (fields, field, text->str);
  g_string_free (text, TRUE);
  g_list_free_full (attrs, (GDestroyNotify) e_vcard_attribute_free);
}

/* BDAY as its text rather than e_contact_get (E_CONTACT_BIRTH_DATE), whose
 * EContactDate has no way to say that the year is not known ("--04-12"). */
static void
read_birthday (RapportBookFields *fields,
               EContact          *contact)
{
  EVCardAttribute *attr = e_vcard_get_attribute (E_VCARD (contact), EVC_BDAY);
  g_autofree char *value = attr != NULL ? e_vcard_attribute_get_value (attr) : NULL;
  g_autofree char *birthday = rapport_birthday_normalize (value);

  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_BIRTHDAY, birthday);
}

static void
write_birthday (EContact   *contact,
                const char *birthday)
{
  EVCard *vcard = E_VCARD (contact);

  e_vcard_remove_attributes (vcard, NULL, EVC_BDAY);
  /* The extended ISO 8601 form, which is what EDS itself writes for a
   * birth date ("1990-04-12"). */
  if (*birthday != '\0')
    e_vcard_append_attribute_with_value (vcard, e_vcard_attribute_new (NULL, EVC_BDAY), birthday);
}

static void
read_fields (RapportBookFields *fields,
             EContact          *contact)
{
  EContactName *name = e_contact_get (contact, E_CONTACT_NAME);

  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_FULL_NAME, e_contact_get_const (contact, E_CONTACT_FULL_NAME));
  if (name != NULL)
    {
      rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_GIVEN_NAME, name->given);
      rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_FAMILY_NAME, name->family);
      e_contact_name_free (name);
    }
  read_list (fields, RAPPORT_BOOK_FIELD_EMAILS, contact, E_CONTACT_EMAIL);
  read_list (fields, RAPPORT_BOOK_FIELD_PHONES, contact, E_CONTACT_TEL);
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_ORGANISATION, e_contact_get_const (contact, E_CONTACT_ORG));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_TITLE, e_contact_get_const (contact, E_CONTACT_TITLE));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_NOTE, e_contact_get_const (contact, E_CONTACT_NOTE));
  rapport_book_fields_set (fields, RAPPORT_BOOK_FIELD_URL, e_contact_get_const (contact, E_CONTACT_HOMEPAGE_URL));
  read_birthday (fields, contact);
}

static void
set_text (EContact      *contact,
          EContactField  id,
          const char    *value)
{
  /* NULL removes the property rather than leaving an empty one. */
  e_contact_set (contact, id, *value != '\0' ? value : NULL);
}

/* Rewrites the list's properties in the new order; a value that was
 * there keeps its property as it was (TYPE=WORK, PREF, its group). */
static void
write_list (EContact      *contact,
            const char    *attr_name,
            EContactField  id,
            const char    *values)
{
  EVCard *vcard = E_VCARD (contact);
  GList *old = e_contact_get_attributes (contact, id);
  g_auto(GStrv) wanted = *values != '\0' ? g_strsplit (values, "\n", -1) : g_new0 (char *, 1);

  e_vcard_remove_attributes (vcard, NULL, attr_name);
  for (guint i = 0; wanted[i] != NULL; i++)
    {
      EVCardAttribute *attr = NULL;

      for (GList *l = old; l != NULL && attr == NULL; l = l->next)
        {
          g_autofree char *value = e_vcard_attribute_get_value (l->data);

          if (value != NULL && g_str_equal (g_strstrip (value), wanted[i]))
            {
              attr = l->data;
              old = g_list_delete_link (old, l);
            }
        }
      if (attr == NULL)
        {
          attr = e_vcard_attribute_new (NULL, attr_name);
          e_vcard_attribute_add_value (attr, wanted[i]);
        }
      e_vcard_append_attribute (vcard, attr);
    }
  g_list_free_full (old, (GDestroyNotify) e_vcard_attribute_free);
}

static void
write_fields (EContact                *contact,
              const RapportBookFields *fields)
{
  EContactName *name = e_contact_get (contact, E_CONTACT_NAME);
  RapportBookFields now;

  rapport_book_fields_init (&now);
  read_fields (&now, contact);

  /* Only what differs is touched, so a field the book writes in its own
   * way (an N with a prefix, an ORG with a unit) stays so when equal. */
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_FULL_NAME], fields->values[RAPPORT_BOOK_FIELD_FULL_NAME]) != 0)
    set_text (contact, E_CONTACT_FULL_NAME, fields->values[RAPPORT_BOOK_FIELD_FULL_NAME]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_GIVEN_NAME], fields->values[RAPPORT_BOOK_FIELD_GIVEN_NAME]) != 0 ||
      g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_FAMILY_NAME], fields->values[RAPPORT_BOOK_FIELD_FAMILY_NAME]) != 0)
    {
      if (name == NULL)
        name = e_contact_name_new ();
      g_free (name->given);
      g_free (name->family);
      /* The prefix, additional names and suffix are the book's own. */
      name->given = g_strdup (fields->values[RAPPORT_BOOK_FIELD_GIVEN_NAME]);
      name->family = g_strdup (fields->values[RAPPORT_BOOK_FIELD_FAMILY_NAME]);
      e_contact_set (contact, E_CONTACT_NAME, name);
    }
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_EMAILS], fields->values[RAPPORT_BOOK_FIELD_EMAILS]) != 0)
    write_list (contact, EVC_EMAIL, E_CONTACT_EMAIL, fields->values[RAPPORT_BOOK_FIELD_EMAILS]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_PHONES], fields->values[RAPPORT_BOOK_FIELD_PHONES]) != 0)
    write_list (contact, EVC_TEL, E_CONTACT_TEL, fields->values[RAPPORT_BOOK_FIELD_PHONES]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_ORGANISATION], fields->values[RAPPORT_BOOK_FIELD_ORGANISATION]) != 0)
    set_text (contact, E_CONTACT_ORG, fields->values[RAPPORT_BOOK_FIELD_ORGANISATION]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_TITLE], fields->values[RAPPORT_BOOK_FIELD_TITLE]) != 0)
    set_text (contact, E_CONTACT_TITLE, fields->values[RAPPORT_BOOK_FIELD_TITLE]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_NOTE], fields->values[RAPPORT_BOOK_FIELD_NOTE]) != 0)
    set_text (contact, E_CONTACT_NOTE, fields->values[RAPPORT_BOOK_FIELD_NOTE]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_URL], fields->values[RAPPORT_BOOK_FIELD_URL]) != 0)
    set_text (contact, E_CONTACT_HOMEPAGE_URL, fields->values[RAPPORT_BOOK_FIELD_URL]);
  if (g_strcmp0 (now.values[RAPPORT_BOOK_FIELD_BIRTHDAY], fields->values[RAPPORT_BOOK_FIELD_BIRTHDAY]) != 0)
    write_birthday (contact, fields->values[RAPPORT_BOOK_FIELD_BIRTHDAY]);

  if (name != NULL)
    e_contact_name_free (name);
  rapport_book_fields_clear (&now);
}

/* }}} */
/* GObject {{{ */

static void
view_changed_cb (EBookClientView *view,
                 gpointer         ignored,
                 RapportEdsBook  *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rapport_eds_book_dispose (GObject *object)
{
  RapportEdsBook *self = RAPPORT_EDS_BOOK (object);

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      e_book_client_view_stop (self->view, NULL);
      g_clear_object (&self->view);
    }
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rapport_eds_book_parent_class)->dispose (object);
}

static void
rapport_eds_book_class_init (RapportEdsBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_eds_book_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rapport_eds_book_init (RapportEdsBook *self)
{
}

/* }}} */
/* Opening {{{ */

static char *
every_contact (void)
{
  EBookQuery *query = e_book_query_any_field_contains ("");
  char *sexp = e_book_query_to_string (query);

  e_book_query_unref (query);
  return sexp;
}

static void
view_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportEdsBook *self = g_task_get_task_data (task);
  GError *error = NULL;

  if (!e_book_client_get_view_finish (E_BOOK_CLIENT (object), result, &self->view, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Only that something changed: the sync compares the whole book, which
   * also covers what changed while Rapport was not running. */
  e_book_client_view_set_flags (self->view, 0, NULL);
  g_signal_connect (self->view, "objects-added", G_CALLBACK (view_changed_cb), self);
  g_signal_connect (self->view, "objects-modified", G_CALLBACK (view_changed_cb), self);
  g_signal_connect (self->view, "objects-removed", G_CALLBACK (view_changed_cb), self);
  e_book_client_view_start (self->view, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportEdsBook *self = g_task_get_task_data (task);
  GError *error = NULL;
  EClient *client = e_book_client_connect_finish (result, &error);
  g_autofree char *sexp = every_contact ();

  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->client = E_BOOK_CLIENT (client);
  if (e_client_is_readonly (client))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                               _("The address book cannot be written to"));
      return;
    }
  e_book_client_get_view (self->client, sexp, g_task_get_cancellable (task), view_cb, g_object_ref (task));
}

static void
registry_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(ESource) source = rapport_eds_registry_find_finish (result, &error);

  if (source == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Not waiting for a server: a book whose server is away opens offline. */
  e_book_client_connect (source, (guint32) -1, g_task_get_cancellable (task), connect_cb, g_object_ref (task));
}

void
rapport_eds_book_open_async (const char          *source_uid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rapport_eds_book_open_async);
  g_task_set_task_data (task, g_object_new (RAPPORT_TYPE_EDS_BOOK, NULL), g_object_unref);
  rapport_eds_registry_find_async (source_uid, E_SOURCE_EXTENSION_ADDRESS_BOOK, cancellable, registry_cb,
                                   g_steal_pointer (&task));
}

GObject *
rapport_eds_book_open_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Reading {{{ */

/* Thousands of contacts take a while to map: on a thread. */
static void
map_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_book_card_free);

  for (GSList *l = task_data; l != NULL; l = l->next)
    {
      EContact *contact = l->data;
      RapportBookCard *card = rapport_book_card_new (e_contact_get_const (contact, E_CONTACT_UID),
                                                     e_contact_get_const (contact, E_CONTACT_REV));

      read_fields (&card->fields, contact);
      g_ptr_array_add (cards, card);
    }
  g_task_return_pointer (task, cards, (GDestroyNotify) g_ptr_array_unref);
}

static void
free_contacts (gpointer data)
{
  g_slist_free_full (data, g_object_unref);
}

static void
contacts_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSList *contacts = NULL;
  GError *error = NULL;

  if (!e_book_client_get_contacts_finish (E_BOOK_CLIENT (object), result, &contacts, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, contacts, free_contacts);
  g_task_run_in_thread (task, map_thread);
}

void
rapport_eds_book_read_async (GObject             *book,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  RapportEdsBook *self = RAPPORT_EDS_BOOK (book);
  GTask *task = g_task_new (book, cancellable, callback, user_data);
  g_autofree char *sexp = every_contact ();

  g_task_set_source_tag (task, rapport_eds_book_read_async);
  e_book_client_get_contacts (self->client, sexp, cancellable, contacts_cb, task);
}

GPtrArray *
rapport_eds_book_read_finish (GObject       *book,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
/* Writing {{{ */

static void
modified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!e_book_client_modify_contact_finish (E_BOOK_CLIENT (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
got_contact_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EContact *contact = NULL;
  GError *error = NULL;

  if (!e_book_client_get_contact_finish (E_BOOK_CLIENT (object), result, &contact, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  write_fields (contact, g_task_get_task_data (task));
  e_book_client_modify_contact (E_BOOK_CLIENT (object), contact, E_BOOK_OPERATION_FLAG_NONE,
                                g_task_get_cancellable (task), modified_cb, g_object_ref (task));
  g_object_unref (contact);
}

static void
fields_free (gpointer data)
{
  rapport_book_fields_clear (data);
  g_free (data);
}

void
rapport_eds_book_write_async (GObject               *book,
                              const RapportBookCard *card,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  RapportEdsBook *self = RAPPORT_EDS_BOOK (book);
  GTask *task = g_task_new (book, cancellable, callback, user_data);
  RapportBookFields *fields = g_new0 (RapportBookFields, 1);

  g_task_set_source_tag (task, rapport_eds_book_write_async);
  rapport_book_fields_copy (fields, &card->fields);
  g_task_set_task_data (task, fields, fields_free);
  /* The book's own contact as it is now, to be edited in place. */
  e_book_client_get_contact (self->client, card->uid, cancellable, got_contact_cb, task);
}

gboolean
rapport_eds_book_write_finish (GObject       *book,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
