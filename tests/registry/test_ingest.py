"""Ingest: one Source per text, proposals with evidence, idempotent, one transaction each."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from qogam.errors import InputError
from qogam.registry.core.models import AuditLog, Proposal, Source
from qogam.registry.core.services.ingest import content_hash, ingest_path

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int, int]:
    return Source.objects.count(), Proposal.objects.count(), AuditLog.objects.count()


def test_seed_article_proposals(seed_path: Path) -> None:
    report = ingest_path(seed_path, progress=False)
    assert (report.read, report.stored, report.duplicates) == (1, 1, 0)
    kinds = Counter(Proposal.objects.values_list("kind", flat=True))
    assert kinds["organization"] == 5 and kinds["statement"] == 2
    assert kinds["person"] == 6 and kinds["post"] == 6
    people = set(Proposal.objects.filter(kind="person").values_list("label", flat=True))
    assert {"Инара Намазбаева", "Шәріпбек Жамалбек", "Жанболат Сүйінбаев", "Ахмет Оспанов", "Гүлнәр Ниязова"} <= people
    source = Source.objects.get()
    assert source.language == "kk" and source.content_hash == content_hash(source.text)
    for proposal in Proposal.objects.all():
        assert proposal.status == "pending" and 0 <= proposal.confidence <= 1
        for span in proposal.evidence:
            assert source.text[span["start"]:span["end"]] == span["text"]


def test_ingest_twice_changes_nothing(seed_path: Path) -> None:
    ingest_path(seed_path, progress=False)
    before = _counts()
    report = ingest_path(seed_path, progress=False)
    assert (report.stored, report.duplicates) == (0, 1) and _counts() == before


def test_same_text_differently_spaced_is_one_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Жиынды  Шәріпбек Жамалбек\nжүргізді.\n", encoding="utf-8")
    report = ingest_path(tmp_path, progress=False)
    assert (report.stored, report.duplicates) == (1, 1)


def test_json_article_with_title_url_date(tmp_path: Path) -> None:
    article = {"title": "Жиын өтті", "url": "https://example.kz/news/1", "date": "2024-03-05", "outlet": "Example",
               "text": "«Жайылма» қоғамдық бірлестігінің төрағасы Жанболат Сүйінбаев жиынға қатысты."}
    (tmp_path / "a.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    ingest_path(tmp_path / "a.json", progress=False)
    source = Source.objects.get()
    assert (source.title, source.url, str(source.published), source.outlet) == ("Жиын өтті", "https://example.kz/news/1", "2024-03-05", "Example")
    assert Proposal.objects.filter(kind="post", label__startswith="Жанболат Сүйінбаев — төраға").exists()


def test_examples_directory() -> None:
    examples = Path(__file__).resolve().parents[2] / "examples" / "articles"
    report = ingest_path(examples, progress=False)
    assert report.stored == report.read == len(list(examples.glob("*.txt")))
    assert Proposal.objects.filter(kind="person").count() > report.stored


def test_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        ingest_path(tmp_path / "missing.txt", progress=False)
    with pytest.raises(InputError):
        ingest_path(tmp_path, progress=False)


def test_a_failing_article_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qogam.registry.core.services import ingest

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "link_proposal", broken)
    (tmp_path / "a.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді.", encoding="utf-8")
    report = ingest_path(tmp_path, progress=False)  # a fault on one article is that article's failure
    assert report.failed == 1 and "internal error (RuntimeError: disk full)" in report.failures[0]["reason"]
    assert _counts() == (0, 0, 0)


def test_a_database_fault_stops_the_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import OperationalError

    from qogam.registry.core.services import ingest

    def down(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("database is locked")

    monkeypatch.setattr(ingest, "link_proposal", down)
    (tmp_path / "a.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді.", encoding="utf-8")
    with pytest.raises(OperationalError):
        ingest_path(tmp_path, progress=False)
    assert _counts() == (0, 0, 0)


def test_one_bad_article_does_not_stop_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qogam.registry.core.services import ingest

    real = ingest.extract

    def fragile(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "Алдарыңызда" in text:
            raise IndexError("list index out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(ingest, "extract", fragile)
    (tmp_path / "a.txt").write_text("и\u0306\u0301Алдарыңызда жиын өтті.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Жиынды Шәріпбек Жамалбек жүргізді.", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"text": "Жиын өтті.", "url": "javascript:alert(1)"}), encoding="utf-8")
    report = ingest_path(tmp_path, progress=False)
    assert report.stored == 1 and report.failed == 2
    reasons = {f["item"].rsplit("/", 1)[-1]: f["reason"] for f in report.failures}
    assert "IndexError" in reasons["a.txt"] and "only http(s) addresses are stored" in reasons["c.json"]
    assert Source.objects.get().text.startswith("Жиынды")
    assert not Source.objects.filter(url__startswith="javascript").exists()
