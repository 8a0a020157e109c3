/* rapport-meeting-questions.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-meeting-questions"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-text.h"
#include "rapport-accessible.h"
#include "rapport-meeting-questions.h"

/* A meeting's questions, while preparing it: picked from the bank, or
 * written for this meeting alone, and put in the order they will be asked.
 * Every change is saved at once as the whole ordered list (the store keeps
 * answers with their rows, and a save that overtakes an earlier one still
 * ends with the right list). Fewer than three get a gentle warning; TIARA
 * order sorts them by the bank's areas. */

#define ENOUGH_QUESTIONS 3

struct _RapportMeetingQuestions
{
  AdwBin                parent_instance;

  RapportMeetingStore  *meetings;
  RapportQuestionStore *bank;
  GCancellable         *cancellable;
  gint64                meeting_id;
  GPtrArray            *questions;      /* RapportMeetingQuestion, in order */
  gboolean              syncing;
  char                 *folded_search;  /* what the bank's search holds */
  GHashTable           *areas;          /* bank question id -> RapportTiara, as last read */

  GtkListBox           *list;
  AdwEntryRow          *own_row;
  GtkWidget            *warning_label;
  GtkWidget            *tiara_button;
  GtkMenuButton        *bank_button;
  GtkPopover           *bank_popover;
  GtkSearchEntry       *bank_search;
  GtkListBox           *bank_list;
};

G_DEFINE_FINAL_TYPE (RapportMeetingQuestions, rapport_meeting_questions, ADW_TYPE_BIN)

static void fill_list (RapportMeetingQuestions *self);
static void bank_row_sync (RapportMeetingQuestions *self);

/* Saving {{{ */

typedef struct
{
  RapportMeetingQuestions *self;
  GPtrArray               *sent;   /* the rows as sent, to learn their ids */
} SaveCall;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree SaveCall *call = user_data;
  g_autoptr(RapportMeetingQuestions) self = call->self;
  g_autoptr(GPtrArray) sent = call->sent;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rapport_meeting_store_set_questions_finish (RAPPORT_MEETING_STORE (object), result, &error);
  if (ids == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  for (guint i = 0; i < sent->len && i < ids->len; i++)
    rapport_meeting_question_set_id (g_ptr_array_index (sent, i), g_array_index (ids, gint64, i));
}

static void
save (RapportMeetingQuestions *self)
{
  SaveCall *call;

  fill_list (self);
  bank_row_sync (self);
  if (self->meeting_id == 0)
    return;

  call = g_new0 (SaveCall, 1);
  call->self = g_object_ref (self);
  call->sent = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->questions->len; i++)
    g_ptr_array_add (call->sent, g_object_ref (g_ptr_array_index (self->questions, i)));
  rapport_meeting_store_set_questions_async (self->meetings, self->meeting_id, self->questions, NULL,
                                             saved_cb, call);
}

static gint64
question_id_at (RapportMeetingQuestions *self,
                guint                    index)
{
  return rapport_meeting_question_get_question_id (g_ptr_array_index (self->questions, index));
}

static gboolean
has_bank_question (RapportMeetingQuestions *self,
                   gint64                   question_id)
{
  for (guint i = 0; i < self->questions->len; i++)
    if (question_id_at (self, i) == question_id)
      return TRUE;
  return FALSE;
}

/* }}} */
/* The chosen questions {{{ */

static void
row_button_cb (GtkButton               *button,
               RapportMeetingQuestions *self)
{
  RapportMeetingQuestion *question = g_object_get_data (G_OBJECT (button), "question");
  int step = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "step"));
  guint index;

  if (!g_ptr_array_find (self->questions, question, &index))
    return;

  if (step == 0)
    g_ptr_array_remove_index (self->questions, index);
  else if ((int) index + step >= 0 && index + step < self->questions->len)
    {
      gpointer other = self->questions->pdata[index + step];

      self->questions->pdata[index + step] = question;
      self->questions->pdata[index] = other;
    }
  else
    return;

  save (self);
}

static GtkWidget *
row_button (RapportMeetingQuestions *self,
            RapportMeetingQuestion  *question,
            const char              *icon_name,
            const char              *label,
            int                      step,
            gboolean                 sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "question", question);
  g_object_set_data (G_OBJECT (button), "step", GINT_TO_POINTER (step));
  g_signal_connect (button, "clicked", G_CALLBACK (row_button_cb), self);
  return button;
}

