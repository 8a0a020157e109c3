/* rapport-application-mailbox.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The application's side of reading the user's mailbox: the one
 * RapportMailboxSync, which checks while "read-mailbox" is on once the
 * window is up (or at a start without one), every few minutes, on
 * app.check-mailbox ("Check Now"), when the network comes back and on
 * resume from suspend (whose every-few-minutes timer slept); and the
 * one notification for the replies a check found, with its app.* actions.
 * The sync itself ends the "no reply" follow-ups in the transaction that
 * puts a reply on the timeline (rapport-mailbox-sql.c); quitting cancels
 * what it is reading. */

#define G_LOG_DOMAIN "rapport-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application-private.h"
#include "rapport-mailbox-sql.h"

#define CHECK_INTERVAL  (5 * 60)
/* A network that just came up often goes on changing for a moment. */
#define NETWORK_SETTLE  3
/* Names in the grouped notification's body before "and N more". */
#define REPLY_LINES     3

struct _RapportAppMailbox
{
  RapportApplication *app;         /* unowned: it owns this */
  RapportMailboxSync *sync;
  GNetworkMonitor    *monitor;     /* unowned, the default one */
  guint               network_id;
  gboolean            started;     /* the first check may run */
  gboolean            online;
};

/* Checking {{{ */

static RapportAppMailbox *
get_mailbox (RapportApplication *app)
{
  return _rapport_application_get_mailbox (app);
}

static gboolean
reading (RapportAppMailbox *self)
{
  return g_settings_get_boolean (rapport_context_get_settings (rapport_application_get_context (self->app)), "read-mailbox");
}

static void
check (RapportAppMailbox *self)
{
  if (!self->started || !reading (self) || rapport_mailbox_sync_get_busy (self->sync))
    return;
  if (!rapport_context_get_ready (rapport_application_get_context (self->app)))
    return;

  rapport_mailbox_sync_check (self->sync);   /* failures show in its status */
}

static void
check_mailbox_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RapportAppMailbox *self = get_mailbox (user_data);

  if (self != NULL)
    check (self);
}

static void
update_reading (RapportAppMailbox *self)
{
  gboolean on = reading (self);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->app), "check-mailbox");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), on);
  rapport_mailbox_sync_set_interval (self->sync, on ? CHECK_INTERVAL : 0);
}

static void
read_mailbox_changed_cb (RapportAppMailbox *self)
{
  update_reading (self);
  /* Turned on: the first look at once, not in five minutes. */
  check (self);
}

static gboolean
network_settled_cb (gpointer user_data)
{
  RapportAppMailbox *self = user_data;

  self->network_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

/* Once the network has settled. */
static void
check_soon (RapportAppMailbox *self)
{
  g_clear_handle_id (&self->network_id, g_source_remove);
  self->network_id = g_timeout_add_seconds (NETWORK_SETTLE, network_settled_cb, self);
}

static void
network_changed_cb (RapportAppMailbox *self,
                    gboolean           available)
{
  gboolean was_online = self->online;

  self->online = available;
  if (available && !was_online)
    check_soon (self);
}

/* }}} */
/* The notification {{{ */

static void
replied_cb (RapportAppMailbox *self,
            GPtrArray         *replies)
{
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) who = g_ptr_array_new ();
  g_autofree char *title = NULL;

  /* Two messages from one contact are one who replied. */
  for (guint i = 0; i < replies->len; i++)
    {
      RapportMailboxReply *reply = g_ptr_array_index (replies, i);

      if (g_hash_table_add (seen, &reply->contact_id))
        g_ptr_array_add (who, reply);
    }
  if (who->len == 0)
    return;

  if (who->len == 1)
    {
      RapportMailboxReply *reply = g_ptr_array_index (who, 0);

      /* Translators: a notification's title; %s is a contact's name */
      title = g_strdup_printf (_("%s replied"), reply->name);
      notification = g_notification_new (title);
      g_notification_set_body (notification, _("The reply is on their timeline, and the follow-ups have stopped."));
      g_notification_set_default_action_and_target (notification, "app.show-reply", "x", reply->contact_id);
      g_notification_add_button_with_target (notification, _("Write Back"), "app.write-back", "x",
                                             reply->contact_id);
      g_notification_add_button_with_target (notification, _("Open"), "app.show-reply", "x",
                                             reply->contact_id);
    }
  else
    {
      g_autoptr(GString) body = g_string_new (NULL);

      /* Translators: a notification's title */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact replied", "%u contacts replied",
                                            who->len), who->len);
      for (guint i = 0; i < who->len && i < REPLY_LINES; i++)
        {
          RapportMailboxReply *reply = g_ptr_array_index (who, i);

          if (body->len > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, reply->name);
        }
      if (who->len > REPLY_LINES)
        {
          guint more = who->len - REPLY_LINES;

          g_string_append_c (body, '\n');
          /* Translators: the last line of the grouped notification, after the first few names */
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
        }
      notification = g_notification_new (title);
      g_notification_set_body (notification, body->str);
      g_notification_set_default_action_and_target (notification, "app.show-reply", "x", (gint64) 0);
      g_notification_add_button_with_target (notification, _("Open"), "app.show-reply", "x", (gint64) 0);
    }
  g_notification_set_icon (notification, icon);
  /* A stable id: the next check's replies replace these rather than stack. */
  g_application_send_notification (G_APPLICATION (self->app), "mailbox-replies", notification);
}

