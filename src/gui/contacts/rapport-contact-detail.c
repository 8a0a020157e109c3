/* rapport-contact-detail.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-birthday.h"
#include "rapport-contact-detail.h"
#include "rapport-contact-link.h"
#include "rapport-contact-drafts.h"
#include "rapport-contact-meetings.h"
#include "rapport-interaction-editor.h"
#include "rapport-mail-ignore-button.h"
#include "rapport-mail-match.h"
#include "rapport-mailbox-ignored.h"
#include "rapport-reminder.h"
#include "rapport-clock.h"
#include "rapport-reply-speed.h"
#include "rapport-show-more-row.h"
#include "rapport-tooltip.h"

/* Everything about one contact: the fields, the stage (changeable in one
 * click), the referral chain with each name a link, and the timeline. It
 * reloads whenever the store reports a change, since a change elsewhere
 * (a referrer renamed or deleted) can show here too. */
struct _RapportContactDetail
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  RapportContact      *contact;
  GSettings           *settings;
  GStrv                ignored;   /* addresses whose mail is not read, casefolded */
  GPtrArray           *timeline;
  GCancellable        *cancellable;
  gint64               contact_id;
  guint                timeline_shown;   /* entries shown, the newest first */
  guint                timeline_built;   /* of which the rows made so far */
  guint                timeline_tick_id;
  gboolean             updating_stage;

  /* Template children */
  GtkWidget           *back_button;
  GtkWidget           *reminder_button;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *subtitle_label;
  AdwComboRow         *stage_row;
  AdwActionRow        *last_contacted_row;
  AdwActionRow        *playbook_row;
  AdwActionRow        *reply_speed_row;
  RapportContactMeetings *meetings;
  RapportContactDrafts *drafts;
  GtkWidget           *details_group;
  GtkListBox          *details_list;
  GtkListBox          *referrals_list;
  GtkListBox          *timeline_list;
};

G_DEFINE_FINAL_TYPE (RapportContactDetail, rapport_contact_detail, GTK_TYPE_WIDGET)

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (RapportContactDetail *self);

/* Entries of the timeline shown at first, and added by each "Show More": a
 * row costs a millisecond or two to build and lay out, so a contact of
 * 1,000 entries would hold up the window for seconds (bench-stalls
 * contact-timeline-1k). */
#define TIMELINE_SHOWN 50
#define TIMELINE_MORE  200

/* Helpers {{{ */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_date (GDateTime *when,
             gboolean   with_time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (when);

  /* Translators: a date as in "3 March 2026" (strftime format) */
  return g_date_time_format (local, with_time ? _("%-d %B %Y, %H:%M") : _("%-d %B %Y"));
}

