/* fuzz-main.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays each file in the corpus directories given on the command line
 * through a fuzz target, so that an ordinary build (and the sanitizer
 * build) keeps every input that once found a bug.
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, &error))
            g_error ("%s", error->message);

          LLVMFuzzerTestOneInput ((const guint8 *)contents, length);
          n_inputs++;
        }
    }

  g_print ("1..1\nok 1 - %u inputs replayed\n", n_inputs);

  return 0;
}
