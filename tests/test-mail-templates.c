/* test-mail-templates.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer's model: the built-in templates and their placeholders, the
 * renderer, the coaching checks, the recipient's address and which
 * template fits a reminder or a contact.
 */

#include "config.h"

#include <time.h>

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rapport-coaching.h"
#include "rapport-mail-address.h"
#include "rapport-template-render.h"
#include "rapport-template.h"

static RapportTemplateContext *
full_context (void)
{
  RapportTemplateContext *context = rapport_template_context_new ();
  g_autoptr(RapportContact) contact = rapport_contact_new ();

  rapport_contact_set_display_name (contact, "Dana Whitfield");
  rapport_contact_set_organisation (contact, "Northwind Energy");
  rapport_contact_set_role (contact, "Head of Research");
  rapport_contact_set_referred_by_name (contact, "Grace Hopper");
  rapport_template_context_set_contact (context, contact, NULL);
  rapport_template_context_set_sender (context, "Sam Porter", "+49 170 1234567", 20);
  rapport_template_context_set (context, "meeting_time", "Tuesday, 3 March at 10:30");
  rapport_template_context_set (context, "meeting_place", "Café Luitpold");
  return context;
}

/* Every built-in renders with no unknown placeholder; those left are the
 * ones only the writer can fill. */
static void
check_builtins_render (void)
{
  g_autoptr(RapportTemplateContext) context = full_context ();
  const char * const *keys = rapport_template_get_builtin_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(RapportTemplate) template = rapport_template_new_builtin (keys[i]);
      const char *texts[] = { rapport_template_get_subject (template), rapport_template_get_body (template) };

      g_assert_nonnull (template);
      g_assert_cmpstr (rapport_template_get_key (template), ==, keys[i]);
      g_assert_cmpstr (rapport_template_get_name (template), !=, "");
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autoptr(GArray) issues = NULL;
          g_autofree char *out = rapport_template_render (texts[t], context, &issues);

          g_assert_cmpstr (texts[t], !=, "");
          for (guint j = 0; j < issues->len; j++)
            {
              RapportPlaceholderIssue *issue = &g_array_index (issues, RapportPlaceholderIssue, j);

              if (issue->problem == RAPPORT_PLACEHOLDER_UNKNOWN)
                g_error ("%s: unknown placeholder {%s} in “%s”", keys[i], issue->name, texts[t]);
              g_assert_true (g_str_equal (issue->name, "what_helped") || g_str_equal (issue->name, "next_steps") ||
                             g_str_equal (issue->name, "news"));
            }
        }
    }
}


/* The built-in requests, as rendered, pass their own coaching, a first
 * request's too, at the default word limit (first-request-word-limit). The
 * cold one has no connection to name but a shared school, which is the
 * user's to add, so "connection-first" is left to them. */
static void
check_request_coaching (void)
{
  g_autoptr(RapportTemplateContext) context = full_context ();
  static const char * const keys[] = { "request-referred", "request" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr(RapportTemplate) template = rapport_template_new_builtin (keys[k]);
      g_autofree char *subject = rapport_template_render (rapport_template_get_subject (template), context, NULL);
      g_autofree char *body = rapport_template_render (rapport_template_get_body (template), context, NULL);
      g_autoptr(GPtrArray) checks = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, subject, body,
                                                            k == 0 ? "Grace Hopper" : NULL, 150, 75);

      for (guint i = 0; i < checks->len; i++)
        {
          RapportCoachingCheck *check = g_ptr_array_index (checks, i);

          if (!check->passed && !g_str_equal (check->id, "connection-first"))
            g_error ("%s (%s) fails its coaching: %s (%u words)\n%s", keys[k], g_getenv ("LANGUAGE"), check->id,
                     rapport_coaching_count_words (body), body);
        }
    }
}

static void
test_builtins (void)
{
  check_builtins_render ();
  check_request_coaching ();
  g_assert_false (rapport_template_is_builtin_key ("nope"));
  g_assert_null (rapport_template_new_builtin ("nope"));
  g_assert_cmpint (rapport_template_purpose_for_key ("request-referred"), ==, RAPPORT_TEMPLATE_PURPOSE_REQUEST);
  g_assert_cmpint (rapport_template_purpose_for_key (NULL), ==, RAPPORT_TEMPLATE_PURPOSE_OTHER);
}

