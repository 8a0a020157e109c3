/* rapport-graph-module.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>
#include <math.h>
#include <graphviz/gvc.h>

#include "rapport-graph.h"

G_MODULE_EXPORT const RapportGraph *rapport_graph_module_get (void);

/* Which Graphviz engine: twopi draws a small tree in rings around its root,
 * the user in the centre, those they found first around them, and whom
 * those introduced further out (dot's layered tree put the user at the top
 * and grew very wide); neato is the one
 * that honours pinned positions ("x,y!"), so that a person added to a graph
 * already laid out does not move everyone else; sfdp is the one fast enough
 * for thousands of people laid out afresh. */
static const char *
choose_engine (guint    n_nodes,
               guint    n_edges,
               guint    n_known,
               gboolean grouped)
{
  if (n_known > 0 && n_nodes <= 2000)
    return "neato";
  /* twopi's rings follow the referrals alone: no room for groups. */
  if (n_nodes <= 300 && n_edges + 1 == n_nodes && !grouped)
    return "twopi";
  if (n_nodes <= 300)
    return "neato";
  return "sfdp";
}

/* neato keeps the pinned people's places relative to each other, but
 * Graphviz 2.42 then scales and moves the whole drawing (even with
 * notranslate), so pinned people came back elsewhere and everything on
 * screen jumped. The drawing it returns is the one wanted up to that
 * scale and shift on each axis: find them from the pinned people (least
 * squares) and undo them for everyone, then put the pinned people exactly
 * where they were. */
static void
keep_pinned (Agnode_t       **nodes,
             guint            n,
             double          *xy,
             const gboolean  *known)
{
  for (guint axis = 0; axis < 2; axis++)
    {
      double sign = axis == 0 ? 1.0 : -1.0;   /* Graphviz's y points up */
      double sum_in = 0, sum_out = 0, sum_in2 = 0, sum_inout = 0, count = 0;
      double scale = 1.0, shift = 0.0, det;

      for (guint i = 0; i < n; i++)
        if (known[i])
          {
            double in = xy[2 * i + axis];
            double out = sign * (axis == 0 ? ND_coord (nodes[i]).x : ND_coord (nodes[i]).y);

            sum_in += in;
            sum_out += out;
            sum_in2 += in * in;
            sum_inout += in * out;
            count++;
          }
      det = count * sum_in2 - sum_in * sum_in;
      if (det > 1e-9)
        scale = (count * sum_inout - sum_in * sum_out) / det;
      if (scale < 1e-6)
        scale = 1.0;   /* everyone pinned on one line: only a shift */
      shift = (sum_out - scale * sum_in) / count;

      for (guint i = 0; i < n; i++)
        if (!known[i])
          {
            double out = sign * (axis == 0 ? ND_coord (nodes[i]).x : ND_coord (nodes[i]).y);

            xy[2 * i + axis] = (out - shift) / scale;
          }
    }
}

/* For a large network already laid out, where neato would take too long
 * and sfdp would move everyone (it does not pin): each newcomer goes on a
 * ring around the one who introduced them (or the user), at the first
 * angle not taken by someone already there. Newcomers introduced by other
 * newcomers wait for them, hence the passes. */
static void
place_newcomers (RapportNetworkGraph *graph,
                 double              *xy,
                 const gboolean      *known)
{
  guint n = rapport_network_graph_n_nodes (graph);
  guint m = rapport_network_graph_n_edges (graph);
  g_autofree gboolean *placed = g_memdup2 (known, sizeof (gboolean) * n);
  gboolean progress = TRUE;

  placed[0] = TRUE;   /* the user, wherever the layout had them */
  while (progress)
    {
      progress = FALSE;
      for (guint k = 0; k < m; k++)
        {
          const RapportNetworkEdge *e = rapport_network_graph_edge (graph, k);
          double best_x = 0, best_y = 0, best_d = -1;

          if (placed[e->to] || !placed[e->from])
            continue;
          for (guint step = 0; step < 24; step++)
            {
              double a = 2 * G_PI * step / 24.0, r = 60.0;
              double x = xy[2 * e->from] + r * cos (a), y = xy[2 * e->from + 1] + r * sin (a);
              double nearest = G_MAXDOUBLE;

              /* room: the distance to the nearest person placed */
              for (guint i = 0; i < n; i++)
                if (placed[i])
                  nearest = MIN (nearest, hypot (xy[2 * i] - x, xy[2 * i + 1] - y));
              if (nearest > best_d)
                {
                  best_d = nearest;
                  best_x = x;
                  best_y = y;
                }
              if (nearest > 40.0)
                break;
            }
          xy[2 * e->to] = best_x;
          xy[2 * e->to + 1] = best_y;
          placed[e->to] = TRUE;
          progress = TRUE;
        }
    }
}

/* One Graphviz context for the module's life, and one layout at a time:
 * Graphviz keeps global state and is not safe on two threads at once (two
 * refreshes in a row can start two layouts), and a context reads its
 * plugin configuration, which it never quite frees, each time it is made. */
static GMutex gvc_lock;
static GVC_t *gvc;

/* Grouped by organisation: an unseen hub for each organisation, tied to
 * its people by short edges, pulls them together in neato and sfdp alike
 * (neither draws Graphviz's clusters, which only dot and fdp know). The
 * hubs' own places are not given back. No "weight" attribute: neato 2.42
 * allocates an array for edge weights that freeGraphData() never frees,
 * and "len" alone is enough to keep the members close. */
