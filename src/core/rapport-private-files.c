/* rapport-private-files.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who a user meets, and what they wrote about it, is nobody else's business
 * on a shared computer: every file Rapport keeps it in is the user's alone
 * (0600), and so are the folders that hold them (0700), whatever the umask,
 * and also when they were made by an older Rapport or by hand.
 *
 * The mode is set when a file is created, rather than by a umask, because
 * the umask belongs to the whole process and its threads; SQLite gives the
 * -wal and -shm files the mode of the database file itself.
 */

#define G_LOG_DOMAIN "rapport-private-files"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-private-files.h"

/**
 * rapport_private_folder_ensure:
 * @path: a folder
 * @tightened: (out) (optional): set to %TRUE when the folder existed and
 *   others could read or enter it, and now cannot
 *
 * Creates @path and its parents as 0700, or takes away the group's and
 * others' access to it when it exists and is the user's own. A shared
 * folder is left as it is: one that is not the user's, or a sticky one
 * that everybody may write to (/tmp, where a database or a backup may be
 * put by hand), whose access is not Rapport's to take away from others.
 */
int
rapport_private_folder_ensure (const char *path,
                               gboolean   *tightened)
{
  struct stat st;

  if (tightened != NULL)
    *tightened = FALSE;

  if (g_mkdir_with_parents (path, 0700) != 0)
    return errno;
  if (g_stat (path, &st) != 0)
    return errno;

  if ((st.st_mode & 077) != 0 && st.st_uid == getuid () && (st.st_mode & S_ISVTX) == 0)
    {
      if (g_chmod (path, st.st_mode & 0700) != 0)
        return errno;
      g_debug ("Made %s private (it was %04o)", path, (guint) (st.st_mode & 07777));
      if (tightened != NULL)
        *tightened = TRUE;
    }

  return 0;
}

/**
 * rapport_private_file_ensure:
 * @path: a file
 * @create: whether to create @path, empty, when it does not exist
 *
 * Makes @path readable and writable by its owner alone; with @create, a
 * missing file is created so, empty (SQLite takes an empty file for a new
 * database, and VACUUM INTO writes into one). A missing file without
 * @create is not an error.
 */
int
rapport_private_file_ensure (const char *path,
                             gboolean    create)
{
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0), 0600);
  if (fd < 0)
    return errno == ENOENT && !create ? 0 : errno;

  if (fstat (fd, &st) != 0 || ((st.st_mode & 077) != 0 && fchmod (fd, st.st_mode & 0700) != 0))
    {
      int errsv = errno;

      close (fd);
      return errsv;
    }

  close (fd);
  return 0;
}