static void
fill_list (RapportMeetingQuestions *self)
{
  GtkWidget *child;
  guint n = self->questions->len;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < n; i++)
    {
      RapportMeetingQuestion *question = g_ptr_array_index (self->questions, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);
      gint64 question_id = rapport_meeting_question_get_question_id (question);
      RapportTiara tiara = GPOINTER_TO_UINT (g_hash_table_lookup (self->areas, &question_id));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_meeting_question_get_text (question));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      if (question_id == 0)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Your own question for this meeting"));
      else if (tiara != RAPPORT_TIARA_NONE)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rapport_tiara_get_name (tiara));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, question, "go-up-symbolic", _("Move Up"), -1, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, question, "go-down-symbolic", _("Move Down"), 1, i + 1 < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, question, "user-trash-symbolic", _("Remove Question"), 0, TRUE));
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->warning_label, n < ENOUGH_QUESTIONS);
  gtk_widget_set_visible (self->tiara_button, n > 1);
}

static void
own_apply_cb (RapportMeetingQuestions *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->own_row))));

  if (*text == '\0')
    return;
  g_ptr_array_add (self->questions, rapport_meeting_question_new (0, text));
  gtk_editable_set_text (GTK_EDITABLE (self->own_row), "");
  save (self);
}

/* }}} */
/* TIARA order {{{ */

static RapportTiara
tiara_of (gpointer item,
          gpointer user_data)
{
  RapportMeetingQuestions *self = user_data;
  gint64 question_id = rapport_meeting_question_get_question_id (item);

  /* A question written for this meeting alone has no area. */
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->areas, &question_id));
}

/* The areas are the bank's: a meeting keeps only its copy of each
 * question's words. */
static void
remember_areas (RapportMeetingQuestions *self,
                GPtrArray               *categories)
{
  g_hash_table_remove_all (self->areas);
  for (guint i = 0; i < categories->len; i++)
    {
      GListModel *questions = rapport_question_category_get_questions (g_ptr_array_index (categories, i));

      for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
        {
          g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);
          gint64 id = rapport_question_get_id (question);

          g_hash_table_insert (self->areas, g_memdup2 (&id, sizeof id),
                               GUINT_TO_POINTER (rapport_question_get_tiara (question)));
        }
    }
}

static void
areas_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportMeetingQuestions) self = user_data;
  g_autoptr(GPtrArray) categories = rapport_question_store_list_finish (RAPPORT_QUESTION_STORE (object), result, NULL);

  /* Only the rows' subtitles depend on it: a failure shows as none. */
  if (categories == NULL)
    return;
  remember_areas (self, categories);
  fill_list (self);
}

/* Read afresh: the areas may have changed on the bank's page. */
static void
tiara_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportMeetingQuestions) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = rapport_question_store_list_finish (RAPPORT_QUESTION_STORE (object), result, &error);
  if (categories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  remember_areas (self, categories);
  if (rapport_tiara_order (self->questions, tiara_of, self))
    save (self);
  else
    {
      fill_list (self);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Already in TIARA order"));
    }
}

static void
tiara_clicked_cb (RapportMeetingQuestions *self)
{
  rapport_question_store_list_async (self->bank, self->cancellable, tiara_listed_cb, g_object_ref (self));
}

/* }}} */
/* The bank {{{ */

static void
bank_toggled_cb (GtkCheckButton          *check,
                 RapportMeetingQuestions *self)
{
  RapportQuestion *question = g_object_get_data (G_OBJECT (check), "question");
  gint64 id = rapport_question_get_id (question);

  if (self->syncing)
    return;

  if (gtk_check_button_get_active (check))
    {
      if (!has_bank_question (self, id))
        g_ptr_array_add (self->questions, rapport_meeting_question_new (id, rapport_question_get_text (question)));
    }
  else
    {
      for (guint i = self->questions->len; i > 0; i--)
        if (question_id_at (self, i - 1) == id)
          g_ptr_array_remove_index (self->questions, i - 1);
    }
  save (self);
}

/* The checks follow the list, whichever side changed it. */
static void
bank_row_sync (RapportMeetingQuestions *self)
{
  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->bank_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
      RapportQuestion *question = g_object_get_data (G_OBJECT (check), "question");

      gtk_check_button_set_active (check, has_bank_question (self, rapport_question_get_id (question)));
    }
  self->syncing = FALSE;
}

static void
bank_header_func (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  const char *category = g_object_get_data (G_OBJECT (row), "category");
  const char *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "category") : NULL;
  GtkWidget *header;

  if (g_strcmp0 (category, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (category);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 6);
  gtk_widget_set_margin_top (header, before != NULL ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static gboolean
bank_filter_func (GtkListBoxRow *row,
                  gpointer       user_data)
{
  RapportMeetingQuestions *self = user_data;

  return rapport_text_has_words (g_object_get_data (G_OBJECT (row), "folded"), self->folded_search);
}

static void
bank_search_changed_cb (RapportMeetingQuestions *self)
{
  /* folded once per change, not once per row */
  g_free (self->folded_search);
  self->folded_search = rapport_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->bank_search)));
  gtk_list_box_invalidate_filter (self->bank_list);
}

