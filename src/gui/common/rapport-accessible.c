/* rapport-accessible.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-accessible"

#include "config.h"

#include <string.h>

#include "rapport-accessible.h"

/* GTK 4.8 names a control from both its LABEL property and the labels it is
 * LABELLED_BY, one after the other: a mnemonic button reads "_People People",
 * a check row's box "Bring a notebook Bring a notebook". The cure, checked on
 * 4.8.3, is to set LABEL to the visible text without the mnemonic marker and to
 * drop the relation. GTK sets both again when the text changes, so the control
 * is cleaned again then. Newer GTK (4.10) computes names itself. */

#define CLEANED_KEY "rapport-accessible-cleaned"

/* The text the control shows, as set (with its mnemonic marker if *mnemonic),
 * and the object and property that hold it. */
static const char *
visible_text (GtkWidget   *widget,
              gboolean    *mnemonic,
              GObject    **source,
              const char **property)
{
  GtkWidget *row;

  *mnemonic = FALSE;
  *source = G_OBJECT (widget);
  *property = "label";

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        {
          *mnemonic = gtk_button_get_use_underline (GTK_BUTTON (widget));
          return gtk_button_get_label (GTK_BUTTON (widget));
        }
      if (ADW_IS_BUTTON_CONTENT (child))
        {
          *source = G_OBJECT (child);
          *mnemonic = adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child));
          return adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
        }
      return NULL;
    }

  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    {
      *mnemonic = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
      return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
    }

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

static void
text_changed_cb (GtkWidget *widget)
{
  rapport_accessible_set_clean_name (widget);
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
  g_autofree char *signal = NULL;
  const char *property;
  const char *text;
  GObject *source;
  gboolean mnemonic;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  text = visible_text (widget, &mnemonic, &source, &property);
  if (text == NULL || *text == '\0')
    return;

  name = mnemonic ? strip_mnemonic (text) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (g_object_get_data (G_OBJECT (widget), CLEANED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), CLEANED_KEY, GINT_TO_POINTER (TRUE));
  signal = g_strconcat ("notify::", property, NULL);
  g_signal_connect_object (source, signal, G_CALLBACK (text_changed_cb), widget,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
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
