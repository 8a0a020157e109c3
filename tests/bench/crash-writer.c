/* crash-writer.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes to a Rapport database through the app's own write paths (new
 * contacts, their timeline entries, stage changes, meetings and the notes
 * typed in them) until it is killed, and
 * prints each write the store has reported committed, flushed at once:
 *
 *   C <contact id>      a contact was saved
 *   I <entry id>        a timeline entry was saved
 *   S <contact id> <n>  the contact's stage was set to n (the last such line
 *                       for a contact is what it must have)
 *   M <meeting id>      a meeting was scheduled
 *   N <meeting id> <i>  its notes were saved as "Notes typed in meeting <i>"
 *
 * tests/bench/crash-safety.py kills it at random moments and checks that all
 * it printed is still in the database.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rapport-contact-store.h"
#include "rapport-meeting-store.h"
#include "rapport-reminder-sql.h"

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportDatabase) db = NULL;
  g_autoptr(RapportContactStore) store = NULL;
  g_autoptr(RapportMeetingStore) meetings = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s DATABASE\n", argv[0]);
      return EXIT_FAILURE;
    }

  db = rapport_database_new (argv[1]);
  rapport_reminder_rules_attach (db);
  if (!rapport_database_open (db, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  store = rapport_contact_store_new (db);
  meetings = rapport_meeting_store_new (store);

  for (guint i = 0; ; i++)
    {
      g_autoptr(RapportContact) contact = rapport_contact_new ();
      g_autoptr(RapportInteraction) entry = NULL;
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *name = g_strdup_printf ("Writer contact %u", i);
      const char *emails[] = { NULL, NULL };
      g_autofree char *email = g_strdup_printf ("writer%u@example.org", i);
      g_autoptr(RapportMeeting) meeting = NULL;
      g_autofree char *notes = NULL;
      gint64 id;
      gint64 entry_id;
      gint64 meeting_id;

      emails[0] = email;
      rapport_contact_set_display_name (contact, name);
      rapport_contact_set_organisation (contact, i % 2 ? "Crash Test Ltd" : "Kill Nine GmbH");
      rapport_contact_set_emails (contact, emails);
      rapport_contact_set_notes (contact, "Meeting notes typed during a meeting, saved as typed.");

      rapport_contact_store_save_async (store, contact, NULL, store_result_cb, &result);
      id = rapport_contact_store_save_finish (store, wait_for (&result), &error);
      g_assert_no_error (error);
      printf ("C %" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
      g_clear_object (&result);

      entry = rapport_interaction_new (id, RAPPORT_INTERACTION_NOTE, now, "Notes during the meeting",
                                       "They said the best way in is a small project.");
      rapport_contact_store_save_interaction_async (store, entry, NULL, store_result_cb, &result);
      entry_id = rapport_contact_store_save_interaction_finish (store, wait_for (&result), &error);
      g_assert_no_error (error);
      printf ("I %" G_GINT64_FORMAT "\n", entry_id);
      fflush (stdout);
      g_clear_object (&result);

      rapport_contact_store_set_stage_async (store, id, RAPPORT_STAGE_MET, NULL, store_result_cb, &result);
      g_assert_true (rapport_contact_store_set_stage_finish (store, wait_for (&result), &error));
      printf ("S %" G_GINT64_FORMAT " %d\n", id, RAPPORT_STAGE_MET);
      fflush (stdout);
      g_clear_object (&result);

      /* A meeting, and its notes as the meeting window saves them. */
      meeting = rapport_meeting_new (id, g_date_time_to_unix (now), 20);
      rapport_meeting_store_save_async (meetings, meeting, NULL, store_result_cb, &result);
      meeting_id = rapport_meeting_store_save_finish (meetings, wait_for (&result), &error);
      g_assert_no_error (error);
      /* scheduling it moved the contact to Scheduled, in the same commit */
      printf ("M %" G_GINT64_FORMAT "\nS %" G_GINT64_FORMAT " %d\n", meeting_id, id, RAPPORT_STAGE_SCHEDULED);
      fflush (stdout);
      g_clear_object (&result);

      notes = g_strdup_printf ("Notes typed in meeting %u", i);
      rapport_meeting_store_save_notes_async (meetings, meeting_id, notes, 0, NULL, store_result_cb, &result);
      g_assert_true (rapport_meeting_store_save_notes_finish (meetings, wait_for (&result), &error));
      printf ("N %" G_GINT64_FORMAT " %u\n", meeting_id, i);
      fflush (stdout);
    }

  return EXIT_SUCCESS;
}
