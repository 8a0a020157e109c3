/* rapport-application-backups.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The app.back-up-now and app.restore-backup actions. The backups
 * themselves are the context's (core/rapport-context-backups.c); the
 * actions only say in every window how they went. */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application-private.h"

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
back_up_now_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportContext *context = RAPPORT_CONTEXT (object);
  g_autoptr(RapportBackup) backup = NULL;
  g_autoptr(GError) error = NULL;

  backup = rapport_context_back_up_finish (context, result, &error);
  if (backup != NULL)
    rapport_context_notice (context, _("Backed up"));
  else if (!is_cancelled (error))
    rapport_context_notice (context, error->message);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RapportContext *context = RAPPORT_CONTEXT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (rapport_context_restore_finish (context, result, &kept, &error))
    {
      g_autofree char *basename = kept != NULL ? g_path_get_basename (kept) : NULL;
      g_autofree char *title = NULL;

      if (basename != NULL)
        /* Translators: %s is a file name */
        title = g_strdup_printf (_("Backup restored. The data it replaced was kept as “%s”"), basename);
      else
        title = g_strdup (_("Backup restored"));
      rapport_context_notice (context, title);
    }
  else if (!is_cancelled (error))
    rapport_context_notice (context, error->message);
}

static void
back_up_now_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RapportApplication *self = user_data;

  rapport_context_back_up_async (rapport_application_get_context (self), NULL, back_up_now_done_cb, NULL);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RapportApplication *self = user_data;

  rapport_context_restore_async (rapport_application_get_context (self), g_variant_get_string (parameter, NULL),
                                 NULL, restore_done_cb, NULL);
}

static const GActionEntry backup_actions[] = {
  { "back-up-now", back_up_now_action },
  { "restore-backup", restore_backup_action, "s" },
};

void
_rapport_application_add_backup_actions (RapportApplication *self)
{
  GAction *back_up_now;

  g_action_map_add_action_entries (G_ACTION_MAP (self), backup_actions, G_N_ELEMENTS (backup_actions), self);

  /* Until the database is open (rapport-application.c, context_state_cb()). */
  back_up_now = g_action_map_lookup_action (G_ACTION_MAP (self), "back-up-now");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (back_up_now), FALSE);
}
