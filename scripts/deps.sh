#!/usr/bin/env bash
# Installs and prepares everything Rapport builds with. Idempotent: a warm run checks and returns in seconds,
# with no network. Run as root (it installs Debian packages).
#
#   scripts/deps.sh [--web-only]
#
# Slow results are cached under $RAPPORT_CACHE (default /var/cache/rapport), keyed by version and flags:
#   imgui-<ver>/              Dear ImGui sources from Debian's source package
#   icu-<ver>/src             ICU sources from Debian's source package
#   icu-<ver>/native-<key>/   native ICU build (tools: genrb, icupkg, tz2icu)
#   icu-<ver>/wasm-<key>/     ICU static libraries for WebAssembly (Emscripten)
#   tz-<tzver>/               ICU zone data (zoneinfo64.res) generated from Debian's tzdata
#   icu-<ver>/data-<key>/     ICU data trimmed for the browser, with the new zone data in it
# and scripts/../build/deps.env tells CMake where they are.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WEB_ONLY=0
[ "${1:-}" = "--web-only" ] && WEB_ONLY=1

# ---------------------------------------------------------------------------------------------------------
# [1] Debian packages
# ---------------------------------------------------------------------------------------------------------
PKGS_BUILD=(build-essential cmake ninja-build pkg-config xz-utils ca-certificates debian-archive-keyring
            libicu-dev nlohmann-json3-dev doctest-dev emscripten node-acorn fonts-noto-core python3-fonttools)
PKGS_TEST=(libbenchmark-dev chromium python3-icalendar python3-jsonschema)
if [ $WEB_ONLY = 1 ]; then apt_install "${PKGS_BUILD[@]}"; else apt_install "${PKGS_BUILD[@]}" "${PKGS_TEST[@]}"; fi
mkdir -p "$RAPPORT_CACHE"

# ---------------------------------------------------------------------------------------------------------
# [2] Dear ImGui sources (pinned version, checked by hash)
# ---------------------------------------------------------------------------------------------------------
IMGUI_UPVER="${IMGUI_DEB_VERSION%-*}"; IMGUI_UPVER="${IMGUI_UPVER%+ds}"
IMGUI_DIR="$RAPPORT_CACHE/imgui-$IMGUI_DEB_VERSION"
if [ ! -f "$IMGUI_DIR/.done" ]; then
  tarball=$(fetch_src imgui "$IMGUI_DEB_VERSION" orig "$RAPPORT_CACHE/downloads" "$IMGUI_ORIG_SHA256")
  rm -rf "$IMGUI_DIR.tmp" && mkdir -p "$IMGUI_DIR.tmp"
  tar -xf "$tarball" -C "$IMGUI_DIR.tmp" --strip-components=1
  rm -rf "$IMGUI_DIR" && mv "$IMGUI_DIR.tmp" "$IMGUI_DIR" && touch "$IMGUI_DIR/.done"
  log "Dear ImGui $IMGUI_UPVER ready in $IMGUI_DIR"
fi

# ---------------------------------------------------------------------------------------------------------
# [3] ICU: sources, native build with tools
# ---------------------------------------------------------------------------------------------------------
ICU_UPVER="${ICU_DEB_VERSION%-*}"
ICU_BASE="$RAPPORT_CACHE/icu-$ICU_UPVER"
ICU_SRC="$ICU_BASE/src"
if [ ! -f "$ICU_SRC/.done" ]; then
  tarball=$(fetch_src icu "$ICU_DEB_VERSION" orig "$RAPPORT_CACHE/downloads" "$ICU_ORIG_SHA256")
  debtar=$(fetch_src icu "$ICU_DEB_VERSION" debian "$RAPPORT_CACHE/downloads" "$ICU_DEBIAN_SHA256")
  rm -rf "$ICU_SRC.tmp" && mkdir -p "$ICU_SRC.tmp"
  tar -xf "$tarball" -C "$ICU_SRC.tmp" --strip-components=1
  # Debian's own patches (security fixes), so the browser's ICU is the ICU of libicu-dev.
  tar -xf "$debtar" -C "$ICU_SRC.tmp"
  while read -r p; do
    case "$p" in ''|'#'*) continue;; esac
    patch -s -p1 -d "$ICU_SRC.tmp" < "$ICU_SRC.tmp/debian/patches/$p" || die "Debian patch $p does not apply to ICU"
  done < "$ICU_SRC.tmp/debian/patches/series"
  rm -rf "$ICU_SRC" && mv "$ICU_SRC.tmp" "$ICU_SRC" && touch "$ICU_SRC/.done"
fi

