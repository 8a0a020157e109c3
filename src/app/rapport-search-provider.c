/* rapport-search-provider.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell's search (org.gnome.Shell.SearchProvider2): typing a name, an
 * organisation or a tag in the overview lists the matching contacts, and
 * choosing one opens Rapport on it. The Shell asks over D-Bus on the
 * application's own bus name (data/io.github.rapport.Rapport.search-provider.ini),
 * which also starts Rapport when it is not running.
 *
 * Each search is the contact list's own full-text query, run on the database
 * thread; the answer goes back when it is done, and the application is held
 * meanwhile, so that one started by D-Bus does not quit half way.
 */

#define G_LOG_DOMAIN "rapport-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-application.h"
#include "rapport-search-provider.h"

/* The Shell shows a handful; more would only cost time. */
#define MAX_RESULTS 20

struct _RapportSearchProvider
{
  GObject          parent_instance;

  GApplication    *application;   /* unowned: it owns us */
  GDBusConnection *connection;
  guint            registration_id;
};

G_DEFINE_FINAL_TYPE (RapportSearchProvider, rapport_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* A request in flight: the invocation to answer and the application held. */
typedef struct
{
  GDBusMethodInvocation *invocation;
  GApplication          *application;
} Request;

static Request *
request_new (RapportSearchProvider *self,
             GDBusMethodInvocation *invocation)
{
  Request *request = g_new0 (Request, 1);

  request->invocation = g_object_ref (invocation);
  request->application = g_object_ref (self->application);
  g_application_hold (request->application);
  return request;
}

static void
request_free (Request *request)
{
  g_application_release (request->application);
  g_object_unref (request->application);
  g_object_unref (request->invocation);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* Results {{{ */

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  GVariantBuilder builder;

  ids = rapport_contact_store_query_finish (RAPPORT_CONTACT_STORE (object), result, &error);

  /* The Shell shows nothing for a provider that fails; an empty answer says
   * the same without an error in its journal for every key pressed. */
  if (ids == NULL)
    g_debug ("Search failed: %s", error->message);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_variant_builder_add (&builder, "s", id);
    }

  g_dbus_method_invocation_return_value (request->invocation, g_variant_new ("(as)", &builder));
}

static void
search (RapportSearchProvider *self,
        GDBusMethodInvocation *invocation,
        const char * const    *terms)
{
  RapportContactStore *store = rapport_context_get_contact_store (rapport_application_get_context (RAPPORT_APPLICATION (self->application)));
  g_autoptr(RapportContactQuery) query = rapport_contact_query_new ();
  g_autofree char *text = g_strjoinv (" ", (char **) terms);

  g_strstrip (text);
  if (store == NULL || *text == '\0')
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as [],)"));
      return;
    }

  query->text = g_steal_pointer (&text);
  query->limit = MAX_RESULTS;
  rapport_contact_store_query_async (store, query, NULL, query_done_cb, request_new (self, invocation));
}

/* }}} */
/* Metas {{{ */

/* The first letters of the first and last words, as the app's avatars show
 * them ("Ana Ruiz" → "AR", "李雷" → "李"). */
static char *
dup_initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t", -1);
  GString *initials = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0')
        n++;
    }

  for (guint i = 0, seen = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      seen++;
      if (seen == 1 || (seen == n && n > 1))
        {
          gunichar c = g_unichar_toupper (g_utf8_get_char (words[i]));

          g_string_append_unichar (initials, c);
        }
    }

  return g_string_free (initials, FALSE);
}

/* A round avatar with the contact's initials, in one of libadwaita's avatar
 * colours chosen by the name, as an SVG the Shell can draw. */
static GIcon *
new_avatar_icon (const char *name)
{
  static const char * const colours[][2] = {
    { "#cfe1f5", "#1c71d8" }, { "#caf2d1", "#26a269" }, { "#f9f06b", "#986a44" },
    { "#ffc8a3", "#c64600" }, { "#f6c6cb", "#c01c28" }, { "#e7c6f5", "#813d9c" },
    { "#e6d4c3", "#865e3c" }, { "#d9dadb", "#3d3846" },
  };
  g_autofree char *initials = dup_initials (name);
  g_autofree char *escaped = g_markup_escape_text (initials, -1);
  guint colour = g_str_hash (name) % G_N_ELEMENTS (colours);
  g_autoptr(GBytes) bytes = NULL;
  char *svg;

  svg = g_strdup_printf ("<svg xmlns='http://www.w3.org/2000/svg' width='64' height='64' viewBox='0 0 64 64'>"
                         "<circle cx='32' cy='32' r='32' fill='%s'/>"
                         "<text x='32' y='32' dy='.35em' text-anchor='middle' font-family='Cantarell, sans-serif' "
                         "font-size='26' font-weight='bold' fill='%s'>%s</text></svg>",
                         colours[colour][0], colours[colour][1], escaped);
  bytes = g_bytes_new_take (svg, strlen (svg));
  return g_bytes_icon_new (bytes);
}

