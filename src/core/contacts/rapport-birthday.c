/* rapport-birthday.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact"

#include "config.h"

#include <glib/gi18n.h>
#include "rapport-birthday.h"

/* A leap year, so that a birthday on 29 February without a year is a date. */
#define ANY_LEAP_YEAR 2000

static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return TRUE;
}

static gboolean
valid (int year,
       int month,
       int day)
{
  if (month < 1 || month > 12 || day < 1 || day > 31)
    return FALSE;
  return g_date_valid_dmy (day, month, year != RAPPORT_BIRTHDAY_NO_YEAR ? year : ANY_LEAP_YEAR);
}

/**
 * rapport_birthday_parse:
 * @text: (nullable): a date as vCard 3 or 4 writes it: "1990-04-12",
 *   "19900412", "--04-12", "--0412", maybe followed by a time
 * @year: (out): the year, or %RAPPORT_BIRTHDAY_NO_YEAR
 * @month: (out): the month, 1 to 12
 * @day: (out): the day of the month
 *
 * Returns: whether @text is a day of a month, with or without a year; a
 *   year alone, a month alone or free text ("circa 1800") is not
 */
gboolean
rapport_birthday_parse (const char *text,
                        int        *year,
                        int        *month,
                        int        *day)
{
  const char *p = text;
  int y = RAPPORT_BIRTHDAY_NO_YEAR, m, d;
  gboolean extended = FALSE;

  g_return_val_if_fail (year != NULL && month != NULL && day != NULL, FALSE);

  if (p == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;

  if (g_str_has_prefix (p, "--"))
    p += 2;
  else if (!read_digits (&p, 4, &y) || y == RAPPORT_BIRTHDAY_NO_YEAR)
    return FALSE;
  else if (*p == '-')
    {
      extended = TRUE;
      p++;
    }

  if (!read_digits (&p, 2, &m))
    return FALSE;
  /* The separators go together: "1990-04-12" and "19900412", not "1990-0412". */
  if (*p == '-' && (extended || y == RAPPORT_BIRTHDAY_NO_YEAR))
    p++;
  else if (extended)
    return FALSE;
  if (!read_digits (&p, 2, &d))
    return FALSE;

  /* A date-time (vCard 3 allows one) keeps its date; anything else is not a date. */
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' && *p != 'T' && *p != 't')
    return FALSE;

  if (!valid (y, m, d))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/**
 * rapport_birthday_new:
 *
 * Returns: (transfer full) (nullable): the birthday as Rapport keeps it, or
 *   %NULL if it is not a date
 */
char *
rapport_birthday_new (int year,
                      int month,
                      int day)
{
  if (year < 0 || year > 9999 || !valid (year, month, day))
    return NULL;

  if (year == RAPPORT_BIRTHDAY_NO_YEAR)
    return g_strdup_printf ("--%02d-%02d", month, day);
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * rapport_birthday_normalize:
 *
 * Returns: (transfer full) (nullable): @text as Rapport keeps a birthday,
 *   or %NULL if it is not one
 */
char *
rapport_birthday_normalize (const char *text)
{
  int year, month, day;

  if (!rapport_birthday_parse (text, &year, &month, &day))
    return NULL;
  return rapport_birthday_new (year, month, day);
}

/**
 * rapport_birthday_to_vcard:
 *
 * Returns: (transfer full) (nullable): the birthday in vCard 4.0's basic
 *   format ("19900412", "--0412"; RFC 6350 has no "1990-04-12")
 */
char *
rapport_birthday_to_vcard (const char *birthday)
{
  int year, month, day;

  if (!rapport_birthday_parse (birthday, &year, &month, &day))
    return NULL;
  if (year == RAPPORT_BIRTHDAY_NO_YEAR)
    return g_strdup_printf ("--%02d%02d", month, day);
  return g_strdup_printf ("%04d%02d%02d", year, month, day);
}

/**
 * rapport_birthday_dup_label:
 *
 * Returns: (transfer full) (nullable): the birthday for people, "12 April
 *   1990" or "12 April", in the user's language
 */
char *
rapport_birthday_dup_label (const char *birthday)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (!rapport_birthday_parse (birthday, &year, &month, &day))
    return NULL;

  date = g_date_time_new_utc (year != RAPPORT_BIRTHDAY_NO_YEAR ? year : ANY_LEAP_YEAR, month, day, 0, 0, 0);
  if (year == RAPPORT_BIRTHDAY_NO_YEAR)
    /* Translators: a birthday without its year, as g_date_time_format() writes it: "12 April" */
    return g_date_time_format (date, C_("birthday", "%-d %B"));
  /* Translators: a birthday, as g_date_time_format() writes it: "12 April 1990" */
  return g_date_time_format (date, C_("birthday", "%-d %B %Y"));
}
