/* rapport-mail-sender.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-mail-sender"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "rapport-clock.h"
#include "rapport-mail-address.h"
#include "rapport-mail-error.h"
#include "rapport-mail-message.h"
#include "rapport-mail-secret.h"
#include "rapport-mail-sender.h"

/* Nothing here ever sets CURLOPT_VERBOSE or a debug callback: the protocol
 * trace would carry the password (AUTH PLAIN is only base64). */

typedef struct
{
  RapportMailAccount *account;
  char               *password;     /* from libsecret: wiped when freed */
  char               *to_address;   /* NULL for a connection test */
  GBytes             *message;
  char               *message_id;
  gsize               sent;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->account);
  g_clear_pointer (&job->password, rapport_mail_secret_free);
  g_free (job->to_address);
  g_clear_pointer (&job->message, g_bytes_unref);
  g_free (job->message_id);
  g_free (job);
}

static void
ensure_curl (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&initialized, 1);
    }
}

/* {{{ Worker thread */

static size_t
read_cb (char   *buffer,
         size_t  size,
         size_t  count,
         void   *user_data)
{
  Job *job = user_data;
  gsize length;
  const char *data = g_bytes_get_data (job->message, &length);
  gsize n = MIN (size * count, length - job->sent);

  memcpy (buffer, data + job->sent, n);
  job->sent += n;

  return n;
}

/* The answer to NOOP of a connection test: nobody wants it. */
static size_t
discard_cb (char   *buffer,
            size_t  size,
            size_t  count,
            void   *user_data)
{
  return size * count;
}

/* curl calls this about once a second even while it waits for the server,
 * which is what makes a hanging connection cancellable. */
static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data)) ? 1 : 0;
}

static GError *
error_from_curl (Job          *job,
                 CURLcode      code,
                 long          response,
                 const char   *details,
                 GCancellable *cancellable)
{
  const char *server = rapport_mail_account_get_server (job->account);
  guint port = rapport_mail_account_get_port (job->account);

  switch ((int) code)
    {
    case CURLE_ABORTED_BY_CALLBACK:
      if (g_cancellable_is_cancelled (cancellable))
        return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));
      break;

    case CURLE_COULDNT_RESOLVE_HOST:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CONNECT,
                          _("The mail server “%s” was not found: check the server name and your network"),
                          server);

    case CURLE_COULDNT_CONNECT:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CONNECT,
                          _("Could not connect to the mail server %s on port %u"), server, port);

    case CURLE_OPERATION_TIMEDOUT:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TIMEOUT,
                          _("The mail server %s did not answer in time"), server);

    case CURLE_PEER_FAILED_VERIFICATION:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CERTIFICATE,
                          _("The certificate of %s is not trusted; if it is your own server, "
                            "choose its certificate authority in Preferences"), server);

    case CURLE_SSL_CACERT_BADFILE:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CERTIFICATE,
                          _("The certificate authority file “%s” could not be read"),
                          rapport_mail_account_get_ca_file (job->account));

    case CURLE_USE_SSL_FAILED:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TLS,
                          _("The mail server %s does not offer STARTTLS; try the security setting “TLS”"),
                          server);

    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CERTPROBLEM:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_TLS,
                          _("No secure connection could be made to %s; check the port and the security setting"),
                          server);

    case CURLE_LOGIN_DENIED:
      return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_LOGIN,
                          _("The mail server refused the login for %s: check the user name and password"),
                          rapport_mail_account_get_username (job->account));

    default:
      break;
    }

  /* curl reports a refused RCPT TO as "RCPT failed: 550". */
  if (g_str_has_prefix (details, "RCPT failed"))
    return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_RECIPIENT,
                        _("The mail server refused the recipient %s (%ld)"), job->to_address, response);

  if (g_str_has_prefix (details, "MAIL failed"))
    return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED,
                        _("The mail server refused the sender address %s (%ld)"),
                        rapport_mail_account_get_sender_address (job->account), response);

  if (code == CURLE_SEND_ERROR || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING)
    return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_CONNECT,
                        _("The connection to %s was lost: %s"), server,
                        details[0] ? details : curl_easy_strerror (code));

  return g_error_new (RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED,
                      _("The mail could not be sent: %s"),
                      details[0] ? details : curl_easy_strerror (code));
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  RapportMailAccount *account = job->account;
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autofree char *url = NULL;
  g_autofree char *host = NULL;
  struct curl_slist *recipients = NULL;
  char details[CURL_ERROR_SIZE] = "";
  GError *host_error = NULL;
  const char *ca_file = rapport_mail_account_get_ca_file (account);
  long timeout = rapport_mail_account_get_timeout (account);
  long response = 0;
  CURLcode code;
  CURL *curl;

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();

  /* Checked here as well as before the password is looked up, because this
   * is where the name becomes part of a URL. */
  host = rapport_mail_server_to_url_host (rapport_mail_account_get_server (account), &host_error);
  if (host == NULL)
    {
      g_task_return_error (task, host_error);
      return;
    }

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_FAILED,
                               _("The mail could not be sent: out of memory"));
      return;
    }

  url = g_strdup_printf ("%s://%s:%u",
                         rapport_mail_account_get_security (account) == RAPPORT_MAIL_SECURITY_TLS
                           ? "smtps" : "smtp",
                         host, rapport_mail_account_get_port (account));

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  /* TLS always: smtps does it from the start, and smtp must then STARTTLS
   * or fail, never fall back to plain text. */
  curl_easy_setopt (curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  /* Besides the system's: Debian's libcurl keeps its CA path
   * (/etc/ssl/certs) when only the bundle file is replaced. */
  if (ca_file[0] != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, ca_file);
  curl_easy_setopt (curl, CURLOPT_USERNAME, rapport_mail_account_get_username (account));
  /* An OAuth2 account of GNOME Online Accounts sends its access token by
   * XOAUTH2 (curl builds the SASL string), never a password. */
  if (rapport_mail_account_uses_oauth2 (account))
    {
      curl_easy_setopt (curl, CURLOPT_XOAUTH2_BEARER, job->password);
      curl_easy_setopt (curl, CURLOPT_LOGIN_OPTIONS, "AUTH=XOAUTH2");
    }
  else
    curl_easy_setopt (curl, CURLOPT_PASSWORD, job->password);

  /* Threads: no SIGALRM for the resolver's timeout. */
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, timeout);
  /* Every reply of the server, and every stall while the message goes out. */
  curl_easy_setopt (curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, timeout);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, cancellable);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, details);

  if (job->message != NULL)
    {
      recipients = curl_slist_append (NULL, job->to_address);
      curl_easy_setopt (curl, CURLOPT_MAIL_FROM, rapport_mail_account_get_sender_address (account));
      curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
      curl_easy_setopt (curl, CURLOPT_READFUNCTION, read_cb);
      curl_easy_setopt (curl, CURLOPT_READDATA, job);
      curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) g_bytes_get_size (job->message));
    }
  else
    {
      /* Log in (EHLO, TLS, AUTH), then a harmless NOOP: nothing is sent. */
      curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, "NOOP");
      curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, discard_cb);
    }

  code = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &response);

  curl_slist_free_all (recipients);
  curl_easy_cleanup (curl);

  if (code != CURLE_OK)
    {
      GError *error = error_from_curl (job, code, response, details, cancellable);

      g_debug ("SMTP to %s failed: curl %d (%s), last response %ld", url, code, details, response);
      g_task_return_error (task, error);
      return;
    }

  g_debug ("SMTP to %s: done, last response %ld", url, response);
  g_task_return_boolean (task, TRUE);
}

