/* rapport-imap-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rapport-imap.so: reading the user's INBOX and Sent folder for mail from
 * and to their contacts (issue #14).
 *
 * Why libetpan and not EDS's Camel, though EDS is already a dependency:
 * Camel's IMAPX store keeps its own summary of every message of each folder
 * it opens (folders.db in its cache) and refreshes whole folders. Rapport
 * must read headers only, of the last 90 days first, and keep nothing of
 * mail that does not concern a contact; with Camel the whole mailbox's
 * senders and subjects would land on disk. Camel also wants a CamelSession
 * with its own data folders and main context. libetpan is a protocol
 * library: IMAP commands and their parser, synchronous, on the worker
 * thread this runs on, with UID SEARCH SINCE, UID FETCH of chosen header
 * fields, SPECIAL-USE flags in LIST, and CONDSTORE. Its bytes go through GIO
 * (rapport-imap-stream.c), so TLS is GIO's, verified, and a cancel stops a
 * read at once. GMime decodes (rapport-imap-parse.c).
 */
#define G_LOG_DOMAIN "rapport-imap"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <string.h>

#include "rapport-imap-backend.h"
#include "rapport-imap-client.h"
#include "rapport-imap-idle.h"
#include "rapport-imap-parse.h"
#include "rapport-mail-error.h"

G_MODULE_EXPORT const RapportImapBackend *rapport_imap_backend_get (void);

/* Messages per UID FETCH: one answer stays small (headers only), and a
 * sync stopped half-way keeps what the batches before it read. */
#define BATCH 500

/* The start of a match's text fetched for its snippet. */
#define TEXT_BYTES 8192

static const char * const header_fields[] = {
  "From", "To", "Cc", "Date", "Message-ID", "In-Reply-To", "References", "Subject",
  /* how to decode the text of a match */
  "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
};

/* Folders {{{ */

static gboolean
has_flag (struct mailimap_mailbox_list *box,
          const char                   *flag)
{
  clistiter *it;

  if (box->mb_flag == NULL || box->mb_flag->mbf_oflags == NULL)
    return FALSE;
  for (it = clist_begin (box->mb_flag->mbf_oflags); it != NULL; it = clist_next (it))
    {
      struct mailimap_mbx_list_oflag *oflag = clist_content (it);

      if (oflag->of_type == MAILIMAP_MBX_LIST_OFLAG_FLAG_EXT && oflag->of_flag_ext != NULL
          && g_ascii_strcasecmp (oflag->of_flag_ext, flag) == 0)
        return TRUE;
    }
  return FALSE;
}

/* For servers without SPECIAL-USE (RFC 6154): the usual names. */
static gboolean
is_sent_name (struct mailimap_mailbox_list *box)
{
  static const char * const names[] = {
    "Sent", "Sent Items", "Sent Messages", "Sent Mail", "Gesendet", "Gesendete Objekte", "Enviados",
  };
  const char *leaf = box->mb_name;

  if (box->mb_delimiter != '\0' && strrchr (box->mb_name, box->mb_delimiter) != NULL)
    leaf = strrchr (box->mb_name, box->mb_delimiter) + 1;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (leaf, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
find_folders (RapportImapClient  *client,
              char              **sent,
              GError            **error)
{
  clist *list = NULL;
  clistiter *it;
  char *by_name = NULL;
  int rc;

  rc = mailimap_list (client->imap, "", "*", &list);
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error);
  for (it = clist_begin (list); it != NULL && *sent == NULL; it = clist_next (it))
    {
      struct mailimap_mailbox_list *box = clist_content (it);

      if (has_flag (box, "Sent"))
        *sent = g_strdup (box->mb_name);
      else if (by_name == NULL && is_sent_name (box))
        by_name = g_strdup (box->mb_name);
    }
  mailimap_list_result_free (list);
  if (*sent == NULL)
    *sent = by_name;
  else
    g_free (by_name);
  return TRUE;
}

static RapportMailFolderState *
state_for (GPtrArray  *folders,
           const char *name)
{
  RapportMailFolderState *state;

  for (guint i = 0; i < folders->len; i++)
    if (g_str_equal (((RapportMailFolderState *) folders->pdata[i])->name, name))
      return folders->pdata[i];
  state = rapport_mail_folder_state_new (name);
  g_ptr_array_add (folders, state);
  return state;
}

/* }}} */
/* Fetching {{{ */

typedef struct
{
  guint32  uid;
  char    *data;
  gsize    len;
} Fetched;

static void
fetched_clear (gpointer data)
{
  g_free (((Fetched *) data)->data);
}

/* UID and the one body section of each message in @result. */
static GArray *
collect (clist *result)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Fetched));

  g_array_set_clear_func (out, fetched_clear);
  for (clistiter *it = clist_begin (result); it != NULL; it = clist_next (it))
    {
      struct mailimap_msg_att *att = clist_content (it);
      Fetched fetched = { 0 };

      for (clistiter *item = clist_begin (att->att_list); item != NULL; item = clist_next (item))
        {
          struct mailimap_msg_att_item *i = clist_content (item);

          if (i->att_type != MAILIMAP_MSG_ATT_ITEM_STATIC)
            continue;
          if (i->att_data.att_static->att_type == MAILIMAP_MSG_ATT_UID)
            fetched.uid = i->att_data.att_static->att_data.att_uid;
          else if (i->att_data.att_static->att_type == MAILIMAP_MSG_ATT_BODY_SECTION
                   && i->att_data.att_static->att_data.att_body_section->sec_body_part != NULL)
            {
              struct mailimap_msg_att_body_section *section = i->att_data.att_static->att_data.att_body_section;

              g_free (fetched.data);
              fetched.data = g_strndup (section->sec_body_part, section->sec_length);
              fetched.len = section->sec_length;
            }
        }
      if (fetched.uid != 0)
        g_array_append_val (out, fetched);
      else
        g_free (fetched.data);
    }
  return out;
}

