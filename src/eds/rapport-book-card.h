/* rapport-book-card.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact.h"

G_BEGIN_DECLS

/* The standard fields that a contact kept in sync with an address book
 * shares with it, the same on both sides so that they compare. Lists
 * (emails, phones) are one value each line, in order. Stage, referrer,
 * tags and the timeline are Rapport's alone and are not here. */
typedef enum
{
  RAPPORT_BOOK_FIELD_FULL_NAME,
  RAPPORT_BOOK_FIELD_GIVEN_NAME,
  RAPPORT_BOOK_FIELD_FAMILY_NAME,
  RAPPORT_BOOK_FIELD_EMAILS,
  RAPPORT_BOOK_FIELD_PHONES,
  RAPPORT_BOOK_FIELD_ORGANISATION,
  RAPPORT_BOOK_FIELD_TITLE,
  RAPPORT_BOOK_FIELD_NOTE,
  RAPPORT_BOOK_FIELD_URL,
  RAPPORT_BOOK_FIELD_BIRTHDAY,   /* rapport-birthday.h's text */
} RapportBookField;

#define RAPPORT_BOOK_N_FIELDS (RAPPORT_BOOK_FIELD_BIRTHDAY + 1)

typedef struct
{
  char *values[RAPPORT_BOOK_N_FIELDS];   /* never NULL; "" when empty */
} RapportBookFields;

/* A contact of an address book: its EDS UID, its revision (REV) and its
 * standard fields. */
typedef struct
{
  char              *uid;
  char              *rev;
  RapportBookFields  fields;
} RapportBookCard;

void               rapport_book_fields_init         (RapportBookFields       *fields);
void               rapport_book_fields_clear        (RapportBookFields       *fields);
void               rapport_book_fields_copy         (RapportBookFields       *dest,
                                                     const RapportBookFields *src);
void               rapport_book_fields_set          (RapportBookFields       *fields,
                                                     RapportBookField         field,
                                                     const char              *value);
gboolean           rapport_book_fields_equal        (const RapportBookFields *a,
                                                     const RapportBookFields *b);
/* As stored in SQLite, and parsed back (FALSE for text that is not). */
char              *rapport_book_fields_serialize    (const RapportBookFields *fields);
gboolean           rapport_book_fields_parse        (RapportBookFields       *fields,
                                                     const char              *text);
/* A short digest of the fields, to tell whether a side changed. */
char              *rapport_book_fields_fingerprint  (const RapportBookFields *fields);
void               rapport_book_fields_from_contact (RapportBookFields       *fields,
                                                     RapportContact          *contact);
/* Sets @contact's standard fields; leaves everything else of it alone. */
void               rapport_book_fields_to_contact   (const RapportBookFields *fields,
                                                     RapportContact          *contact);

/* The field's name for people ("Phone numbers"). */
const char        *rapport_book_field_get_label     (RapportBookField         field);

RapportBookCard   *rapport_book_card_new            (const char              *uid,
                                                     const char              *rev);
void               rapport_book_card_free           (RapportBookCard         *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBookCard, rapport_book_card_free)

G_END_DECLS
