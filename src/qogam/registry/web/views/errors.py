"""The error pages in the site's layout and the reader's language (Django's 500 view renders
its template without a request, so the header would lose the user and the language switch)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponse:
    """Render ``500.html`` with the request; a plain page if even that fails."""
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # the error page must not fail in turn
        return HttpResponseServerError("<!doctype html><title>500</title><h1>Server error</h1>")
