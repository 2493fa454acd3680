"""The HTML reader keeps the article and leaves the outlet's boilerplate out: measured on the
real news of ../shared poured into the project's outlet page templates."""
from __future__ import annotations

import pytest

from qogam.ingest.documents import html_document
from tests.ingest.outlet_pages import build_page, measure, news_texts, templates

SAMPLE = 12  # texts per language and template: the whole set runs in benchmarks/main_text.py


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_main_text_is_kept_and_boilerplate_left_out(lang: str) -> None:
    texts = news_texts(lang)[:SAMPLE]
    if not texts:
        pytest.skip("../shared/data/news is not beside the repository")
    kept, boilerplate, chars, stored_chars = 0.0, 0.0, 0, 0
    for template_name, template in templates().items():
        for name, text in texts:
            title = f"{name} жаңалығы"
            doc = html_document(build_page(template, text, lang, title=title).encode(), f"{template_name}/{name}")
            result = measure(text, doc.text, title)
            kept += result.kept * len(text)
            boilerplate += result.boilerplate * len(doc.text)
            chars += len(text)
            stored_chars += len(doc.text)
            assert doc.published is not None, template_name
    assert kept / chars >= 0.95 and boilerplate / stored_chars <= 0.05, (kept / chars, boilerplate / stored_chars)


def test_measure_counts_lost_and_added_characters() -> None:
    result = measure("abcd efgh", "abcd xyz")
    assert round(result.kept, 2) == round(5 / 9, 2) and result.boilerplate > 0
