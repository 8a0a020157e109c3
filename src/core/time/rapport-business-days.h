/* rapport-business-days.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  rapport_business_day_is_working (GDate              *date,
                                           const char * const *days_off);
gint64    rapport_business_days_add       (gint64              from,
                                           guint               days,
                                           GTimeZone          *tz,
                                           const char * const *days_off);
guint     rapport_business_days_between   (gint64              from,
                                           gint64              to,
                                           GTimeZone          *tz,
                                           const char * const *days_off);
char    **rapport_business_days_parse     (const char         *text,
                                           char              **invalid);

G_END_DECLS
