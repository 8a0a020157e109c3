/* rapport-accessible.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-accessible"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-accessible.h"

/* GTK 4.8 names a control from both its LABEL property and the labels it is
 * LABELLED_BY, one after the other: a mnemonic button reads "_People People",
 * a check row's box "Bring a notebook Bring a notebook". The cure, checked on
 * 4.8.3, is to set LABEL to the visible text without the mnemonic marker and to
 * drop the relation. GTK sets both again when the text changes, so the control
 * is cleaned again then. Newer GTK (4.10) computes names itself. */

#define CLEANED_KEY "rapport-accessible-cleaned"
#define PENDING_KEY "rapport-accessible-pending"

/* Rapport's icon buttons are named in their .ui files, and have a tooltip; in
 * libadwaita's and GTK's own windows a few are named by neither: name those by
 * their tooltip, or by their icon. */
static const char *
icon_button_name (GtkWidget   *button,
                  GtkWidget   *child,
                  const char **property)
{
  static const struct { const char *icon; const char *name; } icons[] = {
    { "window-close-symbolic", NC_("accessible name", "Close") },
    { "edit-find-symbolic", NC_("accessible name", "Search") },
    { "go-previous-symbolic", NC_("accessible name", "Back") },
  };
  const char *icon;
  GtkRoot *root = gtk_widget_get_root (button);

  *property = "icon-name";
  if (gtk_widget_get_tooltip_text (button) != NULL)
    {
      if (root != NULL && !g_str_has_prefix (G_OBJECT_TYPE_NAME (root), "Rapport"))
        return gtk_widget_get_tooltip_text (button);
      return NULL;
    }
  if (!GTK_IS_IMAGE (child) || (icon = gtk_image_get_icon_name (GTK_IMAGE (child))) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (icon, icons[i].icon))
      return g_dpgettext2 (GETTEXT_PACKAGE, "accessible name", icons[i].name);
  return NULL;
}

static const char *
descendant_label_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child))
                                              : descendant_label_text (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/* The text the control shows, as set (with its mnemonic marker if *mnemonic),
 * and the object and property that hold it. */
static const char *
visible_text (GtkWidget   *widget,
              gboolean    *mnemonic,
              GObject    **source,
              const char **property)
{
  g_autoptr(GList) mnemonic_labels = NULL;
  GtkRoot *root;
  GtkWidget *row;

  *mnemonic = FALSE;
  *source = G_OBJECT (widget);
  *property = "label";

  /* A field, or a drop-down's button, is named by its mnemonic label. */
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN) != NULL)
    mnemonic_labels = gtk_widget_list_mnemonic_labels (gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN));
  else if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    mnemonic_labels = gtk_widget_list_mnemonic_labels (widget);
  if (mnemonic_labels != NULL && GTK_IS_LABEL (mnemonic_labels->data))
    {
      *source = mnemonic_labels->data;
      return gtk_label_get_text (mnemonic_labels->data);
    }

  /* Buttons in GTK's and libadwaita's own windows that show a label of their
   * own (the about window's version, the shortcuts window's sections). */
  root = gtk_widget_get_root (widget);
  if (root != NULL && !g_str_has_prefix (G_OBJECT_TYPE_NAME (root), "Rapport") &&
      ((GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL) ||
       GTK_IS_MENU_BUTTON (widget)))
    {
      GtkWidget *button = GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) ? gtk_widget_get_parent (widget) : widget;
      const char *text = descendant_label_text (button);

      if (text != NULL)
        return text;
      if (GTK_IS_MENU_BUTTON (button))
        {
          *property = "title";
          *source = G_OBJECT (root);
          return gtk_window_get_title (GTK_WINDOW (root));
        }
    }

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (label != NULL)
        {
          *mnemonic = gtk_button_get_use_underline (GTK_BUTTON (widget));
          /* "15", whose tooltip says "15 minutes": the tooltip is the full name. */
          if (!*mnemonic && tooltip != NULL && g_str_has_prefix (tooltip, label) && strchr (tooltip, '(') == NULL)
            return tooltip;
          return label;
        }
      if (ADW_IS_BUTTON_CONTENT (child))
        {
          *source = G_OBJECT (child);
          *mnemonic = adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child));
          return adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
        }
      return icon_button_name (widget, child, property);
    }

  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    {
      *mnemonic = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
      return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
    }

  /* A field, or a drop-down's button, is named by its mnemonic label. */
  /* A row's switch, check box or spin button is named by the row's title. */
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  if (row != NULL && adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == widget)
    {
      *source = G_OBJECT (row);
      *property = "title";
      *mnemonic = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row));
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
    }

  return NULL;
}

static char *
strip_mnemonic (const char *text)
{
  GString *plain = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static gboolean
clean_again_cb (gpointer data)
{
  GtkWidget *widget = data;

  g_object_set_data (G_OBJECT (widget), PENDING_KEY, NULL);
  rapport_accessible_set_clean_name (widget);
  return G_SOURCE_REMOVE;
}

/* GTK names the control anew after it notifies the change, and AdwButtonContent
 * relates its label to the button only once it is in a window: clean it once
 * GTK is done. */
static void
text_changed_cb (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), PENDING_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), PENDING_KEY, GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, clean_again_cb, g_object_ref (widget), g_object_unref);
}

/**
 * rapport_accessible_set_clean_name:
 * @widget: a button, toggle, check button, or the switch, check box or spin
 *   button of an #AdwActionRow
 *
 * Names @widget for assistive technologies by the text it shows, once and
 * without the mnemonic marker, and keeps it so when the text changes. The
 * mnemonic itself keeps working. A control that shows no text is left alone.
 */
void
rapport_accessible_set_clean_name (GtkWidget *widget)
{
  g_autofree char *name = NULL;
  const char *property;
  const char *text;
  GObject *source;
  gboolean mnemonic;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  text = visible_text (widget, &mnemonic, &source, &property);

  /* Watched even while it shows nothing yet: a label set later names it. */
  if (g_object_get_data (G_OBJECT (widget), CLEANED_KEY) == NULL &&
      (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || text != NULL))
    {
      g_autofree char *signal = g_strconcat ("notify::", property, NULL);

      g_object_set_data (G_OBJECT (widget), CLEANED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect_object (source, signal, G_CALLBACK (text_changed_cb), widget,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      if (source != G_OBJECT (widget) || g_strcmp0 (property, "label") != 0)
        g_signal_connect (widget, "notify::label", G_CALLBACK (text_changed_cb), NULL);
      g_signal_connect (widget, "map", G_CALLBACK (text_changed_cb), NULL);
      /* Not in a window yet: libadwaita relates some labels only once it is. */
      if (gtk_widget_get_root (widget) == NULL)
        text_changed_cb (widget);
    }

  if (text == NULL || *text == '\0')
    return;

  name = mnemonic ? strip_mnemonic (text) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * rapport_accessible_clean_names:
 * @root: a window, page or row, after its template is built
 *
 * Gives every control below @root, @root included, a clean name with
 * rapport_accessible_set_clean_name(). Controls added later are cleaned
 * where they are made.
 */
void
rapport_accessible_clean_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  rapport_accessible_set_clean_name (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rapport_accessible_clean_names (child);
}
