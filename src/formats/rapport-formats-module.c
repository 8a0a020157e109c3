/* rapport-formats-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#include "rapport-formats.h"
#include "rapport-vcard.h"

/* The module's one entry point. Everything else in it is hidden, so that its
 * calls stay inside it; what it needs of the model (RapportContact and the
 * import errors) it takes from the program that loads it. */
G_MODULE_EXPORT const RapportFormats *rapport_formats_module_get (void);

const RapportFormats *
rapport_formats_module_get (void)
{
  static const RapportFormats formats = {
    rapport_vcard_read,
    rapport_vcard_write,
    rapport_ics_make_uid,
    rapport_ics_write,
  };

  return &formats;
}
