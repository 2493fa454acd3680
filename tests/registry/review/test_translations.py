"""The review queue speaks Kazakh and Russian too, from complete catalogues that are compiled."""
from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[3] / "src" / "qogam" / "registry" / "review" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\(\w+\)\.\d+f")


def _entries(lang: str) -> list[tuple[str, list[str]]]:
    text = (LOCALE / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = []
    for block in text.strip().split("\n\n")[1:]:
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        joined = "\n".join(lines)
        context = re.match(r'msgctxt "(.*)"\n', joined)
        if context:  # a msgid in a context is "context\x04msgid" in the compiled catalogue
            joined = joined[context.end():]
        msgid = "".join(re.findall(r'"(.*)"', joined.split("msgid_plural")[0].split("msgstr")[0]))
        if context:
            msgid = f"{context.group(1)}\x04{msgid}"
        forms = re.split(r"^msgstr(?:\[\d\])? ", joined, flags=re.M)[1:]
        entries.append((msgid, ["".join(re.findall(r'"(.*)"', form)) for form in forms]))
    return entries


@pytest.mark.parametrize(("lang", "nplurals"), [("kk", 2), ("ru", 4)])
def test_every_string_is_translated_with_its_placeholders(lang: str, nplurals: int) -> None:
    entries = _entries(lang)
    assert len(entries) > 60
    compiled = gettext.GNUTranslations((LOCALE / lang / "LC_MESSAGES" / "django.mo").open("rb"))
    for msgid, forms in entries:
        assert all(form.strip() for form in forms) and len(forms) in (1, nplurals), msgid
        assert all(set(PLACEHOLDER.findall(form)) == set(PLACEHOLDER.findall(msgid)) for form in forms), msgid
        # The .mo is compiled from this .po: every msgid has a translation in it.
        unescaped = msgid.encode().decode("unicode_escape").encode("latin-1").decode() if "\\" in msgid else msgid
        assert compiled._catalog.get(unescaped) or compiled._catalog.get((unescaped, 0)), msgid  # type: ignore[attr-defined]


@pytest.mark.parametrize(("lang", "prefix", "heading", "accept"), [
    ("kk", "/review/", "Тексеру кезегі", "Қабылдау"), ("ru", "/ru/review/", "Очередь проверки", "Принять"),
    ("en", "/en/review/", "Review queue", "Accept"),
])
def test_pages_in_each_language(lang: str, prefix: str, heading: str, accept: str, articles: Any, editor: Any) -> None:
    with translation.override(lang):
        queue_url, source_url = reverse("review:queue"), reverse("review:source", args=[articles.sairam.pk])
    assert queue_url == prefix
    queue = editor.get(queue_url).content.decode()
    assert f"<h1>{heading}</h1>" in queue
    page = editor.get(source_url).content.decode()
    assert f'name="accept">{accept}</button>' in page