/* The same in each translation, from the build's catalogue: a translation
 * that breaks a placeholder ("{vorname}"), or a request whose words the
 * coaching does not read, fails here. */
static void
test_builtins_translated (gconstpointer data)
{
  const char *language = data;
  g_autofree char *localedir = g_build_filename (g_getenv ("RAPPORT_BUILDDIR"), "po", NULL);
  g_autoptr(RapportTemplate) english = rapport_template_new_builtin ("thank-you");
  g_autoptr(RapportTemplate) translated = NULL;
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");

  translated = rapport_template_new_builtin ("thank-you");
  g_assert_cmpstr (rapport_template_get_body (translated), !=, rapport_template_get_body (english));
  check_builtins_render ();
  check_request_coaching ();

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static void
test_render (void)
{
  g_autoptr(RapportTemplateContext) context = full_context ();
  g_autoptr(GArray) issues = NULL;
  g_autofree char *out = NULL;
  RapportPlaceholderIssue *issue;

  out = rapport_template_render ("Dear {first_name} {last_name}, {referrer_first_name} says hi ({duration} min).",
                                 context, &issues);
  g_assert_cmpstr (out, ==, "Dear Dana Whitfield, Grace says hi (20 min).");
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&issues, g_array_unref);

  /* unknown and empty ones stay, with their offsets in the result */
  rapport_template_context_set (context, "my_phone", "  ");
  out = rapport_template_render ("Hi {first_name}, {refferer}. Call {my_phone}!", context, &issues);
  g_assert_cmpstr (out, ==, "Hi Dana, {refferer}. Call {my_phone}!");
  g_assert_cmpuint (issues->len, ==, 2);
  issue = &g_array_index (issues, RapportPlaceholderIssue, 0);
  g_assert_cmpint (issue->problem, ==, RAPPORT_PLACEHOLDER_UNKNOWN);
  g_assert_cmpstr (issue->name, ==, "refferer");
  g_assert_cmpuint (issue->start, ==, 9);
  g_assert_cmpuint (issue->end, ==, 19);
  issue = &g_array_index (issues, RapportPlaceholderIssue, 1);
  g_assert_cmpint (issue->problem, ==, RAPPORT_PLACEHOLDER_EMPTY);
  g_assert_cmpstr (issue->name, ==, "my_phone");
  g_assert_cmpuint (issue->start, ==, strlen ("Hi Dana, {refferer}. Call "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&issues, g_array_unref);

  /* braces that are not placeholders are text, and never block */
  out = rapport_template_render ("a { b {} {Name} {first-name} {x y} {{first_name}} }{", context, &issues);
  g_assert_cmpstr (out, ==, "a { b {} {Name} {first-name} {x y} {Dana} }{");
  g_assert_cmpuint (issues->len, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&issues, g_array_unref);

  /* a value is not rendered again */
  rapport_template_context_set (context, "organisation", "{referrer}");
  out = rapport_template_render ("{organisation}", context, NULL);
  g_assert_cmpstr (out, ==, "{referrer}");
}

static void
test_scan (void)
{
  g_autoptr(GArray) issues = rapport_template_scan ("Dear Dana, {what_helped} and {bogus} { x } {}");
  g_autofree char *text = NULL;
  char long_name[64];

  g_assert_cmpuint (issues->len, ==, 2);
  g_assert_cmpint (g_array_index (issues, RapportPlaceholderIssue, 0).problem, ==, RAPPORT_PLACEHOLDER_EMPTY);
  g_assert_cmpint (g_array_index (issues, RapportPlaceholderIssue, 1).problem, ==, RAPPORT_PLACEHOLDER_UNKNOWN);
  g_assert_cmpuint (g_array_index (issues, RapportPlaceholderIssue, 0).start, ==, 11);
  text = rapport_placeholder_issue_describe (&g_array_index (issues, RapportPlaceholderIssue, 1));
  g_assert_nonnull (strstr (text, "{bogus}"));
  g_clear_pointer (&issues, g_array_unref);

  /* a name too long to be one is text */
  memset (long_name, 'a', sizeof long_name);
  long_name[0] = '{';
  long_name[40] = '}';
  long_name[41] = '\0';
  issues = rapport_template_scan (long_name);
  g_assert_cmpuint (issues->len, ==, 0);

  g_assert_true (rapport_placeholder_is_known ("meeting_place"));
  g_assert_nonnull (rapport_placeholder_get_description ("referrer"));
  g_assert_null (rapport_placeholder_get_description ("bogus"));
}

static void
test_context_names (void)
{
  g_autoptr(RapportTemplateContext) context = rapport_template_context_new ();
  g_autoptr(RapportContact) contact = rapport_contact_new ();
  g_autoptr(RapportContact) referrer = rapport_contact_new ();

  rapport_contact_set_display_name (contact, "Dr. Jo Ann Lee");
  rapport_contact_set_given_name (contact, "Jo Ann");
  rapport_contact_set_family_name (contact, "Lee");
  rapport_contact_set_display_name (referrer, "Grace B. Hopper");
  rapport_template_context_set_contact (context, contact, referrer);
  g_assert_cmpstr (rapport_template_context_get (context, "first_name"), ==, "Jo Ann");
  g_assert_cmpstr (rapport_template_context_get (context, "last_name"), ==, "Lee");
  g_assert_cmpstr (rapport_template_context_get (context, "referrer"), ==, "Grace B. Hopper");
  g_assert_cmpstr (rapport_template_context_get (context, "referrer_first_name"), ==, "Grace");
  g_assert_null (rapport_template_context_get (context, "organisation"));
}

/* A meeting fills its time (local, in the tests' Europe/Berlin), place
 * and length, which wins over the default length. */
static void
test_context_meeting (void)
{
  g_autoptr(RapportTemplateContext) context = rapport_template_context_new ();
  /* Tuesday 3 March 2026, 09:30 UTC */
  g_autoptr(RapportMeeting) meeting = rapport_meeting_new (1, G_GINT64_CONSTANT (1772530200), 30);
  g_autofree char *out = NULL;

  rapport_meeting_set_place (meeting, "Café Luitpold");
  rapport_template_context_set_meeting (context, meeting);
  rapport_template_context_set_sender (context, "Sam", "", 20);
  out = rapport_template_render ("{meeting_time}, {meeting_place}, {duration} min, {my_phone}", context, NULL);
  g_assert_cmpstr (out, ==, "Tuesday, 3 March at 10:30, Café Luitpold, 30 min, {my_phone}");
}

static gboolean
check_passed (GPtrArray  *checks,
              const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    {
      RapportCoachingCheck *check = g_ptr_array_index (checks, i);

      if (g_str_equal (check->id, id))
        {
          g_assert_cmpstr (check->label, !=, "");
          g_assert_cmpstr (check->hint, !=, "");
          return check->passed;
        }
    }
  g_error ("no check %s", id);
}

static gboolean
has_check (GPtrArray  *checks,
           const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (((RapportCoachingCheck *) g_ptr_array_index (checks, i))->id, id))
      return TRUE;
  return FALSE;
}

