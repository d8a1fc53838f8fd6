"""`python -m build add SOURCE`: add an article from a URL or from a web page saved from the browser.

The page is kept in sources/articles/ exactly as received (its sha256 is what anyone can check) and its row in
articles.csv is written from what the page says about itself: a title, date, URL or language the page does not
give stays empty. The outlet is the one whose domain the page's URL is on; ownership is a person's to find, so an
unknown domain stops with an outlets.csv row to complete. A refusal writes nothing.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import courlan

from . import actors, clean, fetch, page, sources
from .validate import SourceError

# Fewer words than this is a paywall, a consent wall or a page that builds its text with JavaScript.
MIN_WORDS = 120
URL = re.compile(r"https?://\S+", re.IGNORECASE)
NUMBERED = re.compile(r"(\d+)_")
OUTLET_COLUMNS = ("id", "name", "country", "ownership", "owner", "url", "ownership_source")


class Refused(Exception):
    """Why a source was not added; nothing was written."""

    def __init__(self, source, problem: str):
        super().__init__(f"{source}: {problem}")


@dataclass(frozen=True)
class Received:
    """A page's bytes, with the server's Content-Type and the fetch when it came from a URL."""

    data: bytes
    content_type: str | None
    fetched: fetch.Fetched | None


@dataclass(frozen=True)
class Added:
    """What `add` wrote: the page and its articles.csv row."""

    path: Path
    sha256: str
    row: dict[str, str]
    csv_path: Path
    csv_lines: str  # the header and the row, as written
    left_out: tuple[str, ...]  # values with no column in that articles.csv

    def report(self) -> str:
        lines = [
            f"kept the page as received: {self.path} (sha256 {self.sha256})",
            f"added to {self.csv_path}:",
            self.csv_lines.rstrip("\n"),
        ]
        empty = [name for name in ("url", "title", "published", "language") if not self.row[name]]
        if empty:
            lines.append(f"not stated by the page, left empty: {', '.join(empty)}")
        if self.left_out:
            lines.append(f"{self.csv_path.name} has no column for: {', '.join(self.left_out)}")
        lines.append("Check the row against the page, then `make db`.")
        return "\n".join(lines)


def add(
    source: str,
    sources_dir,
    outlet_id: str | None = None,
    timeout: float = fetch.TIMEOUT_SECONDS,
    max_bytes: int = fetch.MAX_BYTES,
) -> Added:
    """Keep the page at source (a URL or a saved .html file) in sources_dir and write its articles.csv row."""
    root = Path(sources_dir)
    try:
        found = sources.load(root)
    except SourceError as error:
        raise Refused(source, f"the sources have a problem to fix first: {error}") from error
    if URL.fullmatch(source):
        _check_new_url(source, [source], found)
    received = _receive(source, timeout, max_bytes)
    html = _decode(source, received)
    text = clean.normalise(page.article_text(html))
    words = len(re.findall(r"\w+", text))
    if words < MIN_WORDS:
        raise Refused(
            source,
            f"only {words} words of article text (an article has at least {MIN_WORDS}): a paywall, a consent wall, "
            "or a page that builds its text with JavaScript, which is not run",
        )
    fetched = received.fetched
    about = page.metadata(html, fetched.url if fetched else None)
    retrieved_from = fetched.url if fetched and _normal(fetched.url) != _normal(about.url) else ""
    _check_new_url(source, [about.url, *([fetched.url, *fetched.redirects] if fetched else [])], found)
    _check_new_text(source, text, found)
    sha256 = hashlib.sha256(received.data).hexdigest()
    row = {
        "file": f"{_next_number(root):03d}_{sha256[:16]}.html",
        "outlet": _outlet(source, outlet_id, about, found.outlets),
        "url": about.url,
        "title": about.title,
        "published": about.published,
        "language": about.language,
        "retrieved_from": retrieved_from,
        "notes": _notes(source, fetched),
    }
    return _write(source, root, received.data, sha256, row)


def _receive(source: str, timeout: float, max_bytes: int) -> Received:
    if URL.fullmatch(source):
        try:
            fetched = fetch.fetch(source, timeout, max_bytes)
        except fetch.FetchError as error:
            raise Refused(source, str(error)) from error
        return Received(fetched.data, fetched.content_type, fetched)
    path = Path(source)
    if not path.is_file():
        raise Refused(source, "no such file (give an http(s) URL or a web page saved as .html)")
    if not sources.is_page(path):
        raise Refused(source, "not a saved web page: the file name must end in .html or .htm")
    if path.stat().st_size > max_bytes:
        raise Refused(source, f"too large: {path.stat().st_size} bytes (at most {max_bytes})")
    data = path.read_bytes()
    if not page.declares_html(data):
        raise Refused(source, "not HTML: the file does not begin with <!DOCTYPE html> or <html>")
    return Received(data, None, None)


def _decode(source: str, received: Received) -> str:
    """The page's text; the build reads the kept copy without the server's header, so both must read the same."""
    try:
        html = page.decode(received.data, received.content_type)
    except page.PageError as error:
        raise Refused(source, str(error)) from error
    if received.content_type:
        try:
            kept = page.decode(received.data)
        except page.PageError:
            kept = None
        if kept != html:
            raise Refused(
                source,
                f"the server gives the character set ({received.content_type}) but the page does not say it itself, "
                "so the copy kept in sources/ would read differently",
            )
    return html


def _normal(url: str) -> str:
    try:
        return courlan.normalize_url(url)
    except ValueError:
        return url


def _check_new_url(source: str, urls: list[str], found: sources.Sources) -> None:
    wanted = {_normal(u) for u in urls if u}
    for article in found.articles:
        for known in (article.url, article.retrieved_from):
            if known and _normal(known) in wanted:
                raise Refused(source, f"already in the dataset: {article.file} ({known}, {_line(article)})")


def _check_new_text(source: str, text: str, found: sources.Sources) -> None:
    for article in found.articles:
        try:
            known, _ = sources.read_text(article)
        except SourceError as error:
            raise Refused(source, f"the sources have a problem to fix first: {error}") from error
        if clean.normalise(known) == text:
            raise Refused(source, f"already in the dataset: the same text as {article.file} ({_line(article)})")


def _line(article: sources.ArticleSource) -> str:
    return f"articles.csv line {article.line}"


def _outlet(source: str, outlet_id: str | None, about: page.Metadata, outlets: list[sources.Outlet]) -> str:
    """The outlet given, or the one whose URL's domain holds the page's URL (the longest such domain)."""
    if outlet_id:
        if outlet_id not in {o.id for o in outlets}:
            raise Refused(source, f"no outlet {outlet_id!r} in outlets.csv")
        return outlet_id
    if not about.url:
        raise Refused(source, "the page gives no URL of its own to find its outlet from: name it with --outlet ID")
    host = _host(about.url)
    matching = [o for o in outlets if o.url and (host == _host(o.url) or host.endswith("." + _host(o.url)))]
    if not matching:
        raise Refused(source, _unknown_outlet(about))
    longest = max(len(_host(o.url)) for o in matching)
    best = [o.id for o in matching if len(_host(o.url)) == longest]
    if len(best) > 1:
        raise Refused(source, f"outlets {', '.join(best)} all have the domain of {about.url}: name one with --outlet")
    return best[0]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _unknown_outlet(about: page.Metadata) -> str:
    parts = urlsplit(about.url)
    name = about.site_name or parts.hostname
    suggestion = dict.fromkeys(OUTLET_COLUMNS, "") | {
        "id": actors.slug(name.replace(".", " ")),
        "name": name,
        "url": f"{parts.scheme}://{parts.hostname}/",
    }
    return (
        f"no outlet in outlets.csv has the domain {_host(about.url)}. Add its row to outlets.csv, completing country, "
        "ownership, owner and ownership_source from a source you can cite (ownership is never guessed), then run "
        f"this again (or name an outlet with --outlet ID):\n{_csv(OUTLET_COLUMNS)}{_csv(suggestion.values()).rstrip()}"
    )


def _notes(source: str, fetched: fetch.Fetched | None) -> str:
    extracted = "text extracted by trafilatura (no JavaScript run)"
    if not fetched:
        today = datetime.datetime.now(datetime.UTC).date()
        return f"Saved page {Path(source).name}, added on {today}; {extracted}."
    redirected = f", redirected from {' -> '.join(fetched.redirects)}" if fetched.redirects else ""
    return f"Page as received on {fetched.retrieved} from {fetched.url}{redirected}; {extracted}."


def _next_number(root: Path) -> int:
    numbers = [int(m.group(1)) for p in (root / "articles").iterdir() if (m := NUMBERED.match(p.name))]
    return max(numbers, default=-1) + 1


def _csv(values) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(values)
    return out.getvalue()


def _write(source: str, root: Path, data: bytes, sha256: str, row: dict[str, str]) -> Added:
    """Write the page and append its row; if the sources then fail their checks, put both back as they were."""
    csv_path, path = root / "articles.csv", root / "articles" / row["file"]
    before = csv_path.read_bytes()
    header = [name.strip() for name in next(csv.reader(io.StringIO(before.decode("utf-8-sig"))))]
    line = _csv(row.get(name, "") for name in header)
    if b"\r\n" in before:
        line = line.replace("\n", "\r\n")
    if path.exists():
        raise Refused(source, f"{path} already exists")
    try:
        path.write_bytes(data)
        with csv_path.open("ab") as handle:
            handle.write((b"" if before.endswith(b"\n") else b"\n") + line.encode("utf-8"))
        sources.load(root)
    except (OSError, SourceError) as error:
        csv_path.write_bytes(before)
        path.unlink(missing_ok=True)
        raise Refused(source, f"not added, the sources are as they were: {error}") from error
    left_out = tuple(name for name, value in row.items() if value and name not in header)
    return Added(path, sha256, row, csv_path, _csv(header) + line, left_out)
