#!/usr/bin/env bash
# Shared helpers for Rapport's scripts. Sourced, never run.
# Everything slow is cached under $RAPPORT_CACHE (outside the repository), keyed by version and flags.
set -euo pipefail

RAPPORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RAPPORT_CACHE="${RAPPORT_CACHE:-/var/cache/rapport}"
# shellcheck source=deps.lock
source "$RAPPORT_ROOT/scripts/deps.lock"

# Emscripten from Debian: its tools need acorn from Debian's node modules, and a cache we can write to.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
export EM_CACHE="$RAPPORT_CACHE/emcache"
export EM_FROZEN_CACHE=  # Debian freezes the cache; an empty value lets it build its system libraries

log()  { printf '\033[1m[rapport]\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m[rapport] error:\033[0m %s\n' "$*" >&2; exit 1; }

need_root() {
  [ "$(id -u)" = 0 ] || die "this step installs Debian packages and must run as root (try: sudo $0)"
}

# apt_install PKG... : installs the packages that are not installed yet. A warm machine does nothing and
# needs no network.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root
  log "installing Debian packages: ${missing[*]}"
  if [ ! -f "$RAPPORT_CACHE/.apt-updated" ] || [ -n "$(find "$RAPPORT_CACHE/.apt-updated" -mmin +720 2>/dev/null)" ]; then
    apt-get update -q >&2 || die "apt-get update failed: is the Debian mirror reachable?"
    mkdir -p "$RAPPORT_CACHE" && touch "$RAPPORT_CACHE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 \
    || die "could not install: ${missing[*]} (apt-get failed; see above). Nothing was built."
}

# A private apt configuration for Debian *source* packages: the machine's own sources.list is never touched.
SRC_APT_DIR="$RAPPORT_CACHE/apt-src"
src_apt() {
  local cmd="$1"; shift
  "$cmd" -o Dir::Etc::SourceList="$SRC_APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$SRC_APT_DIR/lists" -o Dir::Cache="$SRC_APT_DIR/cache" \
    -o APT::Sandbox::User=root "$@"
}
src_apt_update() {
  [ -f "$SRC_APT_DIR/.updated" ] && [ -z "$(find "$SRC_APT_DIR/.updated" -mmin +720)" ] && return 0
  mkdir -p "$SRC_APT_DIR/lists/partial" "$SRC_APT_DIR/cache/archives/partial"
  local key=/usr/share/keyrings/debian-archive-keyring.gpg
  {
    for suite in $DEB_SRC_SUITES; do
      echo "deb-src [signed-by=$key] $DEB_MIRROR ${suite} main"
    done
  } > "$SRC_APT_DIR/sources.list"
  log "reading Debian source package lists ($DEB_SRC_SUITES)"
  src_apt apt-get update -q >&2 || die "could not read Debian's source package lists from $DEB_MIRROR"
  touch "$SRC_APT_DIR/.updated"
}

# src_sha256 PKG VERSION KIND : the SHA-256 of a source package's file as Debian's signed Sources index
# gives it; KIND is "orig" (upstream tarball) or "debian" (Debian's packaging, with its patches).
src_sha256() {
  src_apt apt-cache showsrc "$1" | awk -v v="$2" -v kind="\\.$3\\.tar\\." '
    /^Version:/ {cur=$2} /^Checksums-Sha256:/ {in_sum=(cur==v); next}
    /^[^ ]/ {in_sum=0} in_sum && $3 ~ kind && $3 !~ /\.asc$/ {print $1; exit}'
}

# fetch_src PKG VERSION KIND DEST [SHA256] : downloads one file of a Debian source package (KIND "orig" or
# "debian", see src_sha256) into DEST and checks it against the given hash, or when none is given against
# Debian's signed index. Prints the file's path.
fetch_src() {
  local pkg="$1" ver="$2" kind="$3" dest="$4" want="${5:-}" base tar have
  base="${ver#*:}"; [ "$kind" = orig ] && base="${base%-*}"
  mkdir -p "$dest"
  local pattern="$dest/${pkg}_${base}.${kind}.tar.*"
  tar=$(ls $pattern 2>/dev/null | grep -v '\.asc$' | head -1 || true)
  if [ -z "$tar" ]; then
    src_apt_update
    [ -n "$want" ] || want=$(src_sha256 "$pkg" "$ver" "$kind")
    [ -n "$want" ] || die "Debian's source lists do not offer $pkg $ver"
    log "downloading Debian source package $pkg $ver"
    # The .dsc may be missing on some mirrors; only the upstream tarball is used, checked by hash below.
    (cd "$dest" && src_apt apt-get source --download-only -q "$pkg=$ver" >&2) || true
    tar=$(ls $pattern 2>/dev/null | grep -v '\.asc$' | head -1 || true)
    [ -n "$tar" ] || die "could not download the source of $pkg $ver from $DEB_MIRROR"
  fi
  if [ -z "$want" ]; then src_apt_update; want=$(src_sha256 "$pkg" "$ver" "$kind"); fi
  have=$(sha256sum "$tar" | cut -d' ' -f1)
  if [ "$have" != "$want" ]; then
    rm -f "$tar"
    die "$tar: SHA-256 $have does not match the expected $want; removed it"
  fi
  echo "$tar"
}