static struct mailimap_set *
uid_set (const guint32 *uids,
         guint          n)
{
  struct mailimap_set *set = mailimap_set_new_empty ();

  for (guint i = 0; i < n; i++)
    {
      guint j = i;

      while (j + 1 < n && uids[j + 1] == uids[j] + 1)
        j++;
      mailimap_set_add_interval (set, uids[i], uids[j]);
      i = j;
    }
  return set;
}

static GArray *
fetch (RapportImapClient  *client,
       const guint32      *uids,
       guint               n,
       gboolean            text,
       GError            **error)
{
  struct mailimap_fetch_type *type = mailimap_fetch_type_new_fetch_att_list_empty ();
  struct mailimap_section *section;
  clist *result = NULL;
  GArray *out;
  int rc;

  mailimap_fetch_type_new_fetch_att_list_add (type, mailimap_fetch_att_new_uid ());
  if (text)
    section = mailimap_section_new_text ();
  else
    {
      clist *names = clist_new ();

      for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
        clist_append (names, strdup (header_fields[i]));
      section = mailimap_section_new_header_fields (mailimap_header_list_new (names));
    }
  mailimap_fetch_type_new_fetch_att_list_add (type, text
    ? mailimap_fetch_att_new_body_peek_section_partial (section, 0, TEXT_BYTES)
    : mailimap_fetch_att_new_body_peek_section (section));

  {
    struct mailimap_set *set = uid_set (uids, n);

    rc = mailimap_uid_fetch (client->imap, set, type, &result);
    mailimap_set_free (set);
  }
  mailimap_fetch_type_free (type);
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error), NULL;
  out = collect (result);
  mailimap_fetch_list_free (result);
  return out;
}

static int
compare_uid (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* The UIDs to read: those after @after, or on a first look (@after 0) those
 * of the last @days days. */
static GArray *
search (RapportImapClient  *client,
        guint32             after,
        guint               days,
        GError            **error)
{
  struct mailimap_search_key *key;
  clist *result = NULL;
  GArray *uids;
  int rc;

  if (after == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) since = g_date_time_add_days (now, -(gint) days);

      key = mailimap_search_key_new_since (mailimap_date_new (g_date_time_get_day_of_month (since),
                                                              g_date_time_get_month (since),
                                                              g_date_time_get_year (since)));
    }
  else
    key = mailimap_search_key_new_uid (mailimap_set_new_interval (after + 1, 0));

  rc = mailimap_uid_search (client->imap, NULL, key, &result);
  mailimap_search_key_free (key);
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error), NULL;

  uids = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (clistiter *it = clist_begin (result); it != NULL; it = clist_next (it))
    {
      guint32 uid = *(guint32 *) clist_content (it);

      /* "N:*" names the last message even when its UID is below N. */
      if (uid > after)
        g_array_append_val (uids, uid);
    }
  mailimap_search_result_free (result);
  g_array_sort (uids, compare_uid);
  return uids;
}

/* }}} */
/* Syncing {{{ */

