"""Articles from what outlets publish: encodings, HTML pages, JSON Lines, feeds, folders, URLs
(served by a local HTTP server, never the internet)."""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from qogam.errors import InputError
from qogam.ingest.documents import Document, Failure, feed_entries, html_document, json_lines, kind_of
from qogam.ingest.encodings import decode
from qogam.ingest.fetch import FetchError, fetch
from qogam.ingest.sources import documents

KAZAKH = "Сайрам ауданында «Жайылма» қоғамдық бірлестігінің төрағасы Инара Намазбаева жастармен кездесті. Үміт пен ғұмыр, һ, ң, ө, ә, і."
RUSSIAN = "Председатель общественного объединения «Жастар» открыл встречу с молодёжью в Шымкенте."
ARTICLE_P = [
    "Сайрам ауданында «Жайылма» қоғамдық бірлестігінің төрағасы Инара Намазбаева жастармен кездесті.",
    "Кездесуде ауыл жастарының жұмыспен қамтылуы, спорт алаңдары мен кітапхана жайы талқыланды.",
    "«Біз жастардың бастамасын қолдаймыз», — деді И.Намазбаева. Жиынға аудан әкімдігінің өкілдері де қатысты.",
]


def page(title: str = "Сайрам ауданында қоғамдық кеңес жиналды", paragraphs: list[str] = ARTICLE_P,
         charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><meta charset="{charset}"><title>{title} | Ontustik.kz</title>
<meta property="og:site_name" content="Ontustik.kz"><meta name="author" content="Айгүл Серікқызы">
<meta property="article:published_time" content="2024-03-12T10:00:00+05:00"></head><body>
<header><nav><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a> <a href="/sport">Спорт</a></nav></header>
<main><article><h1>{title}</h1>{body}</article></main>
<aside><h3>Ұқсас жаңалықтар</h3><ul><li><a href="/b">Басқа жаңалық бір</a></li><li><a href="/c">Басқа жаңалық екі</a></li></ul></aside>
<footer>© 2024 Ontustik.kz. Барлық құқықтар қорғалған. Қаралды: 1234</footer></body></html>"""


@pytest.mark.parametrize(
    ("text", "encoding", "declared"),
    [(KAZAKH, "utf-8", None), (KAZAKH, "utf-8-sig", None), (KAZAKH, "utf-16", None), (KAZAKH, "kz1048", None),
     (RUSSIAN, "cp1251", None), (RUSSIAN, "kz1048", None), (KAZAKH, "kz1048", "kz-1048"),
     (RUSSIAN, "cp1251", "windows-1251"), (KAZAKH, "utf-8", "windows-1251")],  # a lying declaration
)
def test_decode(text: str, encoding: str, declared: str | None) -> None:
    assert decode(text.encode(encoding), "x", declared) == text


def test_the_charset_an_html_page_declares() -> None:
    html = page(charset="windows-1251", paragraphs=[RUSSIAN * 3]).replace("«Жайылма»", "")
    raw = html.encode("cp1251", errors="ignore")
    assert RUSSIAN in decode(raw, "x")


def test_undecodable_bytes_are_reported() -> None:
    with pytest.raises(InputError, match="x: "):
        decode(b"\x98\x98\x98", "x")  # not UTF-8, and a byte neither 8-bit code page has


@pytest.mark.parametrize(
    ("name", "data", "ctype", "kind"),
    [("a.html", b"", "", "html"), ("a.txt", b"<!doctype html><html>", "", "html"), ("a", b"", "text/html; charset=utf-8", "html"),
     ("f.xml", b"<?xml version='1.0'?><rss>", "", "feed"), ("u", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "", "feed"),
     ("a.jsonl", b"{}", "", "jsonl"), ("a.json", b"{}", "", "json"), ("a.txt", "Мәтін".encode(), "", "text")],
)
def test_kind_of(name: str, data: bytes, ctype: str, kind: str) -> None:
    assert kind_of(name, data, ctype) == kind


def test_html_page_gives_its_article_without_the_boilerplate() -> None:
    doc = html_document(page().encode(), "a.html", "https://www.ontustik.kz/a/1")
    for paragraph in ARTICLE_P:
        assert paragraph in doc.text
    for boilerplate in ("Басты бет", "Ұқсас жаңалықтар", "Басқа жаңалық", "Қаралды", "құқықтар"):
        assert boilerplate not in doc.text
    assert (doc.title, doc.outlet, doc.published, doc.author) == (
        "Сайрам ауданында қоғамдық кеңес жиналды", "Ontustik.kz", date(2024, 3, 12), "Айгүл Серікқызы")


def test_a_page_with_no_article_is_an_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        html_document(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")


def test_json_lines_report_a_bad_line_and_go_on() -> None:
    lines = [json.dumps({"title": "Бір", "text": "Бірінші мақала мәтіні.", "date": "2024-01-02", "outlet": "A"}),
             "{not json", json.dumps({"title": "Үш"}), "",
             json.dumps({"title": "Төрт", "html": page(), "url": "https://ontustik.kz/4"})]
    found = json_lines("\n".join(lines).encode(), "news.jsonl")
    assert [type(f).__name__ for f in found] == ["Document", "Failure", "Failure", "Document"]
    assert found[0].published == date(2024, 1, 2) and found[0].outlet == "A"
    assert found[1].name == "news.jsonl:2" and "not valid JSON" in found[1].reason
    assert found[2].name == "news.jsonl:3" and '"text" or an "html"' in found[2].reason
    assert ARTICLE_P[0] in found[3].text and found[3].title == "Төрт"


def feed(base: str, links: list[str]) -> bytes:
    items = "".join(f"<item><title>Жаңалық {i}</title><link>{base}{link}</link>"
                    f"<pubDate>Tue, 12 Mar 2024 10:00:00 +0500</pubDate></item>" for i, link in enumerate(links))
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Ontustik</title>{items}</channel></rss>".encode()


def test_feed_entries() -> None:
    entries = feed_entries(feed("https://o.kz", ["/a", "/b"]), "feed.xml")
    assert [(e.link, e.title, e.published) for e in entries] == [
        ("https://o.kz/a", "Жаңалық 0", date(2024, 3, 12)), ("https://o.kz/b", "Жаңалық 1", date(2024, 3, 12))]
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        feed_entries(b"just text", "x.xml")


def test_a_folder_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "one.txt").write_text("Бірінші мақала.", encoding="utf-8")
    (tmp_path / "one.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "two.html").write_text(page(), encoding="utf-8")
    (tmp_path / "a" / "b" / "three.jsonl").write_text(json.dumps({"text": "Үшінші."}) + "\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "four.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("жасырын", encoding="utf-8")
    found = list(documents(tmp_path))
    assert all(isinstance(f, Document) for f in found) and len(found) == 4
    assert {f.text for f in found} >= {"Бірінші мақала.", "Үшінші.", RUSSIAN}


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    (doc,) = documents("-", stdin=io.BytesIO(KAZAKH.encode("utf-16")))
    assert isinstance(doc, Document) and doc.text == KAZAKH


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(documents(tmp_path / "nothing"))


# --- over HTTP, against a local server ---------------------------------------------------------

def test_a_url_is_fetched_with_its_redirects(httpserver) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": httpserver.url_for("/a/1")})
    httpserver.expect_request("/a/1").respond_with_data(page(), content_type="text/html; charset=utf-8")
    (doc,) = documents(httpserver.url_for("/old"))
    assert isinstance(doc, Document) and ARTICLE_P[1] in doc.text
    assert doc.url == httpserver.url_for("/a/1") and doc.redirects == [httpserver.url_for("/old")]
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"].startswith("Qogam/")


def test_http_errors_and_non_html_are_failures(httpserver) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    httpserver.expect_request("/logo.png").respond_with_data(b"\x89PNG\r\n", content_type="image/png")
    (gone,) = documents(httpserver.url_for("/gone"))
    (image,) = documents(httpserver.url_for("/logo.png"))
    assert isinstance(gone, Failure) and "HTTP 404" in gone.reason
    assert isinstance(image, Failure) and "not a page or a feed" in image.reason


def test_a_slow_server_times_out(httpserver) -> None:  # type: ignore[no-untyped-def]
    def slow(request):  # type: ignore[no-untyped-def]
        from werkzeug import Response

        time.sleep(1.5)
        return Response(page(), content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch(httpserver.url_for("/slow"), timeout=0.3)


def test_a_page_over_the_size_limit_is_refused(httpserver) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")
    with pytest.raises(FetchError, match="larger than"):
        fetch(httpserver.url_for("/big"), max_bytes=1000)


def test_conditional_get(httpserver) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    assert fetch(httpserver.url_for("/feed"), etag='"v1"').not_modified


def test_a_feed_gives_the_pages_it_links(httpserver) -> None:  # type: ignore[no-untyped-def]
    base = httpserver.url_for("")[:-1]
    httpserver.expect_request("/feed.xml").respond_with_data(feed(base, ["/p/1", "/p/2", "/p/3"]),
                                                             content_type="application/rss+xml")
    httpserver.expect_request("/p/1").respond_with_data(page(), content_type="text/html")
    untitled = page(title="").replace("<title> | Ontustik.kz</title>", "").replace("<h1></h1>", "")
    httpserver.expect_request("/p/2").respond_with_data(untitled, content_type="text/html")
    httpserver.expect_request("/p/3").respond_with_data("", status=500)
    found = list(documents(httpserver.url_for("/feed.xml")))
    assert [type(f).__name__ for f in found] == ["Document", "Document", "Failure"]
    assert found[1].title == "Жаңалық 1"  # the page had none: the entry's
    assert "HTTP 500" in found[2].reason
