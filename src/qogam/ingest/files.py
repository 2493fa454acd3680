"""Read a text file or standard input strictly: UTF-8 text or a clear :class:`InputError`."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any, BinaryIO

from qogam.errors import InputError

# Control characters that never occur in real text; a NUL or a run of these means binary data.
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F}


DEFAULT_MAX_MB = 5.0
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def max_bytes() -> int:
    """The largest input read, in bytes: ``QOGAM_MAX_INPUT_MB`` megabytes (default 5), per file,
    page, feed or standard input. Past it the input is refused, never read to its end."""
    raw = os.environ.get("QOGAM_MAX_INPUT_MB", "")
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_MB
    except ValueError:
        raise InputError(f"QOGAM_MAX_INPUT_MB={raw!r}: give a number of megabytes") from None
    if megabytes <= 0:
        raise InputError(f"QOGAM_MAX_INPUT_MB={raw!r}: give a positive number of megabytes")
    return int(megabytes * 1024 * 1024)


def read_limited(stream: BinaryIO, name: str, limit: int | None = None) -> bytes:
    """Read ``stream`` to its end, or raise :class:`InputError` once it passes ``limit`` bytes
    (default :func:`max_bytes`): ``/dev/zero`` is refused after the limit, not read forever."""
    limit = max_bytes() if limit is None else limit
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: larger than {round(limit / 1024 / 1024, 3):g} MB, refused "
                         "(QOGAM_MAX_INPUT_MB sets the limit)")
    return data


def parse_json(text: str, name: str) -> Any:
    """``text`` parsed as JSON; lone surrogates (``"\\ud800"``, which no file can hold) become
    U+FFFD. Raises :class:`InputError` for invalid JSON or JSON nested too deeply to read."""
    try:
        found = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply to read") from None
    return _without_surrogates(found)


def _without_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates in its strings replaced (iteratively: any depth json.loads
    returned is safe)."""
    if isinstance(value, str):
        return _SURROGATE_RE.sub("\ufffd", value)
    if not isinstance(value, (dict, list)):
        return value
    todo: list[Any] = [value]
    while todo:
        item = todo.pop()
        keys = list(item) if isinstance(item, dict) else range(len(item))
        for key in keys:
            child = item[key]
            if isinstance(child, str):
                item[key] = _SURROGATE_RE.sub("\ufffd", child)
            elif isinstance(child, (dict, list)):
                todo.append(child)
        if isinstance(item, dict) and any(_SURROGATE_RE.search(k) for k in item):
            for old in [k for k in item if _SURROGATE_RE.search(k)]:
                item[_SURROGATE_RE.sub("\ufffd", old)] = item.pop(old)
    return value


def decode_text(data: bytes, name: str, *, allow_empty: bool = False) -> str:
    """Return ``data`` decoded as UTF-8 text (a leading BOM dropped).

    Raises :class:`InputError` when ``data`` is empty (unless ``allow_empty``), holds a NUL
    byte anywhere, looks binary (many control bytes in its first 8 KiB) or is not valid UTF-8.
    """
    if not data.strip():
        if allow_empty:
            return data.decode("ascii", errors="replace")  # white space only: keep the line breaks
        raise InputError(f"{name}: the input is empty")
    head = data[:8192]
    if b"\x00" in data or sum(b in _BINARY_BYTES for b in head) > len(head) // 100 + 2:
        where = data.find(b"\x00")
        raise InputError(f"{name}: this looks like a binary file, not text"
                         + (f" (a NUL byte at byte {where})" if where >= 0 else ""))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}, line {line})") from None
    return text.removeprefix("\ufeff")


def read_bytes(source: str | Path, stdin: BinaryIO | None = None) -> tuple[str, bytes]:
    """Return ``(display name, bytes)`` of a file path, or of standard input when ``source`` is "-".

    Raises :class:`InputError` for a missing path, a directory, an unreadable file or one larger
    than :func:`max_bytes`.
    """
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return "<stdin>", read_limited(stream, "<stdin>")
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        with path.open("rb") as handle:
            return str(path), read_limited(handle, str(path))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_text(source: str | Path, stdin: BinaryIO | None = None, *, allow_empty: bool = False) -> tuple[str, str]:
    """Return ``(display name, text)`` of a UTF-8 file or of standard input ("-").

    Raises :class:`InputError` when the source is missing, a directory, empty, binary or not UTF-8.
    """
    name, data = read_bytes(source, stdin)
    return name, decode_text(data, name, allow_empty=allow_empty)


def normalize_newlines(text: str) -> str:
    """Return ``text`` with every line ending written as LF ("\\r\\n" and a lone "\\r" become "\\n").

    The registry stores an article's text once, so normalised, and counts its evidence offsets
    in it: a browser's form sends CRLF, and a text edited so would move every offset.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
