/* test-import.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-contact-file.h"

#include "rapport-import-private.h"
#include "test-import-helpers.h"

/* vCard fixtures {{{ */

static void
test_vcard_gnome_contacts (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("gnome-contacts.vcf");
  RapportContact *zoe;

  g_assert_cmpuint (contacts->len, ==, 1);
  zoe = g_ptr_array_index (contacts, 0);
  assert_fresh (zoe);
  g_assert_cmpstr (rapport_contact_get_display_name (zoe), ==, "Zoë Ødegård");
  g_assert_cmpstr (rapport_contact_get_given_name (zoe), ==, "Zoë");
  g_assert_cmpstr (rapport_contact_get_family_name (zoe), ==, "Ødegård");
  g_assert_cmpstr (rapport_contact_get_organisation (zoe), ==, "Nordlys Design AS");
  g_assert_cmpstr (rapport_contact_get_role (zoe), ==, "Head of Product Design");
  /* The LinkedIn profile wins over the first URL, the company's site. */
  g_assert_cmpstr (rapport_contact_get_profile_url (zoe), ==, "https://www.linkedin.com/in/zoe-odegard");
  g_assert_cmpstr (rapport_contact_get_location (zoe), ==, "Oslo, Norway");
  g_assert_cmpstr (rapport_contact_get_notes (zoe), ==,
                   "Met at GUADEC 2024 in Denver.\nInterested in design systems, accessibility and mentoring "
                   "junior designers; suggested we talk again after the product launch in spring.");
  assert_strv (rapport_contact_get_emails (zoe), "zoe.odegard@nordlys.no", "zoe@example.org");
  assert_strv (rapport_contact_get_phones (zoe), "+47 912 34 567");
  assert_empty_strv (rapport_contact_get_tags (zoe));
  g_assert_cmpstr (rapport_contact_get_source (zoe), ==, "");
  g_assert_cmpint (rapport_contact_get_stage (zoe), ==, RAPPORT_STAGE_TO_CONTACT);
  g_assert_cmpstr (rapport_contact_get_birthday (zoe), ==, "1988-04-12");
}

static void
test_vcard_evolution (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("evolution.vcf");
  RapportContact *contact;

  g_assert_cmpuint (contacts->len, ==, 3);

  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "李雷");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "雷");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "李");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "腾讯");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "高级工程师");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "深圳, 中国");
  assert_strv (rapport_contact_get_emails (contact), "li.lei@example.cn");
  assert_strv (rapport_contact_get_phones (contact), "+86 138 0013 8000", "+86 755 8601 3388");
  assert_strv (rapport_contact_get_tags (contact), "Mentors", "China");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "");

  contact = g_ptr_array_index (contacts, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Amélie Durand");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Lumière Labs");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "CTO");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://github.com/adurand");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==,
                   "Référence: ask about the C:\\Projects path; she uses GNOME too.");
  assert_strv (rapport_contact_get_emails (contact), "amelie@lumiere-labs.fr", "amelie.durand@example.fr");
  assert_empty_strv (rapport_contact_get_phones (contact));
  assert_strv (rapport_contact_get_tags (contact), "Referrals");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "");

  /* A company card: an empty N, so no given or family name. */
  contact = g_ptr_array_index (contacts, 2);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Acme Recruiting");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Acme Recruiting");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "London, United Kingdom");
  assert_strv (rapport_contact_get_phones (contact), "+44 20 7946 0958");
}

static void
test_vcard_google (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("google.vcf");
  RapportContact *contact;

  g_assert_cmpuint (contacts->len, ==, 2);

  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Maria García");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Maria");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "García");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Iberia Analytics");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Data Science Lead");
  /* Google's "https\://" escaping is undone, and the LinkedIn label wins. */
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://www.linkedin.com/in/mariagarcia");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "Madrid, Spain");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "Introduced by Tomás. Prefers calls before 10:00.");
  assert_strv (rapport_contact_get_emails (contact), "maria.garcia@iberia-analytics.es", "mgarcia@gmail.com");
  assert_strv (rapport_contact_get_phones (contact), "+34 600 123 456");
  /* "myContacts" is Google's implicit group, not a tag. */
  assert_strv (rapport_contact_get_tags (contact), "Mentors");

  contact = g_ptr_array_index (contacts, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Kwame Mensah");
  assert_strv (rapport_contact_get_emails (contact), "kwame.mensah@example.com.gh", "kwame@accra-fintech.example");
  assert_strv (rapport_contact_get_phones (contact), "+233 30 277 0000");
  assert_empty_strv (rapport_contact_get_tags (contact));
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "");
  g_assert_cmpstr (rapport_contact_get_birthday (contact), ==, "1990-07-21");
}