/* "Designer at Acme", "Acme" or "Designer": what the contact list shows under a name. */
static char *
dup_description (RapportContact *contact)
{
  const char *role = rapport_contact_get_role (contact);
  const char *organisation = rapport_contact_get_organisation (contact);

  if (*role != '\0' && *organisation != '\0')
    /* Translators: a contact's role at their organisation, as in "Designer at Acme" */
    return g_strdup_printf (_("%s at %s"), role, organisation);

  return g_strdup (*role != '\0' ? role : organisation);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  GVariantBuilder builder;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    g_debug ("Could not load the results: %s", error->message);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);
      const char *name = rapport_contact_get_display_name (contact);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rapport_contact_get_id (contact));
      g_autofree char *description = dup_description (contact);
      g_autoptr(GIcon) icon = new_avatar_icon (name);

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (id));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "icon", g_icon_serialize (icon));
      g_variant_builder_close (&builder);
    }

  g_dbus_method_invocation_return_value (request->invocation, g_variant_new ("(aa{sv})", &builder));
}

static void
get_result_metas (RapportSearchProvider *self,
                  GDBusMethodInvocation *invocation,
                  const char * const    *identifiers)
{
  RapportContactStore *store = rapport_context_get_contact_store (rapport_application_get_context (RAPPORT_APPLICATION (self->application)));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (identifiers[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }

  if (store == NULL || ids->len == 0)
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@aa{sv} [],)"));
      return;
    }

  rapport_contact_store_load_async (store, (const gint64 *) ids->data, ids->len, NULL,
                                    load_done_cb, request_new (self, invocation));
}

/* }}} */
/* Activation {{{ */

static void
activate_window_action (RapportSearchProvider *self,
                        const char            *name,
                        GVariant              *parameter)
{
  GtkWindow *window;

  /* As a notification's click does: the application presents its window,
   * and the window's action does the rest. */
  g_application_activate (self->application);
  window = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  if (window != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window), name, parameter);
  else if (parameter != NULL)
    g_variant_unref (g_variant_ref_sink (parameter));
}

/* }}} */

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  RapportSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      search (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      /* The query is as fast as narrowing the previous results would be. */
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      search (self, invocation, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **identifiers = NULL;

      g_variant_get (parameters, "(^a&s)", &identifiers);
      get_result_metas (self, invocation, identifiers);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *identifier;
      gint64 id;

      g_variant_get (parameters, "(&sasu)", &identifier, NULL, NULL);
      id = g_ascii_strtoll (identifier, NULL, 10);
      activate_window_action (self, "show-contact", g_variant_new_int64 (id));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      activate_window_action (self, "find", NULL);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static void
rapport_search_provider_dispose (GObject *object)
{
  RapportSearchProvider *self = RAPPORT_SEARCH_PROVIDER (object);

  rapport_search_provider_unregister (self);

  G_OBJECT_CLASS (rapport_search_provider_parent_class)->dispose (object);
}

static void
rapport_search_provider_class_init (RapportSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_search_provider_dispose;
}

static void
rapport_search_provider_init (RapportSearchProvider *self)
{
}

RapportSearchProvider *
rapport_search_provider_new (GApplication *application)
{
  RapportSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (RAPPORT_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  return self;
}

/**
 * rapport_search_provider_register:
 * @self: a #RapportSearchProvider
 * @connection: the application's bus
 * @object_path: where the Shell looks (the search provider file's ObjectPath)
 * @error: return location for a #GError
 *
 * Called from the application's dbus_register, before startup: the stores
 * are looked up for each request, not now.
 */
gboolean
rapport_search_provider_register (RapportSearchProvider  *self,
                                  GDBusConnection        *connection,
                                  const char             *object_path,
                                  GError                **error)
{
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
rapport_search_provider_unregister (RapportSearchProvider *self)
{
  g_return_if_fail (RAPPORT_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
