"""What the tests of web pages as sources share: the test pages (tests/pages/), a sources folder of their own,
and a web server on loopback that serves what a test gives it and fails the ways real servers do (slowly,
endlessly, with redirects)."""

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
OUTLETS = """id,name,country,ownership,owner,url,ownership_source
daily-herald,The Daily Herald,United Kingdom,private,Herald Media Group,https://www.dailyherald.example/,test fixture
global-wire,Global Wire,United States,nonprofit,,https://globalwire.example/,test fixture
rights-coalition,Rights Coalition,,nonprofit,,,test fixture
"""

SLOW_SECONDS = 3
ENDLESS_CHUNK = b"<p>" + b"more " * 2000 + b"</p>\n"
ENDLESS_CHUNKS = 200


def page_bytes(name: str) -> bytes:
    return (PAGES / f"{name}.html").read_bytes()


def make_sources(root: Path) -> Path:
    """A sources folder of the tests' own in root: three outlets and no article yet."""
    (root / "articles").mkdir(parents=True)
    (root / "outlets.csv").write_text(OUTLETS, encoding="utf-8")
    (root / "articles.csv").write_text(
        "file,outlet,url,title,published,language,retrieved_from,notes\n", encoding="utf-8"
    )
    (root / "actors.csv").write_text(
        "id,name,type,aliases,metonyms,titles,country,description,wikidata,source\n", encoding="utf-8"
    )
    return root


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        site = self.server.site
        site.requests.append((self.path, dict(self.headers)))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/endless":
            self._endless()
            return
        response = site.responses.get(self.path, Response(404, b"<html><body>Not found</body></html>"))
        self.send_response(response.status)
        headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(response.body))}
        for name, value in (headers | response.headers).items():
            self.send_header(name, value)
        self.end_headers()
        self._write(response.body)

    def _endless(self):
        """An HTML page with no Content-Length that goes on for megabytes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self._write(b"<!DOCTYPE html><html><body>" + ENDLESS_CHUNK * ENDLESS_CHUNKS)

    def _write(self, body: bytes) -> None:
        try:
            self.wfile.write(body)
        except OSError:  # the client stopped reading: a refusal the test expects
            pass

    def log_message(self, *args):
        pass


class Site:
    def __init__(self, base: str):
        self.base = base
        self.responses: dict[str, Response] = {}
        self.requests: list[tuple[str, dict]] = []

    def serve(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> str:
        """Serve body at path; returns its URL."""
        self.responses[path] = Response(status, body, {"Content-Type": content_type})
        return self.base + path

    def redirect(self, path: str, to: str) -> str:
        self.responses[path] = Response(301, b"", {"Location": to})
        return self.base + path


@contextmanager
def serving():
    """A Site on 127.0.0.1, stopped when the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.site = Site(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.site
    finally:
        server.shutdown()
        server.server_close()
