"""Read a web page kept as received: its character set, its article text and its metadata.

The text is trafilatura's main-text extraction: navigation, share bars, related links and reader comments left
out. The title, the page's own URL and the date are trafilatura's metadata, the date found by htmldate in the
page's markup and URL only. Nothing here runs JavaScript: a page that builds its article in the browser has no
text to read.
"""

import importlib.metadata
import re
from dataclasses import dataclass

import trafilatura
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

# Every option trafilatura's extraction takes, pinned: the build records them (build_info) and the cache key
# holds this module's code, so a change here re-extracts every page.
EXTRACTION_SETTINGS = {
    "include_comments": False,  # reader comments are not the article
    # Older state-media pages lay out the whole page in a table: read as a table, the article becomes one row.
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "favor_precision": False,
    "favor_recall": False,
    "fast": False,
    "deduplicate": False,
}
# A date in the running text may be any date the article mentions: only the markup and the URL date the page.
DATE_SETTINGS = {"extensive_search": False, "original_date": True}

# A page says it is HTML before anything else but a byte-order mark, white space, comments and an XML declaration.
DECLARES_HTML = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL
)
LANGUAGE = re.compile(r"([a-z]{2})(?:[-_].*)?", re.IGNORECASE)


class PageError(ValueError):
    """Why a page cannot be read."""


@dataclass(frozen=True)
class Metadata:
    """What a page says about itself; empty where it does not say."""

    title: str
    published: str
    url: str
    language: str
    site_name: str


def declares_html(data: bytes) -> bool:
    return DECLARES_HTML.match(data) is not None


def decode(data: bytes, content_type: str | None = None) -> str:
    """The page as text, in the character set its byte-order mark, the server's Content-Type (when there is one)
    or the page itself declares; a page that declares none must be UTF-8."""
    encoding, bom = read_bom(data)
    if encoding:
        data = data[len(bom) :]
    else:
        encoding = http_content_type_encoding(content_type) or html_body_declared_encoding(data)
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        byte = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        if encoding:
            raise PageError(f"not valid {encoding}, the character set it declares ({byte})") from error
        raise PageError(f"not UTF-8 ({byte}) and declares no character set") from error


def article_text(html: str) -> str:
    """The article's text as trafilatura extracts it, one paragraph a line ('' when it finds none)."""
    return trafilatura.extract(html, output_format="txt", with_metadata=False, **EXTRACTION_SETTINGS) or ""


def metadata(html: str, url: str | None = None) -> Metadata:
    """Title, date, the page's own (canonical) URL and language, as the page states them; `url` is where it was
    fetched from, used when the page names no URL of its own (a date in it counts)."""
    found = trafilatura.extract_metadata(html, default_url=url, date_config=dict(DATE_SETTINGS))
    tree = trafilatura.load_html(html)
    lang = LANGUAGE.fullmatch(tree.get("lang") or "") if tree is not None else None
    return Metadata(
        title=found.title or "",
        published=found.date or "",
        url=found.url or "",
        language=lang.group(1).lower() if lang else "",
        site_name=found.sitename or "",
    )


def extraction_settings() -> str:
    """What the build_info table records about how web pages become text."""
    options = ", ".join(f"{name}={value}" for name, value in EXTRACTION_SETTINGS.items())
    return (
        f"trafilatura {importlib.metadata.version('trafilatura')} (lxml {importlib.metadata.version('lxml')}), "
        f"default settings.cfg, {options}"
    )