ICU_COMMON_FLAGS="--disable-tests --disable-samples --disable-extras --disable-layoutex --with-data-packaging=archive"
key() { echo "$*" | sha256sum | cut -c1-10; }
ICU_NATIVE="$ICU_BASE/native-$(key "$ICU_COMMON_FLAGS -O2")"
if [ ! -f "$ICU_NATIVE/.done" ]; then
  log "building ICU $ICU_UPVER natively (tools for data and the cross build; about 2 minutes)"
  rm -rf "$ICU_NATIVE" && mkdir -p "$ICU_NATIVE"
  # (data/out/tmp is made first: ICU's data makefile races on it under make -j)
  (cd "$ICU_NATIVE" && CFLAGS=-O2 CXXFLAGS=-O2 "$ICU_SRC/source/configure" $ICU_COMMON_FLAGS >configure.log 2>&1 \
     && mkdir -p data/out/tmp && make -j"$(nproc)" >make.log 2>&1) || { tail -n 30 "$ICU_NATIVE"/*.log >&2; die "native ICU build failed (logs in $ICU_NATIVE)"; }
  touch "$ICU_NATIVE/.done"
fi
icu_tool() { LD_LIBRARY_PATH="$ICU_NATIVE/lib" ICU_DATA="$ICU_NATIVE/data/out" "$ICU_NATIVE/bin/$1" "${@:2}"; }

# ---------------------------------------------------------------------------------------------------------
# [4] Current time zone data: Debian's newest tzdata source -> ICU's tz2icu -> zoneinfo64.res
# ---------------------------------------------------------------------------------------------------------
TZ_STAMP="$RAPPORT_CACHE/tz-current"
if [ ! -f "$TZ_STAMP" ] || [ -n "$(find "$TZ_STAMP" -mtime +7)" ] || [ ! -f "$(cat "$TZ_STAMP")/icudt72l.dat" ]; then
  src_apt_update
  tzdir=""
  # Newest first; a version a mirror no longer carries is skipped.
  for ver in $(src_apt apt-cache showsrc tzdata | awk '/^Version:/{print $2}' | sort -u -V -r); do
    upver="${ver%-*}"
    cand="$RAPPORT_CACHE/tz-$upver"
    if [ -f "$cand/icudt72l.dat" ]; then tzdir="$cand"; break; fi
    tarball=$( (fetch_src tzdata "$ver" orig "$RAPPORT_CACHE/downloads") 2>/dev/null) || { log "tzdata $ver not available, trying an older one"; continue; }
    log "generating ICU zone data from Debian tzdata $ver"
    work="$ICU_NATIVE/tools/tzcode"
    (cd "$work" && make clean >/dev/null 2>&1 || true; rm -f "$work"/tzdata*.tar.gz)
    cp "$tarball" "$work/tzdata$upver.tar.gz"
    (cd "$work" && make >tz.log 2>&1) || { tail -n 20 "$work/tz.log" >&2; die "tz2icu failed for tzdata $ver"; }
    rm -rf "$cand.tmp" && mkdir -p "$cand.tmp"
    cp "$work/zoneinfo64.txt" "$cand.tmp/"
    icu_tool genrb -q -d "$cand.tmp" -i "$ICU_NATIVE/data/out" "$cand.tmp/zoneinfo64.txt" \
      || die "genrb could not compile zoneinfo64.txt for tzdata $ver"
    # A data package holding only the zone rules, for native programs (ICU searches it before its own data).
    icu_tool icupkg -tl -s "$cand.tmp" -a zoneinfo64.res new "$cand.tmp/icudt72l.dat" \
      || die "icupkg could not package zoneinfo64.res"
    echo "$upver" > "$cand.tmp/VERSION"
    rm -rf "$cand" && mv "$cand.tmp" "$cand"
    tzdir="$cand"; break
  done
  [ -n "$tzdir" ] || die "no tzdata source package could be downloaded from $DEB_MIRROR"
  echo "$tzdir" > "$TZ_STAMP"
fi
TZ_DIR="$(cat "$TZ_STAMP")"

# ---------------------------------------------------------------------------------------------------------
# [5] ICU for WebAssembly, and its data trimmed to what the app needs
# ---------------------------------------------------------------------------------------------------------
ICU_WASM_FLAGS="$ICU_COMMON_FLAGS --enable-static --disable-shared --disable-tools --disable-icuio -O2"
ICU_WASM="$ICU_BASE/wasm-$(key "$ICU_WASM_FLAGS $(emcc --version | head -1)")"
# Emscripten builds its system libraries on first use. That first use must not happen inside a configure script
# (emconfigure's environment breaks the struct-info bootstrap), so a small program is built here first.
if [ ! -f "$EM_CACHE/.rapport-warm" ]; then
  log "preparing Emscripten's system libraries (first use only, about a minute)"
  warm=$(mktemp -d)
  printf '#include <string>\nint main() { try { throw std::string("x"); } catch (...) {} return 0; }\n' > "$warm/w.cpp"
  (cd "$warm" && em++ -O2 -fwasm-exceptions w.cpp -o w.js >"$warm/log" 2>&1) \
    || { tail -n 20 "$warm/log" >&2; die "Emscripten cannot build a test program (see above)"; }
  rm -rf "$warm"
  touch "$EM_CACHE/.rapport-warm"
fi

if [ ! -f "$ICU_WASM/.done" ]; then
  log "building ICU $ICU_UPVER for WebAssembly (about 5 minutes)"
  rm -rf "$ICU_WASM" && mkdir -p "$ICU_WASM"
  (cd "$ICU_WASM" && CFLAGS=-O2 CXXFLAGS=-O2 emconfigure "$ICU_SRC/source/configure" --host=wasm32-unknown-linux \
      --with-cross-build="$ICU_NATIVE" ${ICU_WASM_FLAGS% -O2} >configure.log 2>&1 \
   && mkdir -p lib bin \
   && emmake make -j"$(nproc)" -C stubdata >make.log 2>&1 \
   && emmake make -j"$(nproc)" -C common >>make.log 2>&1 \
   && emmake make -j"$(nproc)" -C i18n >>make.log 2>&1) \
   || { tail -n 30 "$ICU_WASM"/*.log >&2; die "ICU WebAssembly build failed (logs in $ICU_WASM)"; }
  touch "$ICU_WASM/.done"
fi

KEEP="$RAPPORT_ROOT/scripts/icu-data-keep.txt"
ICU_DATA_OUT="$ICU_BASE/data-$(key "$(cat "$KEEP") $(basename "$TZ_DIR") v2")"
if [ ! -f "$ICU_DATA_OUT/.done" ]; then
  log "trimming ICU data for the browser"
  rm -rf "$ICU_DATA_OUT" && mkdir -p "$ICU_DATA_OUT/items"
  full="$ICU_NATIVE/data/out/icudt72l.dat"
  [ -f "$full" ] || full="$ICU_SRC/source/data/in/icudt72l.dat"
  icu_tool icupkg -l "$full" | sort > "$ICU_DATA_OUT/all.txt"
  /usr/bin/python3 "$RAPPORT_ROOT/scripts/icu_data_select.py" "$KEEP" < "$ICU_DATA_OUT/all.txt" > "$ICU_DATA_OUT/remove.txt"
  cp "$TZ_DIR/zoneinfo64.res" "$ICU_DATA_OUT/items/"
  # --ignore-deps: brkitr/root.res names the CJK, Khmer, Lao and Burmese dictionaries we leave out on purpose;
  # ICU falls back to rule-based word breaks without them (tested in tests/engine/icu_data_test.cpp).
  icu_tool icupkg --ignore-deps -r "$ICU_DATA_OUT/remove.txt" "$full" "$ICU_DATA_OUT/icudt72l.dat" >/dev/null 2>&1
  icu_tool icupkg --ignore-deps -s "$ICU_DATA_OUT/items" -a zoneinfo64.res "$ICU_DATA_OUT/icudt72l.dat" >/dev/null 2>&1
  icu_tool icupkg --ignore-deps -l "$ICU_DATA_OUT/icudt72l.dat" 2>/dev/null | sort > "$ICU_DATA_OUT/kept.txt"
  touch "$ICU_DATA_OUT/.done"
fi

# ---------------------------------------------------------------------------------------------------------
# [6] Browser test packages (pinned by package-lock.json; playwright-core downloads no browser)
# ---------------------------------------------------------------------------------------------------------
if [ $WEB_ONLY = 0 ]; then
  lock="$RAPPORT_ROOT/tests/browser/package-lock.json"
  stamp="$RAPPORT_ROOT/tests/browser/node_modules/.rapport-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
    log "installing browser test packages (npm ci)"
    (cd "$RAPPORT_ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in tests/browser"
    cp "$lock" "$stamp"
  fi
fi

# ---------------------------------------------------------------------------------------------------------
# [7] Tell CMake where everything is
# ---------------------------------------------------------------------------------------------------------
mkdir -p "$RAPPORT_ROOT/build"
cat > "$RAPPORT_ROOT/build/deps.cmake" <<CMAKE
# Written by scripts/deps.sh; do not edit.
set(RAPPORT_IMGUI_DIR "$IMGUI_DIR" CACHE PATH "")
set(RAPPORT_ICU_SRC "$ICU_SRC" CACHE PATH "")
set(RAPPORT_ICU_WASM "$ICU_WASM" CACHE PATH "")
set(RAPPORT_ICU_WASM_DATA "$ICU_DATA_OUT/icudt72l.dat" CACHE FILEPATH "")
set(RAPPORT_TZ_DIR "$TZ_DIR" CACHE PATH "")
set(RAPPORT_TZ_VERSION "$(cat "$TZ_DIR/VERSION")" CACHE STRING "")
CMAKE
log "dependencies ready (tz data $(cat "$TZ_DIR/VERSION"), cache $RAPPORT_CACHE)"
