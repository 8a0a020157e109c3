/* rapport-target-row.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-target-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-target-row.h"
#include "rapport-target-text.h"
#include "rapport-wrap-box.h"

/* One organisation of the target list: its name, its next step, who of
 * the user's contacts works there, and its four ratings, each a drop-down
 * the keyboard opens and sets. A recycled row of the list view: it shows
 * whichever target it is given and says what the user changed with its
 * "rate" and "remove" signals; the page writes it. */
struct _RapportTargetRow
{
  GtkWidget      parent_instance;

  RapportTarget *target;     /* owned */
  gboolean       binding;    /* the drop-downs are being set to the target's values */

  /* Template children */
  GtkLabel      *name_label;
  GtkWidget     *focus_label;
  GtkLabel      *step_label;
  GtkLabel      *people_label;
  GtkWidget     *remove_button;
  GtkDropDown   *advocacy_drop_down;
  GtkDropDown   *motivation_drop_down;
  GtkDropDown   *posting_drop_down;
  GtkDropDown   *stage_drop_down;
};

G_DEFINE_FINAL_TYPE (RapportTargetRow, rapport_target_row, GTK_TYPE_WIDGET)

enum { RATE, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The lowest value of each field, shown as its first choice. */
static int
first_value (RapportTargetField field)
{
  return field == RAPPORT_TARGET_FIELD_POSTING ? 1 : 0;
}

static RapportTargetField
field_of (RapportTargetRow *self,
          GtkDropDown      *drop_down)
{
  if (drop_down == self->advocacy_drop_down)
    return RAPPORT_TARGET_FIELD_ADVOCACY;
  if (drop_down == self->motivation_drop_down)
    return RAPPORT_TARGET_FIELD_MOTIVATION;
  if (drop_down == self->posting_drop_down)
    return RAPPORT_TARGET_FIELD_POSTING;
  return RAPPORT_TARGET_FIELD_STAGE;
}

static void
selected_cb (RapportTargetRow *self,
             GParamSpec       *pspec,
             GtkDropDown      *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  RapportTargetField field = field_of (self, drop_down);

  if (self->binding || self->target == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_signal_emit (self, signals[RATE], 0, rapport_target_get_organisation_id (self->target), field,
                 first_value (field) + (int) selected);
}

static void
remove_clicked_cb (RapportTargetRow *self)
{
  if (self->target != NULL)
    g_signal_emit (self, signals[REMOVE], 0, rapport_target_get_organisation_id (self->target));
}

static void
rapport_target_row_dispose (GObject *object)
{
  RapportTargetRow *self = RAPPORT_TARGET_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TARGET_ROW);
  /* dispose_template() unparents only the bound children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (rapport_target_row_parent_class)->dispose (object);
}

static void
rapport_target_row_class_init (RapportTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_target_row_dispose;

  /* (organisation id, RapportTargetField, value) */
  signals[RATE] = g_signal_new ("rate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_INT);
  /* (organisation id) */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (RAPPORT_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-target-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, focus_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, step_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, people_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, advocacy_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, motivation_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, posting_drop_down);
  gtk_widget_class_bind_template_child (widget_class, RapportTargetRow, stage_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_target_row_init (RapportTargetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the drop-downs' buttons by their captions */
  rapport_accessible_clean_names (GTK_WIDGET (self));
}

GtkWidget *
rapport_target_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_TARGET_ROW, NULL);
}

void
rapport_target_row_set_target (RapportTargetRow *self,
                               RapportTarget    *target,
                               gboolean          in_focus)
{
  g_autofree char *step = NULL;
  g_autofree char *people = NULL;
  g_autofree char *remove_name = NULL;
  struct { GtkDropDown *drop_down; guint value; } ratings[4];

  g_return_if_fail (RAPPORT_IS_TARGET_ROW (self));
  g_return_if_fail (!target || RAPPORT_IS_TARGET (target));

  g_set_object (&self->target, target);
  if (target == NULL)
    return;

  step = rapport_target_step_text (target, FALSE);
  people = rapport_target_people_text (target);
  gtk_label_set_label (self->name_label, rapport_target_get_name (target));
  gtk_label_set_label (self->step_label, step);
  gtk_label_set_label (self->people_label, people);
  gtk_widget_set_visible (self->focus_label, in_focus);
  /* Advocacy is the contacts' answer until the user gives another. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->advocacy_drop_down),
                               rapport_target_get_advocacy (target) == rapport_target_get_advocacy_derived (target)
                               ? _("Does someone you know work here? Rapport answers from your contacts until you change it")
                               : _("Your own answer: your contacts say otherwise"));

  ratings[0].drop_down = self->advocacy_drop_down;
  ratings[0].value = rapport_target_get_advocacy (target);
  ratings[1].drop_down = self->motivation_drop_down;
  ratings[1].value = rapport_target_get_motivation (target);
  ratings[2].drop_down = self->posting_drop_down;
  ratings[2].value = rapport_target_get_posting (target) - 1;
  ratings[3].drop_down = self->stage_drop_down;
  ratings[3].value = rapport_target_get_stage (target);
  self->binding = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    gtk_drop_down_set_selected (ratings[i].drop_down, ratings[i].value);
  self->binding = FALSE;

  /* Translators: a button's name; %s is an organisation */
  remove_name = g_strdup_printf (_("Take %s Off the List"), rapport_target_get_name (target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name,
                                  -1);
}

RapportTarget *
rapport_target_row_get_target (RapportTargetRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_TARGET_ROW (self), NULL);

  return self->target;
}

static GtkDropDown *
drop_down_of (RapportTargetRow   *self,
              RapportTargetField  field)
{
  switch (field)
    {
    case RAPPORT_TARGET_FIELD_ADVOCACY:   return self->advocacy_drop_down;
    case RAPPORT_TARGET_FIELD_MOTIVATION: return self->motivation_drop_down;
    case RAPPORT_TARGET_FIELD_POSTING:    return self->posting_drop_down;
    case RAPPORT_TARGET_FIELD_STAGE:
    default:                              return self->stage_drop_down;
    }
}

/**
 * rapport_target_row_get_focused_field:
 * @focus: the window's focus widget
 *
 * Returns: the #RapportTargetField whose drop-down holds @focus, or -1
 */
int
rapport_target_row_get_focused_field (RapportTargetRow *self,
                                      GtkWidget        *focus)
{
  g_return_val_if_fail (RAPPORT_IS_TARGET_ROW (self), -1);

  for (int field = RAPPORT_TARGET_FIELD_MOTIVATION; field <= RAPPORT_TARGET_FIELD_STAGE; field++)
    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (drop_down_of (self, field))))
      return field;
  return -1;
}

/* Gives the keyboard to the drop-down of @field. */
gboolean
rapport_target_row_focus_field (RapportTargetRow   *self,
                                RapportTargetField  field)
{
  g_return_val_if_fail (RAPPORT_IS_TARGET_ROW (self), FALSE);

  return gtk_widget_child_focus (GTK_WIDGET (drop_down_of (self, field)), GTK_DIR_TAB_FORWARD);
}
