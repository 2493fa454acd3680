"""Whether an extracted fact is the same as an annotated one, as the real-news conventions say.

The conventions of ``shared/data/news/README.md`` compare leniently on spelling and strictly
on content: a person by the words of the full nominative name in any order; an organisation
by its quoted core (the text inside its first «…»), or, when neither side has a quoted core,
by at least 60 % of their words in common (any alias of the gold organisation counts); a post
by person, role and organisation; a quote by speaker and a text at least 90 % similar. Case,
ё/е, quote marks, dashes and spacing never count.

This is Qogam's own reading of those rules, used to fit and check the confidence calibration
(:mod:`qogam.nlp.extract.calibration`); the hidden evaluations use their own scorer.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Any

_QUOTES = re.compile(r"[«»\"“”„'’`]")
_DASHES = re.compile(r"[‐‑‒–—-]")
_CORE = re.compile(r"«([^»]+)»")
_WORD_OVERLAP = 0.6
_TEXT_SIMILARITY = 0.9


def plain(text: str | None) -> str:
    """Lower case, ё as е, quote marks as spaces, every dash as a hyphen, single spaces."""
    folded = (text or "").casefold().replace("ё", "е")
    folded = _DASHES.sub("-", _QUOTES.sub(" ", folded))
    return " ".join(folded.split())


def _core(name: str) -> str:
    found = _CORE.search(name)
    return plain(found.group(1) if found else name)


def same_person(a: str | None, b: str | None) -> bool:
    """The same words of a name, in any order ("Сүйінбаев Жанболат" = "Жанболат Сүйінбаев")."""
    return bool(a) and bool(b) and sorted(plain(a).split()) == sorted(plain(b).split())


def same_organization(a: str | None, b: str | None) -> bool:
    """The same quoted core, or (neither quoted) most of the words in common; None = None."""
    if a is None or b is None:
        return a is None and b is None
    if _core(a) == _core(b):
        return True
    if "«" in a and "«" in b:
        return False
    words_a, words_b = set(plain(a).split()), set(plain(b).split())
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= _WORD_OVERLAP


def _names(organization: Any) -> list[str]:
    if isinstance(organization, dict):
        return [organization["name"], *organization.get("aliases", [])]
    return [organization]


def _gold_post_orgs(gold: dict[str, Any]) -> dict[str, list[str]]:
    return {o["name"]: _names(o) for o in gold.get("organizations", []) if isinstance(o, dict)}


def same_quote(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same speaker and a text at least 90 % alike."""
    if not same_person(a.get("speaker"), b.get("speaker")):
        return False
    return SequenceMatcher(None, plain(a.get("text")), plain(b.get("text"))).ratio() >= _TEXT_SIMILARITY


def correct(kind: str, gold: dict[str, Any], predicted: Sequence[dict[str, Any]]) -> list[bool]:
    """For each predicted fact of ``kind``, whether it matches a fact of the ``gold`` document.

    Each gold fact is used once, in the order of the predictions, so that a fact extracted
    twice counts once. Raises ``ValueError`` for an unknown kind.
    """
    golds = list(gold.get(kind, []))
    same: Callable[[Any, dict[str, Any]], bool]
    if kind == "persons":
        def same(g: Any, p: dict[str, Any]) -> bool:
            return same_person(g["name"] if isinstance(g, dict) else g, p["name"])
    elif kind == "organizations":
        def same(g: Any, p: dict[str, Any]) -> bool:
            return any(same_organization(name, p["name"]) for name in _names(g))
    elif kind == "posts":
        aliases = _gold_post_orgs(gold)

        def same(g: Any, p: dict[str, Any]) -> bool:
            orgs = aliases.get(g.get("organization"), [g.get("organization")])
            return (
                same_person(g["person"], p["person"]) and plain(g["role"]) == plain(p["role"])
                and any(same_organization(o, p.get("organization")) for o in orgs)
            )
    elif kind == "quotes":
        same = same_quote
    else:
        raise ValueError(f"unknown kind of fact: {kind}")
    used: set[int] = set()
    out: list[bool] = []
    for p in predicted:
        hit = next((k for k, g in enumerate(golds) if k not in used and same(g, p)), None)
        if hit is not None:
            used.add(hit)
        out.append(hit is not None)
    return out