static gboolean
read_batch (RapportImapClient       *client,
            RapportMailIndex        *index,
            gboolean                 is_sent,
            const guint32           *uids,
            guint                    n,
            GPtrArray               *matches,
            GError                 **error)
{
  g_autoptr(GArray) headers = fetch (client, uids, n, FALSE, error);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_mail_match_free);
  g_autoptr(GArray) found_uids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GHashTable) header_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) texts = NULL;

  if (headers == NULL)
    return FALSE;

  for (guint i = 0; i < headers->len; i++)
    {
      Fetched *f = &g_array_index (headers, Fetched, i);
      g_autoptr(RapportMailHeaders) parsed = rapport_imap_parse_headers (f->data, f->len);
      RapportMailMatch *match;
      gint64 contact_id;
      RapportInteractionKind kind;

      if (parsed == NULL || !rapport_mail_index_match (index, parsed, is_sent, &contact_id, &kind))
        continue;
      match = g_new0 (RapportMailMatch, 1);
      match->contact_id = contact_id;
      match->kind = kind;
      match->message_id = g_steal_pointer (&parsed->message_id);
      match->subject = g_steal_pointer (&parsed->subject);
      match->date = parsed->date;
      g_ptr_array_add (found, match);
      g_array_append_val (found_uids, f->uid);
      g_hash_table_insert (header_of, GUINT_TO_POINTER (f->uid), f);
    }
  if (found->len == 0)
    return TRUE;

  /* Only for what concerns a contact: the start of its text, for the
   * snippet. */
  texts = fetch (client, (guint32 *) found_uids->data, found_uids->len, TRUE, error);
  if (texts == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      RapportMailMatch *match = found->pdata[i];
      guint32 uid = g_array_index (found_uids, guint32, i);
      Fetched *header = g_hash_table_lookup (header_of, GUINT_TO_POINTER (uid));

      for (guint j = 0; j < texts->len; j++)
        {
          Fetched *text = &g_array_index (texts, Fetched, j);

          if (text->uid == uid)
            match->snippet = rapport_imap_parse_snippet (header->data, header->len, text->data, text->len);
        }
      if (match->snippet == NULL)
        match->snippet = g_strdup ("");
    }
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (matches, g_steal_pointer (&found->pdata[i]));
  return TRUE;
}

static gboolean
sync_folder (RapportImapClient       *client,
             const char              *name,
             gboolean                 is_sent,
             RapportMailFolderState  *state,
             RapportMailIndex        *index,
             guint                    days,
             GPtrArray               *matches,
             GError                 **error)
{
  gboolean condstore = mailimap_has_extension (client->imap, "CONDSTORE");
  g_autoptr(GArray) uids = NULL;
  guint64 modseq = 0;
  guint32 uidvalidity, uidnext;
  int rc;

  rc = condstore ? mailimap_select_condstore (client->imap, name, &modseq) : mailimap_select (client->imap, name);
  if (rc != MAILIMAP_NO_ERROR)
    return rapport_imap_client_fail (client, rc, error);
  uidvalidity = client->imap->imap_selection_info->sel_uidvalidity;
  uidnext = client->imap->imap_selection_info->sel_uidnext;

  /* The server renumbered the folder: read it again from the start; the
   * entries already made are found again by their Message-ID. */
  if (state->uidvalidity != uidvalidity)
    {
      state->uidvalidity = uidvalidity;
      state->last_uid = 0;
      state->modseq = 0;
    }

  /* Nothing new since last time: no search at all. */
  if (state->last_uid > 0 && uidnext > 0 && uidnext <= state->last_uid + 1
      && (!condstore || modseq == state->modseq))
    return TRUE;

  uids = search (client, state->last_uid, days, error);
  if (uids == NULL)
    return FALSE;
  for (guint i = 0; i < uids->len; i += BATCH)
    {
      guint n = MIN (BATCH, uids->len - i);

      if (!read_batch (client, index, is_sent, &g_array_index (uids, guint32, i), n, matches, error))
        return FALSE;
      state->last_uid = MAX (state->last_uid, g_array_index (uids, guint32, i + n - 1));
    }
  /* Older mail below UIDNEXT is left out for good: the first look reads
   * only the last days. */
  if (uidnext > 0)
    state->last_uid = MAX (state->last_uid, uidnext - 1);
  state->modseq = modseq;
  return TRUE;
}

static gboolean
imap_sync (RapportMailAccount  *account,
           const char          *password,
           RapportMailIndex    *index,
           guint                days,
           GPtrArray           *folders,
           GPtrArray           *matches,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(RapportImapClient) client = NULL;
  g_autofree char *sent = NULL;

  client = rapport_imap_client_connect (account, password, cancellable, error);
  if (client == NULL || !find_folders (client, &sent, error))
    return FALSE;

  if (!sync_folder (client, "INBOX", FALSE, state_for (folders, "INBOX"), index, days, matches, error))
    return FALSE;
  if (sent != NULL
      && !sync_folder (client, sent, TRUE, state_for (folders, sent), index, days, matches, error))
    return FALSE;
  return TRUE;
}

static gboolean
imap_test (RapportMailAccount  *account,
           const char          *password,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(RapportImapClient) client = rapport_imap_client_connect (account, password, cancellable, error);

  return client != NULL;
}

static gboolean
imap_wait (RapportMailAccount  *account,
           const char          *password,
           guint                seconds,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(RapportImapClient) client = rapport_imap_client_connect (account, password, cancellable, error);

  return client != NULL && rapport_imap_idle_wait (client, seconds, error);
}

/* }}} */

const RapportImapBackend *
rapport_imap_backend_get (void)
{
  static const RapportImapBackend backend = {
    imap_sync,
    imap_test,
    imap_wait,
  };

  return &backend;
}