static void
add_groups (Agraph_t             *g,
            RapportNetworkGraph  *graph,
            Agnode_t            **nodes)
{
  if (rapport_network_graph_n_groups (graph) == 0)
    return;
  agattr (g, AGEDGE, (char *) "len", (char *) "1");
  for (guint k = 0; k < rapport_network_graph_n_groups (graph); k++)
    {
      const RapportNetworkGroup *group = rapport_network_graph_group (graph, k);
      char name[24];
      Agnode_t *hub;

      g_snprintf (name, sizeof name, "group%u", k);
      hub = agnode (g, name, TRUE);
      agsafeset (hub, (char *) "width", (char *) "0.01", (char *) "");
      for (guint m = 0; m < group->members->len; m++)
        {
          Agedge_t *edge = agedge (g, hub, nodes[g_array_index (group->members, guint, m)], NULL, TRUE);

          agset (edge, (char *) "len", (char *) "0.35");
        }
    }
}

static gboolean layout_locked (RapportNetworkGraph  *graph,
                               double               *xy,
                               const gboolean       *known,
                               GError              **error);

static gboolean
layout (RapportNetworkGraph  *graph,
        double               *xy,
        const gboolean       *known,
        GError              **error)
{
  gboolean ok;

  g_mutex_lock (&gvc_lock);
  if (gvc == NULL)
    gvc = gvContext ();
  ok = layout_locked (graph, xy, known, error);
  g_mutex_unlock (&gvc_lock);
  return ok;
}

static gboolean
layout_locked (RapportNetworkGraph  *graph,
               double               *xy,
               const gboolean       *known,
               GError              **error)
{
  guint n = rapport_network_graph_n_nodes (graph);
  guint n_known = 0;
  g_autofree Agnode_t **nodes = g_new0 (Agnode_t *, n);
  Agraph_t *g = agopen ((char *) "network", Agdirected, NULL);
  const char *engine;

  for (guint i = 0; i < n; i++)
    n_known += known[i] ? 1 : 0;
  engine = choose_engine (n, rapport_network_graph_n_edges (graph), n_known,
                          rapport_network_graph_get_grouped (graph));
  /* most of them placed already: keep them (many newcomers, as after an
   * import, are better served by a fresh layout) */
  if (2 * n_known >= n && g_str_equal (engine, "sfdp"))
    {
      agclose (g);
      place_newcomers (graph, xy, known);
      return TRUE;
    }

  /* Removing overlaps costs sfdp more than the layout itself at 5,000
   * people; the smaller engines can afford it. */
  agattr (g, AGRAPH, (char *) "overlap", (char *) (g_str_equal (engine, "sfdp") ? "true" : "prism"));
  agattr (g, AGRAPH, (char *) "rankdir", (char *) "TB");
  /* twopi: the user in the centre, rings far enough apart for the names */
  agattr (g, AGRAPH, (char *) "root", (char *) "0");
  agattr (g, AGRAPH, (char *) "ranksep", (char *) "0.9");
  /* Without it neato moves the whole drawing so that its corner is at the
   * origin, and a newcomer outside the old bounds shifts every pinned
   * person by as much. */
  agattr (g, AGRAPH, (char *) "notranslate", (char *) "true");
  agattr (g, AGRAPH, (char *) "inputscale", (char *) "72");
  agattr (g, AGNODE, (char *) "shape", (char *) "circle");
  agattr (g, AGNODE, (char *) "width", (char *) "0.3");
  agattr (g, AGNODE, (char *) "label", (char *) "");
  agattr (g, AGNODE, (char *) "pos", (char *) "");
  for (guint i = 0; i < n; i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "%u", i);
      nodes[i] = agnode (g, name, TRUE);
      if (known[i] && g_str_equal (engine, "neato"))
        {
          char pos[64], x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];

          /* Points (inputscale), C locale, and Graphviz's y points up: the
           * position given back is the one it returned, flipped below. */
          g_snprintf (pos, sizeof pos, "%s,%s!",
                      g_ascii_dtostr (x, sizeof x, xy[2 * i]),
                      g_ascii_dtostr (y, sizeof y, -xy[2 * i + 1]));
          agset (nodes[i], (char *) "pos", pos);
        }
    }
  for (guint i = 0; i < rapport_network_graph_n_edges (graph); i++)
    {
      const RapportNetworkEdge *e = rapport_network_graph_edge (graph, i);

      agedge (g, nodes[e->from], nodes[e->to], NULL, TRUE);
    }
  add_groups (g, graph, nodes);

  if (gvLayout (gvc, g, engine) != 0)
    {
      agclose (g);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Graphviz could not lay out the network (%s)", engine);
      return FALSE;
    }
  if (g_str_equal (engine, "neato") && n_known >= 2)
    keep_pinned (nodes, n, xy, known);
  else
    for (guint i = 0; i < n; i++)
      {
        xy[2 * i] = ND_coord (nodes[i]).x;
        xy[2 * i + 1] = -ND_coord (nodes[i]).y;   /* Graphviz's y points up */
      }
  gvFreeLayout (gvc, g);
  agclose (g);
  return TRUE;
}

const RapportGraph *
rapport_graph_module_get (void)
{
  static const RapportGraph table = { layout };

  return &table;
}
