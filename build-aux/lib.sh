# build-aux/lib.sh -- shared by build-aux/run and build-aux/test; sourced, not run.
#
# SPDX-License-Identifier: GPL-3.0-or-later

RAPPORT_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKAGE_LIST=$RAPPORT_SRC/build-aux/debian-packages.txt

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs whatever in debian-packages.txt is missing, with sudo when not root.
install_packages() {
  local wanted missing=() pkg
  mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$PACKAGE_LIST")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "All ${#wanted[@]} Debian packages are installed"
    return 0
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Missing packages and no sudo: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || return 1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  # apt-get removes a package that conflicts with one it installs and still succeeds: check
  # that every package of the list is there afterwards, so a conflict in the list is caught here
  # rather than as a missing header later
  local gone=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || gone+=("$pkg")
  done
  if [ ${#gone[@]} -ne 0 ]; then
    echo "These packages of $PACKAGE_LIST are still not installed (a conflict in the list?): ${gone[*]}" >&2
    return 1
  fi
}

# configure_build DIR [MESON OPTION...]: sets DIR up once, and builds it.
configure_build() {
  local dir=$1 start=$SECONDS; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$RAPPORT_SRC" "$@" || return 1
  else
    meson configure "$dir" "$@" >/dev/null || return 1
  fi
  say "Building $dir"
  ninja -C "$dir" || return 1
  say "Built $dir in $((SECONDS - start)) s"
}
