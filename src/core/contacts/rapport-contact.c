/* rapport-contact.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-birthday.h"
#include "rapport-contact.h"

/* The plain text fields, in the order of their properties. */
enum {
  FIELD_DISPLAY_NAME,
  FIELD_GIVEN_NAME,
  FIELD_FAMILY_NAME,
  FIELD_ROLE,
  FIELD_ORGANISATION,
  FIELD_PROFILE_URL,
  FIELD_LOCATION,
  FIELD_SOURCE,
  FIELD_NOTES,
  FIELD_REFERRED_BY_NAME,
  N_FIELDS
};

/* The lists, likewise. */
enum {
  LIST_EMAILS,
  LIST_PHONES,
  LIST_TAGS,
  N_LISTS
};

/* The dates, likewise. */
enum {
  DATE_CREATED,
  DATE_UPDATED,
  DATE_LAST_CONTACTED,
  N_DATES
};

struct _RapportContact
{
  GObject       parent_instance;

  gint64        id;
  gint64        referred_by_id;
  char         *fields[N_FIELDS];
  char        **lists[N_LISTS];
  GDateTime    *dates[N_DATES];
  char         *birthday;   /* rapport-birthday.h's text, or NULL */
  RapportStage  stage;
  int           playbook;
  gboolean      loaded;
};

G_DEFINE_FINAL_TYPE (RapportContact, rapport_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOADED,
  PROP_REFERRED_BY_ID,
  PROP_STAGE,
  PROP_PLAYBOOK,
  PROP_BIRTHDAY,
  PROP_FIRST_FIELD,
  PROP_LAST_FIELD = PROP_FIRST_FIELD + N_FIELDS - 1,
  PROP_FIRST_LIST,
  PROP_LAST_LIST = PROP_FIRST_LIST + N_LISTS - 1,
  PROP_FIRST_DATE,
  PROP_LAST_DATE = PROP_FIRST_DATE + N_DATES - 1,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[N_FIELDS] = {
  "display-name", "given-name", "family-name", "role", "organisation",
  "profile-url", "location", "source", "notes", "referred-by-name",
};
static const char * const list_names[N_LISTS] = { "emails", "phones", "tags" };
static const char * const date_names[N_DATES] = { "created", "updated", "last-contacted" };

static const GEnumValue stage_values[] = {
  { RAPPORT_STAGE_TO_CONTACT, "RAPPORT_STAGE_TO_CONTACT", "to-contact" },
  { RAPPORT_STAGE_REQUEST_SENT, "RAPPORT_STAGE_REQUEST_SENT", "request-sent" },
  { RAPPORT_STAGE_SCHEDULED, "RAPPORT_STAGE_SCHEDULED", "scheduled" },
  { RAPPORT_STAGE_MET, "RAPPORT_STAGE_MET", "met" },
  { RAPPORT_STAGE_THANKED, "RAPPORT_STAGE_THANKED", "thanked" },
  { RAPPORT_STAGE_KEEPING_IN_TOUCH, "RAPPORT_STAGE_KEEPING_IN_TOUCH", "keeping-in-touch" },
  { RAPPORT_STAGE_DECLINED, "RAPPORT_STAGE_DECLINED", "declined" },
  { RAPPORT_STAGE_NO_REPLY, "RAPPORT_STAGE_NO_REPLY", "no-reply" },
  { RAPPORT_STAGE_PAUSED, "RAPPORT_STAGE_PAUSED", "paused" },
  { 0, NULL, NULL }
};

GType
rapport_stage_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static (g_intern_static_string ("RapportStage"), stage_values));

  return type_id;
}

