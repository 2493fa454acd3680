from __future__ import annotations

import io
from pathlib import Path

import pytest

from qogam.errors import InputError
from qogam.ingest.files import decode_text, read_text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xd0\x90\xd0", "not valid UTF-8"),
        ("Қазақстан".encode("cp1251", errors="replace"), "not valid UTF-8"),
        ("Сәлем".encode("utf-16"), "binary"),
    ],
)
def test_decode_rejects_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data, "x.txt")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Сәлем, әлем!".encode(), "Сәлем, әлем!"),
        ("\ufeffСәлем".encode(), "Сәлем"),
        (b"tab\there\r\nline", "tab\there\r\nline"),
    ],
)
def test_decode_accepts_text(data: bytes, text: str) -> None:
    assert decode_text(data, "x.txt") == text


def test_empty_is_allowed_when_asked() -> None:
    assert decode_text(b"", "<stdin>", allow_empty=True) == ""


def test_read_text_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")


def test_read_text_from_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Түркістан", encoding="utf-8")
    assert read_text(path) == (str(path), "Түркістан")
    assert read_text("-", io.BytesIO("Шымкент".encode())) == ("<stdin>", "Шымкент")
