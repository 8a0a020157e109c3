/* test-contact-util.h -- the contact store fixture and helpers of the contact tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-store.h"

G_BEGIN_DECLS

typedef struct
{
  RapportDatabase     *db;
  RapportContactStore *store;
  guint                n_changed;   /* "changed" emissions seen */
} ContactFixture;

/* Adds a test of the store, run on a fresh database. */
#define TEST_CONTACT_ADD(path, func) \
  g_test_add ("/contact-store/" path, ContactFixture, NULL, test_contact_fixture_set_up, func, \
              test_contact_fixture_tear_down)

void            test_contact_fixture_set_up    (ContactFixture            *fixture,
                                                gconstpointer              data);
void            test_contact_fixture_tear_down (ContactFixture            *fixture,
                                                gconstpointer              data);
RapportContact *test_make_contact              (const char                *name,
                                                const char                *organisation,
                                                const char                *email);
gint64          test_save_contact              (ContactFixture            *fixture,
                                                RapportContact            *contact);
RapportContact *test_load_contact              (ContactFixture            *fixture,
                                                gint64                     id);
GArray         *test_query_contacts            (ContactFixture            *fixture,
                                                const RapportContactQuery *q);
GArray         *test_search_contacts           (ContactFixture            *fixture,
                                                const char                *text);

G_END_DECLS
