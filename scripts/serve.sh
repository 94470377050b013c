#!/usr/bin/env bash
# README's run command: builds the web app and serves it on http://127.0.0.1:8080 (RAPPORT_PORT to change).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
PORT="${RAPPORT_PORT:-8080}"
cd "$RAPPORT_ROOT"

# Fail before a long build if the port is taken.
if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
  die "port $PORT on 127.0.0.1 is already in use; stop the program using it or run with RAPPORT_PORT=<free port>"
fi

bash scripts/deps.sh --web-only
log "building the web app (preset wasm)"
cmake --preset wasm >/dev/null || die "CMake could not configure the wasm build"
cmake --build --preset wasm --target rapport_site || die "the web app did not build"
log "site: $RAPPORT_ROOT/build/wasm/site"
exec /usr/bin/python3 scripts/serve.py build/wasm/site "$PORT"