/* The contact, or with 0 the contacts list. */
static void
show_reply_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RapportApplication *app = user_data;
  gint64 contact_id = g_variant_get_int64 (parameter);

  g_application_withdraw_notification (G_APPLICATION (app), "mailbox-replies");
  if (contact_id > 0)
    _rapport_application_show_contact (app, contact_id);
  else
    g_action_group_activate_action (G_ACTION_GROUP (_rapport_application_present_window (app)), "show-page",
                                    g_variant_new_string ("contacts"));
}

static void
write_back_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RapportApplication *app = user_data;
  gint64 contact_id = g_variant_get_int64 (parameter);

  g_application_withdraw_notification (G_APPLICATION (app), "mailbox-replies");
  if (contact_id <= 0)
    return;
  _rapport_application_show_contact (app, contact_id);
  /* No template: the composer picks what fits the contact's stage. */
  g_action_group_activate_action (G_ACTION_GROUP (_rapport_application_present_window (app)), "write",
                                  g_variant_new ("(xxs)", contact_id, (gint64) 0, ""));
}

static const GActionEntry mailbox_actions[] = {
  { "check-mailbox", check_mailbox_action },
  { "show-reply", show_reply_action, "x" },
  { "write-back", write_back_action, "x" },
};

/* }}} */
/* Private API {{{ */

RapportAppMailbox *
_rapport_app_mailbox_new (RapportApplication *app)
{
  RapportAppMailbox *self = g_new0 (RapportAppMailbox, 1);
  GSettings *settings = rapport_context_get_settings (rapport_application_get_context (app));

  self->app = app;
  self->sync = rapport_mailbox_sync_new (settings, rapport_context_get_contact_store (rapport_application_get_context (app)));
  g_signal_connect_swapped (self->sync, "replied", G_CALLBACK (replied_cb), self);
  g_action_map_add_action_entries (G_ACTION_MAP (app), mailbox_actions, G_N_ELEMENTS (mailbox_actions), app);
  g_signal_connect_swapped (settings, "changed::read-mailbox", G_CALLBACK (read_mailbox_changed_cb), self);
  self->monitor = g_network_monitor_get_default ();
  self->online = g_network_monitor_get_network_available (self->monitor);
  g_signal_connect_swapped (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
  update_reading (self);
  return self;
}

/* Once the window has drawn its first frame (or at a start without one)
 * and the database is open: the first check never delays either. */
void
_rapport_app_mailbox_start (RapportAppMailbox *self)
{
  if (self == NULL || self->started)
    return;
  self->started = TRUE;
  check (self);
}

/* On resume from suspend (the scheduler's "resumed"): the network is often
 * still coming up, so the check waits as after a change of it. */
void
_rapport_app_mailbox_resumed (RapportAppMailbox *self)
{
  if (self != NULL)
    check_soon (self);
}

RapportMailboxSync *
_rapport_app_mailbox_get_sync (RapportAppMailbox *self)
{
  return self != NULL ? self->sync : NULL;
}

/* At shutdown: what is being read stops at once (its sockets are closed
 * by the cancellable), and no later check starts. */
void
_rapport_app_mailbox_free (RapportAppMailbox *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->network_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_signal_handlers_disconnect_by_data (rapport_context_get_settings (rapport_application_get_context (self->app)), self);
  g_signal_handlers_disconnect_by_data (self->sync, self);
  rapport_mailbox_sync_shutdown (self->sync);
  g_clear_object (&self->sync);
  g_free (self);
}

/* }}} */