static GtkWidget *
add_detail_row (RapportContactDetail *self,
                const char           *title,
                const char           *value,
                const char           *icon_name,
                const char           *link,
                const char           *link_tooltip)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));

  if (link != NULL)
    {
      GtkWidget *button = gtk_link_button_new_with_label (link, "");

      gtk_button_set_icon_name (GTK_BUTTON (button), "adw-external-link-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, link_tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, link_tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  gtk_list_box_append (self->details_list, row);
  return row;
}

static void
fill_details (RapportContactDetail *self)
{
  RapportContact *contact = self->contact;
  const char * const *emails = rapport_contact_get_emails (contact);
  const char * const *phones = rapport_contact_get_phones (contact);
  const char * const *tags = rapport_contact_get_tags (contact);
  const char *url = rapport_contact_get_profile_url (contact);
  g_autofree char *tag_text = g_strjoinv (", ", (char **) tags);
  g_autofree char *birthday = rapport_birthday_dup_label (rapport_contact_get_birthday (contact));

  clear_list (self->details_list);

  for (guint i = 0; emails[i] != NULL; i++)
    {
      g_autofree char *mailto = g_strconcat ("mailto:", emails[i], NULL);
      /* Translators: tooltip of the button next to an email address */
      g_autofree char *tooltip = g_strdup_printf (_("Write to %s"), emails[i]);

      GtkWidget *row = add_detail_row (self, _("Email"), emails[i], "mail-unread-symbolic", mailto, tooltip);

      if (row != NULL && self->ignored != NULL && g_settings_get_boolean (self->settings, "read-mailbox"))
        {
          g_autofree char *key = rapport_mail_address_key (emails[i]);

          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     rapport_mail_ignore_button_new (self->store, emails[i],
                                                                     g_strv_contains ((const char * const *) self->ignored,
                                                                                      key)));
        }
    }
  for (guint i = 0; phones[i] != NULL; i++)
    {
      g_autofree char *tel = g_strconcat ("tel:", phones[i], NULL);
      g_autofree char *tooltip = g_strdup_printf (_("Call %s"), phones[i]);

      add_detail_row (self, _("Phone"), phones[i], "call-start-symbolic", tel, tooltip);
    }
  add_detail_row (self, _("Profile"), url, "web-browser-symbolic", url[0] ? url : NULL, _("Open Profile"));
  add_detail_row (self, _("Location"), rapport_contact_get_location (contact), "mark-location-symbolic", NULL, NULL);
  add_detail_row (self, _("Birthday"), birthday, "x-office-calendar-symbolic", NULL, NULL);
  add_detail_row (self, _("How You Met"), rapport_contact_get_source (contact), "system-users-symbolic", NULL, NULL);
  add_detail_row (self, _("Tags"), tag_text, "user-bookmarks-symbolic", NULL, NULL);
  add_detail_row (self, _("Notes"), rapport_contact_get_notes (contact), "document-edit-symbolic", NULL, NULL);

  gtk_widget_set_visible (self->details_group, gtk_widget_get_first_child (GTK_WIDGET (self->details_list)) != NULL);
}

static GtkWidget *
make_referral_row (RapportContact *contact,
                   const char     *relation)
{
  const char *organisation = rapport_contact_get_organisation (contact);
  g_autofree char *subtitle = NULL;

  if (*organisation)
    subtitle = g_strdup_printf ("%s · %s", relation, organisation);
  else
    subtitle = g_strdup (relation);

  return rapport_contact_link_row_new (contact, subtitle, "detail.open-contact");
}

static void
fill_referrals (RapportContactDetail *self,
                GPtrArray            *chain,
                GPtrArray            *referred)
{
  clear_list (self->referrals_list);

  for (guint i = 0; i < chain->len; i++)
    gtk_list_box_append (self->referrals_list,
                         make_referral_row (g_ptr_array_index (chain, i),
                                            i == 0 ? _("Introduced you to this person")
                                                   : _("Further up the chain")));
  for (guint i = 0; i < referred->len; i++)
    gtk_list_box_append (self->referrals_list,
                         make_referral_row (g_ptr_array_index (referred, i), _("Introduced by this person")));

  if (chain->len == 0 && referred->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No introductions yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("At the end of a meeting, ask who else you should talk to."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->referrals_list, row);
    }
}

/* An entry's text is made when it is first shown: a wrapped label is
 * measured (at each width tried) even inside a collapsed row, and a
 * timeline of long notes took a layout of a tenth of a second or more. */
static void
entry_expanded_cb (AdwExpanderRow *row)
{
  const char *body = g_object_get_data (G_OBJECT (row), "rapport-body");
  GtkWidget *label;

  if (body == NULL || !adw_expander_row_get_expanded (row))
    return;

  label = gtk_label_new (body);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  adw_expander_row_add_row (row, label);
  g_object_set_data (G_OBJECT (row), "rapport-body", NULL);
}

static GtkWidget *
make_entry_row (RapportInteraction *entry)
{
  RapportInteractionKind kind = rapport_interaction_get_kind (entry);
  g_autofree char *when = format_date (rapport_interaction_get_happened_at (entry), TRUE);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", rapport_interaction_kind_get_label (kind), when);
  const char *body = rapport_interaction_get_body (entry);
  GtkWidget *row;
  GtkWidget *button;

  if (body[0] != '\0')
    {
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "rapport-body", g_strdup (body), g_free);
      g_signal_connect (row, "notify::expanded", G_CALLBACK (entry_expanded_cb), NULL);
    }
  else
    {
      row = adw_action_row_new ();
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_interaction_get_summary (entry));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

