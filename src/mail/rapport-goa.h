/* rapport-goa.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-account.h"

G_BEGIN_DECLS

/* One mail account of GNOME Online Accounts, as its Mail interface
 * describes it: no password and no token, which GOA gives at each
 * connection (rapport_goa_credential_async()). A host may carry its port
 * ("mail.example.org:993"), as GOA's "IMAP and SMTP" provider writes it. */
typedef struct
{
  char     *id;             /* GOA's account id */
  char     *provider;       /* "IMAP and SMTP", "Google"... */
  char     *identity;       /* what GOA shows, e.g. the address */
  char     *address;
  char     *name;
  gboolean  oauth2;         /* a token (XOAUTH2) rather than a password */
  gboolean  imap;
  char     *imap_host;
  char     *imap_user;
  gboolean  imap_starttls;  /* else implicit TLS */
  gboolean  smtp;
  char     *smtp_host;
  char     *smtp_user;
  gboolean  smtp_starttls;
} RapportGoaMail;

void     rapport_goa_mail_free  (RapportGoaMail       *mail);
gboolean rapport_goa_mail_equal (const RapportGoaMail *a,
                                 const RapportGoaMail *b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportGoaMail, rapport_goa_mail_free)

/* Called on the watcher's main context when GOA adds, removes or changes
 * an account (rapport_goa_watch()). */
typedef void (*RapportGoaChanged) (gpointer user_data);

/* What rapport-goa.so does with libgoa, asynchronously on the caller's
 * main context (D-Bus calls to goa-daemon). */
typedef struct
{
  void       (*list_async)        (GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
  GPtrArray *(*list_finish)       (GAsyncResult *result, GError **error);
  /* The password (GOA's "imap-password" or "smtp-password") or the OAuth2
   * access token, fresh for one connection. */
  void       (*credential_async)  (const char *id, gboolean incoming, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
  char      *(*credential_finish) (GAsyncResult *result, GError **error);
  void       (*watch)             (GCancellable *cancellable, RapportGoaChanged changed, gpointer user_data);
} RapportGoaBackend;

#define RAPPORT_GOA_BACKEND_SYMBOL "rapport_goa_backend_get"

/* The user's mail-enabled GOA accounts (RapportGoaMail), empty when GOA is
 * not installed or not running; an error only when Rapport's module for it
 * could not be loaded. */
void       rapport_goa_list_async        (GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *rapport_goa_list_finish       (GAsyncResult         *result,
                                          GError              **error);
/* Calls @changed each time the accounts change in Settings → Online
 * Accounts, until @cancellable (required) is cancelled; no call comes
 * after g_cancellable_cancel() returns. Nothing happens without GOA. */
void       rapport_goa_watch             (GCancellable         *cancellable,
                                          RapportGoaChanged     changed,
                                          gpointer              user_data);
void       rapport_goa_credential_async  (RapportMailAccount   *account,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
char      *rapport_goa_credential_finish (GAsyncResult         *result,
                                          GError              **error);

/* The account to connect with: the one typed in Preferences, or the GOA
 * account chosen there (settings key imap-goa-account or smtp-goa-account),
 * looked up again now, so that a change in GOA is followed and a removed
 * account gives RAPPORT_MAIL_ERROR_ACCOUNT_GONE. */
void                rapport_mail_account_resolve_async  (GSettings            *settings,
                                                         gboolean              incoming,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
RapportMailAccount *rapport_mail_account_resolve_finish (GAsyncResult         *result,
                                                         GError              **error);

/* Sending with the account of Preferences → Mail, typed or online: what
 * the composer calls. */
gboolean            rapport_mail_sending_is_set_up      (GSettings            *settings);
void                rapport_mail_send_async             (GSettings            *settings,
                                                         const char           *to_name,
                                                         const char           *to_address,
                                                         const char           *subject,
                                                         const char           *body,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char               *rapport_mail_send_finish            (GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
