/* rapport-today-page.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-accessible.h"
#include "rapport-reminder-row.h"
#include "rapport-show-more-row.h"
#include "rapport-today-page-private.h"
#include "rapport-toast.h"
#include "rapport-clock.h"
#include "rapport-due.h"

/* What is due: overdue, today and the next seven days, from the reminder
 * store. The page is the window's first, so it builds nothing but its
 * template until the store's answer comes, off the main thread. Each group
 * shows at most ROWS_SHOWN rows at first: thousands of overdue follow-ups
 * (after an import, say) must not make a thousand rows, and a row with its
 * five buttons costs some milliseconds to build, lay out and draw
 * (tests/bench/bench-today.c). The store is asked for no more than that
 * either: each group's count, and its first rows up to one "Show All"
 * ahead, so that Show All answers at once (rapport_reminder_sql_list_due()). */

G_DEFINE_FINAL_TYPE (RapportTodayPage, rapport_today_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BADGE_NUMBER,
  PROP_NEEDS_ATTENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

/* One toast at a time: the Undo showing is always for the last change,
 * not for one made earlier that would still be queued. */
void
_rapport_today_page_add_toast (RapportTodayPage *self,
           AdwToast         *toast)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_weak_pointer (&self->toast, toast);
  rapport_widget_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

RapportReminder *
_rapport_today_page_find_reminder (RapportTodayPage *self,
               gint64            id)
{
  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    {
      RapportReminder *reminder = g_ptr_array_index (self->reminders, i);

      if (rapport_reminder_get_id (reminder) == id)
        return reminder;
    }
  return NULL;
}

void
_rapport_today_page_show_error (RapportTodayPage *self,
            const char       *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  _rapport_today_page_add_toast (self, rapport_toast_new (message));
}

static void
set_badge (RapportTodayPage *self,
           guint             badge_number,
           gboolean          needs_attention)
{
  if (self->badge_number != badge_number)
    {
      self->badge_number = badge_number;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_NUMBER]);
    }
  if (self->needs_attention != needs_attention)
    {
      self->needs_attention = needs_attention;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
    }
}

static char *
dup_summary (guint n_overdue,
             guint n_today,
             guint n_week)
{
  g_autofree char *today = NULL;
  g_autofree char *overdue = NULL;

  if (n_overdue == 0 && n_today == 0 && n_week == 0)
    /* Translators: below the date on the Today page, when only the focus organisations are listed */
    return g_strdup (_("Nothing due in the next 7 days."));
  if (n_overdue == 0 && n_today == 0)
    /* Translators: below the date on the Today page, when only later reminders are listed */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Nothing due today. %u reminder this week.",
                                         "Nothing due today. %u reminders this week.", n_week), n_week);

  /* Translators: below the date on the Today page */
  today = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing to do today", "%u things to do today",
                                        n_today + n_overdue), n_today + n_overdue);
  if (n_overdue == 0)
    return g_steal_pointer (&today);

  /* Translators: follows "%u things to do today" */
  overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue), n_overdue);
  /* Translators: e.g. "5 things to do today, 3 overdue" */
  return g_strdup_printf (_("%s, %s"), today, overdue);
}

/* The id of the reminder whose row (or one of its buttons) has the focus,
 * and where that row was, to put the focus back after a refill. */
static gint64
find_focus (RapportTodayPage *self,
            guint            *group,
            int              *index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return -1;

  row = RAPPORT_IS_REMINDER_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, RAPPORT_TYPE_REMINDER_ROW);
  if (row == NULL)
    return -1;

  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    if (gtk_widget_get_parent (row) == GTK_WIDGET (self->lists[g]))
      *group = g;
  *index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return rapport_reminder_row_get_id (RAPPORT_REMINDER_ROW (row));
}

static void
restore_focus (RapportTodayPage *self,
               gint64            id,
               guint             group,
               int               index)
{
  GtkListBoxRow *row = NULL;

  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS && row == NULL; g++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lists[g]));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (RAPPORT_IS_REMINDER_ROW (child) && rapport_reminder_row_get_id (RAPPORT_REMINDER_ROW (child)) == id)
        {
          row = GTK_LIST_BOX_ROW (child);
          break;
        }

  /* Gone (done, snoozed): the one that took its place, or the one before. */
  for (int i = index; row == NULL && i >= 0; i--)
    row = gtk_list_box_get_row_at_index (self->lists[group], i);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else if (gtk_widget_get_visible (gtk_stack_get_visible_child (self->stack)))
    gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static gboolean