static void
test_coaching_request (void)
{
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) german = NULL;
  g_autoptr(GPtrArray) none = NULL;

  good = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST,
                                 "Grace Hopper suggested I contact you about Northwind",
                                 "Dear Dana,\n\nGrace Hopper suggested I write to you. Could we talk for 20 minutes?",
                                 "Grace Hopper", 150, G_MAXUINT);
  g_assert_true (check_passed (good, "referrer-early"));
  g_assert_true (check_passed (good, "short-time"));
  g_assert_true (check_passed (good, "length"));
  g_assert_true (check_passed (good, "subject"));

  /* the referrer only at the end, no time, too long, a vague subject */
  bad = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Hello",
                                "Dear Dana,\n\nI would like to meet you sometime. It would mean a lot to me. "
                                "Best, and Grace Hopper says hello.", "Grace Hopper", 10, G_MAXUINT);
  g_assert_false (check_passed (bad, "referrer-early"));
  g_assert_false (check_passed (bad, "short-time"));
  g_assert_false (check_passed (bad, "length"));
  g_assert_false (check_passed (bad, "subject"));

  /* German, and the first name alone is enough */
  german = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Empfehlung von Grace: Ihre Arbeit bei Northwind",
                                   "Sehr geehrte Frau Whitfield,\n\nGrace hat mir empfohlen, mich an Sie zu wenden. "
                                   "Hätten Sie zwanzig Minuten Zeit?", "Grace Hopper", 150, G_MAXUINT);
  g_assert_true (check_passed (german, "referrer-early"));
  g_assert_true (check_passed (german, "short-time"));
  g_assert_true (check_passed (german, "subject"));

  /* French and Spanish, with the time in words and in digits */
  {
    g_autoptr(GPtrArray) french = NULL;
    g_autoptr(GPtrArray) spanish = NULL;
    g_autoptr(GPtrArray) vague = NULL;

    french = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Recommandé par Grace : votre travail chez Northwind",
                                     "Bonjour Madame Whitfield,\n\nGrace m’a conseillé de vous écrire. "
                                     "Auriez-vous vingt minutes à m’accorder ?", "Grace Hopper", 150, G_MAXUINT);
    g_assert_true (check_passed (french, "referrer-early"));
    g_assert_true (check_passed (french, "short-time"));
    g_assert_true (check_passed (french, "subject"));
    spanish = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Recomendación de Grace: su trabajo en Northwind",
                                      "Estimada Sra. Whitfield:\n\nGrace me sugirió que le escribiera. "
                                      "¿Podría dedicarme 20 minutos?", "Grace Hopper", 150, G_MAXUINT);
    g_assert_true (check_passed (spanish, "referrer-early"));
    g_assert_true (check_passed (spanish, "short-time"));
    g_assert_true (check_passed (spanish, "subject"));
    vague = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Una pregunta", "¿Media hora?", NULL, 0, G_MAXUINT);
    g_assert_false (check_passed (vague, "subject"));
    g_assert_true (check_passed (vague, "short-time"));
  }

  /* no referrer, no word limit: those checks do not apply */
  none = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "x", "Ein Gespräch von 15 Min.?", NULL, 0, G_MAXUINT);
  g_assert_false (has_check (none, "referrer-early"));
  g_assert_false (has_check (none, "length"));
  g_assert_true (check_passed (none, "short-time"));
}