const char *
rapport_stage_get_label (RapportStage stage)
{
  switch (stage)
    {
    case RAPPORT_STAGE_TO_CONTACT:       return C_("stage", "To Contact");
    case RAPPORT_STAGE_REQUEST_SENT:     return C_("stage", "Request Sent");
    case RAPPORT_STAGE_SCHEDULED:        return C_("stage", "Scheduled");
    case RAPPORT_STAGE_MET:              return C_("stage", "Met");
    case RAPPORT_STAGE_THANKED:          return C_("stage", "Thanked");
    case RAPPORT_STAGE_KEEPING_IN_TOUCH: return C_("stage", "Keeping in Touch");
    case RAPPORT_STAGE_DECLINED:         return C_("stage", "Declined");
    case RAPPORT_STAGE_NO_REPLY:         return C_("stage", "No Reply");
    case RAPPORT_STAGE_PAUSED:           return C_("stage", "Paused");
    default:                             g_return_val_if_reached (NULL);
    }
}

/* Helpers {{{ */

static void
set_field (RapportContact *self,
           guint           field,
           const char     *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

static void
set_list (RapportContact     *self,
          guint               list,
          const char * const *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (g_strv_equal ((const char * const *) self->lists[list], value))
    return;

  g_strfreev (self->lists[list]);
  self->lists[list] = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_LIST + list]);
}

static void
set_date (RapportContact *self,
          guint           date,
          GDateTime      *value)
{
  if (self->dates[date] == value ||
      (self->dates[date] != NULL && value != NULL && g_date_time_equal (self->dates[date], value)))
    return;

  g_clear_pointer (&self->dates[date], g_date_time_unref);
  if (value != NULL)
    self->dates[date] = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_DATE + date]);
}

/* }}} */
/* GObject {{{ */

static void
rapport_contact_finalize (GObject *object)
{
  RapportContact *self = (RapportContact *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->lists[i], g_strfreev);
  for (guint i = 0; i < N_DATES; i++)
    g_clear_pointer (&self->dates[i], g_date_time_unref);
  g_clear_pointer (&self->birthday, g_free);

  G_OBJECT_CLASS (rapport_contact_parent_class)->finalize (object);
}