#define ADD(widget) (ADW_IS_EXPANDER_ROW (row) ? adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), widget) \
                                               : adw_action_row_add_prefix (ADW_ACTION_ROW (row), widget))
  ADD (gtk_image_new_from_icon_name (rapport_interaction_kind_get_icon_name (kind)));
#undef ADD

  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  rapport_widget_set_tooltip (button, _("Edit Entry"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Entry"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.edit-entry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rapport_interaction_get_id (entry));
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  rapport_widget_set_tooltip (button, _("Delete Entry"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Entry"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "detail.delete-entry");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", rapport_interaction_get_id (entry));
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/* The rows are added a few per frame, from the newest: all at once, 50 rows
 * took a layout of about 100 ms (bench-stalls contact-timeline-1k), while
 * the first screenful of them is there in the first frame anyway. */
#define ENTRIES_BUDGET_US 2000

static gboolean
add_entries_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RapportContactDetail *self = user_data;
  guint shown = MIN (self->timeline->len, self->timeline_shown);
  gint64 start = g_get_monotonic_time ();

  while (self->timeline_built < shown && g_get_monotonic_time () - start < ENTRIES_BUDGET_US)
    gtk_list_box_append (self->timeline_list,
                         make_entry_row (g_ptr_array_index (self->timeline, self->timeline_built++)));
  if (self->timeline_built < shown)
    return G_SOURCE_CONTINUE;

  if (shown < self->timeline->len)
    gtk_list_box_append (self->timeline_list, rapport_show_more_row_new ("detail.show-more-entries", NULL,
                                                                         self->timeline->len - shown, TIMELINE_MORE));
  self->timeline_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
fill_timeline (RapportContactDetail *self)
{
  if (self->timeline_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->timeline_list), self->timeline_tick_id);
  self->timeline_tick_id = 0;
  self->timeline_built = 0;
  clear_list (self->timeline_list);

  if (self->timeline->len > 0)
    {
      /* The first rows now, the others over the next frames. */
      if (add_entries_cb (GTK_WIDGET (self->timeline_list), NULL, self) == G_SOURCE_CONTINUE)
        self->timeline_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->timeline_list), add_entries_cb,
                                                               self, NULL);
      return;
    }

  {
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing recorded yet"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Emails, calls, meetings and notes will be listed here."));
    gtk_widget_add_css_class (row, "dim-label");
    gtk_list_box_append (self->timeline_list, row);
  }
}

/* As the editor's and Preferences' choices say it. */
static const char *
playbook_label (int playbook)
{
  switch (playbook)
    {
    case RAPPORT_PLAYBOOK_TWO_WEEK: return _("Two-week follow-up");
    case RAPPORT_PLAYBOOK_3B7:      return _("3B7: a second person, then one follow-up");
    default:                        return _("As in Preferences");
    }
}

static void
fill_contact (RapportContactDetail *self)
{
  RapportContact *contact = self->contact;
  const char *role = rapport_contact_get_role (contact);
  const char *organisation = rapport_contact_get_organisation (contact);
  GDateTime *last = rapport_contact_get_last_contacted (contact);
  g_autofree char *subtitle = NULL;
  g_autofree char *last_text = NULL;

  if (*role && *organisation)
    subtitle = g_strdup_printf (_("%s at %s"), role, organisation);
  else
    subtitle = g_strdup (*role ? role : organisation);

  adw_avatar_set_text (self->avatar, rapport_contact_get_display_name (contact));
  gtk_label_set_label (self->name_label, rapport_contact_get_display_name (contact));
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle[0] != '\0');

  self->updating_stage = TRUE;
  adw_combo_row_set_selected (self->stage_row, rapport_contact_get_stage (contact));
  self->updating_stage = FALSE;

  last_text = last ? format_date (last, FALSE) : g_strdup (_("Never"));
  adw_action_row_set_subtitle (self->last_contacted_row, last_text);
  adw_action_row_set_subtitle (self->playbook_row, playbook_label (rapport_contact_get_playbook (contact)));

  fill_details (self);
}

static RapportInteraction *
find_entry (RapportContactDetail *self,
            gint64                id)
{
  for (guint i = 0; self->timeline && i < self->timeline->len; i++)
    if (rapport_interaction_get_id (g_ptr_array_index (self->timeline, i)) == id)
      return g_ptr_array_index (self->timeline, i);
  return NULL;
}

