"""Pages built from real news: an article's text poured into an outlet's page template
(``benchmarks/page_templates``), and what the HTML reader kept of it measured.

Shared by ``tests/ingest/test_main_text.py`` and ``benchmarks/main_text.py``.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "benchmarks" / "page_templates"
NEWS = REPO.parent / "shared" / "data" / "news"
_SPACE = re.compile(r"\s+")


def templates() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.html"))}


def news_texts(lang: str) -> list[tuple[str, str]]:
    """(name, text) of the real news of ``lang`` in ../shared (none when it is absent)."""
    return [(p.name, json.loads(p.read_text(encoding="utf-8"))["text"]) for p in sorted((NEWS / lang).glob("*.json"))]


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs; a text written as one block is cut every three sentences."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    if len(parts) > 1:
        return parts
    from tests.ingest.syndication import sentences

    parts = sentences(text)
    return [" ".join(parts[i:i + 3]) for i in range(0, len(parts), 3)]


def build_page(template: str, text: str, lang: str, title: str = "Жаңалық", day: str = "2024-03-12") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    return template.replace("{title}", html.escape(title)).replace("{date}", day).replace("{lang}", lang).replace("{body}", body)


@dataclass
class Kept:
    kept: float  # share of the article's characters found in the stored text
    boilerplate: float  # share of the stored text that is not the article (nor its title)


def measure(article: str, stored: str, title: str = "") -> Kept:
    """Compare the article (and its title) with the text stored, white space collapsed."""
    want = _SPACE.sub(" ", article).strip()
    got = _SPACE.sub(" ", stored).strip()
    if title and got.startswith(title):
        got = got[len(title):].strip()  # the headline repeated at the top is the article's, not boilerplate
    matcher = SequenceMatcher(None, want, got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return Kept(kept=matched / max(1, len(want)), boilerplate=(len(got) - matched) / max(1, len(got)))
