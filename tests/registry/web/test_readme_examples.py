"""The README's web examples work on the demo's data: after `qogam demo` the home page says what
waits for review, and after the first review it describes, its search examples find their person."""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from qogam.registry.core.models import Proposal, Source

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[3]


def _readme_search_example() -> tuple[list[str], str, str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| search | `/search/?q=…`"))
    queries = re.findall(r'"([^"]+)"', row)
    person = re.search(r"all find ([^(|]+?) \(", row).group(1).strip()  # type: ignore[union-attr]
    first_review = re.search(r"open («[^*]+?) and press \*\*Bulk accept\*\*", readme.replace("\n", " "))
    assert first_review is not None, "the README describes a first review"
    return queries, person, first_review.group(1)  # type: ignore[return-value]


def test_the_readme_search_examples_on_the_demo(client: Any) -> None:
    from qogam.registry import commands
    from qogam.registry.core.services.review import bulk_accept

    commands.demo(REPO / "examples" / "articles", "127.0.0.1", 0, serve_too=False, out=io.StringIO())
    pending = Proposal.objects.filter(status="pending").count()
    home = client.get("/en/").content.decode()
    assert f"{pending} facts read from the news await confirmation" in home and "log in to review" in home
    queries, person, title = _readme_search_example()
    assert len(queries) >= 4
    source = Source.objects.get(title=title)
    bulk_accept(source.proposals.all(), None, 0.9)  # the README's first review: Bulk accept at its default
    for query in queries:
        html = client.get("/search/", {"q": query}).content.decode()
        assert person in html, query
