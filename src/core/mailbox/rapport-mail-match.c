/* rapport-mail-match.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a message of the user's mailbox concerns one of their contacts.
 * Rapport reads only the headers of the user's mail to decide, and keeps
 * nothing of a message that does not concern a contact: this is the one
 * place that decides, so that the rule can be tested without a server.
 */
#define G_LOG_DOMAIN "rapport-mailbox"

#include "config.h"

#include "rapport-mail-match.h"

RapportMailHeaders *
rapport_mail_headers_new (void)
{
  RapportMailHeaders *headers = g_new0 (RapportMailHeaders, 1);

  headers->recipients = g_ptr_array_new_with_free_func (g_free);
  headers->references = g_ptr_array_new_with_free_func (g_free);
  return headers;
}

void
rapport_mail_headers_free (RapportMailHeaders *headers)
{
  if (headers == NULL)
    return;
  g_free (headers->message_id);
  g_free (headers->subject);
  g_free (headers->from);
  g_ptr_array_unref (headers->recipients);
  g_ptr_array_unref (headers->references);
  g_free (headers);
}

void
rapport_mail_match_free (RapportMailMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->message_id);
  g_free (match->subject);
  g_free (match->snippet);
  g_free (match);
}

RapportMailFolderState *
rapport_mail_folder_state_new (const char *name)
{
  RapportMailFolderState *state = g_new0 (RapportMailFolderState, 1);

  state->name = g_strdup (name);
  return state;
}

void
rapport_mail_folder_state_free (RapportMailFolderState *state)
{
  if (state == NULL)
    return;
  g_free (state->name);
  g_free (state);
}

struct _RapportMailIndex
{
  GHashTable *contacts;  /* casefolded address → contact id */
  GHashTable *sent;      /* Message-ID → contact id */
  GHashTable *own;       /* casefolded address */
  GHashTable *ignored;   /* casefolded address whose mail is left alone */
};

RapportMailIndex *
rapport_mail_index_new (void)
{
  RapportMailIndex *index = g_atomic_rc_box_new0 (RapportMailIndex);

  index->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return index;
}

RapportMailIndex *
rapport_mail_index_ref (RapportMailIndex *index)
{
  return g_atomic_rc_box_acquire (index);
}

static void
index_clear (gpointer data)
{
  RapportMailIndex *index = data;

  g_hash_table_unref (index->contacts);
  g_hash_table_unref (index->sent);
  g_hash_table_unref (index->own);
  g_hash_table_unref (index->ignored);
}

void
rapport_mail_index_unref (RapportMailIndex *index)
{
  g_atomic_rc_box_release_full (index, index_clear);
}

/* Addresses compare without case: the local part is case-sensitive in
 * theory, never in practice, and a contact typed "Ana@Example.org" must
 * match the "ana@example.org" their mail comes from. */
char *
rapport_mail_address_key (const char *address)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  stripped = g_strstrip (g_strdup (address));
  return g_utf8_casefold (stripped, -1);
}


void
rapport_mail_index_add_contact (RapportMailIndex *index,
                                const char       *address,
                                gint64            contact_id)
{
  char *key;

  g_return_if_fail (index != NULL && address != NULL);

  key = rapport_mail_address_key (address);
  /* The first contact to hold an address keeps it (the list is read
   * in order, oldest contact first). */
  if (key[0] == '\0' || g_hash_table_contains (index->contacts, key))
    g_free (key);
  else
    g_hash_table_insert (index->contacts, key, (gpointer) (gintptr) contact_id);
}

void
rapport_mail_index_add_sent (RapportMailIndex *index,
                             const char       *message_id,
                             gint64            contact_id)
{
  g_return_if_fail (index != NULL && message_id != NULL);

  g_hash_table_replace (index->sent, g_strdup (message_id), (gpointer) (gintptr) contact_id);
}

void
rapport_mail_index_add_own (RapportMailIndex *index,
                            const char       *address)
{
  g_return_if_fail (index != NULL && address != NULL);

  if (address[0] != '\0')
    g_hash_table_add (index->own, rapport_mail_address_key (address));
}

/* Mail from @address is not the contact's conversation, even when it
 * answers a message Rapport sent; mail the user writes to it still is. */
void
rapport_mail_index_add_ignored (RapportMailIndex *index,
                                const char       *address)
{
  g_return_if_fail (index != NULL && address != NULL);

  if (address[0] != '\0')
    g_hash_table_add (index->ignored, rapport_mail_address_key (address));
}

guint
rapport_mail_index_get_n_contacts (RapportMailIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return g_hash_table_size (index->contacts);
}

static gboolean
lookup_contact (RapportMailIndex *index,
                const char       *address,
                gint64           *contact_id)
{
  g_autofree char *key = NULL;
  gpointer value;

  if (address == NULL)
    return FALSE;
  key = rapport_mail_address_key (address);
  if (!g_hash_table_lookup_extended (index->contacts, key, NULL, &value))
    return FALSE;
  *contact_id = (gint64) (gintptr) value;
  return TRUE;
}

/**
 * rapport_mail_index_match:
 * @in_sent_folder: whether the message was found in the Sent folder
 * @contact_id: (out): the contact it concerns
 * @kind: (out): %RAPPORT_INTERACTION_EMAIL_RECEIVED for mail from them,
 *   %RAPPORT_INTERACTION_EMAIL_SENT for mail the user wrote to them
 *
 * A message matches when it comes from a contact's address, answers a
 * message Rapport sent (its In-Reply-To or References name it; the reply
 * may come from an address Rapport does not know yet), or is the user's
 * own mail (from one of their addresses, or in Sent) to a contact.
 *
 * Returns: whether it concerns a contact
 */
gboolean
rapport_mail_index_match (RapportMailIndex         *index,
                          const RapportMailHeaders *headers,
                          gboolean                  in_sent_folder,
                          gint64                   *contact_id,
                          RapportInteractionKind   *kind)
{
  g_autofree char *from_key = NULL;
  gboolean from_user;

  g_return_val_if_fail (index != NULL && headers != NULL, FALSE);
  g_return_val_if_fail (contact_id != NULL && kind != NULL, FALSE);

  from_key = headers->from != NULL ? rapport_mail_address_key (headers->from) : NULL;
  from_user = in_sent_folder || (from_key != NULL && g_hash_table_contains (index->own, from_key));

  if (!from_user)
    {
      if (from_key != NULL && g_hash_table_contains (index->ignored, from_key))
        return FALSE;
      *kind = RAPPORT_INTERACTION_EMAIL_RECEIVED;
      if (lookup_contact (index, headers->from, contact_id))
        return TRUE;
      for (guint i = 0; i < headers->references->len; i++)
        {
          gpointer value;

          if (g_hash_table_lookup_extended (index->sent, headers->references->pdata[i], NULL, &value))
            {
              *contact_id = (gint64) (gintptr) value;
              return TRUE;
            }
        }
      return FALSE;
    }

  *kind = RAPPORT_INTERACTION_EMAIL_SENT;
  for (guint i = 0; i < headers->recipients->len; i++)
    if (lookup_contact (index, headers->recipients->pdata[i], contact_id))
      return TRUE;
  return FALSE;
}
