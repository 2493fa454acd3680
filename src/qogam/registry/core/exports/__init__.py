"""Exports of the registry, each derived from the models: Popolo JSON, FollowTheMoney entities
and statements, CSV (zipped, one file per kind), XLSX (one sheet per kind), and the graph of
people and organisations as GEXF and Cytoscape JSON (``graph.py``).

``qogam export --format popolo|ftm|ftm-statements|csv|xlsx|gexf|cytoscape [-o PATH] [--area SLUG] [--since DATE]
[--include-pending]`` writes one: accepted facts, all of them or those of an area or a period
(``selection.py``), and on request the proposals still pending. Every writer reads the registry
in batches (``rows.py``), so memory stays flat.
"""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from qogam.registry.core.exports.selection import ALL, ScopeError, Selection, select

__all__ = ["CARRY_PENDING", "FORMATS", "NEEDS_FILE", "ScopeError", "Selection", "check", "select", "write", "write_file"]

FORMATS = ("popolo", "ftm", "ftm-statements", "csv", "xlsx", "gexf", "cytoscape")
NEEDS_FILE = ("csv", "xlsx")
CARRY_PENDING = ("ftm-statements", "csv", "xlsx")


def check(fmt: str, sel: Selection) -> None:
    """Raise :class:`ScopeError` when format ``fmt`` cannot carry what ``sel`` asks for."""
    if fmt not in FORMATS:
        raise ScopeError(f"unknown export format {fmt!r}")
    if sel.pending and fmt not in CARRY_PENDING:
        raise ScopeError(f"--include-pending: {fmt} holds confirmed facts only; pending proposals are carried by "
                         f"{', '.join(CARRY_PENDING)}")


def write(fmt: str, out: BinaryIO, sel: Selection = ALL) -> None:
    """Write the export of format ``fmt`` of selection ``sel`` (default: every accepted fact) to
    the binary stream ``out``."""
    check(fmt, sel)
    if fmt == "popolo":
        from qogam.registry.core.exports.popolo import write_popolo

        write_popolo(out, sel)
    elif fmt == "ftm":
        from qogam.registry.core.exports.ftm import write_entities

        write_entities(out, sel)
    elif fmt == "ftm-statements":
        from qogam.registry.core.exports.ftm import write_statement_rows

        write_statement_rows(out, sel)
    elif fmt == "gexf":
        from qogam.registry.core.exports.graph import write_gexf

        write_gexf(out, sel)
    elif fmt == "cytoscape":
        from qogam.registry.core.exports.graph import write_cytoscape

        write_cytoscape(out, sel)
    elif fmt == "csv":
        from qogam.registry.core.exports.tables import write_csv_zip

        write_csv_zip(out, sel)
    else:
        from qogam.registry.core.exports.tables import write_xlsx

        write_xlsx(out, sel)


def write_file(fmt: str, path: Path, sel: Selection = ALL) -> None:
    """Write the export to ``path`` through a temporary file: a failed export leaves nothing half-written."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("wb") as out:
            write(fmt, out, sel)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
