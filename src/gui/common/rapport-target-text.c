/* rapport-target-text.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-target-text.h"

/* What the Organisations page and the Today page say about a target, in
 * one place so that both say it the same way. */

/* With @with_name, the step says where ("Find a contact at Acme"), for a
 * list of steps; without, it is said under the organisation's name. */
char *
rapport_target_step_text (RapportTarget *target,
                          gboolean       with_name)
{
  const char *name = rapport_target_get_name (target);
  const char *person = rapport_target_get_step_person (target);

  switch (rapport_target_get_step (target))
    {
    case RAPPORT_TARGET_STEP_FIND_CONTACT:
      /* Translators: an organisation's next step; %s is the organisation */
      return with_name ? g_strdup_printf (_("Find a contact at %s"), name)
                       : g_strdup (_("Next: find a contact there"));
    case RAPPORT_TARGET_STEP_SECOND_CONTACT:
      if (*person != '\0')
        /* Translators: an organisation's next step (no reply from the first person yet); the first %s is the organisation, the second the person suggested */
        return with_name ? g_strdup_printf (_("%s: a second contact is due, perhaps %s"), name, person)
                         /* Translators: an organisation's next step (no reply from the first person yet); %s is the person suggested */
                         : g_strdup_printf (_("Next: a second contact, perhaps %s"), person);
      /* Translators: an organisation's next step (no reply from the first person yet); %s is the organisation */
      return with_name ? g_strdup_printf (_("%s: a second contact is due"), name)
                       : g_strdup (_("Next: a second contact is due"));
    case RAPPORT_TARGET_STEP_WRITE:
      /* Translators: an organisation's next step; the first %s is the organisation, the second a person there */
      return with_name ? g_strdup_printf (_("%s: write to %s"), name, person)
                       /* Translators: an organisation's next step; %s is a person there */
                       : g_strdup_printf (_("Next: write to %s"), person);
    case RAPPORT_TARGET_STEP_WAIT:
      /* Translators: an organisation's next step; the first %s is the organisation, the second a person there */
      return with_name ? g_strdup_printf (_("%s: waiting for a reply from %s"), name, person)
                       /* Translators: an organisation's next step; %s is a person there */
                       : g_strdup_printf (_("Next: wait for a reply from %s"), person);
    case RAPPORT_TARGET_STEP_TALKING:
      /* Translators: an organisation's next step; the first %s is the organisation, the second a person there */
      return with_name ? g_strdup_printf (_("%s: in conversation with %s"), name, person)
                       /* Translators: where the user stands at an organisation; %s is a person there */
                       : g_strdup_printf (_("In conversation with %s"), person);
    case RAPPORT_TARGET_STEP_FIND_ANOTHER:
    default:
      /* Translators: an organisation's next step, when nobody there has replied; %s is the organisation */
      return with_name ? g_strdup_printf (_("Find someone else at %s"), name)
                       : g_strdup (_("Next: find someone else there"));
    }
}

/* Where Advocacy comes from: the people of the user's contacts there. */
char *
rapport_target_people_text (RapportTarget *target)
{
  guint n = rapport_target_get_n_people (target);

  if (n == 0)
    return g_strdup (_("None of your contacts works here yet"));
  /* Translators: %u is a number of the user's contacts */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of your contacts works here",
                                       "%u of your contacts work here", n), n);
}

char *
rapport_target_ratings_text (RapportTarget *target)
{
  /* Translators: a target organisation's ratings, e.g. "Motivation 3 · Posting 2 · Advocacy: yes" */
  return g_strdup_printf (rapport_target_get_advocacy (target) ? _("Motivation %u · Posting %u · Advocacy: yes")
                                                               : _("Motivation %u · Posting %u · Advocacy: no"),
                          rapport_target_get_motivation (target), rapport_target_get_posting (target));
}

const char *
rapport_target_stage_label (RapportTargetStage stage)
{
  switch (stage)
    {
    case RAPPORT_TARGET_NOT_STARTED:     return C_("target stage", "Not Started");
    case RAPPORT_TARGET_CONTACTING:      return C_("target stage", "Contacting");
    case RAPPORT_TARGET_IN_CONVERSATION: return C_("target stage", "In Conversation");
    case RAPPORT_TARGET_PARKED:          return C_("target stage", "Parked");
    default:                             return "";
    }
}
