"""The article text is cut at evidence boundaries, and shown escaped."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from qogam.registry.core.models import Proposal, Source
from qogam.registry.review.highlight import pieces


def _proposal(pk: int, spans: list[tuple[int, int]], status: str = "pending") -> Proposal:
    return Proposal(pk=pk, kind="person", label=str(pk), start=spans[0][0], end=spans[0][1], status=status,
                    evidence=[{"start": s, "end": e} for s, e in spans], payload={})


@pytest.mark.parametrize(("spans", "expected"), [
    ([], [("Абай Құнанбайұлы жазды.", [])]),
    ([[(0, 4)]], [("Абай", [1]), (" Құнанбайұлы жазды.", [])]),
    ([[(0, 16)], [(0, 4)]], [("Абай", [2, 1]), (" Құнанбайұлы", [1]), (" жазды.", [])]),
    ([[(0, 4), (17, 22)]], [("Абай", [1]), (" Құнанбайұлы ", []), ("жазды", [1]), (".", [])]),
    ([[(-5, 4)], [(20, 99)], [(3, 3)]], [("Абай", [1]), (" Құнанбайұлы жаз", []), ("ды.", [2])]),
])
def test_pieces(spans: list[list[tuple[int, int]]], expected: list[tuple[str, list[int]]]) -> None:
    text = "Абай Құнанбайұлы жазды."
    proposals = [_proposal(i + 1, s) for i, s in enumerate(spans)]
    got = pieces(text, proposals)
    assert [(p.text, [q.pk for q in p.proposals]) for p in got] == expected
    assert "".join(p.text for p in got) == text


@pytest.mark.django_db
def test_article_text_is_escaped(reviewer: Any) -> None:
    text = 'Ерлан <script>alert("x")</script> & «Ақ жол» <b>жиыны</b>'
    source = Source.objects.create(text=text, content_hash="x" * 64, title="<i>тақырып</i>")
    Proposal.objects.create(source=source, kind="person", label="<img src=x onerror=alert(1)>", payload={},
                            start=0, end=14, evidence=[{"start": 0, "end": 14, "text": text[:14]}])
    html = reviewer.get(reverse("review:source", args=[source.pk])).content.decode()
    assert "<script>" not in html.split("</header>", 1)[1].split("<footer", 1)[0]
    assert "Ерлан &lt;script&gt;</a></mark>alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html
    assert "<img src=x" not in html and "<i>тақырып</i>" not in html and "<b>жиыны</b>" not in html
    assert '<mark class="k-person" data-proposals="' in html
