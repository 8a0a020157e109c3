/* rapport-clock.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "rapport-clock.h"

static gint64
offset_us (void)
{
  static gint64 offset;
  static gsize initialized;

  /* Read once, from any thread: the database worker stamps rows too. */
  if (g_once_init_enter (&initialized))
    {
      const char *value = g_getenv ("RAPPORT_TEST_TIME_OFFSET");

      if (value != NULL && *value != '\0')
        {
          gint64 seconds = 0;

          if (g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &seconds, NULL))
            offset = seconds * G_USEC_PER_SEC;
          else
            g_warning ("RAPPORT_TEST_TIME_OFFSET is not a number of seconds: %s", value);
        }
      g_once_init_leave (&initialized, 1);
    }
  return offset;
}

gint64
rapport_clock_get_real_time (void)
{
  return g_get_real_time () + offset_us ();
}

gint64
rapport_clock_get_now (void)
{
  return rapport_clock_get_real_time () / G_USEC_PER_SEC;
}