static void
rapport_contact_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RapportContact *self = RAPPORT_CONTACT (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
  else if (prop_id >= PROP_FIRST_LIST && prop_id <= PROP_LAST_LIST)
    g_value_set_boxed (value, self->lists[prop_id - PROP_FIRST_LIST]);
  else if (prop_id >= PROP_FIRST_DATE && prop_id <= PROP_LAST_DATE)
    g_value_set_boxed (value, self->dates[prop_id - PROP_FIRST_DATE]);
  else switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_REFERRED_BY_ID:
      g_value_set_int64 (value, self->referred_by_id);
      break;

    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;

    case PROP_PLAYBOOK:
      g_value_set_int (value, self->playbook);
      break;

    case PROP_BIRTHDAY:
      g_value_set_string (value, self->birthday);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RapportContact *self = RAPPORT_CONTACT (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id <= PROP_LAST_FIELD)
    set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
  else if (prop_id >= PROP_FIRST_LIST && prop_id <= PROP_LAST_LIST)
    set_list (self, prop_id - PROP_FIRST_LIST, g_value_get_boxed (value));
  else if (prop_id >= PROP_FIRST_DATE && prop_id <= PROP_LAST_DATE)
    set_date (self, prop_id - PROP_FIRST_DATE, g_value_get_boxed (value));
  else switch (prop_id)
    {
    case PROP_ID:
      rapport_contact_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_LOADED:
      rapport_contact_set_loaded (self, g_value_get_boolean (value));
      break;

    case PROP_REFERRED_BY_ID:
      rapport_contact_set_referred_by_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE:
      rapport_contact_set_stage (self, g_value_get_enum (value));
      break;

    case PROP_PLAYBOOK:
      rapport_contact_set_playbook (self, g_value_get_int (value));
      break;

    case PROP_BIRTHDAY:
      rapport_contact_set_birthday (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_class_init (RapportContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rapport_contact_finalize;
  object_class->get_property = rapport_contact_get_property;
  object_class->set_property = rapport_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  properties[PROP_REFERRED_BY_ID] = g_param_spec_int64 ("referred-by-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STAGE] = g_param_spec_enum ("stage", NULL, NULL, RAPPORT_TYPE_STAGE,
                                              RAPPORT_STAGE_TO_CONTACT, flags);
  properties[PROP_PLAYBOOK] = g_param_spec_int ("playbook", NULL, NULL, RAPPORT_CONTACT_PLAYBOOK_DEFAULT,
                                                G_MAXINT, RAPPORT_CONTACT_PLAYBOOK_DEFAULT, flags);
  properties[PROP_BIRTHDAY] = g_param_spec_string ("birthday", NULL, NULL, NULL, flags);

  /* The names are static strings, which G_PARAM_STATIC_STRINGS allows. */
  for (guint i = 0; i < N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = g_param_spec_string (field_names[i], NULL, NULL, "", flags);
  for (guint i = 0; i < N_LISTS; i++)
    properties[PROP_FIRST_LIST + i] = g_param_spec_boxed (list_names[i], NULL, NULL, G_TYPE_STRV, flags);
  for (guint i = 0; i < N_DATES; i++)
    properties[PROP_FIRST_DATE + i] = g_param_spec_boxed (date_names[i], NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_contact_init (RapportContact *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = g_strdup ("");
  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = g_new0 (char *, 1);
  self->playbook = RAPPORT_CONTACT_PLAYBOOK_DEFAULT;
}

/* }}} */
/* Public API {{{ */

RapportContact *
rapport_contact_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT, NULL);
}

/**
 * rapport_contact_copy:
 *
 * Returns: (transfer full): a new contact with the same values, for editing
 *   without touching the one the lists show
 */
RapportContact *
rapport_contact_copy (RapportContact *self)
{
  RapportContact *copy;

  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);

  copy = rapport_contact_new ();
  rapport_contact_update_from (copy, self);
  return copy;
}

/**
 * rapport_contact_update_from:
 *
 * Copies every value of @other into @self, notifying only what changed, so
 * that rows bound to @self redraw only where needed.
 */
void
rapport_contact_update_from (RapportContact *self,
                             RapportContact *other)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (RAPPORT_IS_CONTACT (other));

  g_object_freeze_notify (G_OBJECT (self));
  rapport_contact_set_id (self, other->id);
  rapport_contact_set_referred_by_id (self, other->referred_by_id);
  rapport_contact_set_stage (self, other->stage);
  rapport_contact_set_playbook (self, other->playbook);
  rapport_contact_set_birthday (self, other->birthday);
  for (guint i = 0; i < N_FIELDS; i++)
    set_field (self, i, other->fields[i]);
  for (guint i = 0; i < N_LISTS; i++)
    set_list (self, i, (const char * const *) other->lists[i]);
  for (guint i = 0; i < N_DATES; i++)
    set_date (self, i, other->dates[i]);
  rapport_contact_set_loaded (self, other->loaded);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64
rapport_contact_get_id (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);
  return self->id;
}

void
rapport_contact_set_id (RapportContact *self,
                        gint64          id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gboolean
rapport_contact_get_loaded (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), FALSE);
  return self->loaded;
}

void
rapport_contact_set_loaded (RapportContact *self,
                            gboolean        loaded)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));

  loaded = !!loaded;
  if (self->loaded != loaded)
    {
      self->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

gint64
rapport_contact_get_referred_by_id (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), 0);
  return self->referred_by_id;
}

void
rapport_contact_set_referred_by_id (RapportContact *self,
                                    gint64          referred_by_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));

  if (self->referred_by_id != referred_by_id)
    {
      self->referred_by_id = referred_by_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_BY_ID]);
    }
}

RapportStage
rapport_contact_get_stage (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), RAPPORT_STAGE_TO_CONTACT);
  return self->stage;
}

void
rapport_contact_set_stage (RapportContact *self,
                           RapportStage    stage)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (stage < RAPPORT_N_STAGES);

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
}

/* The contact's own follow-up routine, a RapportPlaybook (core/reminders),
 * or RAPPORT_CONTACT_PLAYBOOK_DEFAULT to follow the one in Preferences. */
int
rapport_contact_get_playbook (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), RAPPORT_CONTACT_PLAYBOOK_DEFAULT);
  return self->playbook;
}