/* }}} */

/* {{{ Public API */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  job->password = rapport_mail_secret_lookup_finish (result, &error);

  if (job->password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  ensure_curl ();
  g_task_run_in_thread (task, send_thread);
}

static GTask *
start (RapportMailAccount  *account,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data,
       gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  g_task_set_source_tag (task, source_tag);
  job->account = g_object_ref (account);
  g_task_set_task_data (task, job, job_free);

  if (!rapport_mail_account_is_complete (account))
    {
      g_task_return_new_error (task, RAPPORT_MAIL_ERROR, RAPPORT_MAIL_ERROR_NOT_CONFIGURED,
                               _("Sending mail needs your address, a server and a user name in Preferences"));
      g_clear_object (&task);
    }
  else
    {
      g_autofree char *host = NULL;
      GError *error = NULL;

      /* Before the keyring is asked: a name that is not a host never gets a password. */
      host = rapport_mail_server_to_url_host (rapport_mail_account_get_server (account), &error);
      if (host == NULL)
        {
          g_task_return_error (task, error);
          g_clear_object (&task);
        }
    }

  return task;
}

/**
 * rapport_mail_sender_send_async:
 * @account: the account to send from
 * @to_name: (nullable): the recipient's name
 * @to_address: the recipient's address
 * @subject: the subject
 * @body: plain UTF-8 text with LF line ends
 *
 * Checks the headers, looks the password up in the keyring, builds the
 * message and sends it by SMTP in a worker thread. Nothing reaches the
 * server when a header is invalid.
 */
void
rapport_mail_sender_send_async (RapportMailAccount  *account,
                                const char          *to_name,
                                const char          *to_address,
                                const char          *subject,
                                const char          *body,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GDateTime) date = NULL;
  GError *error = NULL;
  GTask *task;
  Job *job;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (to_address != NULL);
  g_return_if_fail (subject != NULL);
  g_return_if_fail (body != NULL);

  task = start (account, cancellable, callback, user_data, rapport_mail_sender_send_async);
  if (task == NULL)
    return;

  job = g_task_get_task_data (task);
  job->to_address = g_strdup (to_address);

  date = g_date_time_new_from_unix_local (rapport_clock_get_real_time () / G_USEC_PER_SEC);
  job->message = rapport_mail_message_build (rapport_mail_account_get_sender_name (account),
                                             rapport_mail_account_get_sender_address (account),
                                             to_name, to_address, subject, body, date,
                                             &job->message_id, &error);
  if (job->message == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  rapport_mail_secret_lookup_async (account, cancellable, lookup_cb, task);
}

/**
 * rapport_mail_sender_send_finish:
 *
 * Returns: (transfer full): the Message-ID sent (without angle brackets),
 *   or %NULL with a %RAPPORT_MAIL_ERROR or %G_IO_ERROR_CANCELLED
 */
char *
rapport_mail_sender_send_finish (GAsyncResult  *result,
                                 GError       **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  return g_strdup (job->message_id);
}

/**
 * rapport_mail_sender_test_async:
 *
 * Connects, starts TLS and logs in with the password from the keyring,
 * then says NOOP and leaves, for "Test Connection" in Preferences.
 */
void
rapport_mail_sender_test_async (RapportMailAccount  *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RAPPORT_IS_MAIL_ACCOUNT (account));

  task = start (account, cancellable, callback, user_data, rapport_mail_sender_test_async);
  if (task == NULL)
    return;

  rapport_mail_secret_lookup_async (account, cancellable, lookup_cb, task);
}

gboolean
rapport_mail_sender_test_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
