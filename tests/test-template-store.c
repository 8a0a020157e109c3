/* test-template-store.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composer's storage on a real database: templates (edits of built-in
 * ones, reset, the user's own), drafts, and a message recorded on the
 * right timeline with the reminders following.
 */

#include "config.h"

#include "rapport-sql.h"
#include "rapport-contact-store-mail.h"
#include "rapport-template-store.h"
#include "test-util.h"

#define HOUR (60 * 60)

typedef struct
{
  RapportDatabase      *db;
  RapportTemplateStore *templates;
  RapportContactStore  *contacts;
  guint                 n_changed;
} Fixture;

static void
changed_cb (GObject *store,
            Fixture *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = test_open_database ();
  fixture->templates = rapport_template_store_new (fixture->db);
  fixture->contacts = rapport_contact_store_new (fixture->db);
  g_signal_connect (fixture->templates, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->templates);
  g_clear_object (&fixture->contacts);
  rapport_database_close (fixture->db);
  g_clear_object (&fixture->db);
}

/* Helpers {{{ */

static GPtrArray *
list_templates (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *templates;

  rapport_template_store_list_async (fixture->templates, NULL, test_store_result_cb, &result);
  templates = rapport_template_store_list_finish (fixture->templates, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return templates;
}

static RapportTemplate *
find (GPtrArray  *templates,
      const char *name)
{
  for (guint i = 0; i < templates->len; i++)
    {
      RapportTemplate *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (rapport_template_get_key (template), name) == 0 ||
          g_str_equal (rapport_template_get_name (template), name))
        return template;
    }
  return NULL;
}

static gint64
save_template (Fixture         *fixture,
               RapportTemplate *template,
               GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_template_store_save_async (fixture->templates, template, NULL, test_store_result_cb, &result);
  return rapport_template_store_save_finish (fixture->templates, test_wait_for (&result), error);
}

