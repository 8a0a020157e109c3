/* test-import-helpers.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-import-helpers.h"

/* What the vCard and CSV tests share: fixtures, assertions on contacts and
 * errors, and a set of contacts that use every field. */

char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

GPtrArray *
parse_vcard_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *contacts;
  gsize length;

  data = load_fixture (name, &length);
  contacts = rapport_vcard_parse (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contacts);

  return contacts;
}

GPtrArray *
parse_csv_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *contacts;
  gsize length;

  data = load_fixture (name, &length);
  contacts = rapport_csv_parse (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contacts);

  return contacts;
}

void
assert_strv_equal (const char * const *actual,
                   const char * const *expected)
{
  guint i;

  g_assert_nonnull (actual);
  for (i = 0; expected[i] != NULL; i++)
    {
      g_assert_nonnull (actual[i]);
      g_assert_cmpstr (actual[i], ==, expected[i]);
    }
  g_assert_null (actual[i]);
}

void
assert_empty_strv (const char * const *actual)
{
  g_assert_nonnull (actual);
  g_assert_null (actual[0]);
}

void
assert_fresh (RapportContact *contact)
{
  g_assert_cmpint (rapport_contact_get_id (contact), ==, 0);
  g_assert_true (rapport_contact_get_loaded (contact));
}

/* The error must be @code, and its message must say where: "line N". */
void
assert_error_at_line (GError *error,
                      int     code,
                      guint   line)
{
  g_autofree char *lower = NULL;
  g_autofree char *where = g_strdup_printf ("line %u", line);
  const char *found;

  g_assert_error (error, RAPPORT_IMPORT_ERROR, code);
  lower = g_ascii_strdown (error->message, -1);
  found = strstr (lower, where);
  g_assert_nonnull (found);
  /* "line 1" must not be the start of "line 12". */
  g_assert_false (g_ascii_isdigit (found[strlen (where)]));
}

void
assert_vcard_error (const char *data,
                    int         code,
                    guint       line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_vcard_parse (data, strlen (data), NULL, &error);

  g_assert_null (contacts);
  assert_error_at_line (error, code, line);
}

void
assert_csv_error (const char *data,
                  int         code,
                  guint       line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rapport_csv_parse (data, strlen (data), NULL, &error);

  g_assert_null (contacts);
  assert_error_at_line (error, code, line);
}

void
assert_contacts_equal (GPtrArray *expected,
                       GPtrArray *actual,
                       gboolean   with_referrer)
{
  g_assert_cmpuint (actual->len, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      RapportContact *a = g_ptr_array_index (expected, i);
      RapportContact *b = g_ptr_array_index (actual, i);

      assert_fresh (b);
      g_assert_cmpstr (rapport_contact_get_display_name (b), ==, rapport_contact_get_display_name (a));
      g_assert_cmpstr (rapport_contact_get_given_name (b), ==, rapport_contact_get_given_name (a));
      g_assert_cmpstr (rapport_contact_get_family_name (b), ==, rapport_contact_get_family_name (a));
      g_assert_cmpstr (rapport_contact_get_organisation (b), ==, rapport_contact_get_organisation (a));
      g_assert_cmpstr (rapport_contact_get_role (b), ==, rapport_contact_get_role (a));
      g_assert_cmpstr (rapport_contact_get_profile_url (b), ==, rapport_contact_get_profile_url (a));
      g_assert_cmpstr (rapport_contact_get_location (b), ==, rapport_contact_get_location (a));
      g_assert_cmpstr (rapport_contact_get_source (b), ==, rapport_contact_get_source (a));
      g_assert_cmpstr (rapport_contact_get_notes (b), ==, rapport_contact_get_notes (a));
      g_assert_cmpstr (rapport_contact_get_birthday (b), ==, rapport_contact_get_birthday (a));
      assert_strv_equal (rapport_contact_get_emails (b), rapport_contact_get_emails (a));
      assert_strv_equal (rapport_contact_get_phones (b), rapport_contact_get_phones (a));
      assert_strv_equal (rapport_contact_get_tags (b), rapport_contact_get_tags (a));
      g_assert_cmpint (rapport_contact_get_stage (b), ==, rapport_contact_get_stage (a));
      if (with_referrer)
        g_assert_cmpstr (rapport_contact_get_referred_by_name (b), ==, rapport_contact_get_referred_by_name (a));
    }
}

