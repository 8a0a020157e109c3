/* rapport-coaching-first.c
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

/* The method's checks for a first request to someone who does not know the
 * user yet: short, the connection first, the ask as a question, the
 * interest broad, no job asked for, and more about them than about the
 * user. Quiet hints, never a block.
 *
 * The word lists are a table per language, not translatable strings: the
 * draft is written in the language of the person it goes to, not in the
 * user's interface language, so every language's words are looked for in
 * every draft (a German speaker writes to a Londoner in English). Matched
 * on the casefolded text; a new language adds a line to each table. */

typedef struct
{
  const char *language;
  const char *pattern;   /* a GRegex, matched caseless */
} WordList;

/* A shared school or group in the first sentence: the next best thing to a
 * referral. */
static const WordList shared_school[] = {
  { "en", "\\b(alumn(us|a|i|ae)|fellow (graduate|student)|also (studied|graduated)|same (university|school|college|programme|program)|graduate of)\\b" },
  { "de", "\\b(alumn(us|a|i)|absolvent(in)?|ehemalige[rn]? (student|kommiliton)|ebenfalls an der|auch an der|gleichen (uni|hochschule|schule)|derselben (uni|hochschule|schule)|kommiliton)" },
  { "fr", "\\b(ancien(ne)? (élève|étudiant)|diplômé(e)? de|aussi étudié|même (école|université))" },
  { "es", "\\b(exalumn[oa]|antigu[oa] alumn[oa]|egresad[oa]|también estudié|misma (universidad|escuela))" },
};

/* What makes a sentence ending in "?" an ask rather than a rhetorical one. */
static const WordList ask_words[] = {
  { "en", "\\b(would|could|can|may|might|do|are|will) (you|i|it)\\b|\\bwould it be\\b|\\bhow about\\b" },
  { "de", "\\b(hätten|könnten|würden|wären|haben|können|dürfte|darf|hättest|könntest|würdest|wärst|hast|kannst) (sie|ich|du|es)\\b|\\bwäre es\\b" },
  { "fr", "\\b(auriez|pourriez|seriez|accepteriez|avez|pouvez|aurais|pourrais|serais)(-| )(vous|tu|je)\\b|\\best-ce que\\b|\\bserait-il\\b" },
  { "es", "\\b(tendría|podría|le importaría|estaría|tendrías|podrías|te importaría|estarías|puedo|podemos)\\b" },
};

/* An interest put in words. */
static const WordList interest_words[] = {
  { "en", "\\b(interested in|interest in|curious about|drawn to|exploring|explore|learn (more )?about|learn how|hear (more )?about|hear how|understand|fascinated by)\\b" },
  { "de", "\\b(interessier(e|en|t) mich|interesse an|interesse für|neugierig auf|mehr (über|darüber)|erfahren|kennenlernen)" },
  { "fr", "\\b(intéressé(e)? par|m’intéresse|m'intéresse|intérêt pour|curieux|curieuse|en savoir plus|découvrir|comprendre)" },
  { "es", "\\b(me interesa|interesad[oa] en|interés (en|por)|saber más|conocer mejor|aprender sobre|entender)" },
};

/* A particular opening named: narrower than "your field" or "your work". */
static const WordList posting_words[] = {
  { "en", "\\b(job (posting|ad|advert|advertisement|listing|id)|posting|advertised|vacancy|vacancies|requisition)\\b" },
  { "de", "\\b(stellenanzeige|stellenausschreibung|ausschreibung|ausgeschrieben|inserat|kennziffer)" },
  { "fr", "\\b(offre d.emploi|annonce|poste à pourvoir|référence du poste)" },
  { "es", "\\b(oferta de (empleo|trabajo)|anuncio|vacante|referencia del puesto)" },
};

/* Asking for a job, or for what leads to one (an opening, a CV read). Bare
 * "job" is left out: "what you like about your job" asks nothing. */
static const WordList job_ask_words[] = {
  { "en", "\\b((a|any|an open|open|new) (jobs?|positions?|openings?|vacanc(y|ies))|job (offers?|opportunit(y|ies))|hiring|hire me|employment|my (cv|resume|résumé)|apply (for|to)|refer me)\\b" },
  { "de", "\\b((eine|freie|offene|neue) (stelle|stellen|position|jobs?)|stellenangebot|jobangebot|bewerbung|bewerben|lebenslauf|einstellen|einstellung|arbeitsplatz)" },
  { "fr", "\\b((un|une|des) (emploi|poste|postes) (vacant|disponible|ouvert)|offre d.emploi|recrutez|embaucher|candidature|postuler|mon cv)" },
  { "es", "\\b((un|algún) (empleo|puesto) (vacante|libre|disponible)|oferta de (empleo|trabajo)|contratan|contratarme|candidatura|postular|mi (cv|currículum))" },
};

/* Words for "you" and for "I", to weigh who the text is about. German's
 * formal "Sie"/"Ihr" count only capitalised, since "sie" and "ihr" are
 * also "they" and "her"; they are matched case-sensitively for that. */