static void
sql_write (Fixture    *fixture,
           const char *sql)
{
  test_write (fixture->db, sql);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autofree char *text = test_query_text (fixture->db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static GPtrArray *
list_drafts (Fixture *fixture,
             gint64   contact_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts;

  rapport_contact_store_list_drafts_async (fixture->contacts, contact_id, NULL, test_store_result_cb, &result);
  drafts = rapport_contact_store_list_drafts_finish (fixture->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  return drafts;
}

static gint64
save_draft (Fixture      *fixture,
            RapportDraft *draft)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rapport_contact_store_save_draft_async (fixture->contacts, draft, NULL, test_store_result_cb, &result);
  id = rapport_contact_store_save_draft_finish (fixture->contacts, test_wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
record (Fixture                *fixture,
        RapportDraft           *message,
        gint64                  timeline,
        RapportInteractionKind  kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rapport_contact_store_record_mail_async (fixture->contacts, message, timeline, kind, "Sent", NULL,
                                           test_store_result_cb, &result);
  g_assert_cmpint (rapport_contact_store_record_mail_finish (fixture->contacts, test_wait_for (&result), &error),
                   >, 0);
  g_assert_no_error (error);
}

/* }}} */

static void
test_migration (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM sqlite_master WHERE name IN ('template', 'draft')"),
                   ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM template"), ==, 0);
}

static void
test_builtin_override_and_reset (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list_templates (fixture);
  g_autoptr(GPtrArray) edited = NULL;
  g_autoptr(GPtrArray) reset = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportTemplate) edit = NULL;
  const char * const *keys = rapport_template_get_builtin_keys ();

  /* the built-ins, in order, none stored */
  g_assert_cmpuint (before->len, ==, g_strv_length ((char **) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    {
      RapportTemplate *template = g_ptr_array_index (before, i);

      g_assert_cmpstr (rapport_template_get_key (template), ==, keys[i]);
      g_assert_false (rapport_template_get_modified (template));
      g_assert_cmpint (rapport_template_get_id (template), ==, 0);
    }

  edit = rapport_template_copy (find (before, "thank-you"));
  rapport_template_set_body (edit, "Thanks, {first_name}!");
  g_assert_cmpint (save_template (fixture, edit, &error), >, 0);
  g_assert_no_error (error);
  /* saving again overwrites the one edit */
  rapport_template_set_subject (edit, "Thank you");
  g_assert_cmpint (save_template (fixture, edit, &error), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM template"), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  edited = list_templates (fixture);
  g_assert_cmpuint (edited->len, ==, before->len);
  g_assert_true (rapport_template_get_modified (find (edited, "thank-you")));
  g_assert_cmpstr (rapport_template_get_body (find (edited, "thank-you")), ==, "Thanks, {first_name}!");
  g_assert_cmpstr (rapport_template_get_subject (find (edited, "thank-you")), ==, "Thank you");
  g_assert_cmpstr (rapport_template_get_key (g_ptr_array_index (edited, 3)), ==, "thank-you");

  rapport_template_store_reset_async (fixture->templates, "thank-you", NULL, test_store_result_cb, &result);
  g_assert_true (rapport_template_store_reset_finish (fixture->templates, test_wait_for (&result), &error));
  g_assert_no_error (error);
  reset = list_templates (fixture);
  g_assert_false (rapport_template_get_modified (find (reset, "thank-you")));
  g_assert_cmpstr (rapport_template_get_body (find (reset, "thank-you")), ==,
                   rapport_template_get_body (find (before, "thank-you")));
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM template"), ==, 0);
}

static void
test_own (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RapportTemplate) own = rapport_template_new ("  Alumni note ", "Fellow alumnus", "Hi {first_name}");
  g_autoptr(RapportTemplate) nameless = rapport_template_new (" ", "s", "b");
  g_autoptr(RapportTemplate) gone = rapport_template_new ("Gone", "s", "b");
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportTemplate *found;
  gint64 id;

  id = save_template (fixture, own, &error);
  g_assert_no_error (error);
  listed = list_templates (fixture);
  found = find (listed, "Alumni note");
  g_assert_nonnull (found);
  g_assert_null (rapport_template_get_key (found));
  g_assert_cmpint (rapport_template_get_id (found), ==, id);
  g_assert_true (found == g_ptr_array_index (listed, listed->len - 1));
  g_assert_cmpint (rapport_template_get_purpose (found), ==, RAPPORT_TEMPLATE_PURPOSE_OTHER);

  /* edited in place */
  rapport_template_set_id (own, id);
  rapport_template_set_body (own, "Hello {first_name}");
  g_assert_cmpint (save_template (fixture, own, &error), ==, id);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM template"), ==, 1);

  /* refusals */
  g_assert_cmpint (save_template (fixture, nameless, &error), ==, 0);
  g_assert_error (error, RAPPORT_TEMPLATE_STORE_ERROR, RAPPORT_TEMPLATE_STORE_ERROR_INVALID);
  g_clear_error (&error);
  rapport_template_set_id (gone, 9999);
  g_assert_cmpint (save_template (fixture, gone, &error), ==, 0);
  g_assert_error (error, RAPPORT_TEMPLATE_STORE_ERROR, RAPPORT_TEMPLATE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  rapport_template_store_delete_async (fixture->templates, id, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_template_store_delete_finish (fixture->templates, test_wait_for (&result), &error));
  after = list_templates (fixture);
  g_assert_null (find (after, "Alumni note"));
  g_assert_cmpuint (after->len, ==, listed->len - 1);
}

static void
test_drafts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RapportDraft) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RapportDraft *listed;
  gint64 contact, id;

  sql_write (fixture, "INSERT INTO contact (display_name, sort_key, stage, created_at, updated_at) "
                      "VALUES ('Dana Whitfield', 'dana', 0, 0, 0)");
  contact = query_int (fixture, "SELECT max (id) FROM contact");

  draft = rapport_draft_new (contact, 0, "request");
  rapport_draft_set_to (draft, "dana@example.org");
  rapport_draft_set_subject (draft, "Your work");
  rapport_draft_set_body (draft, "Dear Dana, …");
  rapport_draft_set_error (draft, "Could not connect.");
  id = save_draft (fixture, draft);
  rapport_draft_set_id (draft, id);
  rapport_draft_set_body (draft, "Dear Dana, edited");
  g_assert_cmpint (save_draft (fixture, draft), ==, id);

  drafts = list_drafts (fixture, contact);
  g_assert_cmpuint (drafts->len, ==, 1);
  listed = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (rapport_draft_get_id (listed), ==, id);
  g_assert_cmpstr (rapport_draft_get_template_key (listed), ==, "request");
  g_assert_cmpstr (rapport_draft_get_to (listed), ==, "dana@example.org");
  g_assert_cmpstr (rapport_draft_get_body (listed), ==, "Dear Dana, edited");
  g_assert_cmpstr (rapport_draft_get_error (listed), ==, "Could not connect.");

  rapport_contact_store_delete_draft_async (fixture->contacts, id, contact, NULL, test_store_result_cb, &result);
  g_assert_true (rapport_contact_store_delete_draft_finish (fixture->contacts, test_wait_for (&result), &error));
  g_assert_no_error (error);
  after = list_drafts (fixture, contact);
  g_assert_cmpuint (after->len, ==, 0);

  /* a deleted contact takes its drafts along */
  rapport_draft_set_id (draft, 0);
  save_draft (fixture, draft);
  sql_write (fixture, "DELETE FROM contact");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM draft"), ==, 0);
}

/* A request starts the follow-ups and drops its draft; a thank-you ends
 * its reminder; the update to the referrer goes on the referrer's timeline,
 * ends "tell the referrer" and starts nothing for the referrer. */
static void
test_record_mail (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RapportDraft) request = NULL;
  g_autoptr(RapportDraft) thanks = NULL;
  g_autoptr(RapportDraft) update = NULL;
  g_autofree char *body = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *sql2 = NULL;
  gint64 grace, dana, meeting;

  sql_write (fixture, "INSERT INTO contact (display_name, sort_key, stage, created_at, updated_at) "
                      "VALUES ('Grace Hopper', 'grace', 0, 0, 0)");
  grace = query_int (fixture, "SELECT max (id) FROM contact");
  sql = g_strdup_printf ("INSERT INTO contact (display_name, sort_key, stage, referred_by, created_at, updated_at) "
                         "VALUES ('Dana Whitfield', 'dana', 0, %" G_GINT64_FORMAT ", 0, 0)", grace);
  sql_write (fixture, sql);
  dana = query_int (fixture, "SELECT max (id) FROM contact");

  request = rapport_draft_new (dana, 0, "request-referred");
  rapport_draft_set_to (request, "dana@example.org");
  rapport_draft_set_subject (request, "Grace suggested I write");
  rapport_draft_set_body (request, "Dear Dana, …");
  rapport_draft_set_id (request, save_draft (fixture, request));
  record (fixture, request, dana, RAPPORT_INTERACTION_EMAIL_SENT);

  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM draft"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT stage FROM contact WHERE id = 2"), ==, RAPPORT_STAGE_REQUEST_SENT);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM interaction WHERE contact_id = 2 AND kind = 0"), ==, 1);
  body = test_query_text (fixture->db, "SELECT body FROM interaction WHERE contact_id = 2 AND kind = 0");
  g_assert_cmpstr (body, ==, "To: dana@example.org\nSubject: Grace suggested I write\n\nDear Dana, …");
  g_assert_cmpint (query_int (fixture, "SELECT (due_at - (SELECT happened_at FROM interaction WHERE kind = 0)) / 86400 "
                                       "FROM reminder WHERE contact_id = 2 AND kind = 0"), ==, 14);

  /* the meeting held */
  sql2 = g_strdup_printf (
    "INSERT INTO meeting (contact_id, starts_at, duration, status, ended_at, created_at, updated_at) "
    "VALUES (%" G_GINT64_FORMAT ", strftime ('%%s', 'now') - 3 * 3600, 20, 2, strftime ('%%s', 'now') - 2 * 3600, 0, 0);"
    "UPDATE contact SET stage = 3 WHERE id = %" G_GINT64_FORMAT, dana, dana);
  sql_write (fixture, sql2);
  meeting = query_int (fixture, "SELECT max (id) FROM meeting");
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM reminder WHERE contact_id = 2 AND kind IN (4, 5) "
                                       "AND state = 0"), ==, 2);

  thanks = rapport_draft_new (dana, meeting, "thank-you");
  rapport_draft_set_to (thanks, "dana@example.org");
  record (fixture, thanks, dana, RAPPORT_INTERACTION_THANK_YOU_SENT);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM reminder WHERE contact_id = 2 AND kind = 4"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT stage FROM contact WHERE id = 2"), ==, RAPPORT_STAGE_THANKED);

  /* without a meeting at hand: the first one held */
  update = rapport_draft_new (dana, 0, "referrer-update");
  rapport_draft_set_to (update, "grace@example.org");
  record (fixture, update, grace, RAPPORT_INTERACTION_EMAIL_SENT);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM interaction WHERE contact_id = 1 AND kind = 0"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT meeting_id FROM interaction WHERE contact_id = 1"), ==, meeting);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM reminder WHERE contact_id = 2 AND kind = 5"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM reminder WHERE contact_id = 1"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT stage FROM contact WHERE id = 1"), ==, RAPPORT_STAGE_TO_CONTACT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/template-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migration", test_migration);
  ADD ("builtin-override-and-reset", test_builtin_override_and_reset);
  ADD ("own", test_own);
  ADD ("drafts", test_drafts);
  ADD ("record-mail", test_record_mail);

  return g_test_run ();
}
