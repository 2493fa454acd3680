"""Downloads of the whole registry (accepted facts) in the export formats, linked from the lists."""
from __future__ import annotations

import tempfile
from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from qogam.registry.core.exports import FORMATS, write_file

FILES = {"popolo": ("qogam-popolo.json", "application/json"), "ftm": ("qogam-ftm.jsonl", "application/x-ndjson"),
         "ftm-statements": ("qogam-ftm-statements.csv", "text/csv"), "csv": ("qogam-csv.zip", "application/zip"),
         "xlsx": ("qogam.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


@require_GET
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The export ``fmt`` of the registry as a file download (written to a temporary file first,
    so that memory stays flat and a failed export sends nothing)."""
    if fmt not in FORMATS:
        raise Http404("no such export format")
    name, content_type = FILES[fmt]
    folder = tempfile.mkdtemp(prefix="qogam-export-")
    path = Path(folder) / name
    write_file(fmt, path)
    handle = path.open("rb")
    path.unlink()  # the open handle keeps the data; nothing is left on disk
    Path(folder).rmdir()
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
