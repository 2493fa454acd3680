"""Syndicated copies of a story are found; different stories, about the same kind of event,
stay apart (copies made from the real news of ../shared; the whole set: benchmarks/near_duplicates.py)."""
from __future__ import annotations

import pytest

from qogam.ingest.near_duplicates import NearDuplicateIndex, shingles, signature, similarity
from tests.ingest.outlet_pages import news_texts
from tests.ingest.syndication import copies


def test_shingles() -> None:
    assert shingles("Бір екі үш төрт бес алты") == {"бір екі үш төрт бес", "екі үш төрт бес алты"}
    assert shingles("Қысқа мәтін") == {"қысқа мәтін"} and shingles("") == set()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_copies_found_and_different_stories_apart(lang: str) -> None:
    texts = [text for _, text in news_texts(lang)[:30] if len(text.split()) > 60]
    if len(texts) < 10:
        pytest.skip("../shared/data/news is not beside the repository")
    index = NearDuplicateIndex()
    signatures = [signature(t) for t in texts]
    for key, sig in enumerate(signatures):
        index.add(key, sig)
    found = total = 0
    for key, text in enumerate(texts):
        for _edit, copy in copies(text, lang).items():
            total += 1
            found += index.first_copy_of(signature(copy)) == key
    false = sum(len([k for k in index.copies(sig) if k != key]) for key, sig in enumerate(signatures))
    assert found / total >= 0.95 and false == 0, (found, total, false)


def test_similarity_of_a_text_with_itself_and_another() -> None:
    a, b = signature("бір екі үш төрт бес алты жеті сегіз"), signature("тоғыз он он бір он екі он үш он төрт")
    assert similarity(a, a) == 1.0 and similarity(a, b) < 0.2
