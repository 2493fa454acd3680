"""Middleware: requests that carry a NUL character are refused up front; security headers.

**NUL.**

A NUL ("%00") in a query parameter or the path is never meaningful text, and PostgreSQL
refuses it in any string ("A string literal cannot contain NUL"), which would turn a filter
or a search into a server error. The API answers 422 with a JSON message (documented on every
operation), the pages 400.
"""
from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse


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
