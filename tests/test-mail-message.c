/* test-mail-message.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The message builder without a network: header injection is refused before
 * anything is built, non-ASCII headers are RFC 2047 encoded, and the bytes
 * handed to SMTP end every line with CRLF. The account snapshot and the
 * checks send_async makes before it touches the keyring are here too.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gmime/gmime.h>
#include <string.h>

#include "rapport-mail-account.h"
#include "rapport-mail-error.h"
#include "rapport-mail-message.h"
#include "rapport-mail-sender.h"
#include "test-util.h"

static GDateTime *
test_date (void)
{
  return g_date_time_new_utc (2026, 3, 14, 9, 30, 0);
}

static GBytes *
build (const char  *from_name,
       const char  *from_address,
       const char  *to_name,
       const char  *to_address,
       const char  *subject,
       const char  *body,
       char       **message_id,
       GError     **error)
{
  g_autoptr(GDateTime) date = test_date ();

  return rapport_mail_message_build (from_name, from_address, to_name, to_address, subject, body,
                                     date, message_id, error);
}

static void
test_address (void)
{
  const char *valid[] = { "anna@example.org", "a.b+c@mail.example.co.uk", "jürgen@bücher.example" };
  const char *invalid[] = { "", "anna", "@example.org", "anna@", "anna@example", "anna@@example.org",
                            "an na@example.org", "anna@example.org\r\nBcc: x@example.org",
                            "<anna@example.org>", "anna@example..org", "anna@.example.org",
                            "anna@example.org.", "a,b@example.org", "anna@exa\tmple.org" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (rapport_mail_address_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (rapport_mail_address_is_valid (invalid[i]));
    }
  g_assert_false (rapport_mail_address_is_valid (NULL));
}

/* The server's name becomes part of a URL: only a host name or an address. */
static void
test_server_host (void)
{
  static const struct { const char *server; const char *host; } valid[] = {
    { "smtp.example.org", "smtp.example.org" },
    { "SMTP.Example.ORG.", "smtp.example.org." },   /* as g_hostname_to_ascii() folds it */
    { "mail.bücher.example", "mail.xn--bcher-kva.example" },
    { "127.0.0.1", "127.0.0.1" },
    { "::1", "[::1]" },
    { "localhost", "localhost" },
  };
  const char *invalid[] = { "", "host/x", "a@b", "smtp.example.org:25", "smtp example.org",
                            "-smtp.example.org", "smtp..example.org", "smtp.example.org/path?q",
                            "[::1]", "smtp.example.org\r\nX", "user:pass@host" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *host = rapport_mail_server_to_url_host (valid[i].server, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (host, ==, valid[i].host);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *host = rapport_mail_server_to_url_host (invalid[i], &error);

      g_test_message ("%s", invalid[i]);
      g_assert_null (host);
      g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_SERVER);
      g_assert_nonnull (strstr (error->message, "smtp.example.org"));
    }
}