restore_scroll_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (widget);
  double *value = user_data;

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), *value);
  return G_SOURCE_REMOVE;
}

static gboolean midnight_cb (gpointer user_data);

/* The groups move on at local midnight even when nothing changes. */
static void
arm_midnight (RapportTodayPage *self,
              gint64            now,
              GTimeZone        *tz)
{
  gint64 next = rapport_due_day_start (now, tz, 1);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint) CLAMP (next - now + 1, 1, 25 * 3600),
                                                  midnight_cb, self, NULL);
}

/* What a row shows: a row showing the same is kept as it is. */
static char *
dup_signature (RapportReminder *reminder,
               const char      *when)
{
  g_autofree char *title = rapport_reminder_dup_title (reminder);
  g_autofree char *body = rapport_reminder_dup_body (reminder);

  return g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%s\n%s\n%" G_GINT64_FORMAT,
                          rapport_reminder_get_id (reminder), title, body, when,
                          rapport_reminder_get_contact_id (reminder));
}

typedef struct
{
  RapportReminder *reminder;   /* borrowed from self->reminders */
  char            *when;
  char            *signature;
} Wanted;

static void
wanted_clear (Wanted *wanted)
{
  g_free (wanted->when);
  g_free (wanted->signature);
}

static const char *
row_signature (GtkWidget *row)
{
  return RAPPORT_IS_REMINDER_ROW (row) ? g_object_get_data (G_OBJECT (row), "rapport-signature") : NULL;
}

/* Makes @list show @wanted, keeping the rows that show the same already:
 * a refill after one reminder is done changes one row, not a hundred, and
 * the focus and the scroll position stay where they are. */
static void
update_list (RapportTodayPage *self,
             GtkListBox       *list,
             GArray           *wanted,
             guint             group,
             guint             remaining,
             guint            *budget)
{
  g_autoptr(GHashTable) signatures = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;
  GtkWidget *next;
  guint i;

  for (i = 0; i < wanted->len; i++)
    {
      Wanted *w = &g_array_index (wanted, Wanted, i);

      g_hash_table_add (signatures, w->signature);
    }

  /* Away with what is no longer wanted, and the "Show All" row. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL; child = next)
    {
      const char *signature = row_signature (child);

      next = gtk_widget_get_next_sibling (child);
      if (signature == NULL || !g_hash_table_contains (signatures, signature))
        gtk_list_box_remove (list, child);
    }

  for (i = 0; i < wanted->len; i++)
    {
      Wanted *w = &g_array_index (wanted, Wanted, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      GtkWidget *made;

      if (row != NULL && g_strcmp0 (row_signature (GTK_WIDGET (row)), w->signature) == 0)
        continue;

      /* Kept but elsewhere (the order changed): moved, else made. */
      made = NULL;
      for (child = row ? GTK_WIDGET (row) : NULL; child != NULL; child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (row_signature (child), w->signature) == 0)
          {
            made = g_object_ref (child);
            gtk_list_box_remove (list, child);
            break;
          }
      if (made == NULL && *budget == 0)
        {
          /* The rest on the next frame (_rapport_today_page_fill). */
          self->fill_pending = TRUE;
          self->n_rows += wanted->len;
          return;
        }
      if (made == NULL)
        {
          (*budget)--;
          made = g_object_ref_sink (rapport_reminder_row_new (w->reminder, w->when));
          rapport_reminder_row_set_overdue (RAPPORT_REMINDER_ROW (made), group == RAPPORT_DUE_OVERDUE);
          g_object_set_data_full (G_OBJECT (made), "rapport-signature", g_strdup (w->signature), g_free);
        }
      gtk_list_box_insert (list, made, (int) i);
      g_object_unref (made);
    }

  /* Rows past the wanted ones are duplicates of moved ones. */
  while ((child = (GtkWidget *) gtk_list_box_get_row_at_index (list, (int) wanted->len)) != NULL)
    gtk_list_box_remove (list, child);

  if (remaining > 0)
    gtk_list_box_append (list, rapport_show_more_row_new ("today.show-more", g_variant_new_int32 ((gint32) group),
                                                          remaining, ROWS_MORE));

  self->n_rows += wanted->len;
}

/* The list also when nothing is due but the focus has organisations: they
 * are a next step too. */
static void
show_list_or_empty (RapportTodayPage *self)
{
  gboolean list = self->n_rows > 0 || !rapport_today_focus_is_empty (self->focus);

  gtk_stack_set_visible_child_name (self->stack, list ? "list" : "empty");
}

