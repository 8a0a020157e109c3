/* rapport-mail-error.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-mail-error.h"

G_DEFINE_QUARK (rapport-mail-error-quark, rapport_mail_error)
