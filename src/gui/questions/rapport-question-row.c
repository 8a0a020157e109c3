/* rapport-question-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-question-row"

#include "config.h"

#include <glib/gi18n.h>
#include "rapport-accessible.h"
#include "rapport-question-row.h"
#include "rapport-text.h"

/* One question of the bank: its words, how often meetings asked it, a star
 * and a menu. The row is kept across reloads of the bank and only given the
 * new state, so that the keyboard focus stays where the user left it. Its
 * buttons act through the page's "questions.*" actions. */
struct _RapportQuestionRow
{
  AdwActionRow     parent_instance;

  RapportQuestion *question;
  char            *folded;       /* the text for searching */
  gboolean         updating;     /* the star is being set from the model */

  /* Template children */
  GtkToggleButton *star_button;
  GtkMenuButton   *menu_button;
};

G_DEFINE_FINAL_TYPE (RapportQuestionRow, rapport_question_row, ADW_TYPE_ACTION_ROW)

static void
update_star (RapportQuestionRow *self)
{
  gboolean starred = rapport_question_get_starred (self->question);
  const char *label = starred ? _("Unstar") : _("Star");

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  self->updating = FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (self->star_button), starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->star_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (RapportQuestionRow *self)
{
  guint uses = rapport_question_get_use_count (self->question);
  RapportTiara tiara = rapport_question_get_tiara (self->question);
  g_autofree char *subtitle = NULL;
  g_autofree char *used = NULL;
  g_autofree char *words = NULL;

  if (uses == 0)
    used = g_strdup (_("Not used yet"));
  else
    used = g_strdup_printf (ngettext ("Used %u time", "Used %u times", uses), uses);
  if (tiara != RAPPORT_TIARA_NONE)
    /* Translators: a question's TIARA area (Trends, Advice…), then how often it was used */
    subtitle = g_strdup_printf (_("%s · %s"), rapport_tiara_get_name (tiara), used);
  else
    subtitle = g_steal_pointer (&used);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), rapport_question_get_text (self->question));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* A search for "trends" finds the questions of that area too. */
  words = g_strconcat (rapport_question_get_text (self->question), " ",
                       tiara != RAPPORT_TIARA_NONE ? rapport_tiara_get_name (tiara) : "", NULL);
  g_free (self->folded);
  self->folded = rapport_text_fold (words);

  update_star (self);
}

static void
star_toggled_cb (RapportQuestionRow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->star_button);

  if (self->updating)
    return;

  /* Shown at once; the reload after the write confirms it. */
  rapport_question_set_starred (self->question, active);
  update_star (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "questions.set-starred", "(xb)",
                              rapport_question_get_id (self->question), active);
}

static void
rapport_question_row_dispose (GObject *object)
{
  RapportQuestionRow *self = RAPPORT_QUESTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_QUESTION_ROW);
  g_clear_object (&self->question);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (rapport_question_row_parent_class)->dispose (object);
}

static void
rapport_question_row_class_init (RapportQuestionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_question_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-question-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionRow, star_button);
  gtk_widget_class_bind_template_child (widget_class, RapportQuestionRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
}

static void
rapport_question_row_init (RapportQuestionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_question_row_new (RapportQuestion *question)
{
  RapportQuestionRow *self;

  g_return_val_if_fail (RAPPORT_IS_QUESTION (question), NULL);

  self = g_object_new (RAPPORT_TYPE_QUESTION_ROW, NULL);
  rapport_question_row_set_question (self, question);
  return GTK_WIDGET (self);
}

RapportQuestion *
rapport_question_row_get_question (RapportQuestionRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_ROW (self), NULL);

  return self->question;
}

/**
 * rapport_question_row_set_question:
 *
 * Shows @question, a newer state of the same one or another.
 */
void
rapport_question_row_set_question (RapportQuestionRow *self,
                                   RapportQuestion    *question)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) move = g_menu_item_new (_("_Move to Category…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Delete"), NULL);
  GVariant *id;

  g_return_if_fail (RAPPORT_IS_QUESTION_ROW (self));
  g_return_if_fail (RAPPORT_IS_QUESTION (question));

  g_set_object (&self->question, question);
  update (self);

  id = g_variant_ref_sink (g_variant_new_int64 (rapport_question_get_id (question)));
  g_menu_item_set_action_and_target_value (edit, "questions.edit", id);
  g_menu_item_set_action_and_target_value (move, "questions.move", id);
  g_menu_item_set_action_and_target_value (remove, "questions.delete", id);
  g_variant_unref (id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, move);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/**
 * rapport_question_row_matches:
 * @folded_search: (nullable): the search, already folded with
 *   rapport_text_fold(); every word must appear
 */
gboolean
rapport_question_row_matches (RapportQuestionRow *self,
                              const char         *folded_search,
                              gboolean            starred_only)
{
  g_return_val_if_fail (RAPPORT_IS_QUESTION_ROW (self), FALSE);

  if (starred_only && !rapport_question_get_starred (self->question))
    return FALSE;
  return rapport_text_has_words (self->folded, folded_search);
}