static void
test_vcard_apple (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("apple.vcf");
  RapportContact *contact;

  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Dr. Chiamaka Okafor");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Chiamaka");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "Okafor");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Lagos Health Tech");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Chief Medical Officer");
  /* X-SOCIALPROFILE;type=linkedin beats the home page and Twitter. */
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://www.linkedin.com/in/chiamaka-okafor");
  /* The preferred (work) address, not the first one. */
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "Lagos, Nigeria");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==,
                   "Spoke at the Africa HealthTech Summit about telemedicine.");
  /* Preferred values first. */
  assert_strv (rapport_contact_get_emails (contact), "chiamaka@lagoshealth.example", "c.okafor@example.com");
  assert_strv (rapport_contact_get_phones (contact), "+234 803 555 0199", "+234 1 555 0100");
  assert_strv (rapport_contact_get_tags (contact), "Healthcare", "Speakers");
}

static void
test_vcard_outlook (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("outlook.vcf");
  RapportContact *contact;

  g_assert_cmpuint (contacts->len, ==, 2);

  /* Raw Windows-1252 text, and quoted-printable over a soft line break. */
  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Jürgen Müller");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Jürgen");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "Müller");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Bäckerei Müller GmbH");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Geschäftsführer");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==,
                   "Kennengelernt auf der Messe in Köln.\nInteresse an Kooperation – fragt nach Praktikumsplätzen.");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "Köln, Deutschland");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "http://www.baeckerei-mueller.example");
  assert_strv (rapport_contact_get_emails (contact), "juergen.mueller@baeckerei-mueller.example");
  assert_strv (rapport_contact_get_phones (contact), "+49 221 1234567", "+49 171 9876543");

  /* ISO-8859-1, quoted-printable and raw. */
  contact = g_ptr_array_index (contacts, 1);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Kirsten Sørensen");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Kirsten");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "Sørensen");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Øresund Logistics A/S");
  assert_strv (rapport_contact_get_emails (contact), "kirsten@oresund-logistics.example");
  assert_strv (rapport_contact_get_tags (contact), "Logistik", "Dänemark");
}

static void
test_vcard_version_4 (void)
{
  g_autoptr(GPtrArray) contacts = parse_vcard_fixture ("vcard-4.vcf");
  RapportContact *contact;

  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  assert_fresh (contact);
  g_assert_cmpstr (rapport_contact_get_display_name (contact), ==, "Aiyana Redcloud");
  g_assert_cmpstr (rapport_contact_get_given_name (contact), ==, "Aiyana");
  g_assert_cmpstr (rapport_contact_get_family_name (contact), ==, "Redcloud");
  g_assert_cmpstr (rapport_contact_get_organisation (contact), ==, "Prairie Robotics");
  g_assert_cmpstr (rapport_contact_get_role (contact), ==, "Staff Engineer");
  g_assert_cmpstr (rapport_contact_get_profile_url (contact), ==, "https://www.linkedin.com/in/aiyana-redcloud");
  g_assert_cmpstr (rapport_contact_get_location (contact), ==, "Saskatoon, Canada");
  g_assert_cmpstr (rapport_contact_get_notes (contact), ==, "Happy to review résumés, cover letters and portfolios.");
  /* PREF=1 comes first; tel: URIs lose their scheme. */
  assert_strv (rapport_contact_get_emails (contact), "aiyana@prairierobotics.example", "aiyana.r@example.net");
  assert_strv (rapport_contact_get_phones (contact), "+1-306-555-0142", "+1-306-555-0100;ext=12");
  assert_strv (rapport_contact_get_tags (contact), "robotics", "mentor");
  g_assert_cmpint (rapport_contact_get_stage (contact), ==, RAPPORT_STAGE_SCHEDULED);
  g_assert_cmpstr (rapport_contact_get_source (contact), ==, "Saskatoon Tech Meetup");
  g_assert_cmpstr (rapport_contact_get_referred_by_name (contact), ==, "Kwame Mensah");
}

