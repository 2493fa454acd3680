"""Downloads of the registry in the export formats, linked from the lists.

``/download/FORMAT/`` is every accepted fact; ``?area=SLUG`` the part that area (and the areas
inside it) is about, ``?since=YYYY-MM-DD`` the facts of articles published from that day — the
same selection as ``qogam export --area --since``. ``?pending=1`` adds the proposals waiting for
review (ftm-statements, csv, xlsx) and is for staff only: an editor gets those of their own
district (the area defaults to it; another area is refused), a reviewer or an admin any.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from qogam.registry.core.exports import FORMATS, ScopeError, check, select, write_file
from qogam.registry.review.access import scope_of

FILES = {"popolo": ("qogam-popolo.json", "application/json"), "ftm": ("qogam-ftm.jsonl", "application/x-ndjson"),
         "ftm-statements": ("qogam-ftm-statements.csv", "text/csv"), "csv": ("qogam-csv.zip", "application/zip"),
         "xlsx": ("qogam.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def downloads_of(area: str | None) -> dict[str, str | None]:
    """What the download links (``_downloads.html``) need for the export of area slug ``area``
    (None: the whole registry)."""
    return {"download_area": area, "download_query": f"?{urlencode({'area': area})}" if area else ""}


@require_GET
def download(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The export ``fmt`` as a file download (written to a temporary file first, so that memory
    stays flat and a failed export sends nothing)."""
    if fmt not in FORMATS:
        raise Http404("no such export format")
    area = request.GET.get("area") or None
    pending = request.GET.get("pending") in ("1", "true", "yes")
    try:
        since = dt.date.fromisoformat(request.GET["since"]) if request.GET.get("since") else None
    except ValueError:
        return HttpResponseBadRequest("since: a date as YYYY-MM-DD", content_type="text/plain; charset=utf-8")
    if pending:
        area = _pending_area(request, area)
    try:
        sel = select(area=area, since=since, pending=pending)
        check(fmt, sel)
    except ScopeError as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    name, content_type = FILES[fmt]
    if area or since:
        stem, dot, ext = name.partition(".")
        name = "-".join(x for x in (stem, area, since.isoformat() if since else None) if x) + dot + ext
    folder = tempfile.mkdtemp(prefix="qogam-export-")
    path = Path(folder) / name
    write_file(fmt, path, sel)
    handle = path.open("rb")
    path.unlink()  # the open handle keeps the data; nothing is left on disk
    Path(folder).rmdir()
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)


def _pending_area(request: HttpRequest, area: str | None) -> str | None:
    """The area whose pending proposals ``request``'s user may download (PermissionDenied if none)."""
    scope = scope_of(request.user)
    if not scope.allowed:
        raise PermissionDenied("pending proposals are for staff")
    if scope.everything:
        return area
    if scope.area is None or scope.area_ids is None:
        raise PermissionDenied("pending proposals are for staff")
    if area is None:
        return scope.area.slug
    from qogam.registry.core.models import Area

    asked = Area.objects.filter(slug=area).values_list("pk", flat=True).first()
    if asked not in scope.area_ids:
        raise PermissionDenied("pending proposals of another area")
    return area
