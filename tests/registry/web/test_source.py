"""The source page: the article escaped, each accepted fact marked at its exact offsets and linked."""
from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest

from qogam.registry.web.highlight import Span, highlight
from tests.registry.web.conftest import ARTICLE, Registry

pytestmark = pytest.mark.django_db

MARK = re.compile(r'<mark class="(\w+)" title="[^"]*" data-start="(\d+)" data-end="(\d+)">(?:<a href="([^"]*)">)?(.*?)(?:</a>)?</mark>', re.S)


def test_marks_sit_on_the_evidence_offsets(client: Any, registry: Registry) -> None:
    html = client.get(f"/en/sources/{registry.source.pk}/").content.decode()
    article = html.split('<div class="article" lang="kk">')[1].split("</div>")[0]
    assert unescape(re.sub(r"<[^>]+>", "", article)) == ARTICLE  # the whole text, nothing lost or doubled
    marks = MARK.findall(article)
    by_kind = {kind: (int(start), int(end), url, unescape(text)) for kind, start, end, url, text in marks}
    start, end, url, text = by_kind["person"]
    assert ARTICLE[start:end] == text == "Инара Намазбаева" and url == f"/en/people/{registry.person.pk}/"
    start, end, url, text = by_kind["organization"]
    assert ARTICLE[start:end] == text == "«Жайылма» қоғамдық бірлестігінің"
    start, end, url, text = by_kind["statement"]
    assert text == registry.statement.text and url.endswith(f"#statement-{registry.statement.pk}")
    assert "<бірге>" not in article and "&lt;бірге&gt;" in article and "&amp;" in article


def test_pending_proposals_counted_not_shown_and_bad_url_not_linked(client: Any, registry: Registry,
                                                                    django_user_model: Any) -> None:
    """Unreviewed extractions (about named people) are for staff: the public sees a count."""
    html = client.get(f"/en/sources/{registry.source.pk}/").content.decode()
    assert "1 more fact found in this article awaits confirmation by the staff." in html
    assert "meeting: отырыс" not in html and "/review/" not in html
    assert "javascript:" not in html
    admin = django_user_model.objects.create_superuser("boss", password="x-unused-x")
    client.force_login(admin)
    html = client.get(f"/en/sources/{registry.source.pk}/").content.decode()
    assert f'href="/en/review/sources/{registry.source.pk}/"' in html  # staff: a link to review them


def test_nested_and_crossing_spans() -> None:
    text = "a <b> c & d"
    html = highlight(text, [Span(0, 11, "post", "post", "/p/"), Span(2, 5, "person", "person", "/x/"),
                            Span(4, 9, "org", "org", ""), Span(5, 99, "bad", "bad")])
    assert "<b>" not in html and unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert html.count("<a ") == 3  # a link per linked piece, never nested
    assert '<mark class="person" title="person; org; post" data-start="2" data-end="5"><a href="/x/">&lt;b&gt;</a></mark>' in html
    assert '<mark class="org" title="org; post" data-start="4" data-end="9"> c &amp;</mark>' in html
    assert highlight("", []) == ""