void
rapport_contact_set_playbook (RapportContact *self,
                              int             playbook)
{
  g_return_if_fail (RAPPORT_IS_CONTACT (self));
  g_return_if_fail (playbook >= RAPPORT_CONTACT_PLAYBOOK_DEFAULT);

  if (self->playbook != playbook)
    {
      self->playbook = playbook;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBOOK]);
    }
}

/**
 * rapport_contact_get_birthday:
 *
 * Returns: (nullable): the birthday as "1990-04-12", or "--04-12" when the
 *   year is not known (rapport-birthday.h), or %NULL
 */
const char *
rapport_contact_get_birthday (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);
  return self->birthday;
}

/**
 * rapport_contact_set_birthday:
 * @birthday: (nullable): a date as vCard writes one, with or without the
 *   year; %NULL, "" or text that is not such a date clears it
 */
void
rapport_contact_set_birthday (RapportContact *self,
                              const char     *birthday)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (RAPPORT_IS_CONTACT (self));

  normal = rapport_birthday_normalize (birthday);
  if (g_strcmp0 (self->birthday, normal) == 0)
    return;

  g_free (self->birthday);
  self->birthday = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTHDAY]);
}

#define DEFINE_FIELD(name, FIELD)                                          \
const char *                                                               \
rapport_contact_get_##name (RapportContact *self)                          \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);                  \
  return self->fields[FIELD];                                              \
}                                                                          \
                                                                           \
void                                                                       \
rapport_contact_set_##name (RapportContact *self,                          \
                            const char     *value)                         \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT (self));                            \
  set_field (self, FIELD, value);                                          \
}

DEFINE_FIELD (display_name, FIELD_DISPLAY_NAME)
DEFINE_FIELD (given_name, FIELD_GIVEN_NAME)
DEFINE_FIELD (family_name, FIELD_FAMILY_NAME)
DEFINE_FIELD (role, FIELD_ROLE)
DEFINE_FIELD (organisation, FIELD_ORGANISATION)
DEFINE_FIELD (profile_url, FIELD_PROFILE_URL)
DEFINE_FIELD (location, FIELD_LOCATION)
DEFINE_FIELD (source, FIELD_SOURCE)
DEFINE_FIELD (notes, FIELD_NOTES)
DEFINE_FIELD (referred_by_name, FIELD_REFERRED_BY_NAME)

#define DEFINE_LIST(name, LIST)                                            \
const char * const *                                                       \
rapport_contact_get_##name (RapportContact *self)                          \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);                  \
  return (const char * const *) self->lists[LIST];                         \
}                                                                          \
                                                                           \
void                                                                       \
rapport_contact_set_##name (RapportContact     *self,                      \
                            const char * const *value)                     \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT (self));                            \
  set_list (self, LIST, value);                                            \
}

DEFINE_LIST (emails, LIST_EMAILS)
DEFINE_LIST (phones, LIST_PHONES)
DEFINE_LIST (tags, LIST_TAGS)

#define DEFINE_DATE(name, DATE)                                            \
GDateTime *                                                                \
rapport_contact_get_##name (RapportContact *self)                          \
{                                                                          \
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);                  \
  return self->dates[DATE];                                                \
}                                                                          \
                                                                           \
void                                                                       \
rapport_contact_set_##name (RapportContact *self,                          \
                            GDateTime      *value)                         \
{                                                                          \
  g_return_if_fail (RAPPORT_IS_CONTACT (self));                            \
  set_date (self, DATE, value);                                            \
}

DEFINE_DATE (created, DATE_CREATED)
DEFINE_DATE (updated, DATE_UPDATED)
DEFINE_DATE (last_contacted, DATE_LAST_CONTACTED)

/**
 * rapport_contact_get_primary_email:
 *
 * Returns: (nullable): the first email address, or %NULL
 */
const char *
rapport_contact_get_primary_email (RapportContact *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT (self), NULL);
  return self->lists[LIST_EMAILS][0];
}

/* }}} */