static void
test_line_breaks_rejected (void)
{
  const char *bad[] = { "Hello\r\nBcc: eve@example.org", "Hello\nX: y", "Hello\r" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      for (guint field = 0; field < 3; field++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = NULL;
          char *id = NULL;

          bytes = build (field == 0 ? bad[i] : "Anna", "anna@example.org",
                         field == 1 ? bad[i] : "Bob", "bob@example.org",
                         field == 2 ? bad[i] : "Subject", "Body\n", &id, &error);
          g_assert_null (bytes);
          g_assert_null (id);
          g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = build ("Anna", "anna@example.org", "Bob",
                                     "bob@example.org\r\nBcc: eve@example.org", "Hi", "Body\n",
                                     NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = build ("Anna", "not an address", "Bob", "bob@example.org", "Hi", "Body\n",
                                     NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER);
  }
}

static char *
header_line (const char *text,
             const char *name)
{
  g_autofree char *key = g_strdup_printf ("\r\n%s: ", name);
  const char *start = strstr (text, key);
  const char *end;

  g_assert_nonnull (start);
  start += 2;
  end = strstr (start, "\r\n");
  /* folded continuation lines belong to the header */
  while (end[2] == ' ' || end[2] == '\t')
    end = strstr (end + 2, "\r\n");

  return g_strndup (start, end - start);
}

static void
test_build (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *from = NULL;
  g_autofree char *decoded = NULL;
  const char *body = "Guten Tag Herr Größ,\n\nvielen Dank für das Gespräch – bis bald.\n.\nJürgen\n";
  GMimeParser *parser;
  GMimeStream *stream;
  GMimeMessage *message;
  GMimeObject *part;
  char *parsed_body;
  gsize length;

  bytes = build ("Jürgen Größ", "juergen@example.org", "Anna Łukasiewicz", "anna@example.com",
                 "Danke für Ihre Zeit ☺", body, &id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  g_assert_true (g_str_has_suffix (id, "@example.org"));
  g_assert_null (strchr (id, '<'));

  text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (strlen (text), ==, length);

  /* every line ends with CRLF, and nothing but ASCII goes on the wire */
  for (gsize i = 0; i < length; i++)
    {
      g_assert_cmpint ((guchar) text[i], <, 0x80);
      if (text[i] == '\n')
        g_assert_cmpint (text[i - 1], ==, '\r');
      if (text[i] == '\r')
        g_assert_cmpint (text[i + 1], ==, '\n');
    }

  subject = header_line (text, "Subject");
  g_assert_nonnull (strstr (subject, "=?UTF-8?"));
  decoded = g_mime_utils_header_decode_text (NULL, subject + strlen ("Subject: "));
  g_assert_cmpstr (decoded, ==, "Danke für Ihre Zeit ☺");

  from = header_line (text, "From");
  g_assert_nonnull (strstr (from, "=?UTF-8?"));
  g_assert_nonnull (strstr (from, "<juergen@example.org>"));
  g_assert_true (g_str_has_prefix (text, "Date: Sat, 14 Mar 2026 09:30:00 +0000\r\n"));
  g_assert_nonnull (strstr (text, "\r\nContent-Type: text/plain; charset=utf-8\r\n"));

  {
    g_autofree char *mid = header_line (text, "Message-Id");
    g_autofree char *expected = g_strdup_printf ("Message-Id: <%s>", id);

    g_assert_cmpstr (mid, ==, expected);
  }

  /* read back with GMime: the body comes out as it went in */
  stream = g_mime_stream_mem_new_with_buffer (text, length);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  part = g_mime_message_get_mime_part (message);
  g_assert_true (GMIME_IS_TEXT_PART (part));
  parsed_body = g_mime_text_part_get_text (GMIME_TEXT_PART (part));
  /* the decoder turns CRLF back into LF */
  g_assert_cmpstr (parsed_body, ==, body);
  g_free (parsed_body);
  g_object_unref (message);
  g_object_unref (parser);
  g_object_unref (stream);
}

static GSettings *
new_settings (void)
{
  /* GSETTINGS_BACKEND=memory (tests/meson.build): starts from the defaults */
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "sender-name");
  g_settings_reset (settings, "sender-address");
  g_settings_reset (settings, "smtp-server");
  g_settings_reset (settings, "smtp-port");
  g_settings_reset (settings, "smtp-security");
  g_settings_reset (settings, "smtp-username");
  g_settings_reset (settings, "smtp-ca-file");

  return g_steal_pointer (&settings);
}

static void
test_account (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(RapportMailAccount) account = NULL;
  g_autoptr(RapportMailAccount) incomplete = NULL;

  incomplete = rapport_mail_account_new_from_settings (settings);
  g_assert_false (rapport_mail_account_is_complete (incomplete));
  g_assert_cmpuint (rapport_mail_account_get_port (incomplete), ==, 465);
  g_assert_cmpint (rapport_mail_account_get_security (incomplete), ==, RAPPORT_MAIL_SECURITY_TLS);

  g_settings_set_string (settings, "sender-name", "Jürgen Größ");
  g_settings_set_string (settings, "sender-address", " juergen@example.org ");
  g_settings_set_string (settings, "smtp-server", "mail.example.org");
  g_settings_set_int (settings, "smtp-port", 587);
  g_settings_set_string (settings, "smtp-security", "starttls");
  g_settings_set_string (settings, "smtp-username", "juergen");
  g_settings_set_string (settings, "smtp-ca-file", "/tmp/ca.pem");

  account = rapport_mail_account_new_from_settings (settings);
  g_assert_true (rapport_mail_account_is_complete (account));
  g_assert_cmpstr (rapport_mail_account_get_sender_name (account), ==, "Jürgen Größ");
  g_assert_cmpstr (rapport_mail_account_get_sender_address (account), ==, "juergen@example.org");
  g_assert_cmpstr (rapport_mail_account_get_server (account), ==, "mail.example.org");
  g_assert_cmpuint (rapport_mail_account_get_port (account), ==, 587);
  g_assert_cmpint (rapport_mail_account_get_security (account), ==, RAPPORT_MAIL_SECURITY_STARTTLS);
  g_assert_cmpstr (rapport_mail_account_get_username (account), ==, "juergen");
  g_assert_cmpstr (rapport_mail_account_get_ca_file (account), ==, "/tmp/ca.pem");

  /* a snapshot: later changes do not reach it */
  g_settings_set_string (settings, "smtp-server", "other.example.org");
  g_assert_cmpstr (rapport_mail_account_get_server (account), ==, "mail.example.org");
}

/* Both fail before the keyring is asked: this test has no session bus. */
static void
test_send_checks_first (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(RapportMailAccount) incomplete = rapport_mail_account_new_from_settings (settings);
  g_autoptr(RapportMailAccount) account = NULL;

  {
    g_autoptr(GError) error = NULL;
    GAsyncResult *result = NULL;
    char *id;

    rapport_mail_sender_send_async (incomplete, NULL, "bob@example.org", "Hi", "Body\n", NULL,
                                    test_store_result_cb, &result);
    id = rapport_mail_sender_send_finish (test_wait_for (&result), &error);
    g_assert_null (id);
    g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NOT_CONFIGURED);
    g_object_unref (result);
  }

  g_settings_set_string (settings, "sender-address", "anna@example.org");
  g_settings_set_string (settings, "smtp-server", "127.0.0.1");
  g_settings_set_string (settings, "smtp-username", "anna");
  account = rapport_mail_account_new_from_settings (settings);

  {
    g_autoptr(GError) error = NULL;
    GAsyncResult *result = NULL;
    char *id;

    rapport_mail_sender_send_async (account, "Bob", "bob@example.org", "Hi\r\nBcc: eve@example.org",
                                    "Body\n", NULL, test_store_result_cb, &result);
    id = rapport_mail_sender_send_finish (test_wait_for (&result), &error);
    g_assert_null (id);
    g_assert_error (error, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_INVALID_HEADER);
    g_object_unref (result);
  }
}

/* Without rapport-mail.so (the module of GMime, libcurl and libsecret), a
 * send reports why through its callback instead of crashing or hanging. The
 * module loads once per process, so this runs in a subprocess pointed at an
 * empty folder. */
static void
test_module_missing_subprocess (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(RapportMailAccount) account = rapport_mail_account_new_from_settings (settings);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *id = NULL;

  /* The failed load is logged as a warning, which g_test_init() made fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  rapport_mail_sender_send_async (account, NULL, "bob@example.org", "Hi", "Body\n", NULL,
                                  test_store_result_cb, &result);
  id = rapport_mail_sender_send_finish (test_wait_for (&result), &error);
  g_assert_null (id);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_print ("%s\n", error->message);
}

static void
test_module_missing (void)
{
  g_autofree char *empty = g_dir_make_tmp ("rapport-no-module-XXXXXX", NULL);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *exe_dir = g_path_get_dirname (exe);
  g_autofree char *beside = g_build_filename (exe_dir, "rapport-mail.so", NULL);

  /* The program's own folder is searched too: a test binary has no module there. */
  g_autofree char *module_dir = g_strdup (g_getenv ("RAPPORT_MODULE_DIR"));

  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_setenv ("RAPPORT_MODULE_DIR", empty, TRUE);
  g_test_trap_subprocess ("/mail/module-missing/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*Could not load *rapport-mail.so*");
  /* the later tests load it */
  if (module_dir != NULL)
    g_setenv ("RAPPORT_MODULE_DIR", module_dir, TRUE);
  else
    g_unsetenv ("RAPPORT_MODULE_DIR");
  g_test_trap_assert_stdout ("*support for sending mail could not be loaded: *rapport-mail.so*");
  g_rmdir (empty);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mail/address", test_address);
  g_test_add_func ("/mail/server-host", test_server_host);
  g_test_add_func ("/mail/message/line-breaks-rejected", test_line_breaks_rejected);
  g_test_add_func ("/mail/message/build", test_build);
  g_test_add_func ("/mail/account", test_account);
  g_test_add_func ("/mail/send/checks-first", test_send_checks_first);
  g_test_add_func ("/mail/module-missing", test_module_missing);
  g_test_add_func ("/mail/module-missing/subprocess", test_module_missing_subprocess);

  return g_test_run ();
}
