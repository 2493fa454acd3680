"""The web pages speak Kazakh (default), Russian and English, from complete, compiled catalogues."""
from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path
from typing import Any

import pytest

from tests.registry.web.conftest import Registry

LOCALE = Path(__file__).resolve().parents[3] / "src" / "qogam" / "registry" / "locale"
WEB = LOCALE.parent / "web"
LANGUAGES = ["kk", "ru"]

# The nav label "Organisations" in each language, and the page's <html lang>.
NAV = {"kk": ("", "Ұйымдар"), "ru": ("/ru", "Организации"), "en": ("/en", "Organisations")}


def read_po(path: Path) -> list[dict[str, Any]]:
    """Return the entries of a .po file: msgid, msgid_plural (if any) and the msgstr forms."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry: dict[str, Any] = {"msgstr": {}}
        field: tuple[str, int | None] | None = None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d)\])? (".*")$', line)
            if match:
                name, index, value = match.group(1), match.group(2), ast.literal_eval(match.group(3))
                field = (name, int(index) if index is not None else None)
            else:
                value = ast.literal_eval(line)
            assert field is not None, f"{path}: cannot read {line!r}"
            name, index = field
            if name == "msgstr":
                entry["msgstr"][index or 0] = entry["msgstr"].get(index or 0, "") + value
            else:
                entry[name] = entry.get(name, "") + value
        if entry.get("msgid"):
            entries.append(entry)
    return entries


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_msgid_is_translated(lang: str) -> None:
    entries = read_po(LOCALE / lang / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    nplurals = {"kk": 2, "ru": 4}[lang]
    for entry in entries:
        forms = entry["msgstr"]
        expected = nplurals if "msgid_plural" in entry else 1
        assert len(forms) == expected and all(f.strip() for f in forms.values()), entry["msgid"]
        placeholders = set(re.findall(r"%\(\w+\)s", entry["msgid"]))
        assert all(set(re.findall(r"%\(\w+\)s", f)) == placeholders for f in forms.values()), entry["msgid"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_the_po(lang: str) -> None:
    folder = LOCALE / lang / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    for entry in read_po(folder / "django.po"):
        if "msgctxt" in entry:
            assert catalogue.pgettext(entry["msgctxt"], entry["msgid"]) == entry["msgstr"][0]
        elif "msgid_plural" in entry:
            assert catalogue.ngettext(entry["msgid"], entry["msgid_plural"], 1) == entry["msgstr"][0]
        else:
            assert catalogue.gettext(entry["msgid"]) == entry["msgstr"][0], "django.mo is stale: run compilemessages"


def test_every_marked_string_is_in_the_catalogues() -> None:
    """Strings marked in the web app's templates and code all have an entry (makemessages was run)."""
    marked: set[str] = set()
    for template in WEB.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        marked |= set(re.findall(r'{% translate "([^"]+)"', text))
        marked |= set(re.findall(r"{% translate '([^']+)'", text))
        marked |= set(re.findall(r'_\("([^"]+)"\)', text))
    for module in WEB.rglob("*.py"):
        marked |= set(re.findall(r'\b_\("([^"]+)"\)', module.read_text(encoding="utf-8")))
    assert len(marked) > 80
    for lang in LANGUAGES:
        known = {e["msgid"] for e in read_po(LOCALE / lang / "LC_MESSAGES" / "django.po")}
        assert marked - known == set(), lang


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_page_speaks_each_language(client: Any, registry: Registry, lang: str) -> None:
    from tests.registry.web.test_pages import page_urls

    prefix, label = NAV[lang]
    for url in page_urls(registry):
        html = client.get(prefix + url).content.decode()
        assert f'<html lang="{lang}">' in html, url
        assert f">{label}</a>" in html, url


@pytest.mark.django_db
def test_page_content_is_translated(client: Any, registry: Registry) -> None:
    url = f"/organisations/{registry.ngo.pk}/"
    assert "қоғамдық бірлестік" in client.get(url).content.decode()  # the type, in Kazakh
    assert "общественное объединение" in client.get("/ru" + url).content.decode()
    assert "Тестовый район" in client.get("/ru" + url).content.decode()  # the area's Russian name
    html = client.get(f"/ru/sources/{registry.source.pk}/").content.decode()
    assert "Выделено 3 подтверждённых факта" in html


@pytest.mark.django_db
def test_language_switcher_keeps_the_page(client: Any, registry: Registry) -> None:
    url = f"/people/{registry.person.pk}/"
    response = client.post("/i18n/setlang/", {"language": "ru", "next": url})
    assert response.status_code == 302 and response["Location"] == "/ru" + url
    html = client.get("/ru" + url + "?page=2").content.decode()
    # the switcher is three links to this page in each language (no form: no CSRF token, no cookie)
    assert f'href="{url}?page=2" hreflang="kk"' in html and f'href="/en{url}?page=2" hreflang="en"' in html
    assert f'href="/ru{url}?page=2" hreflang="ru"' in html and "csrfmiddlewaretoken" not in html
    response = client.post("/i18n/setlang/", {"language": "kk", "next": url})
    assert response["Location"] == url
    response = client.post("/i18n/setlang/", {"language": "en", "next": url + "?page=2"})
    assert response["Location"] == "/en" + url + "?page=2"


@pytest.mark.django_db
def test_dates_in_each_language(client: Any, registry: Registry) -> None:
    url = f"/people/{registry.person.pk}/"
    assert "01.05.2023" in client.get(url).content.decode()  # Kazakh: the web app's format module
    assert "01.05.2023" in client.get("/ru" + url).content.decode()
    assert "01.05.2023" in client.get("/en" + url).content.decode()  # day first in English too
