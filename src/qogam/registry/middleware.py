"""Middleware: requests that carry a NUL character are refused up front; security headers.

**NUL.**

A NUL ("%00") in a query parameter or the path is never meaningful text, and PostgreSQL
refuses it in any string ("A string literal cannot contain NUL"), which would turn a filter
or a search into a server error. The API answers 422 with a JSON message (documented on every
operation), the pages 400.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

from qogam.registry.web.templatetags.qogam_web import without_language


class RejectNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        values = [request.path, *(v for _, vs in request.GET.lists() for v in vs)]
        if any("\x00" in value for value in values):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "a parameter holds a NUL character"}, status=422)
            return HttpResponseBadRequest("a parameter holds a NUL character")
        return self.get_response(request)


# The pages load their scripts, styles and images from the site itself, never inline: no
# inline script can run even if some text slipped through escaping.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
])


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and a Permissions-Policy to every response, and names
    no server in the ``Server`` header (the WSGI server's name and Python's version say what to
    attack). Django's SecurityMiddleware sets X-Content-Type-Options and Referrer-Policy,
    XFrameOptionsMiddleware X-Frame-Options."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        response.headers["Server"] = "qogam"
        return response


# --- the public pages' cache ----------------------------------------------------------------------

_NOT_CACHED = ("/admin/", "/review/", "/api/", "/accounts/", "/download/", "/static/", "/i18n/")
_PRIVATE_COOKIES = ("sessionid", "messages")
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options", "Cross-Origin-Opener-Policy",
                 "Referrer-Policy", "X-Content-Type-Options")


def registry_version() -> tuple[int, int, int]:
    """What changes whenever a public page may change: the newest audit entry (every decision,
    edit, undo and withdrawal is audited), the newest proposal and the newest source (an ingest).
    One query of three index look-ups."""
    from django.db import connection

    from qogam.registry.core.models import AuditLog, Proposal, Source

    tables = [m._meta.db_table for m in (AuditLog, Proposal, Source)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT MAX(id) FROM {connection.ops.quote_name(t)})" for t in tables))
        row = cursor.fetchone()
    return tuple(v or 0 for v in row)  # type: ignore[return-value]


class PublicPageCacheMiddleware:
    """Anonymous visitors' public pages from a cache shared by the server's workers (the
    ``pages`` cache), for ``PAGE_CACHE_SECONDS`` (0: off; ``qogam serve --production`` sets 600).

    A page is kept under its address, language and the registry's version
    (:func:`registry_version`), so a decision, an edit or an ingest shows at once: the old page
    is simply never asked for again. Only what is the same for every anonymous visitor is
    kept: a GET of a public page by a request with no session or messages cookie, answered 200
    in HTML with no cookie set and no CSRF token used.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        # /ru/review/ is the review queue too: the prefixes are checked on the Kazakh address
        if not seconds or request.method != "GET" or without_language(request.path).startswith(_NOT_CACHED) or any(
                name in request.COOKIES for name in _PRIVATE_COOKIES):
            return self.get_response(request)
        cache = caches["pages"]
        language = getattr(request, "LANGUAGE_CODE", "")
        raw = f"{registry_version()}|{request.get_host()}|{language}|{request.get_full_path()}"
        key = "page:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
        kept = cache.get(key)
        if kept is not None:
            status, headers, body = kept
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Qogam-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (response.status_code == 200 and not response.streaming and not response.cookies
                and response.get("Content-Type", "").startswith("text/html")
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")):
            headers = [(name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content), seconds)
            response["X-Qogam-Cache"] = "miss"
        return response
