/* rapport-coaching.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-coaching"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-coaching-private.h"

/* The quiet advice beside the composer: what a good request and a good
 * thank-you contain (see the method), checked on the text as written.
 * The checks read English, German, French and Spanish, whatever the interface language, as
 * people write in the language of the person they write to. They are
 * heuristics: a hint, never a block. */

/* Words that make a subject say nothing. */
static const char * const vague_subjects[] = {
  "hello", "hi", "hey", "hallo", "guten tag", "question", "a question", "frage", "eine frage",
  "request", "anfrage", "meeting", "treffen", "gespräch", "introduction", "vorstellung", "contact",
  "kontakt", "bonjour", "salut", "une question", "demande", "rendez-vous", "réunion", "présentation",
  "hola", "buenas", "pregunta", "una pregunta", "solicitud", "reunión", "contacto", "presentación",
  "(no subject)", NULL,
};

static void
check_free (gpointer data)
{
  RapportCoachingCheck *check = data;

  g_free (check->label);
  g_free (check->hint);
  g_free (check);
}

void
_rapport_coaching_add (GPtrArray  *checks,
                       const char *id,
                       gboolean    passed,
                       char       *label,
                       char       *hint)
{
  RapportCoachingCheck *check = g_new0 (RapportCoachingCheck, 1);

  check->id = id;
  check->passed = passed;
  check->label = label;
  check->hint = hint;
  g_ptr_array_add (checks, check);
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  g_return_val_if_fail (regex != NULL, FALSE);
  return g_regex_match (regex, text, 0, NULL);
}

/**
 * rapport_coaching_count_words:
 *
 * Counts runs of letters and digits, so that "20-minute" is two words and
 * punctuation none.
 */
guint
rapport_coaching_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean word_char = g_unichar_isalnum (g_utf8_get_char (p));

      if (word_char && !in_word)
        n++;
      in_word = word_char;
    }
  return n;
}

/* A greeting line on its own ("Dear Dana,", "Hallo Frau Weber,") */
static gboolean
is_greeting (const char *line)
{
  gsize len = strlen (line);

  return len > 0 && len < 80 && (line[len - 1] == ',' || line[len - 1] == ':' || line[len - 1] == '!');
}

/**
 * rapport_coaching_first_sentence:
 *
 * Returns: (transfer full): the body's first sentence after the greeting
 *   (up to a full stop, question or exclamation mark, or the end of the
 *   paragraph)
 */
char *
rapport_coaching_first_sentence (const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body != NULL ? body : "", "\n", -1);
  GString *sentence = g_string_new (NULL);
  gboolean started = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '\0')
        {
          if (started)
            break;
          continue;
        }
      if (!started && is_greeting (line))
        continue;
      started = TRUE;
      for (const char *p = line; *p != '\0'; p++)
        {
          g_string_append_c (sentence, *p);
          if ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0'))
            {
              g_strstrip (sentence->str);
              return g_string_free (sentence, FALSE);
            }
        }
      g_string_append_c (sentence, ' ');
    }
  g_strstrip (sentence->str);
  return g_string_free (sentence, FALSE);
}

/* Whether @sentence names @referrer: the full name, or a part of it of
 * three letters or more (people write "Dana suggested…"). */
