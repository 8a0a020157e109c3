/* rapport-contact-picker.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-accessible.h"
#include "rapport-contact-picker.h"

/* A button naming the chosen contact; its popover searches the contacts as
 * the user types, Enter taking the first match. It can offer a row that
 * clears the choice, and one that adds the typed name as a new contact, so
 * that a form never has to be left to create someone first. */
struct _RapportContactPicker
{
  GtkWidget            parent_instance;

  RapportContactStore *store;
  GCancellable        *cancellable;
  gint64               contact_id;
  char                *contact_name;
  char                *none_label;
  char                *none_description;
  char                *creating;
  gint64               excluded_id;
  gboolean             can_create;

  /* Template children */
  GtkMenuButton       *button;
  GtkPopover          *popover;
  GtkSearchEntry      *search;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (RapportContactPicker, rapport_contact_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static void
update_button (RapportContactPicker *self)
{
  const char *label;

  if (self->contact_id != 0)
    label = self->contact_name;
  else if (self->none_label != NULL)
    label = self->none_label;
  else
    label = _("Choose a Contact");

  gtk_menu_button_set_label (self->button, label);
}

static void
clear_list (RapportContactPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
add_row (RapportContactPicker *self,
         const char           *title,
         const char           *subtitle,
         gint64                id,
         const char           *create_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "contact-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (row), "contact-name", g_strdup (create_name ? create_name : title), g_free);
  g_object_set_data (G_OBJECT (row), "create", GINT_TO_POINTER (create_name != NULL));
  gtk_list_box_append (self->list, row);
}

/* }}} */
/* Callbacks {{{ */

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RapportContactPicker *self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;

  contacts = rapport_contact_store_load_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (contacts == NULL)
    return;

  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));
  clear_list (self);

  if (typed[0] == '\0' && self->none_label != NULL)
    add_row (self, self->none_label, self->none_description, 0, NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      RapportContact *contact = g_ptr_array_index (contacts, i);

      if (rapport_contact_get_id (contact) == self->excluded_id)
        continue;
      add_row (self, rapport_contact_get_display_name (contact), rapport_contact_get_organisation (contact),
               rapport_contact_get_id (contact), NULL);
    }

  if (typed[0] != '\0' && self->can_create)
    {
      /* Translators: %s is a name the user typed that matches no contact yet */
      g_autofree char *title = g_strdup_printf (_("Add “%s” as a New Contact"), typed);
      add_row (self, title, NULL, 0, typed);
    }
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  RapportContactPicker *self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = rapport_contact_store_query_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (ids == NULL)
    return;

  rapport_contact_store_load_async (self->store, (gint64 *) (gpointer) ids->data, ids->len,
                                    self->cancellable, loaded_cb, self);
}

static void
search_changed_cb (RapportContactPicker *self)
{
  g_autoptr(RapportContactQuery) query = rapport_contact_query_new ();

  if (self->store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  query->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  query->limit = 8;
  rapport_contact_store_query_async (self->store, query, self->cancellable, found_cb, self);
}

static void
popover_show_cb (RapportContactPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RapportContactPicker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_steal_pointer (&self->creating);
  gint64 id;

  id = rapport_contact_store_save_finish (RAPPORT_CONTACT_STORE (object), result, &error);
  if (id == 0)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      return;
    }

  rapport_contact_picker_set_contact (self, id, name);
}

static void
row_activated_cb (RapportContactPicker *self,
                  GtkListBoxRow        *row)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "contact-id");
  const char *name = g_object_get_data (G_OBJECT (row), "contact-name");

  gtk_popover_popdown (self->popover);

  if (g_object_get_data (G_OBJECT (row), "create") && self->creating == NULL)
    {
      g_autoptr(RapportContact) contact = rapport_contact_new ();

      rapport_contact_set_display_name (contact, name);
      self->creating = g_strdup (name);
      rapport_contact_store_save_async (self->store, contact, NULL, created_cb, g_object_ref (self));
      return;
    }

  rapport_contact_picker_set_contact (self, id, name);
}

static void
search_activate_cb (RapportContactPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  if (first != NULL)
    row_activated_cb (self, first);
}