static const char *first_checks[] = {
  "first-length", "ask-question", "general-interest", "no-job-ask", "about-them", NULL,
};

static void
assert_first_checks (GPtrArray  *checks,
                     gboolean    expected,
                     const char *except)
{
  for (guint i = 0; first_checks[i] != NULL; i++)
    if (g_strcmp0 (first_checks[i], except) != 0)
      {
        if (check_passed (checks, first_checks[i]) != expected)
          g_error ("%s: expected %s", first_checks[i], expected ? "passed" : "failed");
      }
}

/* The method's checks of a first request, on drafts in English and German. */
static void
test_coaching_first_request (void)
{
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) gut = NULL;
  g_autoptr(GPtrArray) schlecht = NULL;
  g_autoptr(GPtrArray) school = NULL;
  g_autoptr(GPtrArray) schule = NULL;
  g_autoptr(GPtrArray) cold = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) posting = NULL;
  g_autoptr(GPtrArray) unlimited = NULL;
  g_autofree char *long_body = NULL;
  GString *words = g_string_new ("Dear Dana,\n\nGrace Hopper suggested I write to you.");

  good = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Grace Hopper suggested I contact you",
                                 "Dear Dana,\n\nGrace Hopper suggested I write to you. I am interested in how your "
                                 "team works and what you enjoy about your field. Would you have 20 minutes for a "
                                 "call in the next weeks? Your advice would mean a lot.\n\nBest,\nAlex",
                                 "Grace Hopper", 150, 75);
  assert_first_checks (good, TRUE, NULL);
  g_assert_true (check_passed (good, "referrer-early"));
  /* The first request's length replaces the general one; with a referrer,
   * the general check already looks for the connection. */
  g_assert_false (has_check (good, "length"));
  g_assert_false (has_check (good, "connection-first"));

  bad = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Job",
                                "Hello,\n\nI am looking for a job and I saw your vacancy. I have attached my CV and "
                                "I would like to apply for the open position. Please let me know.\n\nAlex",
                                "Grace Hopper", 150, 20);
  assert_first_checks (bad, FALSE, NULL);

  /* German, formal: "Sie" and "Ihr" count for them, "ich" and "mein" for the user. */
  gut = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Empfehlung von Grace: Ihre Arbeit bei Northwind",
                                "Sehr geehrte Frau Weber,\n\nGrace Hopper hat mir empfohlen, Sie anzuschreiben. Ihr "
                                "Fachgebiet und Ihre Erfahrungen bei Northwind interessieren mich sehr. Hätten Sie "
                                "in den nächsten Wochen 20 Minuten für ein Gespräch? Ihr Rat wäre sehr wertvoll."
                                "\n\nMit freundlichen Grüßen\nAlex",
                                "Grace Hopper", 150, 75);
  assert_first_checks (gut, TRUE, NULL);

  schlecht = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Bewerbung",
                                     "Hallo,\n\nich suche eine Stelle und habe Ihre Stellenanzeige gesehen. Mein "
                                     "Lebenslauf ist angehängt, ich möchte mich gern bewerben. Ich freue mich auf "
                                     "meine Chance.\n\nAlex",
                                     NULL, 150, 20);
  assert_first_checks (schlecht, FALSE, NULL);
  g_assert_false (check_passed (schlecht, "connection-first"));

  /* No referrer: a shared school named first is the connection. */
  school = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "A fellow Leeds graduate about your work",
                                   "Dear Dana,\n\nAs a fellow graduate of Leeds, I hope you don't mind a note. Could "
                                   "you spare 20 minutes?", NULL, 150, 75);
  g_assert_true (check_passed (school, "connection-first"));
  schule = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Alumni der TU München",
                                   "Liebe Frau Weber,\n\nwir haben beide an der TU München studiert: ich bin "
                                   "ebenfalls Absolventin. Hätten Sie 20 Minuten?", NULL, 150, 75);
  g_assert_true (check_passed (schule, "connection-first"));
  cold = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Your work at Northwind",
                                 "Dear Dana,\n\nI read your article. Could you spare 20 minutes?", NULL, 150, 75);
  g_assert_false (check_passed (cold, "connection-first"));

  /* A question mark alone is not an ask; a named posting is not a broad interest. */
  posting = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "Your work at Northwind",
                                    "I am interested in the role advertised in your posting. Isn't that exciting?",
                                    NULL, 150, 75);
  g_assert_false (check_passed (posting, "ask-question"));
  g_assert_false (check_passed (posting, "general-interest"));

  /* Over the first request's limit, though under the general one. */
  for (guint i = 0; i < 80; i++)
    g_string_append (words, " word");
  long_body = g_string_free (words, FALSE);
  later = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "s", long_body, "Grace Hopper", 150, 75);
  g_assert_false (check_passed (later, "first-length"));
  unlimited = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "s", long_body, "Grace Hopper", 150, 0);
  g_assert_false (has_check (unlimited, "first-length"));
  g_assert_true (has_check (unlimited, "about-them"));

  /* Not a first request: none of these. */
  g_clear_pointer (&later, g_ptr_array_unref);
  later = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_REQUEST, "s", long_body, "Grace Hopper", 150, G_MAXUINT);
  g_assert_true (has_check (later, "length"));
  for (guint i = 0; first_checks[i] != NULL; i++)
    g_assert_false (has_check (later, first_checks[i]));
}

