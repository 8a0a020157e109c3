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
  const char *localedir;
  int ret;

  _rapport_application_mark_process_start ();

  setlocale (LC_ALL, "");
  /* build-aux/run points this at the build tree's catalogues, so that Rapport
   * speaks the user's language before it is installed. */
  localedir = g_getenv ("RAPPORT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A brand, not translated; also the name screen readers announce. */
  g_set_application_name ("Rapport");

  app = rapport_application_new ();
  ret = g_application_run (G_APPLICATION (app), argc, argv);

  return ret != 0 ? ret : rapport_application_get_exit_status (app);
}