static void
add_bank_row (RapportMeetingQuestions *self,
              RapportQuestionCategory *category,
              RapportQuestion         *question)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *text = rapport_question_get_text (question);
  g_autofree char *words = g_strconcat (text, " ", rapport_question_category_get_name (category), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (check), "question", g_object_ref (question), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (bank_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (rapport_question_get_starred (question))
    {
      GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Starred"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);
    }

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "category", g_strdup (rapport_question_category_get_name (category)), g_free);
  g_object_set_data_full (G_OBJECT (row), "folded", rapport_text_fold (words), g_free);
  gtk_list_box_append (self->bank_list, row);
}

static void
bank_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RapportMeetingQuestions) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  categories = rapport_question_store_list_finish (RAPPORT_QUESTION_STORE (object), result, &error);
  if (categories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  remember_areas (self, categories);
  fill_list (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->bank_list))) != NULL)
    gtk_list_box_remove (self->bank_list, child);

  /* Starred questions first within each category: the user's favourites. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < categories->len; i++)
      {
        RapportQuestionCategory *category = g_ptr_array_index (categories, i);
        GListModel *questions = rapport_question_category_get_questions (category);

        for (guint j = 0; j < g_list_model_get_n_items (questions); j++)
          {
            g_autoptr(RapportQuestion) question = g_list_model_get_item (questions, j);

            if (rapport_question_get_starred (question) == (pass == 0))
              add_bank_row (self, category, question);
          }
      }

  gtk_list_box_invalidate_headers (self->bank_list);
  bank_row_sync (self);
}

/* Read afresh each time it opens: the bank may have changed on its page. */
static void
bank_popover_show_cb (RapportMeetingQuestions *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->bank_search), "");
  rapport_question_store_list_async (self->bank, self->cancellable, bank_listed_cb, g_object_ref (self));
}

/* }}} */
/* Loading {{{ */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RapportMeetingQuestions) self = user_data;
  g_autoptr(RapportMeeting) meeting = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;

  meeting = rapport_meeting_store_load_finish (RAPPORT_MEETING_STORE (object), result, &questions, &error);
  if (meeting == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  self->questions = g_steal_pointer (&questions);
  fill_list (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  rapport_question_store_list_async (self->bank, self->cancellable, areas_listed_cb, g_object_ref (self));
}

void
rapport_meeting_questions_set_meeting (RapportMeetingQuestions *self,
                                       gint64                   meeting_id)
{
  g_return_if_fail (RAPPORT_IS_MEETING_QUESTIONS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->meeting_id = meeting_id;
  g_ptr_array_set_size (self->questions, 0);
  fill_list (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  if (meeting_id != 0)
    rapport_meeting_store_load_async (self->meetings, meeting_id, self->cancellable, loaded_cb, g_object_ref (self));
}

/* }}} */
/* GObject {{{ */

static void
rapport_meeting_questions_dispose (GObject *object)
{
  RapportMeetingQuestions *self = RAPPORT_MEETING_QUESTIONS (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_MEETING_QUESTIONS);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->meetings);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->areas, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_meeting_questions_parent_class)->dispose (object);
}

static void
rapport_meeting_questions_class_init (RapportMeetingQuestionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_meeting_questions_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapport/Rapport/ui/rapport-meeting-questions.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, list);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, own_row);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, warning_label);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, tiara_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, bank_button);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, bank_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, bank_search);
  gtk_widget_class_bind_template_child (widget_class, RapportMeetingQuestions, bank_list);
  gtk_widget_class_bind_template_callback (widget_class, own_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, tiara_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, bank_search_changed_cb);
}

static void
rapport_meeting_questions_init (RapportMeetingQuestions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->bank_list, bank_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->bank_list, bank_filter_func, self, NULL);
  g_signal_connect_swapped (self->bank_popover, "show", G_CALLBACK (bank_popover_show_cb), self);
  fill_list (self);
}

/* }}} */

GtkWidget *
rapport_meeting_questions_new (RapportMeetingStore  *meetings,
                               RapportQuestionStore *bank)
{
  RapportMeetingQuestions *self;

  g_return_val_if_fail (RAPPORT_IS_MEETING_STORE (meetings), NULL);
  g_return_val_if_fail (RAPPORT_IS_QUESTION_STORE (bank), NULL);

  self = g_object_new (RAPPORT_TYPE_MEETING_QUESTIONS, NULL);
  self->meetings = g_object_ref (meetings);
  self->bank = g_object_ref (bank);
  return GTK_WIDGET (self);
}
