#!/usr/bin/env python3
"""Serves the built static site on 127.0.0.1 only, with the MIME types browsers need (application/wasm for
streaming compilation) and no caching, so a rebuilt app is what the next reload gets.

    serve.py SITE_DIR [PORT]
"""
import functools
import http.server
import socketserver
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".data": "application/octet-stream",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, fmt, *args):
        if "-q" not in sys.argv:
            super().log_message(fmt, *args)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = False


def main():
    args = [a for a in sys.argv[1:] if a != "-q"]
    if not args:
        sys.exit("usage: serve.py SITE_DIR [PORT]")
    site = args[0]
    port = int(args[1]) if len(args) > 1 else 8080
    try:
        httpd = Server(("127.0.0.1", port), functools.partial(Handler, directory=site))
    except OSError as e:
        sys.exit(f"[rapport] error: cannot serve on 127.0.0.1:{port}: {e.strerror}. "
                 f"Another program is using the port; stop it or set RAPPORT_PORT to another port.")
    print(f"Rapport is running at http://127.0.0.1:{httpd.server_address[1]}/  (Ctrl+C stops it)", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
