"""Exports of the registry, each derived from the models: Popolo JSON, FollowTheMoney entities
and statements, CSV (zipped, one file per kind) and XLSX (one sheet per kind).

``qogam export --format popolo|ftm|ftm-statements|csv|xlsx [-o PATH]`` writes one; accepted
facts only. Every writer reads the registry in batches (``rows.py``), so memory stays flat.
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

FORMATS = ("popolo", "ftm", "ftm-statements", "csv", "xlsx")
NEEDS_FILE = ("csv", "xlsx")


def write(fmt: str, out: BinaryIO) -> None:
    """Write the export of format ``fmt`` to the binary stream ``out``."""
    if fmt == "popolo":
        from qogam.registry.core.exports.popolo import write_popolo

        write_popolo(out)
    elif fmt == "ftm":
        from qogam.registry.core.exports.ftm import write_entities

        write_entities(out)
    elif fmt == "ftm-statements":
        from qogam.registry.core.exports.ftm import write_statement_rows

        write_statement_rows(out)
    elif fmt == "csv":
        from qogam.registry.core.exports.tables import write_csv_zip

        write_csv_zip(out)
    elif fmt == "xlsx":
        from qogam.registry.core.exports.tables import write_xlsx

        write_xlsx(out)
    else:
        raise ValueError(f"unknown export format {fmt!r}")


def write_file(fmt: str, path: Path) -> None:
    """Write the export to ``path`` through a temporary file: a failed export leaves nothing half-written."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("wb") as out:
            write(fmt, out)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
