/* test-import-helpers.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-csv.h"
#include "rapport-vcard.h"

G_BEGIN_DECLS

#define assert_strv(actual, ...) \
  assert_strv_equal ((actual), (const char * const []) { __VA_ARGS__, NULL })

char      *load_fixture          (const char          *name,
                                  gsize               *length);
GPtrArray *parse_vcard_fixture   (const char          *name);
GPtrArray *parse_csv_fixture     (const char          *name);
void       assert_strv_equal     (const char * const  *actual,
                                  const char * const  *expected);
void       assert_empty_strv     (const char * const  *actual);
void       assert_fresh          (RapportContact      *contact);
void       assert_error_at_line  (GError              *error,
                                  int                  code,
                                  guint                line);
void       assert_vcard_error    (const char          *data,
                                  int                  code,
                                  guint                line);
void       assert_csv_error      (const char          *data,
                                  int                  code,
                                  guint                line);
void       assert_contacts_equal (GPtrArray           *expected,
                                  GPtrArray           *actual,
                                  gboolean             with_referrer);
GPtrArray *new_sample_contacts   (void);

/* In test-import-csv.c, called by test-import.c's main(). */
void       add_csv_tests         (void);

G_END_DECLS