static void
test_coaching_thank_you (void)
{
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) german = NULL;
  g_autoptr(GPtrArray) other = NULL;

  good = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Thanks",
                                 "Your advice on the research team was very helpful. Next, I will apply "
                                 "for the course you mentioned.", NULL, 150, G_MAXUINT);
  g_assert_true (check_passed (good, "helpful"));
  g_assert_true (check_passed (good, "next-steps"));
  g_assert_false (has_check (good, "short-time"));

  bad = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Thanks", "Thank you for your time.", NULL, 150, G_MAXUINT);
  g_assert_false (check_passed (bad, "helpful"));
  g_assert_false (check_passed (bad, "next-steps"));

  german = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Danke",
                                   "Ihr Hinweis war sehr hilfreich. Als Nächstes werde ich mich bewerben.", NULL, 150, G_MAXUINT);
  g_assert_true (check_passed (german, "helpful"));
  g_assert_true (check_passed (german, "next-steps"));

  {
    g_autoptr(GPtrArray) french = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Merci",
                                                           "Vos conseils sur le recrutement m’ont été très utiles. "
                                                           "Je vais postuler la semaine prochaine.", NULL, 150, G_MAXUINT);
    g_autoptr(GPtrArray) spanish = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Gracias",
                                                            "Su consejo sobre el proceso fue muy útil. "
                                                            "Voy a inscribirme en el curso.", NULL, 150, G_MAXUINT);

    g_assert_true (check_passed (french, "helpful"));
    g_assert_true (check_passed (french, "next-steps"));
    g_assert_true (check_passed (spanish, "helpful"));
    g_assert_true (check_passed (spanish, "next-steps"));
  }

  /* the built-in thank-you passes only once its gaps are filled */
  {
    g_autoptr(RapportTemplate) template = rapport_template_new_builtin ("thank-you");
    g_autoptr(GPtrArray) unfilled = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Thanks",
                                                            rapport_template_get_body (template), NULL, 150, G_MAXUINT);
    g_autoptr(RapportTemplateContext) context = rapport_template_context_new ();
    g_autofree char *filled = NULL;
    g_autoptr(GPtrArray) done = NULL;

    g_assert_false (check_passed (unfilled, "helpful"));
    g_assert_false (check_passed (unfilled, "next-steps"));
    rapport_template_context_set (context, "what_helped", "your view of the hiring process");
    rapport_template_context_set (context, "next_steps", "apply for the course");
    filled = rapport_template_render (rapport_template_get_body (template), context, NULL);
    done = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_THANK_YOU, "Thanks", filled, NULL, 150, G_MAXUINT);
    g_assert_true (check_passed (done, "helpful"));
    g_assert_true (check_passed (done, "next-steps"));
  }

  other = rapport_coaching_check (RAPPORT_TEMPLATE_PURPOSE_CONFIRM, "", "", NULL, 150, G_MAXUINT);
  g_assert_cmpuint (other->len, ==, 0);
}