static void
focus_changed_cb (RapportTodayPage *self)
{
  if (self->reminders != NULL)   /* not while loading */
    show_list_or_empty (self);
}

/* Rows made in one go, from the top: the first screenful is in the first
 * frame, and the rest follow a frame at a time, so that neither the first
 * frame nor any other waits for 60 rows (a row takes about half a
 * millisecond to make and two to lay out; tests/bench/bench-today.c). */
#define ROWS_PER_FRAME 8

static gboolean
fill_more_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (widget);

  self->fill_tick_id = 0;
  _rapport_today_page_fill (self);
  return G_SOURCE_REMOVE;
}

void
_rapport_today_page_fill (RapportTodayPage *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  gint64 now = rapport_clock_get_now ();
  guint *counts = self->counts;
  guint budget = ROWS_PER_FRAME;
  GArray *wanted[RAPPORT_N_DUE_GROUPS];
  double *scroll;
  guint focus_group = 0;
  int focus_index = 0;
  gint64 focus_id;

  focus_id = find_focus (self, &focus_group, &focus_index);
  scroll = g_new (double, 1);
  *scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled));

  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    {
      wanted[g] = g_array_new (FALSE, FALSE, sizeof (Wanted));
      g_array_set_clear_func (wanted[g], (GDestroyNotify) wanted_clear);
    }

  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    {
      RapportReminder *reminder = g_ptr_array_index (self->reminders, i);
      gint64 when = rapport_reminder_get_when (reminder);
      guint group = 0;
      Wanted w;

      /* In the groups the store was asked for, at the bounds it was given. */
      while (group < RAPPORT_N_DUE_GROUPS && when >= self->bounds[group])
        group++;
      if (group == RAPPORT_N_DUE_GROUPS || wanted[group]->len >= self->shown[group])
        continue;

      w.reminder = reminder;
      w.when = rapport_due_format_when (when, now, tz);
      w.signature = dup_signature (reminder, w.when);
      g_array_append_val (wanted[group], w);
    }

  self->n_rows = 0;
  self->fill_pending = FALSE;
  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    {
      update_list (self, self->lists[g], wanted[g], g, counts[g] - wanted[g]->len, &budget);
      gtk_widget_set_visible (self->groups[g], counts[g] > 0);
      g_array_unref (wanted[g]);
    }

  local = g_date_time_new_from_unix_local (now);
  /* Translators: the heading of the Today page, e.g. "Sunday, 22 November" (strftime format) */
  date = g_date_time_format (local, _("%A, %-d %B"));
  gtk_label_set_label (self->date_label, date);
  summary = dup_summary (counts[RAPPORT_DUE_OVERDUE], counts[RAPPORT_DUE_TODAY], counts[RAPPORT_DUE_THIS_WEEK]);
  gtk_label_set_label (self->summary_label, summary);

  show_list_or_empty (self);
  set_badge (self, counts[RAPPORT_DUE_OVERDUE] + counts[RAPPORT_DUE_TODAY], counts[RAPPORT_DUE_OVERDUE] > 0);

  /* The focus moves on only if its row went: a kept row keeps it, on
   * whichever of its buttons it was. */
  if (focus_id >= 0 && find_focus (self, &(guint) { 0 }, &(int) { 0 }) < 0)
    restore_focus (self, focus_id, focus_group, focus_index);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_scroll_cb, scroll, g_free);

  arm_midnight (self, now, tz);
  if (self->fill_pending && self->fill_tick_id == 0)
    self->fill_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_more_cb, NULL, NULL);
  g_signal_emit (self, signals[FILLED], 0);
}

/* }}} */
/* Callbacks {{{ */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportTodayPage *self;
  g_autoptr(RapportDueList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = rapport_reminder_store_list_due_finish (RAPPORT_REMINDER_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RAPPORT_TODAY_PAGE (user_data);
  g_clear_object (&self->cancellable);
  if (list == NULL)
    {
      /* Not open yet, or in error: the window shows why, and refreshes
       * the page once the database is ready. */
      if (rapport_database_is_open (rapport_reminder_store_get_database (self->store)))
        /* Translators: %s is an error message */
        _rapport_today_page_show_error (self, _("Could not list the reminders: %s"), error->message);
      return;
    }

  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  self->reminders = g_steal_pointer (&list->reminders);
  memcpy (self->bounds, list->bounds, sizeof self->bounds);
  memcpy (self->counts, list->counts, sizeof self->counts);
  _rapport_today_page_fill (self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  RapportTodayPage *self = user_data;

  self->midnight_id = 0;
  rapport_today_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* }}} */
/* GObject {{{ */

