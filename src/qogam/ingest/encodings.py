"""The text of an article's bytes, whatever the outlet saved them in.

Kazakhstan's outlets publish UTF-8 mostly, but archives and older sites give Windows-1251
(Russian) and KZ-1048, the Kazakh 8-bit code page: the same letters as Windows-1251 for
Russian, with the Kazakh ә ғ қ ң ө ұ ү һ і in place of some Serbian and Macedonian ones.
The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16 LE/BE);
2. the charset the HTTP response or the HTML page declares (``<meta charset>``);
3. valid UTF-8;
4. else Windows-1251 or KZ-1048, whichever gives more letters of the Kazakh and Russian
   alphabets: a Kazakh text in KZ-1048 read as Windows-1251 comes out with "ќ", "Ј", "ў".

A text that decodes under none of them, or comes out with replacement characters, is an
:class:`~qogam.errors.InputError` naming the item: the Kazakh letters come out right or the
item is reported, never stored garbled.
"""
from __future__ import annotations

import codecs
import re

from qogam.errors import InputError

_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ALIASES = {"kz-1048": "kz1048", "strk1048-2002": "kz1048", "rk1048": "kz1048", "windows-1251": "cp1251"}


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (``<meta charset>``), or None."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode(data: bytes, name: str, declared: str | None = None) -> str:
    """Return the text of ``data`` (see the module for the order of evidence).

    ``declared`` is a charset named outside the bytes (an HTTP ``Content-Type``). Raises
    :class:`InputError` when no encoding gives clean text, or the text holds a NUL character
    (never stored: PostgreSQL cannot, and no article has one).
    """
    text = _decoded(data, name, declared)
    if "\x00" in text:
        raise InputError(f"{name}: holds a NUL character (at character {text.index(chr(0))}): not text, refused")
    return text


def _decoded(data: bytes, name: str, declared: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, name)
    for charset in (declared, declared_charset(data)):
        codec = _codec(charset)
        if codec is not None:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break  # the declaration lies (a UTF-8 page saying windows-1251): read the bytes
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("cp1251", "kz1048"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((sum(ch.lower() in _LETTERS for ch in text), codec == "cp1251", text))
    if not candidates:
        raise InputError(f"{name}: neither UTF-8 nor Windows-1251 nor KZ-1048 text")
    return max(candidates)[2]


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    charset = _ALIASES.get(charset.lower(), charset.lower())
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec} text (byte {exc.start})") from None