/* }}} */
/* Callbacks {{{ */

static void
contact_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportContactDetail *self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load contact: %s", error->message);
      return;
    }

  if (contacts->len == 0)
    return;   /* deleted meanwhile: the page shows something else */

  g_set_object (&self->contact, g_ptr_array_index (contacts, 0));
  fill_contact (self);
}

static void
referrals_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportContactDetail *self = user_data;
  g_autoptr(GPtrArray) chain = NULL;
  g_autoptr(GPtrArray) referred = NULL;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_referrals_finish (RAPPORT_CONTACT_STORE (object), result, &chain, &referred, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load referrals: %s", error->message);
      return;
    }

  fill_referrals (self, chain, referred);
}

/* How quickly they answered the first request, with the idea behind it in
 * the tooltip; for the user's eyes only (it is not stored or exported). */
static void
update_reply_speed (RapportContactDetail *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_auto(GStrv) days_off = g_settings_get_strv (self->settings, "days-off");
  RapportReplySpeed speed;

  speed = rapport_reply_speed_from_timeline (self->timeline, rapport_clock_get_now (), tz,
                                             (const char * const *) days_off);
  adw_action_row_set_subtitle (self->reply_speed_row, rapport_reply_speed_get_label (speed));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reply_speed_row), rapport_reply_speed_get_explanation (speed));
  /* The tooltip is the pointer's; a screen reader reads the same words. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reply_speed_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  rapport_reply_speed_get_explanation (speed), -1);
  gtk_widget_set_visible (GTK_WIDGET (self->reply_speed_row), speed != RAPPORT_REPLY_SPEED_NOT_ASKED);
}

static void
timeline_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RapportContactDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *timeline;

  timeline = rapport_contact_store_timeline_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (timeline == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the timeline: %s", error->message);
      return;
    }

  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  self->timeline = timeline;
  fill_timeline (self);
  update_reply_speed (self);
}

/* Errors of a write say so where the user is: the page shows them as a toast. */
static void
report_error (RapportContactDetail *self,
              const char           *what,
              const GError         *error)
{
  /* Translators: the first %s says what failed, the second why */
  g_autofree char *message = g_strdup_printf (_("%s: %s"), what, error->message);

  g_warning ("%s", message);
  gtk_widget_activate_action (GTK_WIDGET (self), "contacts.toast", "s", message);
}

static void
stage_set_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RapportContactDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_set_stage_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    {
      report_error (self, _("The stage could not be changed"), error);
      reload (self);   /* shows the stage as it still is */
    }
}

static void
stage_selected_cb (RapportContactDetail *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (self->updating_stage || self->contact == NULL || selected >= RAPPORT_N_STAGES ||
      selected == rapport_contact_get_stage (self->contact))
    return;

  rapport_contact_store_set_stage_async (self->store, self->contact_id, selected, NULL, stage_set_cb,
                                         g_object_ref (self));
}

static void
store_changed_cb (RapportContactDetail *self,
                  gint64                contact_id)
{
  if (self->contact_id != 0)
    reload (self);
}


static void
entry_deleted_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportContactDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rapport_contact_store_delete_interaction_finish (RAPPORT_CONTACT_STORE (object), result, &error))
    report_error (self, _("The entry could not be deleted"), error);
}

/* }}} */
/* Actions {{{ */

static void
open_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_CONTACT], 0, g_variant_get_int64 (parameter));
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  RapportInteraction *entry = find_entry (self, g_variant_get_int64 (parameter));
  GtkWidget *editor;

  if (entry == NULL)
    return;

  editor = rapport_interaction_editor_new (self->store, entry);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);
  RapportInteraction *entry = find_entry (self, g_variant_get_int64 (parameter));

  if (entry != NULL)
    rapport_contact_store_delete_interaction_async (self->store, entry, NULL, entry_deleted_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
ignored_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportContactDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv ignored = rapport_mailbox_list_ignored_finish (RAPPORT_CONTACT_STORE (object), result, &error);

  if (ignored == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not load the addresses whose mail is not read: %s", error->message);
      return;
    }
  g_strfreev (self->ignored);
  self->ignored = ignored;
  if (self->contact != NULL)
    fill_details (self);
}

