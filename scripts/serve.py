"""Serve a built site on 127.0.0.1 the way GitHub Pages does: under the site's path, optionally gzip-compressed.

For the benchmarks, `serve_https` also answers over HTTPS and HTTP/2, as GitHub Pages does.

python scripts/serve.py site/ --prefix /closer/ --gzip
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

PROXY = Path(__file__).with_name("https_proxy.mjs")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Files of one folder, found under a URL prefix, quietly; gzip-compressed when asked and accepted."""

    prefix = "/"
    compress = False

    def translate_path(self, path: str) -> str:
        """Map `/prefix/x` to `x` in the site folder; anything outside the prefix does not exist."""
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "-outside-the-site-")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self) -> io.BytesIO | None:  # type: ignore[override]
        """Send the headers of a file, compressing it first if it is text and the client accepts gzip."""
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and target.suffix in COMPRESSIBLE and target.is_file()):
            return super().send_head()
        body = gzip.compress(target.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        """Keep test and benchmark output quiet."""


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/", *, compress: bool = False, port: int = 0) -> Iterator[str]:
    """Serve `site` (which may not exist yet) in a thread; yield the URL of its home page, ending in `/`."""
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "compress": compress})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serve_https(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` gzip-compressed over HTTPS and HTTP/2, as GitHub Pages does; yield the URL of its home page.

    The certificate is made for the occasion, so a browser must be told to accept it.
    """
    missing = [tool for tool in ("node", "openssl") if not shutil.which(tool)]
    if missing:
        raise RuntimeError(f"serving over HTTPS needs {' and '.join(missing)}, which this machine lacks")
    with serve(site, prefix, compress=True) as url, tempfile.TemporaryDirectory() as keys:
        key, certificate = Path(keys, "key.pem"), Path(keys, "certificate.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", certificate],
                       check=True, capture_output=True)
        proxy = subprocess.Popen(["node", PROXY, url, key, certificate], stdout=subprocess.PIPE, text=True)
        try:
            port = proxy.stdout.readline().strip() if proxy.stdout else ""
            if not port.isdigit():
                raise RuntimeError(f"{PROXY.name} did not start (exit status {proxy.poll()})")
            yield f"https://127.0.0.1:{port}{prefix}"
        finally:
            proxy.terminate()
            proxy.wait()


def main() -> None:
    """Serve a folder until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--prefix", default="/", help="the site's path, as in site_url (default: /)")
    parser.add_argument("--gzip", action="store_true", help="compress text files, as GitHub Pages does")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serve(args.site, args.prefix, compress=args.gzip, port=args.port) as url:
        print(f"Serving {args.site} at {url} (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
