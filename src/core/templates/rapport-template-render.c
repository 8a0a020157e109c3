/* rapport-template-render.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-template"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-template-render.h"

/* Filling a template's {placeholders} from what Rapport knows, and finding
 * those still left in a text so that nothing goes out with a "{referrer}"
 * in it. The syntax is strict on purpose: only "{" [a-z_]+ "}" is a
 * placeholder, so a brace the user types for another reason never blocks
 * sending. */

struct _RapportTemplateContext
{
  GHashTable *values;
};

typedef struct
{
  const char *name;
  const char *description;
} Known;

/* The names, in the order the help lists them. Those at the end are never
 * filled by Rapport: they mark what only the writer can say. */
static const Known known[] = {
  { "first_name", N_("The contact's first name") },
  { "last_name", N_("The contact's last name") },
  { "name", N_("The contact's full name") },
  { "organisation", N_("The contact's organisation") },
  { "role", N_("The contact's role") },
  { "referrer", N_("Who referred you to the contact, full name") },
  { "referrer_first_name", N_("Who referred you to the contact, first name") },
  { "my_name", N_("Your name (Preferences)") },
  { "my_phone", N_("Your phone number (Preferences)") },
  { "duration", N_("The meeting's length in minutes") },
  { "meeting_time", N_("The meeting's date and time") },
  { "meeting_place", N_("The meeting's place") },
  { "what_helped", N_("What was helpful, in your words") },
  { "next_steps", N_("What you will do next, in your words") },
  { "news", N_("Your news, in your words") },
};

static const char * const *
known_names (void)
{
  static const char *names[G_N_ELEMENTS (known) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (known); i++)
      names[i] = known[i].name;
  return names;
}

/* Returns: (transfer none): every placeholder name, in help order */
const char * const *
rapport_placeholder_get_names (void)
{
  return known_names ();
}

static const Known *
find_known (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (known[i].name, name))
      return &known[i];
  return NULL;
}

gboolean
rapport_placeholder_is_known (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return find_known (name) != NULL;
}

/* Returns: (nullable): a translated line for the help, %NULL if unknown */
const char *
rapport_placeholder_get_description (const char *name)
{
  const Known *k = find_known (name);

  return k != NULL ? _(k->description) : NULL;
}

/* Context {{{ */

RapportTemplateContext *
rapport_template_context_new (void)
{
  RapportTemplateContext *self = g_new0 (RapportTemplateContext, 1);

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
rapport_template_context_free (RapportTemplateContext *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->values);
  g_free (self);
}

/* Sets @name to @value, trimmed; an empty value counts as none. */
void
rapport_template_context_set (RapportTemplateContext *self,
                              const char             *name,
                              const char             *value)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);

  trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));
  if (trimmed[0] == '\0')
    g_hash_table_remove (self->values, name);
  else
    g_hash_table_insert (self->values, g_strdup (name), g_steal_pointer (&trimmed));
}

/* Returns: (nullable): the value, %NULL if there is none */
const char *
rapport_template_context_get (RapportTemplateContext *self,
                              const char             *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->values, name);
}

/* The first word of a full name, for greeting someone known only as
 * "Dana Whitfield". */
static char *
first_word (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *space = strchr (copy, ' ');

  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&copy);
}

/* The rest after the first word, for the last name of such a contact. */
static const char *
after_first_word (const char *text)
{
  const char *space = text != NULL ? strchr (text, ' ') : NULL;

  return space != NULL ? space + 1 : "";
}

/**
 * rapport_template_context_set_contact:
 * @contact: the person the message is about (and usually to)
 * @referrer: (nullable): who referred them, if loaded; else the contact's
 *   "referred by" name is used
 */
void
rapport_template_context_set_contact (RapportTemplateContext *self,
                                      RapportContact         *contact,
                                      RapportContact         *referrer)
{
  const char *display, *given, *family, *referrer_name;
  g_autofree char *first = NULL;
  g_autofree char *referrer_first = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (RAPPORT_IS_CONTACT (contact));

  display = rapport_contact_get_display_name (contact);
  given = rapport_contact_get_given_name (contact);
  family = rapport_contact_get_family_name (contact);
  first = given != NULL && given[0] != '\0' ? g_strdup (given) : first_word (display);

  rapport_template_context_set (self, "name", display);
  rapport_template_context_set (self, "first_name", first);
  rapport_template_context_set (self, "last_name",
                                family != NULL && family[0] != '\0' ? family
                                : (given != NULL && given[0] != '\0') ? "" : after_first_word (display));
  rapport_template_context_set (self, "organisation", rapport_contact_get_organisation (contact));
  rapport_template_context_set (self, "role", rapport_contact_get_role (contact));

  if (referrer != NULL)
    {
      const char *referrer_given = rapport_contact_get_given_name (referrer);

      referrer_name = rapport_contact_get_display_name (referrer);
      referrer_first = referrer_given != NULL && referrer_given[0] != '\0' ? g_strdup (referrer_given)
                                                                           : first_word (referrer_name);
    }
  else
    {
      referrer_name = rapport_contact_get_referred_by_name (contact);
      referrer_first = first_word (referrer_name);
    }
  rapport_template_context_set (self, "referrer", referrer_name);
  rapport_template_context_set (self, "referrer_first_name", referrer_first);
}

