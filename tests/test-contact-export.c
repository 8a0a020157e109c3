/* test-contact-export.c -- exporting contacts to vCard and CSV and reading them back
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-contact-export.h"
#include "rapport-contact-file.h"
#include "test-contact-util.h"
#include "test-util.h"

/* Tests {{{ */

static GPtrArray *
export_and_read (ContactFixture *fixture,
                 const char     *name,
                 const gint64   *ids,
                 guint           n_ids)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RapportContactQuery) q = rapport_contact_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportContactFile) read = NULL;
  RapportExportFormat format = rapport_contact_export_format_for_file (file);
  GStatBuf st;
  guint n;

  /* Saved over a file that others could read: the export is private. */
  g_assert_true (g_file_set_contents (path, "older", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  if (ids != NULL)
    rapport_contact_export_ids_async (fixture->store, ids, n_ids, file, format, NULL, test_store_result_cb, &result);
  else
    rapport_contact_export_async (fixture->store, q, file, format, NULL, test_store_result_cb, &result);
  n = rapport_contact_export_finish (fixture->store, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  rapport_contact_file_read_async (file, NULL, test_store_result_cb, &result);
  read = rapport_contact_file_read_finish (test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_contact_file_get_n_contacts (read), ==, n);

  return test_contact_file_dup_contacts (read);
}

static void
assert_same_contact (RapportContact *a,
                     RapportContact *b)
{
  g_assert_cmpstr (rapport_contact_get_display_name (a), ==, rapport_contact_get_display_name (b));
  g_assert_cmpstr (rapport_contact_get_organisation (a), ==, rapport_contact_get_organisation (b));
  g_assert_cmpstr (rapport_contact_get_role (a), ==, rapport_contact_get_role (b));
  g_assert_cmpstr (rapport_contact_get_source (a), ==, rapport_contact_get_source (b));
  g_assert_cmpstr (rapport_contact_get_notes (a), ==, rapport_contact_get_notes (b));
  g_assert_cmpstr (rapport_contact_get_birthday (a), ==, rapport_contact_get_birthday (b));
  g_assert_true (g_strv_equal (rapport_contact_get_emails (a), rapport_contact_get_emails (b)));
  g_assert_true (g_strv_equal (rapport_contact_get_phones (a), rapport_contact_get_phones (b)));
  g_assert_true (g_strv_equal (rapport_contact_get_tags (a), rapport_contact_get_tags (b)));
  g_assert_cmpint (rapport_contact_get_stage (a), ==, rapport_contact_get_stage (b));
}

static void
test_export_round_trip (ContactFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  const char *emails[] = { "zoe@fjord.example", "z.odegard@example.org", NULL };
  const char *phones[] = { "+47 912 34 567", NULL };
  const char *tags[] = { "design", "mentor", NULL };
  const char * const files[] = { "all.vcf", "all.csv" };
  RapportContact *zoe = test_make_contact ("Zoë Ødegård", "Fjord Analytics", NULL);
  RapportContact *li = test_make_contact ("李雷", "北京大学", "li.lei@pku.example");
  gint64 id_li;

  rapport_contact_set_emails (zoe, emails);
  rapport_contact_set_phones (zoe, phones);
  rapport_contact_set_tags (zoe, tags);
  rapport_contact_set_role (zoe, "Head of Design, Nordics");
  rapport_contact_set_source (zoe, "Conference; \"UX North\"");
  rapport_contact_set_notes (zoe, "Two lines:\nsecond line.");
  rapport_contact_set_stage (zoe, RAPPORT_STAGE_MET);
  rapport_contact_set_birthday (zoe, "--04-12");
  rapport_contact_set_birthday (li, "1990-10-01");
  test_save_contact (fixture, zoe);
  id_li = test_save_contact (fixture, li);
  g_ptr_array_add (saved, li);
  g_ptr_array_add (saved, zoe);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(GPtrArray) read = export_and_read (fixture, files[f], NULL, 0);

      g_test_message ("%s: %u contacts", files[f], read->len);
      g_assert_cmpuint (read->len, ==, 2);
      for (guint i = 0; i < read->len; i++)
        {
          RapportContact *r = g_ptr_array_index (read, i);
          RapportContact *expected = g_str_equal (rapport_contact_get_display_name (r), "李雷") ? li : zoe;

          assert_same_contact (r, expected);
        }
    }

  /* vCard 4.0 has a date in its basic format only (RFC 6350 4.3.1). */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "all.vcf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\r\nBDAY:--0412\r\n"));
    g_assert_nonnull (strstr (text, "\r\nBDAY:19901001\r\n"));
  }

  /* One picked contact alone. */
  {
    g_autoptr(GPtrArray) read = export_and_read (fixture, "one.vcf", &id_li, 1);

    g_assert_cmpuint (read->len, ==, 1);
    assert_same_contact (g_ptr_array_index (read, 0), li);
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  TEST_CONTACT_ADD ("export-round-trip", test_export_round_trip);

  return g_test_run ();
}
