"""Fetching a page or a feed over HTTP(S): a clear user agent, timeouts, a size limit,
redirects followed and recorded, conditional GET; every failure an :class:`FetchError`.

The standard library's urllib does it; nothing else is needed for GET of public pages.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message

from qogam import __version__
from qogam.errors import InputError

USER_AGENT = f"Qogam/{__version__} (civil-society registry; news ingest; +https://github.com/qogam)"
TIMEOUT_S = 20.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5


class FetchError(InputError):
    """A URL that gave no usable response: HTTP error, timeout, too large, too many redirects."""


@dataclass
class Fetched:
    """A response: the final URL, status, body, its content type and charset, the redirects taken."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    charset: str | None = None
    etag: str = ""
    last_modified: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Recorder(urllib.request.HTTPRedirectHandler):
    def __init__(self) -> None:
        self.chain: list[str] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if len(self.chain) >= MAX_REDIRECTS:
            raise FetchError(f"{req.full_url}: more than {MAX_REDIRECTS} redirects")
        self.chain.append(req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def fetch(url: str, *, etag: str = "", last_modified: str = "", timeout: float = TIMEOUT_S,
          max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; with ``etag`` / ``last_modified`` a 304 comes back as ``not_modified``.

    Raises :class:`FetchError` for a non-http(s) URL, an HTTP error status, a network error or
    timeout, or a body over ``max_bytes``.
    """
    if not is_url(url):
        raise FetchError(f"{url}: only http(s) addresses are fetched")
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
               "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            info: Message = response.headers
            final, status = response.geturl(), response.status
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(url=url, status=304, body=b"", etag=etag, last_modified=last_modified,
                           redirects=recorder.chain)
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except FetchError:
        raise
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot fetch ({reason})") from None
    if len(body) > max_bytes:
        raise FetchError(f"{url}: larger than {max_bytes // (1024 * 1024)} MB")
    return Fetched(url=final, status=status, body=body, content_type=info.get_content_type() if info else "",
                   charset=info.get_content_charset() if info else None, etag=info.get("ETag", "") if info else "",
                   last_modified=info.get("Last-Modified", "") if info else "", redirects=recorder.chain)
