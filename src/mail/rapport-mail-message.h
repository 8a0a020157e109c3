/* rapport-mail-message.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-mail-address.h"

G_BEGIN_DECLS

GBytes   *rapport_mail_message_build    (const char  *from_name,
                                         const char  *from_address,
                                         const char  *to_name,
                                         const char  *to_address,
                                         const char  *subject,
                                         const char  *body,
                                         GDateTime   *date,
                                         char       **message_id,
                                         GError     **error);

G_END_DECLS