static const char * const you_words[] = {
  "you", "your", "yours", "yourself",                                                   /* en */
  "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",         /* de */
  "vous", "votre", "vos", "tu", "toi", "ton", "ta", "tes",                               /* fr */
  "usted", "ustedes", "su", "sus", "tú", "ti", "tus",                                    /* es */
  NULL,
};
static const char * const you_words_exact[] = {
  "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", NULL,               /* de */
};
static const char * const i_words[] = {
  "i", "me", "my", "mine", "myself",                                                    /* en */
  "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines",        /* de */
  "je", "j", "moi", "mon", "ma", "mes",                                                  /* fr */
  "yo", "mi", "mis", "mí", "conmigo",                                                    /* es */
  NULL,
};

static gboolean
any_matches (const WordList *lists,
             gsize           n_lists,
             const char     *text)
{
  for (gsize i = 0; i < n_lists; i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (lists[i].pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

      g_return_val_if_fail (regex != NULL, FALSE);
      if (g_regex_match (regex, text, 0, NULL))
        return TRUE;
    }
  return FALSE;
}

#define ANY_MATCHES(lists, text) any_matches ((lists), G_N_ELEMENTS (lists), (text))

/* Whether some sentence that ends in a question mark asks something. */
static gboolean
asks_a_question (const char *body)
{
  const char *start = body;

  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' || c == '!' || c == '\n')
        start = g_utf8_next_char (p);
      else if (c == '?')
        {
          g_autofree char *sentence = g_strndup (start, p - start);

          if (ANY_MATCHES (ask_words, sentence))
            return TRUE;
          start = g_utf8_next_char (p);
        }
    }
  return FALSE;
}

/* Counts the words for "you" and "I" in @body. */
static void
count_persons (const char *body,
               guint      *you,
               guint      *me)
{
  g_autoptr(GRegex) word = g_regex_new ("[[:alpha:]]+", G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  *you = *me = 0;
  g_regex_match (word, body, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 0);
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (g_strv_contains (you_words, folded) || g_strv_contains (you_words_exact, text))
        (*you)++;
      else if (g_strv_contains (i_words, folded))
        (*me)++;
      g_match_info_next (match, NULL);
    }
}

/**
 * _rapport_coaching_add_first_request:
 * @checks: where the checks are added, after the general ones
 * @body: the draft's text
 * @referrer: (nullable): who referred the contact, if anyone
 * @word_limit: the most words a first request should have; 0 checks none
 *
 * Adds the checks of a first request (see the top of the file).
 */
void
_rapport_coaching_add_first_request (GPtrArray  *checks,
                                     const char *body,
                                     const char *referrer,
                                     guint       word_limit)
{
  g_autofree char *first = rapport_coaching_first_sentence (body);
  guint words = rapport_coaching_count_words (body);
  guint you, me;

  if (word_limit > 0)
    _rapport_coaching_add (checks, "first-length", words <= word_limit,
                           /* Translators: %u is a number of words */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Short, as a first request should be (%u word)",
                                                         "Short, as a first request should be (%u words)", words), words),
                           /* Translators: %u is the word limit set in Preferences */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "A first request reads best under %u word: who you are, why them, and one short ask.",
                                                         "A first request reads best under %u words: who you are, why them, and one short ask.",
                                                         word_limit), word_limit));

  /* With a referrer, the general checks already look for the name. */
  if (referrer == NULL || referrer[0] == '\0')
    _rapport_coaching_add (checks, "connection-first", ANY_MATCHES (shared_school, first),
                           g_strdup (_("Names what you share first")),
                           g_strdup (_("If you went to the same school or belong to the same group, say so in the "
                                       "first sentence: it makes a request from a stranger feel safe.")));

  _rapport_coaching_add (checks, "ask-question", asks_a_question (body),
                         g_strdup (_("Puts the ask as a question")),
                         g_strdup (_("End with a question, such as “Would you have 20 minutes for a call?”: "
                                     "a question is easy to answer with yes.")));

  _rapport_coaching_add (checks, "general-interest",
                         ANY_MATCHES (interest_words, body) && !ANY_MATCHES (posting_words, body),
                         g_strdup (_("States your interest broadly")),
                         g_strdup (_("Say what draws you to their field or kind of work, not to one advertised "
                                     "opening: it invites advice rather than a yes or no.")));

  _rapport_coaching_add (checks, "no-job-ask", !ANY_MATCHES (job_ask_words, body),
                         g_strdup (_("Asks for advice, not a job")),
                         g_strdup (_("Leave out openings, applications and your CV: a request that sounds like a "
                                     "job hunt gets “please talk to HR”. Ask about their experience.")));

  count_persons (body, &you, &me);
  _rapport_coaching_add (checks, "about-them", you > me,
                         g_strdup (_("More about them than about you")),
                         g_strdup (_("Write more about them and their work than about yourself: people like to "
                                     "help someone who is curious about what they do.")));
}
