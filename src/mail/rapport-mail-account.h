/* rapport-mail-account.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RAPPORT_MAIL_SECURITY_TLS,       /* implicit TLS (smtps, usually port 465) */
  RAPPORT_MAIL_SECURITY_STARTTLS,  /* plain connection upgraded by STARTTLS (usually 587) */
} RapportMailSecurity;

#define RAPPORT_MAIL_PORT_TLS      465
#define RAPPORT_MAIL_PORT_STARTTLS 587
#define RAPPORT_IMAP_PORT_TLS      993
#define RAPPORT_IMAP_PORT_STARTTLS 143

#define RAPPORT_TYPE_MAIL_ACCOUNT (rapport_mail_account_get_type ())

G_DECLARE_FINAL_TYPE (RapportMailAccount, rapport_mail_account, RAPPORT, MAIL_ACCOUNT, GObject)

RapportMailAccount  *rapport_mail_account_new_from_settings (GSettings           *settings);
RapportMailAccount  *rapport_mail_account_new_incoming_from_settings (GSettings   *settings);
RapportMailAccount  *rapport_mail_account_new_online        (GSettings           *settings,
                                                              gboolean             incoming,
                                                              const char          *goa_id,
                                                              const char          *name,
                                                              const char          *address,
                                                              const char          *host,
                                                              const char          *username,
                                                              gboolean             starttls,
                                                              gboolean             oauth2);
const char          *rapport_mail_account_get_goa_id        (RapportMailAccount  *self);
gboolean             rapport_mail_account_uses_oauth2       (RapportMailAccount  *self);
gboolean             rapport_mail_account_is_complete       (RapportMailAccount  *self);
gboolean             rapport_mail_account_is_incoming       (RapportMailAccount  *self);
const char          *rapport_mail_account_get_sender_name    (RapportMailAccount  *self);
const char          *rapport_mail_account_get_sender_address (RapportMailAccount  *self);
const char          *rapport_mail_account_get_server         (RapportMailAccount  *self);
guint                rapport_mail_account_get_port           (RapportMailAccount  *self);
RapportMailSecurity  rapport_mail_account_get_security       (RapportMailAccount  *self);
const char          *rapport_mail_account_get_username       (RapportMailAccount  *self);
const char          *rapport_mail_account_get_ca_file        (RapportMailAccount  *self);
guint                rapport_mail_account_get_timeout        (RapportMailAccount  *self);
void                 rapport_mail_account_set_timeout        (RapportMailAccount  *self,
                                                              guint                seconds);

G_END_DECLS