static void
reload (RapportContactDetail *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL || self->contact_id == 0)
    return;

  self->cancellable = g_cancellable_new ();
  /* First, so that the addresses' toggles are known when the contact is. */
  rapport_mailbox_list_ignored_async (self->store, self->cancellable, ignored_loaded_cb, self);
  rapport_contact_store_load_async (self->store, &self->contact_id, 1, self->cancellable, contact_loaded_cb, self);
  rapport_contact_store_referrals_async (self->store, self->contact_id, self->cancellable, referrals_loaded_cb, self);
  rapport_contact_store_timeline_async (self->store, self->contact_id, self->cancellable, timeline_loaded_cb, self);
}

static void
show_more_entries_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (widget);

  self->timeline_shown += TIMELINE_MORE;
  if (self->timeline != NULL)
    fill_timeline (self);
}

static void
rapport_contact_detail_dispose (GObject *object)
{
  GtkWidget *child;
  RapportContactDetail *self = RAPPORT_CONTACT_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->timeline_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->timeline_list), self->timeline_tick_id);
  self->timeline_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_DETAIL);
  /* The template's root box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->contact);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ignored, g_strfreev);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_contact_detail_parent_class)->dispose (object);
}

static void
rapport_contact_detail_class_init (RapportContactDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_detail_dispose;

  /**
   * RapportContactDetail::open-contact:
   * @contact_id: the contact whose name was activated
   */
  signals[OPEN_CONTACT] =
    g_signal_new ("open-contact", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RAPPORT_TYPE_CONTACT_MEETINGS);
  g_type_ensure (RAPPORT_TYPE_CONTACT_DRAFTS);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, reminder_button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, avatar);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, stage_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, last_contacted_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, reply_speed_row);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, meetings);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, drafts);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, details_group);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, details_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, referrals_list);
  gtk_widget_class_bind_template_child (widget_class, RapportContactDetail, timeline_list);

  gtk_widget_class_install_action (widget_class, "detail.open-contact", "x", open_contact_action);
  gtk_widget_class_install_action (widget_class, "detail.edit-entry", "x", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "detail.delete-entry", "x", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "detail.show-more-entries", NULL, show_more_entries_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_contact_detail_init (RapportContactDetail *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  self->timeline_shown = TIMELINE_SHOWN;
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  for (guint i = 0; i < RAPPORT_N_STAGES; i++)
    gtk_string_list_append (stages, rapport_stage_get_label (i));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  g_signal_connect_swapped (self->stage_row, "notify::selected", G_CALLBACK (stage_selected_cb), self);

  /* The addresses' toggles show only while Rapport reads the mailbox. */
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::read-mailbox", G_CALLBACK (reload), self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_contact_detail_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT_DETAIL, NULL);
}

void
rapport_contact_detail_set_store (RapportContactDetail *self,
                                  RapportContactStore  *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  rapport_contact_drafts_set_store (self->drafts, store);
}

void
rapport_contact_detail_set_meeting_store (RapportContactDetail *self,
                                          RapportMeetingStore  *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));

  rapport_contact_meetings_set_store (self->meetings, store);
}

gint64
rapport_contact_detail_get_contact_id (RapportContactDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_DETAIL (self), 0);
  return self->contact_id;
}

void
rapport_contact_detail_set_contact_id (RapportContactDetail *self,
                                       gint64                contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));

  if (self->contact_id == contact_id)
    return;

  self->contact_id = contact_id;
  self->timeline_shown = TIMELINE_SHOWN;
  g_clear_object (&self->contact);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reminder_button), "x", contact_id);
  rapport_contact_meetings_set_contact_id (self->meetings, contact_id);
  rapport_contact_drafts_set_contact_id (self->drafts, contact_id);
  reload (self);
}

/**
 * rapport_contact_detail_get_contact:
 *
 * Returns: (transfer none) (nullable): the contact as last loaded
 */
RapportContact *
rapport_contact_detail_get_contact (RapportContactDetail *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_DETAIL (self), NULL);
  return self->contact;
}

void
rapport_contact_detail_set_show_back (RapportContactDetail *self,
                                      gboolean              show_back)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_DETAIL (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

/* }}} */