static void
rapport_today_page_dispose (GObject *object)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->fill_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_tick_id);
  self->fill_tick_id = 0;
  g_clear_weak_pointer (&self->toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_TODAY_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->deleted);
  g_clear_pointer (&self->reminders, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_today_page_parent_class)->dispose (object);
}

static void
rapport_today_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportTodayPage *self = RAPPORT_TODAY_PAGE (object);

  switch (prop_id)
    {
    case PROP_BADGE_NUMBER:
      g_value_set_uint (value, self->badge_number);
      break;

    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, self->needs_attention);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_today_page_class_init (RapportTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_today_page_dispose;
  object_class->get_property = rapport_today_page_get_property;

  /* What the page's switcher shows: overdue and due today. */
  properties[PROP_BADGE_NUMBER] =
    g_param_spec_uint ("badge-number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportTodayPage::filled:
   *
   * Emitted each time the page has shown a new list (for the benchmark).
   */
  signals[FILLED] =
    g_signal_new ("filled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RAPPORT_TYPE_REMINDER_ROW);
  g_type_ensure (RAPPORT_TYPE_TODAY_FOCUS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayPage, focus);
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_group", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, groups[RAPPORT_DUE_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_group", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, groups[RAPPORT_DUE_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_group", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, groups[RAPPORT_DUE_THIS_WEEK]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_list", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, lists[RAPPORT_DUE_OVERDUE]));
  gtk_widget_class_bind_template_child_full (widget_class, "today_list", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, lists[RAPPORT_DUE_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "week_list", FALSE,
                                             G_STRUCT_OFFSET (RapportTodayPage, lists[RAPPORT_DUE_THIS_WEEK]));

  _rapport_today_page_install_actions (widget_class);
}

static void
rapport_today_page_init (RapportTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));

  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    self->shown[g] = ROWS_SHOWN;
  g_signal_connect_object (self->focus, "notify::empty", G_CALLBACK (focus_changed_cb), self, G_CONNECT_SWAPPED);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_today_page_new (void)
{
  return g_object_new (RAPPORT_TYPE_TODAY_PAGE, NULL);
}

void
rapport_today_page_set_store (RapportTodayPage     *self,
                              RapportReminderStore *store)
{
  g_return_if_fail (RAPPORT_IS_TODAY_PAGE (self));
  g_return_if_fail (!store || RAPPORT_IS_REMINDER_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (rapport_today_page_refresh), self, G_CONNECT_SWAPPED);

  rapport_today_page_refresh (self);
}

/**
 * rapport_today_page_refresh:
 *
 * Lists what is due again, in the background; the rows change when the
 * answer comes. A refresh still running is given up for the new one.
 */
void
rapport_today_page_refresh (RapportTodayPage *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  gint64 now = rapport_clock_get_now ();
  gint64 bounds[RAPPORT_N_DUE_GROUPS];
  guint limits[RAPPORT_N_DUE_GROUPS];

  g_return_if_fail (RAPPORT_IS_TODAY_PAGE (self));

  if (self->store == NULL || !rapport_database_is_open (rapport_reminder_store_get_database (self->store)))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  tz = g_time_zone_new_local ();
  bounds[RAPPORT_DUE_OVERDUE] = rapport_due_day_start (now, tz, 0);
  bounds[RAPPORT_DUE_TODAY] = rapport_due_day_start (now, tz, 1);
  bounds[RAPPORT_DUE_THIS_WEEK] = rapport_due_until (now, tz);
  /* One "Show All" ahead: it shows its rows at once, and asks for the next. */
  for (guint g = 0; g < RAPPORT_N_DUE_GROUPS; g++)
    limits[g] = self->shown[g] + ROWS_MORE;
  rapport_reminder_store_list_due_async (self->store, bounds, limits, self->cancellable, listed_cb, self);
}

guint
rapport_today_page_get_badge_number (RapportTodayPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_PAGE (self), 0);

  return self->badge_number;
}

gboolean
rapport_today_page_get_needs_attention (RapportTodayPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_PAGE (self), FALSE);

  return self->needs_attention;
}

/**
 * rapport_today_page_get_focus:
 *
 * Returns: (transfer none): the page's "Your Focus", the top of the target list
 */
RapportTodayFocus *
rapport_today_page_get_focus (RapportTodayPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_PAGE (self), NULL);

  return self->focus;
}

/* Reminder rows shown, without the "Show All" rows. */
guint
rapport_today_page_get_n_rows (RapportTodayPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_PAGE (self), 0);

  return self->n_rows;
}

/* }}} */
