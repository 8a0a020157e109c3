/* rapport-mail-error.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAPPORT_MAIL_ERROR (rapport_mail_error_quark ())

/* error->message is always a clear, translated sentence fit for a toast or a banner. */
typedef enum
{
  RAPPORT_MAIL_ERROR_NOT_CONFIGURED,    /* no server/address/user in Preferences */
  RAPPORT_MAIL_ERROR_NO_SECRET_SERVICE, /* no Secret Service on the bus */
  RAPPORT_MAIL_ERROR_NO_PASSWORD,       /* no password stored, or the unlock prompt was dismissed */
  RAPPORT_MAIL_ERROR_INVALID_HEADER,    /* CR or LF in a header value or address, or an invalid address */
  RAPPORT_MAIL_ERROR_CONNECT,           /* cannot connect / resolve */
  RAPPORT_MAIL_ERROR_CERTIFICATE,       /* untrusted certificate */
  RAPPORT_MAIL_ERROR_TLS,               /* TLS refused / STARTTLS not offered */
  RAPPORT_MAIL_ERROR_LOGIN,             /* login refused */
  RAPPORT_MAIL_ERROR_RECIPIENT,         /* recipient refused */
  RAPPORT_MAIL_ERROR_TIMEOUT,
  RAPPORT_MAIL_ERROR_FAILED,            /* anything else, with the server's words */
  RAPPORT_MAIL_ERROR_INVALID_SERVER,    /* the server's name is not a host name or address */
  RAPPORT_MAIL_ERROR_ACCOUNT_GONE,      /* the chosen GNOME online account was removed or lost its mail */
} RapportMailError;

GQuark rapport_mail_error_quark (void);

G_END_DECLS
