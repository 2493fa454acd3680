"""A source's text never shifts under its evidence: newlines normalised once, read-only in the
admin, a correction a new revision with each span re-anchored or sent back to review."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qogam.registry.core.models import AuditLog, Evidence, Proposal, Source, SourceRevision
from qogam.registry.core.services.ingest import ingest_path
from qogam.registry.core.services.review import bulk_accept
from qogam.registry.core.services.sources import OffsetMap, revise_text, withdraw
from qogam.registry.errors import ReviewError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Any:
    """The services' messages are translated; these tests read them in English."""
    from django.utils import translation

    with translation.override("en"):
        yield

ARTICLE = ("«Жайылма» қоғамдық бірлестігінің төрағасы Инара Намазбаева жастармен кездесті.\r\n"
           "«Біз жастардың бастамасын қолдаймыз», — деді И.Намазбаева.\r\n")


def _accepted(tmp_path: Path, text: str = ARTICLE) -> Source:
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    ingest_path(tmp_path / "a.txt", progress=False)
    source = Source.objects.get()
    bulk_accept(source.proposals.all(), None, 0.0)
    return source


def _marks(source: Source) -> list[str]:
    return sorted(source.text[e.start:e.end] for e in Evidence.objects.filter(source=source))


def test_ingest_normalises_line_endings_once(tmp_path: Path) -> None:
    source = _accepted(tmp_path)
    assert "\r" not in source.text and source.text == ARTICLE.replace("\r\n", "\n")
    assert "Инара Намазбаева" in _marks(source)


def test_saving_a_source_in_the_admin_keeps_its_text(tmp_path: Path, admin_client: Any) -> None:
    """The browser sends a textarea's text back with CRLF: the text is no field of the form."""
    source = _accepted(tmp_path)
    text, marks = source.text, _marks(source)
    url = f"/admin/core/source/{source.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="text"' not in page and 'name="correction"' in page
    response = admin_client.post(url, {
        "title": source.title, "outlet": "ontustik.kz", "url": "", "published": "", "language": "kk", "origin": "a.txt",
        "text": text.replace("\n", "\r\n") + "extra", "correction": text.replace("\n", "\r\n"),
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    source.refresh_from_db()
    assert source.outlet == "ontustik.kz" and source.text == text and source.revision == 1
    assert _marks(source) == marks and not SourceRevision.objects.exists()


def test_a_typo_corrected_in_the_admin_is_a_new_revision(tmp_path: Path, admin_client: Any) -> None:
    source = _accepted(tmp_path, ARTICLE.replace("кездесті", "кездесть"))
    old = source.text
    url = f"/admin/core/source/{source.pk}/change/"
    admin_client.post(url, {"title": source.title, "outlet": "", "url": "", "published": "", "language": "kk",
                            "origin": "a.txt", "correction": "Түзету: " + old.replace("кездесть", "кездесті")})
    source.refresh_from_db()
    assert source.revision == 2 and source.text.startswith("Түзету: ") and "кездесті" in source.text
    assert SourceRevision.objects.get().text == old
    assert "Инара Намазбаева" in _marks(source) and "«Жайылма» қоғамдық бірлестігінің" in _marks(source)
    for proposal in source.proposals.all():  # every span moved with its words
        for span in proposal.evidence:
            assert source.text[span["start"]:span["end"]] == span["text"]
    assert AuditLog.objects.filter(action="revise", model="core.source").exists()


def test_a_correction_of_the_words_sends_their_evidence_back_to_review(tmp_path: Path) -> None:
    source = _accepted(tmp_path)
    person = source.proposals.get(kind="person")
    assert person.status == "accepted"
    report = revise_text(source, source.text.replace("Инара Намазбаева", "Инара Намазбаеваа"), None)
    person.refresh_from_db()
    assert person.pk in report.sent_back and person.status == "pending" and person.decided_by is None
    organisation = source.proposals.get(kind="organization")
    assert organisation.status == "accepted" and organisation.pk not in report.sent_back
    source.refresh_from_db()
    assert all(source.text[e.start:e.end] != "Инара Намазбаева" or e.proposal_id != person.pk
               for e in Evidence.objects.filter(source=source))


def test_a_correction_into_another_source_or_nothing_is_refused(tmp_path: Path) -> None:
    source = _accepted(tmp_path)
    other = Source.objects.create(text="Басқа мәтін.", content_hash="0" * 64)
    with pytest.raises(ReviewError, match="empty"):
        revise_text(source, "  \n", None)
    from qogam.registry.core.services.ingest import content_hash

    other.content_hash = content_hash("Басқа мәтін.")
    other.save()
    with pytest.raises(ReviewError, match="another stored source"):
        revise_text(source, "Басқа мәтін.", None)
    assert revise_text(source, source.text.replace("\n", "\r\n"), None).revision == 1  # the same text


@pytest.mark.parametrize(
    ("old", "new", "span", "moved"),
    [
        ("ab cd ef", "abX cd ef", (3, 5), (4, 6)),     # inserted before: moves
        ("ab cd ef", "ab cd ef!", (3, 5), (3, 5)),     # changed after: stays
        ("ab cd ef", "ab Xcd ef", (3, 5), None),       # glued to the word: another word
        ("ab cd ef", "ab ce ef", (3, 5), None),        # the word itself changed
        ("ab\ncd", "ab\n\ncd", (3, 5), (4, 6)),
    ],
)
def test_offset_map(old: str, new: str, span: tuple[int, int], moved: tuple[int, int] | None) -> None:
    assert OffsetMap(old, new).span(*span) == moved


def test_withdrawn_source_leaves_the_site_and_the_queue(tmp_path: Path, client: Any) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ingest_path(tmp_path / "a.txt", progress=False)
    source = Source.objects.get()
    assert client.get(f"/sources/{source.pk}/").status_code == 200
    rejected = withdraw(source, None, "a duplicate of another article")
    assert rejected == source.proposals.count() and not source.proposals.filter(status="pending").exists()
    assert client.get(f"/sources/{source.pk}/").status_code == 404
    assert source.title not in client.get("/sources/").content.decode()
    assert AuditLog.objects.filter(action="withdraw", object_id=str(source.pk)).exists()
    from django.utils import translation

    with translation.override("en"), pytest.raises(ReviewError, match="withdrawn already"):
        withdraw(source, None, "again")
    assert Proposal.objects.filter(status="rejected").count() == rejected