/* Contacts that use every field, with the characters each format must
 * escape or quote, long UTF-8 text that has to be folded, and empty fields. */
GPtrArray *
new_sample_contacts (void)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  RapportContact *contact;

  contact = rapport_contact_new ();
  rapport_contact_set_display_name (contact, "Zoë Ødegård");
  rapport_contact_set_given_name (contact, "Zoë");
  rapport_contact_set_family_name (contact, "Ødegård");
  rapport_contact_set_organisation (contact, "Nordlys Design AS; Product, Oslo");
  rapport_contact_set_role (contact, "Head of \"Product\" Design");
  rapport_contact_set_profile_url (contact, "https://www.linkedin.com/in/zoe-odegard");
  rapport_contact_set_location (contact, "Oslo, Norway");
  rapport_contact_set_source (contact, "GUADEC 2024, hallway track");
  rapport_contact_set_notes (contact,
                             "Talked about design systems; accessibility, and C:\\Users\\zoe paths.\n"
                             "Ærlig talt: «veldig hyggelig» — følg opp i mai. Ærlig talt: «veldig hyggelig» — "
                             "følg opp i mai. 李雷 recommended her.\n\nSecond paragraph, with a trailing comma,");
  rapport_contact_set_emails (contact, (const char * const []) { "zoe.odegard@nordlys.no", "zoe@example.org", NULL });
  rapport_contact_set_phones (contact, (const char * const []) { "+47 912 34 567", "+47 22 00 00 00", NULL });
  rapport_contact_set_tags (contact, (const char * const []) { "Design", "Mentors", "Oslo area", NULL });
  rapport_contact_set_stage (contact, RAPPORT_STAGE_MET);
  rapport_contact_set_referred_by_name (contact, "Amélie Durand");
  rapport_contact_set_birthday (contact, "--05-17");
  g_ptr_array_add (contacts, contact);

  contact = rapport_contact_new ();
  rapport_contact_set_display_name (contact, "李雷");
  rapport_contact_set_given_name (contact, "雷");
  rapport_contact_set_family_name (contact, "李");
  rapport_contact_set_organisation (contact, "腾讯");
  rapport_contact_set_role (contact, "高级工程师");
  rapport_contact_set_location (contact, "深圳");
  rapport_contact_set_notes (contact, "在会议上认识的。对云计算职位感兴趣，愿意介绍团队负责人给我认识，下个月再联系一次。"
                                      "在会议上认识的。对云计算职位感兴趣。");
  rapport_contact_set_emails (contact, (const char * const []) { "li.lei@example.cn", NULL });
  rapport_contact_set_tags (contact, (const char * const []) { "China", NULL });
  rapport_contact_set_stage (contact, RAPPORT_STAGE_KEEPING_IN_TOUCH);
  rapport_contact_set_birthday (contact, "1988-10-01");
  g_ptr_array_add (contacts, contact);

  /* Only an email address: nothing else may appear on the way back. */
  contact = rapport_contact_new ();
  rapport_contact_set_display_name (contact, "priya@example.in");
  rapport_contact_set_emails (contact, (const char * const []) { "priya@example.in", NULL });
  g_ptr_array_add (contacts, contact);

  contact = rapport_contact_new ();
  rapport_contact_set_display_name (contact, "Kwame \\ Mensah");
  rapport_contact_set_given_name (contact, "Kwame");
  rapport_contact_set_family_name (contact, "Mensah");
  rapport_contact_set_phones (contact, (const char * const []) { "+233 30 277 0000", NULL });
  rapport_contact_set_source (contact, "Referred by a friend\nat the Accra meetup");
  rapport_contact_set_stage (contact, RAPPORT_STAGE_PAUSED);
  g_ptr_array_add (contacts, contact);

  return contacts;
}