static void
test_words_and_sentences (void)
{
  g_autofree char *first = NULL;
  g_autofree char *only = NULL;

  g_assert_cmpuint (rapport_coaching_count_words (""), ==, 0);
  g_assert_cmpuint (rapport_coaching_count_words ("A 20-minute chat, über Käse!"), ==, 6);
  first = rapport_coaching_first_sentence ("Hallo Frau Weber,\n\n  Grace meinte, Sie wüssten Rat. Zweiter Satz.");
  g_assert_cmpstr (first, ==, "Grace meinte, Sie wüssten Rat.");
  only = rapport_coaching_first_sentence ("No stop here\n\nSecond paragraph.");
  g_assert_cmpstr (only, ==, "No stop here");
}

static void
test_address (void)
{
  static const struct { const char *text; const char *address; } cases[] = {
    { "dana@example.org", "dana@example.org" },
    { "  dana.whitfield+work@mail.example.co.uk ", "dana.whitfield+work@mail.example.co.uk" },
    { "Dana Whitfield <dana@example.org>", "dana@example.org" },
    { "jörg@bücher.example", "jörg@bücher.example" },
    { "", NULL },
    { "dana", NULL },
    { "dana@localhost", NULL },
    { "dana@example.org, eve@example.org", NULL },
    { "dana@example.org; eve@example.org", NULL },
    { "dana@example.org\r\nBcc: eve@example.org", NULL },
    { "dana@example.org\n", NULL },
    { "da na@example.org", NULL },
    { ".dana@example.org", NULL },
    { "da..na@example.org", NULL },
    { "dana@-example.org", NULL },
    { "dana@example..org", NULL },
    { "a@b@example.org", NULL },
    { "<dana@example.org", NULL },
    { "x <a@example.org> <b@example.org>", NULL },
    { "\"dana\"@example.org", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *address = rapport_mail_address_parse (cases[i].text, &error);

      g_assert_cmpstr (address, ==, cases[i].address);
      if (cases[i].address == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_assert_cmpstr (error->message, !=, "");
        }
      else
        g_assert_no_error (error);
    }
}

static void
test_mailto (void)
{
  g_autofree char *uri = rapport_mail_build_mailto ("dana+x@example.org", "Grüße & a ?question",
                                                    "Line 1\nLine 2 100%\r\n#end");

  g_assert_cmpstr (uri, ==, "mailto:dana+x@example.org?subject=Gr%C3%BC%C3%9Fe%20%26%20a%20%3Fquestion"
                            "&body=Line%201%0D%0ALine%202%20100%25%0D%0A%23end");
}

static void
test_fitting_template (void)
{
  g_assert_cmpstr (rapport_template_key_for_reminder (RAPPORT_REMINDER_FOLLOW_UP), ==, "follow-up");
  g_assert_cmpstr (rapport_template_key_for_reminder (RAPPORT_REMINDER_CONFIRM), ==, "confirm");
  g_assert_cmpstr (rapport_template_key_for_reminder (RAPPORT_REMINDER_THANK_YOU), ==, "thank-you");
  g_assert_cmpstr (rapport_template_key_for_reminder (RAPPORT_REMINDER_TELL_REFERRER), ==, "referrer-update");
  g_assert_cmpstr (rapport_template_key_for_reminder (RAPPORT_REMINDER_KEEP_IN_TOUCH), ==, "keep-in-touch");
  g_assert_null (rapport_template_key_for_reminder (RAPPORT_REMINDER_MEETING_SOON));
  g_assert_null (rapport_template_key_for_reminder (RAPPORT_REMINDER_CUSTOM));

  g_assert_cmpstr (rapport_template_key_for_contact (TRUE, FALSE, FALSE, FALSE, FALSE), ==, "request-referred");
  g_assert_cmpstr (rapport_template_key_for_contact (FALSE, FALSE, FALSE, FALSE, FALSE), ==, "request");
  g_assert_cmpstr (rapport_template_key_for_contact (TRUE, FALSE, FALSE, FALSE, TRUE), ==, "follow-up");
  g_assert_cmpstr (rapport_template_key_for_contact (TRUE, TRUE, FALSE, FALSE, TRUE), ==, "confirm");
  g_assert_cmpstr (rapport_template_key_for_contact (TRUE, FALSE, TRUE, FALSE, FALSE), ==, "thank-you");
  g_assert_cmpstr (rapport_template_key_for_contact (TRUE, FALSE, TRUE, TRUE, FALSE), ==, "keep-in-touch");
}

int
main (int   argc,
      char *argv[])
{
  /* The meeting's time below is shown on Berlin's wall clock; the test sets
   * the zone itself rather than trust the caller's. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mail-templates/builtins", test_builtins);
  g_test_add_data_func ("/mail-templates/builtins-german", "de", test_builtins_translated);
  g_test_add_data_func ("/mail-templates/builtins-spanish", "es", test_builtins_translated);
  g_test_add_data_func ("/mail-templates/builtins-french", "fr", test_builtins_translated);
  g_test_add_func ("/mail-templates/render", test_render);
  g_test_add_func ("/mail-templates/scan", test_scan);
  g_test_add_func ("/mail-templates/context-names", test_context_names);
  g_test_add_func ("/mail-templates/context-meeting", test_context_meeting);
  g_test_add_func ("/mail-templates/coaching-request", test_coaching_request);
  g_test_add_func ("/mail-templates/coaching-first-request", test_coaching_first_request);
  g_test_add_func ("/mail-templates/coaching-thank-you", test_coaching_thank_you);
  g_test_add_func ("/mail-templates/words-and-sentences", test_words_and_sentences);
  g_test_add_func ("/mail-templates/address", test_address);
  g_test_add_func ("/mail-templates/mailto", test_mailto);
  g_test_add_func ("/mail-templates/fitting-template", test_fitting_template);

  return g_test_run ();
}
