/* rapport-contact.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where an outreach stands. Stored as these numbers: append, never reorder. */
typedef enum
{
  RAPPORT_STAGE_TO_CONTACT,
  RAPPORT_STAGE_REQUEST_SENT,
  RAPPORT_STAGE_SCHEDULED,
  RAPPORT_STAGE_MET,
  RAPPORT_STAGE_THANKED,
  RAPPORT_STAGE_KEEPING_IN_TOUCH,
  RAPPORT_STAGE_DECLINED,
  RAPPORT_STAGE_NO_REPLY,
  RAPPORT_STAGE_PAUSED,
} RapportStage;

#define RAPPORT_N_STAGES (RAPPORT_STAGE_PAUSED + 1)

#define RAPPORT_TYPE_STAGE (rapport_stage_get_type ())
GType        rapport_stage_get_type   (void) G_GNUC_CONST;
const char  *rapport_stage_get_label  (RapportStage stage);

/* A contact that follows the playbook chosen in Preferences (NULL in
 * contact.playbook); otherwise the value is a RapportPlaybook. */
#define RAPPORT_CONTACT_PLAYBOOK_DEFAULT (-1)

#define RAPPORT_TYPE_CONTACT (rapport_contact_get_type ())

G_DECLARE_FINAL_TYPE (RapportContact, rapport_contact, RAPPORT, CONTACT, GObject)

RapportContact      *rapport_contact_new                  (void);
RapportContact      *rapport_contact_copy                 (RapportContact      *self);
gint64               rapport_contact_get_id               (RapportContact      *self);
void                 rapport_contact_set_id               (RapportContact      *self,
                                                           gint64               id);
gboolean             rapport_contact_get_loaded           (RapportContact      *self);
void                 rapport_contact_set_loaded           (RapportContact      *self,
                                                           gboolean             loaded);
const char          *rapport_contact_get_display_name     (RapportContact      *self);
void                 rapport_contact_set_display_name     (RapportContact      *self,
                                                           const char          *display_name);
const char          *rapport_contact_get_given_name       (RapportContact      *self);
void                 rapport_contact_set_given_name       (RapportContact      *self,
                                                           const char          *given_name);
const char          *rapport_contact_get_family_name      (RapportContact      *self);
void                 rapport_contact_set_family_name      (RapportContact      *self,
                                                           const char          *family_name);
const char          *rapport_contact_get_role             (RapportContact      *self);
void                 rapport_contact_set_role             (RapportContact      *self,
                                                           const char          *role);
const char          *rapport_contact_get_organisation     (RapportContact      *self);
void                 rapport_contact_set_organisation     (RapportContact      *self,
                                                           const char          *organisation);
const char          *rapport_contact_get_profile_url      (RapportContact      *self);
void                 rapport_contact_set_profile_url      (RapportContact      *self,
                                                           const char          *profile_url);
const char          *rapport_contact_get_location         (RapportContact      *self);
void                 rapport_contact_set_location         (RapportContact      *self,
                                                           const char          *location);
const char          *rapport_contact_get_source           (RapportContact      *self);
void                 rapport_contact_set_source           (RapportContact      *self,
                                                           const char          *source);
const char          *rapport_contact_get_notes            (RapportContact      *self);
void                 rapport_contact_set_notes            (RapportContact      *self,
                                                           const char          *notes);
const char          *rapport_contact_get_birthday         (RapportContact      *self);
void                 rapport_contact_set_birthday         (RapportContact      *self,
                                                           const char          *birthday);
const char * const  *rapport_contact_get_emails           (RapportContact      *self);
void                 rapport_contact_set_emails           (RapportContact      *self,
                                                           const char * const  *emails);
const char * const  *rapport_contact_get_phones           (RapportContact      *self);
void                 rapport_contact_set_phones           (RapportContact      *self,
                                                           const char * const  *phones);
const char * const  *rapport_contact_get_tags             (RapportContact      *self);
void                 rapport_contact_set_tags             (RapportContact      *self,
                                                           const char * const  *tags);
gint64               rapport_contact_get_referred_by_id   (RapportContact      *self);
void                 rapport_contact_set_referred_by_id   (RapportContact      *self,
                                                           gint64               referred_by_id);
const char          *rapport_contact_get_referred_by_name (RapportContact      *self);
void                 rapport_contact_set_referred_by_name (RapportContact      *self,
                                                           const char          *referred_by_name);
RapportStage         rapport_contact_get_stage            (RapportContact      *self);
void                 rapport_contact_set_stage            (RapportContact      *self,
                                                           RapportStage         stage);
int                  rapport_contact_get_playbook         (RapportContact      *self);
void                 rapport_contact_set_playbook         (RapportContact      *self,
                                                           int                  playbook);
GDateTime           *rapport_contact_get_created          (RapportContact      *self);
void                 rapport_contact_set_created          (RapportContact      *self,
                                                           GDateTime           *created);
GDateTime           *rapport_contact_get_updated          (RapportContact      *self);
void                 rapport_contact_set_updated          (RapportContact      *self,
                                                           GDateTime           *updated);
GDateTime           *rapport_contact_get_last_contacted   (RapportContact      *self);
void                 rapport_contact_set_last_contacted   (RapportContact      *self,
                                                           GDateTime           *last_contacted);
const char          *rapport_contact_get_primary_email    (RapportContact      *self);
void                 rapport_contact_update_from          (RapportContact      *self,
                                                           RapportContact      *other);

G_END_DECLS