/* }}} */
/* GObject {{{ */

/* A row's title or a label's mnemonic opens the popover. */
static gboolean
rapport_contact_picker_mnemonic_activate (GtkWidget *widget,
                                          gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (GTK_WIDGET (RAPPORT_CONTACT_PICKER (widget)->button), group_cycling);
}

static void
rapport_contact_picker_dispose (GObject *object)
{
  RapportContactPicker *self = RAPPORT_CONTACT_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The popover belongs to the menu button, which goes with the template. */
  gtk_widget_dispose_template (GTK_WIDGET (self), RAPPORT_TYPE_CONTACT_PICKER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_contact_picker_parent_class)->dispose (object);
}

static void
rapport_contact_picker_finalize (GObject *object)
{
  RapportContactPicker *self = RAPPORT_CONTACT_PICKER (object);

  g_free (self->contact_name);
  g_free (self->none_label);
  g_free (self->none_description);
  g_free (self->creating);

  G_OBJECT_CLASS (rapport_contact_picker_parent_class)->finalize (object);
}

static void
rapport_contact_picker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportContactPicker *self = RAPPORT_CONTACT_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_contact_picker_class_init (RapportContactPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_contact_picker_dispose;
  object_class->finalize = rapport_contact_picker_finalize;
  object_class->get_property = rapport_contact_picker_get_property;

  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportContactPicker::error:
   * @message: why the typed name could not be added as a contact
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->mnemonic_activate = rapport_contact_picker_mnemonic_activate;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "ui/rapport-contact-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportContactPicker, button);
  gtk_widget_class_bind_template_child (widget_class, RapportContactPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, RapportContactPicker, search);
  gtk_widget_class_bind_template_child (widget_class, RapportContactPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_contact_picker_init (RapportContactPicker *self)
{
  self->contact_name = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_accessible_clean_names (GTK_WIDGET (self));
  update_button (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
rapport_contact_picker_new (void)
{
  return g_object_new (RAPPORT_TYPE_CONTACT_PICKER, NULL);
}

void
rapport_contact_picker_set_store (RapportContactPicker *self,
                                  RapportContactStore  *store)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  g_set_object (&self->store, store);
}

gint64
rapport_contact_picker_get_contact_id (RapportContactPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_PICKER (self), 0);
  return self->contact_id;
}

const char *
rapport_contact_picker_get_contact_name (RapportContactPicker *self)
{
  g_return_val_if_fail (RAPPORT_IS_CONTACT_PICKER (self), NULL);
  return self->contact_name;
}

void
rapport_contact_picker_set_contact (RapportContactPicker *self,
                                    gint64                contact_id,
                                    const char           *name)
{
  gboolean changed;

  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));

  changed = self->contact_id != contact_id;
  g_free (self->contact_name);
  self->contact_name = g_strdup (contact_id != 0 && name != NULL ? name : "");
  self->contact_id = contact_id;
  update_button (self);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_ID]);
}

/**
 * rapport_contact_picker_set_none_label:
 * @label: (nullable): the button's label while nobody is chosen, and the
 *   title of a first row that clears the choice; %NULL for no such row
 */
void
rapport_contact_picker_set_none_label (RapportContactPicker *self,
                                       const char           *label,
                                       const char           *description)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));

  g_free (self->none_label);
  g_free (self->none_description);
  self->none_label = g_strdup (label);
  self->none_description = g_strdup (description);
  update_button (self);
}

/* A contact cannot have introduced themselves. */
void
rapport_contact_picker_set_excluded_id (RapportContactPicker *self,
                                        gint64                contact_id)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));
  self->excluded_id = contact_id;
}

void
rapport_contact_picker_set_can_create (RapportContactPicker *self,
                                       gboolean              can_create)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));
  self->can_create = !!can_create;
}

/**
 * rapport_contact_picker_set_labels:
 * @button_label: the accessible name and tooltip of the button
 * @search_label: the accessible name of the search field
 */
void
rapport_contact_picker_set_labels (RapportContactPicker *self,
                                   const char           *button_label,
                                   const char           *search_label)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_PICKER (self));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), button_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
}

/* }}} */