void
rapport_template_context_set_meeting (RapportTemplateContext *self,
                                      RapportMeeting         *meeting)
{
  gint64 starts;
  g_autofree char *minutes = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (RAPPORT_IS_MEETING (meeting));

  starts = rapport_meeting_get_starts_at (meeting);
  if (starts != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (starts);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      /* Translators: {meeting_time} in a message, a strftime format, e.g.
       * "Tuesday, 3 March at 10:30" */
      g_autofree char *text = g_date_time_format (local, _("%A, %-d %B at %H:%M"));

      rapport_template_context_set (self, "meeting_time", text);
    }
  rapport_template_context_set (self, "meeting_place", rapport_meeting_get_place (meeting));
  if (rapport_meeting_get_duration (meeting) > 0)
    {
      minutes = g_strdup_printf ("%d", (int) rapport_meeting_get_duration (meeting));
      rapport_template_context_set (self, "duration", minutes);
    }
}

/* @meeting_minutes fills {duration} unless a meeting already did. */
void
rapport_template_context_set_sender (RapportTemplateContext *self,
                                     const char             *name,
                                     const char             *phone,
                                     int                     meeting_minutes)
{
  g_return_if_fail (self != NULL);

  rapport_template_context_set (self, "my_name", name);
  rapport_template_context_set (self, "my_phone", phone);
  if (meeting_minutes > 0 && rapport_template_context_get (self, "duration") == NULL)
    {
      g_autofree char *minutes = g_strdup_printf ("%d", meeting_minutes);

      rapport_template_context_set (self, "duration", minutes);
    }
}

/* }}} */
/* Rendering {{{ */

/* If a placeholder starts at @p, returns the length of its name (the
 * letters between the braces), else 0. */
static gsize
placeholder_at (const char *p)
{
  gsize n = 0;

  if (p[0] != '{')
    return 0;
  while ((p[1 + n] >= 'a' && p[1 + n] <= 'z') || p[1 + n] == '_')
    {
      n++;
      if (n > RAPPORT_PLACEHOLDER_MAX_NAME)
        return 0;
    }
  return n > 0 && p[1 + n] == '}' ? n : 0;
}

static void
issue_clear (gpointer data)
{
  RapportPlaceholderIssue *issue = data;

  g_free (issue->name);
}

static GArray *
issues_new (void)
{
  GArray *issues = g_array_new (FALSE, FALSE, sizeof (RapportPlaceholderIssue));

  g_array_set_clear_func (issues, issue_clear);
  return issues;
}

static void
add_issue (GArray                    *issues,
           RapportPlaceholderProblem  problem,
           const char                *name,
           gsize                      len,
           gsize                      start)
{
  RapportPlaceholderIssue issue = { problem, g_strndup (name, len), start, start + len + 2 };

  g_array_append_val (issues, issue);
}

/**
 * rapport_template_render:
 * @text: a template's subject or body
 * @context: (nullable): the values; %NULL fills nothing
 * @issues: (out) (optional) (element-type RapportPlaceholderIssue): the
 *   placeholders left in the result, in order, with their offsets in it
 *
 * Replaces each known placeholder that has a value. Unknown ones and those
 * without a value stay as they are, so the writer sees them, and are
 * reported.
 *
 * Returns: (transfer full): the text
 */
char *
rapport_template_render (const char             *text,
                         RapportTemplateContext *context,
                         GArray                **issues)
{
  GString *out;
  g_autoptr(GArray) found = issues_new ();

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  for (const char *p = text; *p != '\0';)
    {
      gsize len = placeholder_at (p);
      g_autofree char *name = NULL;
      const char *value;

      if (len == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      name = g_strndup (p + 1, len);
      value = context != NULL ? rapport_template_context_get (context, name) : NULL;
      if (value != NULL && find_known (name) != NULL)
        g_string_append (out, value);
      else
        {
          add_issue (found, find_known (name) != NULL ? RAPPORT_PLACEHOLDER_EMPTY : RAPPORT_PLACEHOLDER_UNKNOWN,
                     name, len, out->len);
          g_string_append_len (out, p, len + 2);
        }
      p += len + 2;
    }

  if (issues != NULL)
    *issues = g_steal_pointer (&found);
  return g_string_free (out, FALSE);
}

/**
 * rapport_template_scan:
 *
 * Finds the placeholders in a text as the user left it: every one counts,
 * as none of them may be sent.
 *
 * Returns: (transfer full) (element-type RapportPlaceholderIssue): the
 *   placeholders in order, possibly none
 */
GArray *
rapport_template_scan (const char *text)
{
  GArray *found = issues_new ();

  g_return_val_if_fail (text != NULL, found);

  for (const char *p = text; *p != '\0'; p++)
    {
      gsize len = placeholder_at (p);
      g_autofree char *name = NULL;

      if (len == 0)
        continue;
      name = g_strndup (p + 1, len);
      add_issue (found, find_known (name) != NULL ? RAPPORT_PLACEHOLDER_EMPTY : RAPPORT_PLACEHOLDER_UNKNOWN,
                 name, len, p - text);
      p += len + 1;
    }
  return found;
}

/* Returns: (transfer full): a translated sentence telling what to do */
char *
rapport_placeholder_issue_describe (const RapportPlaceholderIssue *issue)
{
  g_return_val_if_fail (issue != NULL, NULL);

  if (issue->problem == RAPPORT_PLACEHOLDER_UNKNOWN)
    /* Translators: %s is a placeholder name such as "referer" */
    return g_strdup_printf (_("“{%s}” is not a placeholder Rapport knows: replace it with your own words."),
                            issue->name);
  /* Translators: %s is a placeholder name such as "my_phone" */
  return g_strdup_printf (_("Nothing to fill “{%s}” with: replace it with your own words."), issue->name);
}

/* }}} */
