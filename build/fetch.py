"""Fetch a web page for `python -m build add`: the bytes as the server sent them, and where they came from.

One GET with httpx, following redirects, within a time and a size limit, with a user agent that names the
project. No JavaScript runs, so a page that builds its article in the browser arrives without it.
"""

import datetime
import time
from dataclasses import dataclass

import httpx

TIMEOUT_SECONDS = 30.0
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 10
HTML_TYPES = {"text/html", "application/xhtml+xml"}
USER_AGENT = "xinjiang-coverage (an open dataset of news coverage; adds one article at a person's request)"


class FetchError(Exception):
    """Why a page could not be fetched."""


@dataclass(frozen=True)
class Fetched:
    """A page as received: its bytes (any Content-Encoding undone), the URL it came from after redirects, and
    every URL before it."""

    data: bytes
    url: str
    redirects: tuple[str, ...]
    content_type: str
    retrieved: datetime.date


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """The page at url, or a FetchError saying what went wrong."""
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
    options = {"headers": headers, "timeout": timeout, "follow_redirects": True, "max_redirects": MAX_REDIRECTS}
    try:
        with (
            httpx.Client(**options) as client,
            client.stream("GET", url) as response,
        ):
            if response.is_error:
                raise FetchError(f"the server answered HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "")
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                raise FetchError(f"not an HTML page (Content-Type: {content_type or 'none given'})")
            if int(response.headers.get("content-length") or 0) > max_bytes:
                raise FetchError(f"too large: {response.headers['content-length']} bytes (at most {max_bytes})")
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise FetchError(f"too large: more than {max_bytes} bytes")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("the page kept coming")
    except httpx.TimeoutException as error:
        raise FetchError(f"timed out: no complete answer within {timeout:g} s") from error
    except httpx.TooManyRedirects as error:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from error
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FetchError(f"could not fetch: {error}") from error
    return Fetched(
        bytes(data),
        str(response.url),
        tuple(str(r.url) for r in response.history),
        content_type,
        datetime.datetime.now(datetime.UTC).date(),
    )