static void
test_vcard_name_fallbacks (void)
{
  static const struct {
    const char *card;
    const char *display_name;
  } cases[] = {
    { "BEGIN:VCARD\nVERSION:3.0\nN:Raman;Priya;;;\nEND:VCARD\n", "Priya Raman" },
    { "BEGIN:VCARD\nVERSION:3.0\nN:李;雷;;;\nEND:VCARD\n", "李雷" },
    { "BEGIN:VCARD\nVERSION:3.0\nFN:\nORG:Acme\\, Inc.;Sales\nEND:VCARD\n", "Acme, Inc." },
    { "BEGIN:VCARD\nVERSION:2.1\nEMAIL;INTERNET:someone@example.org\nEND:VCARD\n", "someone@example.org" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contacts = rapport_vcard_parse (cases[i].card, strlen (cases[i].card), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (contacts->len, ==, 1);
      g_assert_cmpstr (rapport_contact_get_display_name (g_ptr_array_index (contacts, 0)), ==, cases[i].display_name);
    }
}

static void
test_vcard_profile_url (void)
{
  static const struct {
    const char *card;
    const char *url;
  } cases[] = {
    /* The first URL, when none is a profile; "box.com" is not "x.com". */
    { "BEGIN:VCARD\nFN:A\nURL:https://www.box.com/u/a\nURL:https://example.org\nEND:VCARD\n",
      "https://www.box.com/u/a" },
    { "BEGIN:VCARD\nFN:A\nURL:https://example.org\nURL:https://de.xing.com/profile/A\nEND:VCARD\n",
      "https://de.xing.com/profile/A" },
    { "BEGIN:VCARD\nFN:A\nURL:https://x.com/a\nURL;TYPE=linkedin:https://lnkd.in/a\nEND:VCARD\n",
      "https://lnkd.in/a" },
    /* Not a web address: Apple's x-apple: handles are no profile URL. */
    { "BEGIN:VCARD\nFN:A\nX-SOCIALPROFILE;type=twitter:x-apple:a\nEND:VCARD\n", "" },
    { "BEGIN:VCARD\nFN:A\nURL:https://notlinkedin.com/in/a\nURL:https://uk.linkedin.com/in/a\nEND:VCARD\n",
      "https://uk.linkedin.com/in/a" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contacts = rapport_vcard_parse (cases[i].card, strlen (cases[i].card), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (rapport_contact_get_profile_url (g_ptr_array_index (contacts, 0)), ==, cases[i].url);
    }
}

/* BDAY as vCard 3 and 4 write it, with the year or without; what is no day
 * of a month (a year alone, free text) is no birthday, and no error. */
static void
test_vcard_birthday (void)
{
  static const struct {
    const char *card;
    const char *birthday;
  } cases[] = {
    { "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:19531015\nEND:VCARD\n", "1953-10-15" },
    { "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:--0412\nEND:VCARD\n", "--04-12" },
    { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBDAY;VALUE=date:--04-12\nEND:VCARD\n", "--04-12" },
    { "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBDAY:1996-04-15T00:00:00Z\nEND:VCARD\n", "1996-04-15" },
    { "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:1953\nEND:VCARD\n", NULL },
    { "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY;VALUE=text:circa 1800\nEND:VCARD\n", NULL },
    { "BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:20230229\nEND:VCARD\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contacts = rapport_vcard_parse (cases[i].card, strlen (cases[i].card), NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (contacts->len, ==, 1);
      g_assert_cmpstr (rapport_contact_get_birthday (g_ptr_array_index (contacts, 0)), ==, cases[i].birthday);
    }
}

/* LF, CRLF and CR line ends, folds with a space or a tab, UTF-8 and UTF-16
 * with byte order marks: all the same card. */
static void
test_vcard_line_ends (void)
{
  static const char *cards[] = {
    "BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\n  Ødegård\nNOTE:a\n\tb\nEND:VCARD\n",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\n  Ødegård\r\nNOTE:a\r\n\tb\r\nEND:VCARD\r\n",
    "BEGIN:VCARD\rVERSION:3.0\rFN:Zoë\r  Ødegård\rNOTE:a\r\tb\rEND:VCARD",
    "\xef\xbb\xbf" "BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\n  Ødegård\nNOTE:a\n\tb\nEND:VCARD\n",
  };

  for (guint i = 0; i <= G_N_ELEMENTS (cards); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contacts = NULL;
      g_autofree char *utf16 = NULL;
      gsize length;

      if (i < G_N_ELEMENTS (cards))
        contacts = rapport_vcard_parse (cards[i], strlen (cards[i]), NULL, &error);
      else
        {
          /* Byte order mark included by the conversion, little-endian. */
          utf16 = g_convert ("\xef\xbb\xbf" "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\n  Ødegård\r\n"
                             "NOTE:a\r\n\tb\r\nEND:VCARD\r\n",
                             -1, "UTF-16LE", "UTF-8", NULL, &length, NULL);
          g_assert_nonnull (utf16);
          contacts = rapport_vcard_parse (utf16, length, NULL, &error);
        }

      g_assert_no_error (error);
      g_assert_cmpuint (contacts->len, ==, 1);
      g_assert_cmpstr (rapport_contact_get_display_name (g_ptr_array_index (contacts, 0)), ==, "Zoë Ødegård");
      g_assert_cmpstr (rapport_contact_get_notes (g_ptr_array_index (contacts, 0)), ==, "ab");
    }
}

/* }}} */
/* vCard errors {{{ */

static void
test_vcard_error_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("empty.vcf", &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);

  contacts = rapport_vcard_parse (" \r\n\t\n", 5, NULL, &error);
  g_assert_null (contacts);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_EMPTY);
}

static void
test_vcard_error_binary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("junk.bin", &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  /* The PNG signature's NUL bytes come after "\r\n\x1a\n". */
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_WRONG_FORMAT, 3);
}

static void
test_vcard_error_not_vcard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("not-a-vcard.vcf", &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_WRONG_FORMAT, 1);

  assert_vcard_error ("\n\nBEGIN:VCALENDAR\nEND:VCALENDAR\n", RAPPORT_IMPORT_ERROR_WRONG_FORMAT, 3);
  assert_vcard_error ("BEGIN VCARD\nFN:Zoë\nEND:VCARD\n", RAPPORT_IMPORT_ERROR_WRONG_FORMAT, 1);
  assert_vcard_error ("BEGIN:VCARD\nFN:Zoë\nEND:VCARD\nBEGIN VCARD\n", RAPPORT_IMPORT_ERROR_MALFORMED, 4);
}

static void
test_vcard_error_encoding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("latin1-no-charset.vcf", &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_ENCODING, 3);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_nonnull (strstr (error->message, "character set"));

  /* Quoted-printable that decodes to Latin-1 without saying so. */
  assert_vcard_error ("BEGIN:VCARD\nVERSION:2.1\nFN:Zoe\nNOTE;ENCODING=QUOTED-PRINTABLE:caf=E9\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_ENCODING, 4);
  /* A charset that cannot read the bytes. */
  assert_vcard_error ("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-7:Am\xe9lie\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_ENCODING, 3);
  assert_vcard_error ("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=X-NO-SUCH-CHARSET:Am\xe9lie\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_ENCODING, 3);
}

static void
test_vcard_error_unbalanced (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = load_fixture ("unbalanced.vcf", &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_null (contacts);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_UNBALANCED, 5);
  assert_error_at_line (error, RAPPORT_IMPORT_ERROR_UNBALANCED, 1);

  /* No END at all. */
  assert_vcard_error ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\n", RAPPORT_IMPORT_ERROR_UNBALANCED, 1);
  /* An END with no BEGIN. */
  assert_vcard_error ("BEGIN:VCARD\nFN:Zoë\nEND:VCARD\n\nFN:Amélie\nEND:VCARD\n", RAPPORT_IMPORT_ERROR_MALFORMED, 5);
  assert_vcard_error ("BEGIN:VCARD\nFN:Zoë\nEND:VCARD\nEND:VCARD\n", RAPPORT_IMPORT_ERROR_UNBALANCED, 4);
}

static void
test_vcard_error_malformed (void)
{
  /* A line with no colon: say a wrapped line that lost its leading space. */
  assert_vcard_error ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nNOTE:first half\nsecond half\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_MALFORMED, 5);
  assert_vcard_error ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nEMAIL;TYPE=\"work:zoe@example.org\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_MALFORMED, 4);
  assert_vcard_error ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nE MAIL:zoe@example.org\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_MALFORMED, 4);
  assert_vcard_error ("BEGIN:VCARD\nVERSION:2.1\nFN:Zoë\nNOTE;QUOTED-PRINTABLE:caf=G9\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_MALFORMED, 4);
  /* A card without anything to call it by. */
  assert_vcard_error ("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nTEL:+1 555\nEND:VCARD\n",
                      RAPPORT_IMPORT_ERROR_INCOMPLETE, 5);
  assert_vcard_error ("BEGIN:VCARD\nVERSION:5.0\nFN:Zoë\nEND:VCARD\n", RAPPORT_IMPORT_ERROR_INVALID_VALUE, 2);
}

/* }}} */
/* vCard export {{{ */

static void
test_vcard_write_format (void)
{
  g_autoptr(GPtrArray) contacts = new_sample_contacts ();
  g_autofree char *text = rapport_vcard_write (contacts);
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  guint n_folds = 0;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCARD\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-RAPPORT-STAGE:met\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-RAPPORT-STAGE:keeping-in-touch\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-RAPPORT-SOURCE:GUADEC 2024\\, hallway track\r\n"));
  g_assert_nonnull (strstr (text, "\r\nN:Ødegård;Zoë;;;\r\n"));
  g_assert_nonnull (strstr (text, "\r\nORG:Nordlys Design AS\\; Product\\, Oslo\r\n"));
  g_assert_nonnull (strstr (text, "\r\nADR:;;;Oslo\\, Norway;;;\r\n"));
  g_assert_nonnull (strstr (text, "\r\nCATEGORIES:Design,Mentors,Oslo area\r\n"));
  g_assert_nonnull (strstr (text, "\r\nFN:Kwame \\\\ Mensah\r\n"));
  /* Nothing for the fields the third contact leaves empty. */
  g_assert_null (strstr (text, "TITLE:\r\n"));
  g_assert_null (strstr (text, "NOTE:\r\n"));

  lines = g_strsplit (text, "\r\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      /* Every line is short enough, whole UTF-8, and ends in CRLF. */
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      n_folds += lines[i][0] == ' ';
    }
  /* The long notes of the first two contacts were folded. */
  g_assert_cmpuint (n_folds, >=, 4);

  g_clear_pointer (&contacts, g_ptr_array_unref);
  contacts = g_ptr_array_new ();
  g_clear_pointer (&text, g_free);
  text = rapport_vcard_write (contacts);
  g_assert_cmpstr (text, ==, "");
}

static void
test_vcard_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = new_sample_contacts ();
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) parsed_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = rapport_vcard_write (contacts);
  g_autofree char *text_again = NULL;

  parsed = rapport_vcard_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  assert_contacts_equal (contacts, parsed, TRUE);

  /* Writing what was read gives the same file. */
  text_again = rapport_vcard_write (parsed);
  g_assert_cmpstr (text_again, ==, text);

  /* And so does a fixture, once it is in Rapport's form. */
  g_clear_pointer (&parsed, g_ptr_array_unref);
  parsed = parse_vcard_fixture ("apple.vcf");
  g_clear_pointer (&text, g_free);
  text = rapport_vcard_write (parsed);
  parsed_again = rapport_vcard_parse (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  assert_contacts_equal (parsed, parsed_again, TRUE);
}

/* }}} */
/* Guards {{{ */

/* A card from a stranger may hold any number of addresses: up to the limit
 * they are kept, once each whatever their case, the preferred one first; one
 * more and the card is refused, naming where it begins. */
static char *
card_with_emails (guint n)
{
  GString *card = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (card, "EMAIL%s:person%u@example.org\r\n", i == n - 1 ? ";TYPE=pref" : "", i);
      g_string_append_printf (card, "EMAIL: PERSON%u@Example.ORG \r\n", i);
    }
  g_string_append (card, "END:VCARD\r\n");

  return g_string_free (card, FALSE);
}

static void
test_vcard_many_values (void)
{
  g_autofree char *at_limit = card_with_emails (RAPPORT_IMPORT_MAX_VALUES);
  g_autofree char *over_limit = card_with_emails (RAPPORT_IMPORT_MAX_VALUES + 1);
  g_autofree char *last = g_strdup_printf ("person%u@example.org", RAPPORT_IMPORT_MAX_VALUES - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  const char * const *emails;

  contacts = rapport_vcard_parse (at_limit, strlen (at_limit), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  emails = rapport_contact_get_emails (g_ptr_array_index (contacts, 0));
  g_assert_cmpuint (g_strv_length ((char **) emails), ==, RAPPORT_IMPORT_MAX_VALUES);
  g_assert_cmpstr (emails[0], ==, last);
  g_assert_cmpstr (emails[1], ==, "person0@example.org");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  contacts = rapport_vcard_parse (over_limit, strlen (over_limit), NULL, &error);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (contacts);
  g_assert_nonnull (strstr (error->message, "line 1 "));
  g_assert_nonnull (strstr (error->message, "1000 email addresses"));
}

/* Cancel reaches the readers themselves, not only the file's loading: a
 * cancelled parse stops with G_IO_ERROR_CANCELLED and returns nothing. */
static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) vcf = g_string_new (NULL);
  g_autoptr(GString) csv = g_string_new ("Name,Email\n");
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  static const RapportCsvField mapping[] = { RAPPORT_CSV_FIELD_DISPLAY_NAME, RAPPORT_CSV_FIELD_EMAIL };

  for (guint i = 0; i < 3 * RAPPORT_IMPORT_CANCEL_LINES; i++)
    {
      g_string_append_printf (vcf, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person %u\r\nEND:VCARD\r\n", i);
      g_string_append_printf (csv, "Person %u,p%u@example.org\n", i, i);
    }

  /* Not cancelled: everything is read. */
  contacts = rapport_vcard_parse (vcf->str, vcf->len, cancellable, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 3 * RAPPORT_IMPORT_CANCEL_LINES);
  g_clear_pointer (&contacts, g_ptr_array_unref);
  rows = rapport_csv_read (csv->str, csv->len, cancellable, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);

  contacts = rapport_vcard_parse (vcf->str, vcf->len, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (contacts);
  g_clear_error (&error);

  contacts = rapport_csv_parse (csv->str, csv->len, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (contacts);
  g_clear_error (&error);

  contacts = rapport_csv_map_rows (rows, 0, mapping, G_N_ELEMENTS (mapping), cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (contacts);
}

static char *
card_with (const char *property,
           gsize       length)
{
  g_autofree char *value = g_strnfill (length, 'x');

  return g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long\r\n%s:%s\r\nEND:VCARD\r\n", property, value);
}

/* A value longer than a field may hold refuses the file, naming its line;
 * a note may be longer than the other fields. */
static void
test_long_values (void)
{
  static const struct { const char *property; gsize length; gboolean ok; } cases[] = {
    { "TITLE", RAPPORT_IMPORT_MAX_FIELD, TRUE },
    { "TITLE", RAPPORT_IMPORT_MAX_FIELD + 1, FALSE },
    { "NOTE", RAPPORT_IMPORT_MAX_FIELD + 1, TRUE },
    { "NOTE", RAPPORT_IMPORT_MAX_NOTE + 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *card = card_with (cases[i].property, cases[i].length);
      g_autoptr(GPtrArray) contacts = NULL;
      g_autoptr(GError) error = NULL;

      contacts = rapport_vcard_parse (card, strlen (card), NULL, &error);
      if (cases[i].ok)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (contacts->len, ==, 1);
        }
      else
        {
          g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
          g_assert_nonnull (strstr (error->message, "Line 4 "));
        }
    }

  /* CSV likewise, by the column's field. */
  {
    g_autofree char *long_value = g_strnfill (RAPPORT_IMPORT_MAX_FIELD + 1, 'x');
    g_autofree char *csv = g_strdup_printf ("Name,Company,Notes\nZoë,%s,short\n", long_value);
    g_autofree char *notes = g_strdup_printf ("Name,Company,Notes\nZoë,Nordlys,%s\n", long_value);
    g_autoptr(GPtrArray) contacts = NULL;
    g_autoptr(GError) error = NULL;

    contacts = rapport_csv_parse (csv, strlen (csv), NULL, &error);
    g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
    g_assert_null (contacts);
    g_clear_error (&error);

    contacts = rapport_csv_parse (notes, strlen (notes), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (contacts->len, ==, 1);
  }
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A file over the limit is refused before it is read (a sparse one here:
 * it takes no room on the disk). */
static void
test_huge_file (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "rapport-huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  g_autoptr(GError) error = NULL;
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), RAPPORT_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
  fclose (f);

  rapport_contact_file_read_async (file, NULL, file_read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  read = rapport_contact_file_read_finish (result, &error);
  g_assert_null (read);
  g_assert_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "1.0\u00a0GiB"));
  g_unlink (path);
}

static void
test_guards (void)
{
  g_autoptr(GPtrArray) contacts = NULL;

  g_test_expect_message ("rapport-formats", G_LOG_LEVEL_CRITICAL, "*data != NULL*");
  contacts = rapport_vcard_parse (NULL, 3, NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (contacts);

  g_test_expect_message ("rapport-csv", G_LOG_LEVEL_CRITICAL, "*data != NULL*");
  contacts = rapport_csv_read (NULL, 3, NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_null (contacts);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/vcard/gnome-contacts", test_vcard_gnome_contacts);
  g_test_add_func ("/import/vcard/evolution", test_vcard_evolution);
  g_test_add_func ("/import/vcard/google", test_vcard_google);
  g_test_add_func ("/import/vcard/apple", test_vcard_apple);
  g_test_add_func ("/import/vcard/outlook", test_vcard_outlook);
  g_test_add_func ("/import/vcard/version-4", test_vcard_version_4);
  g_test_add_func ("/import/vcard/name-fallbacks", test_vcard_name_fallbacks);
  g_test_add_func ("/import/vcard/profile-url", test_vcard_profile_url);
  g_test_add_func ("/import/vcard/birthday", test_vcard_birthday);
  g_test_add_func ("/import/vcard/line-ends", test_vcard_line_ends);
  g_test_add_func ("/import/vcard/error/empty", test_vcard_error_empty);
  g_test_add_func ("/import/vcard/error/binary", test_vcard_error_binary);
  g_test_add_func ("/import/vcard/error/not-vcard", test_vcard_error_not_vcard);
  g_test_add_func ("/import/vcard/error/encoding", test_vcard_error_encoding);
  g_test_add_func ("/import/vcard/error/unbalanced", test_vcard_error_unbalanced);
  g_test_add_func ("/import/vcard/error/malformed", test_vcard_error_malformed);
  g_test_add_func ("/import/vcard/write/format", test_vcard_write_format);
  g_test_add_func ("/import/vcard/write/round-trip", test_vcard_round_trip);
  g_test_add_func ("/import/vcard/many-values", test_vcard_many_values);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/long-values", test_long_values);
  g_test_add_func ("/import/huge-file", test_huge_file);
  g_test_add_func ("/import/guards", test_guards);
  add_csv_tests ();

  return g_test_run ();
}
