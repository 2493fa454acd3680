"""Read a text file or standard input strictly: UTF-8 text or a clear :class:`InputError`."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from qogam.errors import InputError

# Control characters that never occur in real text; a NUL or a run of these means binary data.
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | {0x0B, 0x0E, 0x0F} | frozenset(range(0x10, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F}


def decode_text(data: bytes, name: str, *, allow_empty: bool = False) -> str:
    """Return ``data`` decoded as UTF-8 text (a leading BOM dropped).

    Raises :class:`InputError` when ``data`` is empty (unless ``allow_empty``), looks binary
    (a NUL byte or many control bytes in its first 8 KiB) or is not valid UTF-8.
    """
    if not data.strip():
        if allow_empty:
            return data.decode("ascii", errors="replace")  # white space only: keep the line breaks
        raise InputError(f"{name}: the input is empty")
    head = data[:8192]
    if b"\x00" in head or sum(b in _BINARY_BYTES for b in head) > len(head) // 100 + 2:
        raise InputError(f"{name}: this looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}, line {line})") from None
    return text.removeprefix("\ufeff")


def read_bytes(source: str | Path, stdin: BinaryIO | None = None) -> tuple[str, bytes]:
    """Return ``(display name, bytes)`` of a file path, or of standard input when ``source`` is "-".

    Raises :class:`InputError` for a missing path, a directory or an unreadable file.
    """
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return "<stdin>", stream.read()
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file")
    try:
        return str(path), path.read_bytes()
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
