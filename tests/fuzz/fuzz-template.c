/* fuzz-template.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libFuzzer target for the message template renderer. The input is a
 * template text, ended by a NUL byte, then NUL-separated pairs of a
 * placeholder name and its value. Whatever comes in, rendering must not
 * crash, and:
 *   - each placeholder reported is in the output where it says, "{name}",
 *     in order and apart;
 *   - every one reported is also found by rapport_template_scan() on the
 *     output (which is what blocks sending);
 *   - rendering with no values gives the text back unchanged, and reports
 *     exactly what a scan finds;
 *   - valid UTF-8 values in a valid UTF-8 text give valid UTF-8.
 *
 * Built with clang's -fsanitize=fuzzer when meson is set up with
 * -Dfuzzing=true (see tests/fuzz/README); otherwise fuzz-main.c replays the
 * corpus as an ordinary test.
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rapport-template-render.h"

#define MAX_PAIRS 16

static char *
read_text (const guint8 **data,
           size_t        *size)
{
  const guint8 *end = memchr (*data, '\0', *size);
  size_t length = end != NULL ? (size_t)(end - *data) : *size;
  char *text = g_strndup ((const char *) *data, length);

  *data += length;
  *size -= length;
  if (*size > 0)
    {
      (*data)++;
      (*size)--;
    }
  return text;
}

static void
check_issues (const char *out,
              GArray     *issues)
{
  gsize len = strlen (out);
  gsize previous_end = 0;
  g_autoptr(GArray) scanned = rapport_template_scan (out);
  guint s = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      RapportPlaceholderIssue *issue = &g_array_index (issues, RapportPlaceholderIssue, i);
      gsize name_len = strlen (issue->name);

      if (issue->start < previous_end || issue->end > len || issue->end != issue->start + name_len + 2)
        fail ("placeholder %u at [%zu, %zu) out of place", i, issue->start, issue->end);
      if (out[issue->start] != '{' || out[issue->end - 1] != '}' ||
          strncmp (out + issue->start + 1, issue->name, name_len) != 0)
        fail ("placeholder %u is not “{%s}” in the output", i, issue->name);
      if ((issue->problem == RAPPORT_PLACEHOLDER_UNKNOWN) == rapport_placeholder_is_known (issue->name))
        fail ("placeholder {%s} is misclassified", issue->name);
      previous_end = issue->end;

      while (s < scanned->len && g_array_index (scanned, RapportPlaceholderIssue, s).start < issue->start)
        s++;
      if (s == scanned->len || g_array_index (scanned, RapportPlaceholderIssue, s).start != issue->start)
        fail ("placeholder {%s} left in the output escapes the scan", issue->name);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = NULL;
  g_autoptr(RapportTemplateContext) context = rapport_template_context_new ();
  g_autoptr(GArray) issues = NULL;
  g_autoptr(GArray) bare_issues = NULL;
  g_autoptr(GArray) scanned = NULL;
  g_autofree char *out = NULL;
  g_autofree char *bare = NULL;
  gboolean valid;

  fuzz_init ();

  text = read_text (&data, &size);
  valid = g_utf8_validate (text, -1, NULL);
  for (guint i = 0; i < MAX_PAIRS && size > 0; i++)
    {
      g_autofree char *name = read_text (&data, &size);
      g_autofree char *value = read_text (&data, &size);

      valid = valid && g_utf8_validate (value, -1, NULL);
      rapport_template_context_set (context, name, value);
    }

  out = rapport_template_render (text, context, &issues);
  check_issues (out, issues);
  if (valid && !g_utf8_validate (out, -1, NULL))
    fail ("valid UTF-8 in, invalid out");

  bare = rapport_template_render (text, NULL, &bare_issues);
  if (strcmp (bare, text) != 0)
    fail ("rendering with no values changed the text");
  check_issues (bare, bare_issues);
  scanned = rapport_template_scan (text);
  if (scanned->len != bare_issues->len)
    fail ("%u placeholders reported, %u scanned", bare_issues->len, scanned->len);

  return 0;
}
