/* rapport-import-util.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-import-private.h"

static gpointer
drop_array_thread (gpointer data)
{
  g_ptr_array_unref (data);
  return NULL;
}

/*
 * Frees what a cancelled or failed reader had read so far. A million rows
 * take a second to free, and Cancel must answer at once, so a large array
 * is freed on a thread of its own while the error goes back.
 */
void
_rapport_import_drop_array (GPtrArray *array)
{
  if (array == NULL)
    return;

  if (array->len < 10000)
    g_ptr_array_unref (array);
  else
    g_thread_unref (g_thread_new ("rapport-import-free", drop_array_thread, array));
}

/*
 * Text files hold no C0 control characters besides the white space ones
 * (and DOS's end-of-file mark), so the first other one is a sure sign of a
 * binary file; its NUL bytes would also cut every C string short. The
 * writers leave these out, so that Rapport reads back what it writes.
 */
gboolean
_rapport_import_is_binary_char (char c)
{
  return (guchar) c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1a;
}

static gboolean
is_family_first_script (const char *name)
{
  switch ((int) g_unichar_get_script (g_utf8_get_char (name)))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;

    default:
      return FALSE;
    }
}

/*
 * The name to show when a file gives only its parts. Chinese, Japanese and
 * Korean names are written family name first and without a space (李雷, not
 * "雷 李").
 */
char *
_rapport_import_compose_name (const char *given,
                              const char *family)
{
  g_autofree char *g = g_strstrip (g_strdup (given != NULL ? given : ""));
  g_autofree char *f = g_strstrip (g_strdup (family != NULL ? family : ""));

  if (*g == '\0')
    return g_steal_pointer (&f);
  if (*f == '\0')
    return g_steal_pointer (&g);
  if (is_family_first_script (g) && is_family_first_script (f))
    return g_strconcat (f, g, NULL);

  return g_strconcat (g, " ", f, NULL);
}

void
_rapport_value_set_clear (RapportValueSet *set)
{
  g_clear_pointer (&set->preferred, g_ptr_array_unref);
  g_clear_pointer (&set->others, g_ptr_array_unref);
  g_clear_pointer (&set->seen, g_hash_table_unref);
}

/* Adds @value, trimmed, unless it is empty or already there. */
gboolean
_rapport_value_set_add (RapportValueSet *set,
                        const char      *value,
                        gboolean         preferred)
{
  g_autofree char *trimmed = NULL;

  if (value == NULL)
    return FALSE;

  if (set->seen == NULL)
    {
      set->preferred = g_ptr_array_new_with_free_func (g_free);
      set->others = g_ptr_array_new_with_free_func (g_free);
      set->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  trimmed = g_strstrip (g_strdup (value));
  if (*trimmed == '\0' || !g_hash_table_add (set->seen, g_ascii_strdown (trimmed, -1)))
    return FALSE;

  g_ptr_array_add (preferred ? set->preferred : set->others, g_steal_pointer (&trimmed));
  return TRUE;
}

guint
_rapport_value_set_count (const RapportValueSet *set)
{
  return set->seen != NULL ? set->preferred->len + set->others->len : 0;
}

/* The values, preferred first, as a NULL-terminated array (never a NULL
 * pdata: room for the terminator is reserved even when empty); @set is left empty. */
GPtrArray *
_rapport_value_set_steal (RapportValueSet *set)
{
  GPtrArray *all = g_ptr_array_new_null_terminated (_rapport_value_set_count (set) + 1, g_free, TRUE);

  if (set->seen == NULL)
    return all;

  for (guint i = 0; i < set->preferred->len; i++)
    g_ptr_array_add (all, g_steal_pointer (&set->preferred->pdata[i]));
  for (guint i = 0; i < set->others->len; i++)
    g_ptr_array_add (all, g_steal_pointer (&set->others->pdata[i]));
  _rapport_value_set_clear (set);

  return all;
}

/* Sets RAPPORT_IMPORT_ERROR_TOO_LARGE, naming @line, when @value is longer
 * than a field (or, with @is_note, a note) may be. */
gboolean
_rapport_import_check_length (const char  *value,
                              gboolean     is_note,
                              guint        line,
                              GError     **error)
{
  gsize max = is_note ? RAPPORT_IMPORT_MAX_NOTE : RAPPORT_IMPORT_MAX_FIELD;
  g_autofree char *size = NULL;

  if (strlen (value) <= max)
    return TRUE;

  size = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);
  if (is_note)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: %u is a line number, %s a size such as "1.0 MiB" */
                 _("Line %u holds a note of more than %s, longer than Rapport keeps"), line, size);
  else
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: %u is a line number, %s a size such as "64.0 KiB" */
                 _("Line %u holds a value of more than %s, longer than Rapport keeps in a field"), line, size);
  return FALSE;
}

/* Sets RAPPORT_IMPORT_ERROR_TOO_LARGE, naming the line where the contact
 * begins, when @set holds more than RAPPORT_IMPORT_MAX_VALUES. */
gboolean
_rapport_value_set_check_size (const RapportValueSet  *set,
                               RapportValueKind        kind,
                               guint                   line,
                               GError                **error)
{
  const guint max = RAPPORT_IMPORT_MAX_VALUES;

  if (_rapport_value_set_count (set) <= max)
    return TRUE;

  if (kind == RAPPORT_VALUE_EMAIL)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: the first %u is a line number, the second a limit such as 1000 */
                 ngettext ("The contact on line %u has more than %u email address",
                           "The contact on line %u has more than %u email addresses", max), line, max);
  else if (kind == RAPPORT_VALUE_PHONE)
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: the first %u is a line number, the second a limit such as 1000 */
                 ngettext ("The contact on line %u has more than %u phone number",
                           "The contact on line %u has more than %u phone numbers", max), line, max);
  else
    g_set_error (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE,
                 /* Translators: the first %u is a line number, the second a limit such as 1000 */
                 ngettext ("The contact on line %u has more than %u tag",
                           "The contact on line %u has more than %u tags", max), line, max);
  return FALSE;
}

/*
 * Accepts the stage's nick ("keeping-in-touch"), which is what Rapport
 * writes, and also what people type in a spreadsheet: the English label in
 * any case ("Keeping in touch") or the label in the current language.
 */
gboolean
_rapport_import_parse_stage (const char   *text,
                             RapportStage *stage)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (RAPPORT_TYPE_STAGE);
  g_autofree char *nick = NULL;
  g_autofree char *folded = NULL;
  GEnumValue *value;

  g_assert (text != NULL);
  g_assert (stage != NULL);

  nick = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (nick, " _", '-');

  if ((value = g_enum_get_value_by_nick (enum_class, nick)) != NULL)
    {
      *stage = value->value;
      return TRUE;
    }

  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < RAPPORT_N_STAGES; i++)
    {
      g_autofree char *label = g_utf8_casefold (rapport_stage_get_label (i), -1);

      if (g_strcmp0 (label, folded) == 0)
        {
          *stage = i;
          return TRUE;
        }
    }

  return FALSE;
}

RapportContact *
_rapport_import_new_contact (void)
{
  RapportContact *contact = rapport_contact_new ();

  rapport_contact_set_loaded (contact, TRUE);
  return contact;
}

gboolean
_rapport_import_is_row_error (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INCOMPLETE) ||
          g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_INVALID_VALUE) ||
          g_error_matches (error, RAPPORT_IMPORT_ERROR, RAPPORT_IMPORT_ERROR_TOO_LARGE));
}
