"""Ingest as outlets publish: URLs, feeds followed by `qogam watch`, JSON Lines, syndicated copies
(a local HTTP server, never the internet); the CLI contract kept exactly."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.urls import reverse

from qogam.cli import main
from qogam.registry.core.models import Feed, Proposal, Source
from qogam.registry.core.services.feeds import add_feed, poll
from qogam.registry.core.services.ingest import ingest_path
from tests.ingest.test_documents import ARTICLE_P, feed, page

pytestmark = pytest.mark.django_db

OTHER_P = [
    "Түлкібас ауданында «Ана мен бала» қоғамдық бірлестігі көпбалалы отбасыларға азық-түлік таратты.",
    "Бірлестік төрайымы Гүлмира Сәрсенова биыл елуден астам отбасына көмек көрсетілгенін айтты.",
    "Шараға аудандық әкімдіктің әлеуметтік бөлімінің мамандары да қатысып, тұрғындардың сұрақтарына жауап берді.",
]


def _cli(*args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, (json.loads(lines[-1]) if lines else {}), result.stderr


def test_ingest_a_url_keeps_the_contract(httpserver: Any) -> None:
    httpserver.expect_request("/a/1").respond_with_data(page(), content_type="text/html; charset=utf-8")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    code, summary, _ = _cli("ingest", httpserver.url_for("/a/1"), "--no-progress")
    assert code == 0 and (summary["stored"], summary["duplicates"], summary["failed"]) == (1, 0, 0)
    source = Source.objects.get()
    assert source.url == httpserver.url_for("/a/1") and source.outlet == "Ontustik.kz"
    assert source.title == "Сайрам ауданында қоғамдық кеңес жиналды" and str(source.published) == "2024-03-12"
    assert "Басты бет" not in source.text and source.proposals.filter(kind="person", label="Инара Намазбаева").exists()
    for proposal in source.proposals.all():  # evidence counts in the text kept
        assert all(source.text[s["start"]:s["end"]] == s["text"] for s in proposal.evidence)
    code, summary, stderr = _cli("ingest", httpserver.url_for("/a/1"), httpserver.url_for("/gone"), "--no-progress")
    assert code == 1 and (summary["stored"], summary["duplicates"], summary["failed"]) == (0, 1, 1)
    assert "HTTP 404" in summary["failures"][0]["reason"] and "HTTP 404" in stderr


def test_json_lines_with_a_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"title": "Бір", "text": " ".join(ARTICLE_P), "outlet": "A", "date": "2024-01-02"}),
             "{oops", json.dumps({"title": "Екі", "text": " ".join(OTHER_P), "url": "https://b.kz/2"})]
    (tmp_path / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = ingest_path(tmp_path / "news.jsonl", progress=False)
    assert (report.stored, report.failed) == (2, 1) and report.failures[0]["item"].endswith("news.jsonl:2")
    assert Source.objects.get(title="Екі").url == "https://b.kz/2"


def test_a_syndicated_copy_is_linked_and_proposes_nothing(tmp_path: Path) -> None:
    original = "\n".join(["Сайрам ауданында қоғамдық кеңес жиналды", *ARTICLE_P, *OTHER_P[:1]])
    copy = "ШЫМКЕНТ. ҚазАқпарат – " + "\n".join(["Сайрамда қоғамдық кеңес отырысы өтті", *ARTICLE_P])
    other = "\n".join(["Түлкібаста отбасыларға көмек көрсетілді", *OTHER_P])
    for name, text in (("a.txt", original), ("b.txt", copy), ("c.txt", other)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = ingest_path(tmp_path, progress=False)
    assert (report.stored, report.near_duplicates) == (2, 1)
    first, second = Source.objects.get(origin__endswith="a.txt"), Source.objects.get(origin__endswith="b.txt")
    assert second.duplicate_of == first and not second.proposals.exists()
    assert Source.objects.get(origin__endswith="c.txt").duplicate_of is None
    assert Proposal.objects.filter(kind="person", label="Инара Намазбаева").count() == 1  # proposed once


def _feed_server(httpserver: Any) -> str:
    base = httpserver.url_for("")[:-1]
    body = feed(base, ["/p/1", "/p/2"])
    httpserver.expect_request("/feed.xml", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml",
                                                             headers={"ETag": '"v1"'})
    httpserver.expect_request("/p/1").respond_with_data(page(), content_type="text/html")
    httpserver.expect_request("/p/2").respond_with_data(page(title="Түлкібаста көмек", paragraphs=OTHER_P),
                                                        content_type="text/html")
    return httpserver.url_for("/feed.xml")


def test_feeds_add_list_and_watch_once(httpserver: Any) -> None:
    url = _feed_server(httpserver)
    code, added, _ = _cli("feeds", "add", url, "--outlet", "Оңтүстік Қазақстан", "--area", "", "--lang", "kk")
    assert code == 0 and added["url"] == url and added["active"]
    result = CliRunner().invoke(main, ["watch", "--once"], catch_exceptions=False)
    (report,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0 and report["stored"] == 2 and report["entries"] == 2
    assert set(Source.objects.values_list("outlet", flat=True)) == {"Оңтүстік Қазақстан"}
    again = CliRunner().invoke(main, ["watch", "--once"], catch_exceptions=False)
    assert json.loads(again.stdout)["not_modified"] and Source.objects.count() == 2  # conditional GET: 304
    listed = [json.loads(line) for line in CliRunner().invoke(main, ["feeds", "list"]).stdout.splitlines()]
    assert listed[0]["articles_stored"] == 2 and listed[0]["last_success"] and listed[0]["last_error"] is None
    assert _cli("feeds", "add", url)[0] == 2  # followed already: an error


def test_a_failing_feed_backs_off_and_shows_its_error(httpserver: Any) -> None:
    httpserver.expect_request("/broken.xml").respond_with_data("", status=503)
    feed_ = add_feed(httpserver.url_for("/broken.xml"))
    report = poll(feed_)
    feed_.refresh_from_db()
    assert not report.ok and "HTTP 503" in feed_.last_error and feed_.failures == 1 and feed_.next_poll_at
    from qogam.registry.core.services.feeds import due

    assert feed_ not in due() and feed_ in due(every_feed=True)
    result = CliRunner().invoke(main, ["watch", "--once"])
    assert result.exit_code == 1
    feed_.refresh_from_db()
    assert feed_.failures == 2


def test_an_entry_stored_before_is_not_fetched_again(httpserver: Any) -> None:
    url = _feed_server(httpserver)
    ingest_path(httpserver.url_for("/p/1"), progress=False)
    feed_ = add_feed(url)
    report = poll(feed_)
    assert report.known == 1 and report.ingest.stored == 1
    fetched = [request.path for request, _ in httpserver.log]
    assert fetched.count("/p/1") == 1


@pytest.mark.parametrize(("persona", "status"), [("anonymous", 302), ("nobody", 403), ("editor", 200), ("admin", 200)])
def test_feeds_page_by_persona(persona: str, status: int, request: Any, articles: Any) -> None:
    assert request.getfixturevalue(persona).get(reverse("review:feeds")).status_code == status


def test_staff_follow_and_switch_off_a_feed(editor: Any) -> None:
    response = editor.post(reverse("review:feeds"), {"url": "https://ontustik.kz/rss", "outlet": "Ontustik",
                                                     "area": "kz-turkistan-sairam", "language": "kk"})
    feed_ = Feed.objects.get()
    assert response.status_code == 302 and feed_.area.slug == "kz-turkistan-sairam" and feed_.active
    editor.post(reverse("review:feed-toggle", args=[feed_.pk]))
    feed_.refresh_from_db()
    assert not feed_.active
    page_ = editor.get(reverse("review:feeds")).content.decode()
    assert "https://ontustik.kz/rss" in page_
