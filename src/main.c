/* main.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rapport-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  int ret;

  _rapport_application_mark_process_start ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A brand, not translated; also the name screen readers announce. */
  g_set_application_name ("Rapport");

  app = rapport_application_new ();
  ret = g_application_run (G_APPLICATION (app), argc, argv);

  return ret != 0 ? ret : rapport_application_get_exit_status (app);
}
