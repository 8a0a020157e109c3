/* rapport-composer-check.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-composer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-coaching.h"
#include "rapport-mail-address.h"
#include "rapport-composer-private.h"

/* The composer's checks as the user types: placeholders left (highlighted
 * in the body and listed below it), the coaching column, the address, and
 * whether the message may go out at all. */

/* Checking {{{ */

static GtkWidget *
coaching_row (const RapportCoachingCheck *check)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (check->passed ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (check->label);
  GtkWidget *hint = gtk_label_new (check->hint);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, check->passed ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  check->passed ? _("Done") : _("To do"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_set_visible (hint, !check->passed);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), hint);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  return box;
}

static void
update_coaching (RapportComposer *self,
                 const char      *subject,
                 const char      *body)
{
  g_autoptr(GPtrArray) checks = NULL;
  const char *referrer = NULL;
  guint first_limit = G_MAXUINT;
  GtkWidget *child;

  if (self->context != NULL)
    referrer = rapport_template_context_get (self->context, "referrer");
  /* Still "To contact": nothing has been sent to them yet, so this is the
   * first request, which the method wants shorter and checks more closely. */
  if (self->contact != NULL && rapport_contact_get_stage (self->contact) == RAPPORT_STAGE_TO_CONTACT)
    first_limit = (guint) MAX (0, g_settings_get_int (self->settings, "first-request-word-limit"));
  checks = rapport_coaching_check (_rapport_composer_get_purpose (self), subject, body, referrer,
                                   (guint) MAX (0, g_settings_get_int (self->settings, "word-limit")), first_limit);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coaching_box))) != NULL)
    gtk_box_remove (self->coaching_box, child);
  for (guint i = 0; i < checks->len; i++)
    gtk_box_append (self->coaching_box, coaching_row (g_ptr_array_index (checks, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->coaching_empty_label), checks->len == 0);
}

/* Highlights the placeholders left in the body and lists those of the
 * subject and body below it. */
static void
update_placeholders (RapportComposer *self,
                     const char      *subject,
                     const char      *body)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autoptr(GArray) in_body = rapport_template_scan (body);
  g_autoptr(GArray) in_subject = rapport_template_scan (subject);
  g_autoptr(GString) names = g_string_new (NULL);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->placeholder_tag, &start, &end);
  for (guint i = 0; i < in_body->len; i++)
    {
      RapportPlaceholderIssue *issue = &g_array_index (in_body, RapportPlaceholderIssue, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (body, body + issue->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (body, body + issue->end));
      gtk_text_buffer_apply_tag (buffer, self->placeholder_tag, &start, &end);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *issues = pass == 0 ? in_subject : in_body;

      for (guint i = 0; i < issues->len; i++)
        {
          RapportPlaceholderIssue *issue = &g_array_index (issues, RapportPlaceholderIssue, i);
          g_autofree char *named = g_strdup_printf ("{%s}", issue->name);

          if (strstr (names->str, named) != NULL)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, named);
          if (issue->problem == RAPPORT_PLACEHOLDER_UNKNOWN)
            /* Translators: after an unknown placeholder in the list of those left */
            g_string_append (names, _(" (unknown)"));
        }
    }

  if (names->len > 0)
    {
      /* Translators: %s lists placeholders, e.g. "{what_helped}, {next_steps}" */
      g_autofree char *text = g_strdup_printf (_("Still to fill in before it can go out: %s"), names->str);

      gtk_label_set_text (self->placeholders_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->placeholders_label), names->len > 0);
}

static gboolean
check_cb (gpointer user_data)
{
  RapportComposer *self = user_data;
  g_autofree char *body = _rapport_composer_get_body (self);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  self->check_id = 0;

  update_placeholders (self, subject, body);
  update_coaching (self, subject, body);

  address = rapport_mail_address_parse (to, &error);
  if (address == NULL && to[0] != '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->to_entry), NULL);
    }
  return G_SOURCE_REMOVE;
}

/* Checks after a pause in typing, not on every key. */
void
_rapport_composer_schedule_check (RapportComposer *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (150, check_cb, self);
}

void
_rapport_composer_text_changed (RapportComposer *self)
{
  if (!self->filling)
    self->dirty = TRUE;
  _rapport_composer_schedule_check (self);
}

/**
 * _rapport_composer_check_ready:
 * @address: (out): the bare address, when ready
 *
 * Returns: (transfer full) (nullable): why the message cannot go out yet,
 *   as a sentence to show, or %NULL when it can
 */
char *
_rapport_composer_check_ready (RapportComposer  *self,
                               char            **address)
{
  g_autofree char *body = _rapport_composer_get_body (self);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_entry));
  g_autoptr(GArray) in_body = rapport_template_scan (body);
  g_autoptr(GArray) in_subject = rapport_template_scan (subject);
  g_autoptr(GError) error = NULL;

  *address = rapport_mail_address_parse (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), &error);
  if (*address == NULL)
    return g_strdup (error->message);
  if (strpbrk (subject, "\r\n") != NULL)
    return g_strdup (_("The subject must be on one line."));
  if (rapport_coaching_count_words (subject) == 0)
    return g_strdup (_("Add a subject."));
  if (rapport_coaching_count_words (body) == 0)
    return g_strdup (_("The message is empty."));
  if (in_subject->len > 0 || in_body->len > 0)
    {
      RapportPlaceholderIssue *issue = in_subject->len > 0 ? &g_array_index (in_subject, RapportPlaceholderIssue, 0)
                                                            : &g_array_index (in_body, RapportPlaceholderIssue, 0);

      return rapport_placeholder_issue_describe (issue);
    }
  return NULL;
}

/* }}} */
