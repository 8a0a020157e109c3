/* rapport-mail-match.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-interaction.h"

G_BEGIN_DECLS

/* The headers of one message in the user's mailbox, as the IMAP module read
 * them: addresses lower-cased, Message-IDs without angle brackets. */
typedef struct
{
  char      *message_id;
  char      *subject;
  gint64     date;          /* Unix seconds, UTC */
  char      *from;
  GPtrArray *recipients;    /* To and Cc */
  GPtrArray *references;    /* In-Reply-To, then References */
} RapportMailHeaders;

RapportMailHeaders *rapport_mail_headers_new  (void);
void                rapport_mail_headers_free (RapportMailHeaders *headers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMailHeaders, rapport_mail_headers_free)

/* A message that concerns a contact: all that is kept of it. */
typedef struct
{
  gint64                  contact_id;
  RapportInteractionKind  kind;         /* EMAIL_RECEIVED or EMAIL_SENT */
  char                   *message_id;
  char                   *subject;
  gint64                  date;
  char                   *snippet;
} RapportMailMatch;

void rapport_mail_match_free (RapportMailMatch *match);

/* Where the sync of one folder of an account stands. */
typedef struct
{
  char    *name;
  guint32  uidvalidity;
  guint32  last_uid;
  guint64  modseq;
} RapportMailFolderState;

RapportMailFolderState *rapport_mail_folder_state_new  (const char             *name);
void                    rapport_mail_folder_state_free (RapportMailFolderState *state);

/**
 * RapportMailIndex:
 *
 * What decides whether a message concerns a contact: the contacts'
 * addresses, the Message-IDs of what Rapport sent and to whom, and the
 * user's own addresses. Read-only once built, so a worker may use it.
 */
typedef struct _RapportMailIndex RapportMailIndex;

RapportMailIndex *rapport_mail_index_new          (void);
RapportMailIndex *rapport_mail_index_ref          (RapportMailIndex         *index);
void              rapport_mail_index_unref        (RapportMailIndex         *index);
void              rapport_mail_index_add_contact  (RapportMailIndex         *index,
                                                   const char               *address,
                                                   gint64                    contact_id);
void              rapport_mail_index_add_sent     (RapportMailIndex         *index,
                                                   const char               *message_id,
                                                   gint64                    contact_id);
void              rapport_mail_index_add_own      (RapportMailIndex         *index,
                                                   const char               *address);
void              rapport_mail_index_add_ignored  (RapportMailIndex         *index,
                                                   const char               *address);
guint             rapport_mail_index_get_n_contacts (RapportMailIndex       *index);
char             *rapport_mail_address_key        (const char               *address);
gboolean          rapport_mail_index_match        (RapportMailIndex         *index,
                                                   const RapportMailHeaders *headers,
                                                   gboolean                  in_sent_folder,
                                                   gint64                   *contact_id,
                                                   RapportInteractionKind   *kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportMailIndex, rapport_mail_index_unref)

/* The first ~200 characters of what a person wrote in @text (a plain-text
 * body): quoted lines, the "On … wrote:" line before them and the
 * signature left out, white space folded. */
char *rapport_mail_snippet (const char *text);

#define RAPPORT_MAIL_SNIPPET_LENGTH 200

G_END_DECLS
