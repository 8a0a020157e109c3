/* rapport-insights-table.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-insights-table.h"

/* A chart's numbers as a table ("Show as Table"): a GtkColumnView of rows
 * of text, the first column a name, the others numbers (aligned to the
 * end, as numbers in a column are read). */

#define RAPPORT_TYPE_TABLE_ROW (rapport_table_row_get_type ())
G_DECLARE_FINAL_TYPE (RapportTableRow, rapport_table_row, RAPPORT, TABLE_ROW, GObject)

struct _RapportTableRow
{
  GObject   parent_instance;
  GStrv     cells;
};

G_DEFINE_FINAL_TYPE (RapportTableRow, rapport_table_row, G_TYPE_OBJECT)

static void
rapport_table_row_finalize (GObject *object)
{
  g_strfreev (RAPPORT_TABLE_ROW (object)->cells);
  G_OBJECT_CLASS (rapport_table_row_parent_class)->finalize (object);
}

static void
rapport_table_row_class_init (RapportTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_table_row_finalize;
}

static void
rapport_table_row_init (RapportTableRow *self)
{
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  RapportTableRow *row = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      column < g_strv_length (row->cells) ? row->cells[column] : "");
}

static GListStore *
get_store (GtkColumnView *view)
{
  return G_LIST_STORE (gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (view))));
}

/**
 * rapport_insights_table_new:
 * @titles: the columns' headers, %NULL-terminated
 *
 * Returns: (transfer floating): a GtkColumnView
 */
GtkWidget *
rapport_insights_table_new (const char * const *titles)
{
  GListStore *store = g_list_store_new (RAPPORT_TYPE_TABLE_ROW);
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (store))));

  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (titles[i], factory);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_column_view_set_reorderable (GTK_COLUMN_VIEW (view), FALSE);
  return view;
}

/* @rows: GStrv, one per row, taken */
void
rapport_insights_table_set_rows (GtkColumnView *view,
                                 GPtrArray     *rows)
{
  GListStore *store = get_store (view);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      RapportTableRow *row = g_object_new (RAPPORT_TYPE_TABLE_ROW, NULL);

      row->cells = g_steal_pointer (&rows->pdata[i]);
      g_ptr_array_add (items, row);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

guint
rapport_insights_table_n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (get_store (view)));
}

const char *
rapport_insights_table_get_cell (GtkColumnView *view,
                                 guint          row,
                                 guint          column)
{
  g_autoptr(RapportTableRow) item = g_list_model_get_item (G_LIST_MODEL (get_store (view)), row);

  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (column < g_strv_length (item->cells), NULL);
  return item->cells[column];
}