static gboolean
names_referrer (const char *sentence,
                const char *referrer)
{
  g_autofree char *hay = g_utf8_casefold (sentence, -1);
  g_autofree char *full = g_utf8_casefold (referrer, -1);
  g_auto(GStrv) parts = NULL;

  if (strstr (hay, full) != NULL)
    return TRUE;
  parts = g_strsplit (full, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_utf8_strlen (parts[i], -1) >= 3 && strstr (hay, parts[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
subject_is_specific (const char *subject)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (subject != NULL ? subject : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  if (rapport_coaching_count_words (trimmed) < 3 || g_utf8_strlen (trimmed, -1) < 12)
    return FALSE;
  return !g_strv_contains (vague_subjects, folded);
}

/* A number of minutes, in digits or words: "20 minutes", "15-minute",
 * "20 Min.", "zwanzig Minuten", "vingt minutes", "20 minutos", "half an
 * hour", "eine halbe Stunde", "une demi-heure", "media hora". */
#define SHORT_TIME \
  "(\\b([1-9]|[1-4][0-9])\\s*(-|–)?\\s*(minutes?|mins?\\b|minuten|minutos?|min\\b|min\\.))" \
  "|\\b(ten|fifteen|twenty|thirty|zehn|fünfzehn|zwanzig|dreißig|dix|quinze|vingt|trente" \
  "|diez|quince|veinte|treinta)\\s*(-|–)?\\s*(minutes?|minuten|minutos)" \
  "|\\bhalf an hour\\b|\\bhalbe stunde\\b|\\bviertelstunde\\b|\\bdemi-heure\\b|\\bquart d.heure\\b" \
  "|\\bmedia hora\\b|\\bcuarto de hora\\b"

#define HELPFUL \
  "\\b(helpful|useful|valuable|insightful|learn(ed|t)|eye-opening|(the|your) advice|especially)\\b" \
  "|\\b(hilfreich|nützlich|wertvoll|gelernt|aufschlussreich|ihr rat|besonders)" \
  "|\\b(utiles?|précieux|précieuse|appris|éclairant|vos conseils|tes conseils|surtout|en particulier)" \
  "|(útil|útiles|valios[oa]|aprendí|revelador|sus consejos|tus consejos|sobre todo|especialmente)"

#define NEXT_STEPS \
  "\\b(next steps?|i will|i'll|i plan to|i am going to|i'm going to|follow up|keep you posted|let you know)\\b" \
  "|\\b(nächsten? schritte?|als nächstes|ich werde|werde ich|melde mich|auf dem laufenden)" \
  "|\\b(prochaines? étapes?|je vais|je compte|je vous tiendrai|je te tiendrai|je reviendrai vers)" \
  "|(próximos? pasos?|voy a|pienso|le mantendré|te mantendré|le contaré|te contaré|le escribiré|te escribiré)"

/**
 * rapport_coaching_check:
 * @purpose: what the message is for; only requests and thank-yous are
 *   checked
 * @referrer: (nullable): who referred the contact, if anyone
 * @word_limit: the most words a request should have; 0 checks no length
 * @first_word_limit: for a first request to this contact, the most words
 *   it should have (this check then replaces the general length check; 0
 *   checks no length), and the method's other checks of a first request
 *   follow; %G_MAXUINT for a request that is not the first
 *
 * Returns: (transfer full) (element-type RapportCoachingCheck): the
 *   checks that apply, in the order shown; possibly none
 */
GPtrArray *
rapport_coaching_check (RapportTemplatePurpose  purpose,
                        const char             *subject,
                        const char             *body,
                        const char             *referrer,
                        guint                   word_limit,
                        guint                   first_word_limit)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func (check_free);

  if (subject == NULL)
    subject = "";
  if (body == NULL)
    body = "";

  if (purpose == RAPPORT_TEMPLATE_PURPOSE_REQUEST)
    {
      g_autofree char *first = rapport_coaching_first_sentence (body);
      guint words = rapport_coaching_count_words (body);
      gboolean first_request = first_word_limit != G_MAXUINT;

      if (referrer != NULL && referrer[0] != '\0')
        _rapport_coaching_add (checks, "referrer-early", names_referrer (first, referrer),
             g_strdup (_("Names the referrer first")),
             /* Translators: %s is the referrer's name */
             g_strdup_printf (_("Mention %s in the first sentence: a shared acquaintance is the best reason to say yes."),
                              referrer));
      _rapport_coaching_add (checks, "short-time", matches (SHORT_TIME, body),
           g_strdup (_("Asks for a short, specific time")),
           g_strdup (_("Ask for a set number of minutes, such as “20 minutes”: a small, clear request is easy to grant.")));
      if (word_limit > 0 && !first_request)
        _rapport_coaching_add (checks, "length", words <= word_limit,
             /* Translators: %u is a number of words */
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fits on one screen (%u word)",
                                           "Fits on one screen (%u words)", words), words),
             /* Translators: %u is the word limit set in Preferences */
             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep a request under %u word so it is read without scrolling.",
                                           "Keep a request under %u words so it is read without scrolling.", word_limit),
                              word_limit));
      _rapport_coaching_add (checks, "subject", subject_is_specific (subject),
           g_strdup (_("Subject says what it is about")),
           g_strdup (_("Name the topic and the context, e.g. who referred you or the organisation, not just “Hello”.")));
      if (first_request)
        _rapport_coaching_add_first_request (checks, body, referrer, first_word_limit);
    }
  else if (purpose == RAPPORT_TEMPLATE_PURPOSE_THANK_YOU)
    {
      /* the template's own words do not count while its gap is open */
      _rapport_coaching_add (checks, "helpful", matches (HELPFUL, body) && strstr (body, "{what_helped}") == NULL,
           g_strdup (_("Says what was helpful")),
           g_strdup (_("Name one piece of advice that helped and why: it shows you listened.")));
      _rapport_coaching_add (checks, "next-steps", matches (NEXT_STEPS, body) && strstr (body, "{next_steps}") == NULL,
           g_strdup (_("Says what comes next")),
           g_strdup (_("Tell them what you will do next and that you will follow up.")));
    }

  return checks;
}
