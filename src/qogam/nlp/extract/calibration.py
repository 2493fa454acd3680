"""Confidence that means something: each extracted fact's confidence from measured precision.

Every fact comes from a rule (its evidence ``source``): "org-quoted-core", "post:org-role-person",
"quote-dash:named"… How often a rule is right was measured on real annotated news
(``qogam train calibration``), per kind of fact and per *rule key* — the rule and a few facts
about the item that change how often it is right (how sure the name rule was, whether a post
names the organisation, by which rule the post's organisation was found). The confidence of a
fact is the lower end of a Wilson score interval of its key's precision (z = 0.84, a one-sided
80 % bound): a rule seen right 8 times out of 8 gets about 0.92, not 1.0, and a key never
measured gets at most :data:`UNSEEN_CEILING`, below :data:`BULK_ACCEPT_THRESHOLD`, so reviewers
who bulk-accept above the threshold accept only what was measured to be reliable.

The table ships as ``calibration.json`` beside this module with what it was fitted on (the
whole development set: ``qogam train calibration --all``). For an honest estimate the set is
split by outlet (:func:`outlet_split`): without ``--all`` the table is fitted on the study part
and the precision above the threshold is reported on the held part, which it never saw.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from qogam.errors import InputError, ModelError
from qogam.nlp.extract.matching import correct
from qogam.nlp.extract.results import Extraction, Organization, Person, Post, Quote
from qogam.nlp.extract.scoring import KINDS
from qogam.nlp.resources import read_resource

# The review queue's default for "Bulk accept" (the web reads it from here).
BULK_ACCEPT_THRESHOLD = 0.9
# A rule key never measured is trusted at most this much: never bulk-accepted.
UNSEEN_CEILING = 0.85
Z = 0.84
TABLE_FILE = "calibration.json"
# Host prefixes that are no part of an outlet's name (www.egemen.kz = egemen.kz).
_HOST_PREFIXES = ("www.", "m.", "new.", "old.", "kz.", "rus.", "ru.")
HELD_SHARE = 1 / 3


def wilson_lower(correct_count: int, total: int, z: float = Z) -> float:
    """The lower end of the Wilson score interval of ``correct_count`` out of ``total`` (0 when none)."""
    if total <= 0:
        return 0.0
    p = correct_count / total
    centre = p + z * z / (2 * total)
    spread = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return max(0.0, (centre - spread) / (1 + z * z / total))


def _best(evidence: list[Any]) -> Any:
    return max(evidence, key=lambda e: e.confidence)


def person_key(person: Person, holders: set[str]) -> str:
    """"person:given-family:0.95:post": the surest evidence's rule and score, whether the person
    holds a post, and for Russian whether the text names the person more than once."""
    best = _best(person.evidence) if person.evidence else None
    source = f"{best.source}:{best.confidence:g}" if best else "none"
    key = f"{source}:{'post' if person.name in holders else 'alone'}"
    if source.startswith("ru-"):
        # the Russian rules are few: how often the text names the person tells more apart
        key += ":again" if len(person.mentions) > 1 else ":once"
    return key


def organization_key(org: Organization, referenced: set[str]) -> str:
    """"org-quoted-core:post": the surest evidence's rule, and whether a post names the body."""
    best = _best(org.evidence) if org.evidence else None
    return f"{best.source if best else 'none'}:{'post' if org.name in referenced else 'alone'}"


def post_key(post: Post, org_rule: dict[str, str]) -> str:
    """"post:org-role-person:org-quoted-core": the post's rule and that of its organisation."""
    return f"{post.evidence.source}:{org_rule.get(post.organization, 'none') if post.organization else 'none'}"


def quote_key(quote: Quote) -> str:
    return quote.evidence.source


def rule_keys(result: Extraction) -> dict[str, list[str]]:
    """The rule key of every person, organisation, post and quote of ``result``, in order."""
    holders = {p.person for p in result.posts}
    referenced = {p.organization for p in result.posts} | {p.on_behalf_of for p in result.posts}
    org_rule = {o.name: _best(o.evidence).source for o in result.organizations if o.evidence}
    return {
        "persons": [person_key(p, holders) for p in result.persons],
        "organizations": [organization_key(o, {r for r in referenced if r}) for o in result.organizations],
        "posts": [post_key(p, org_rule) for p in result.posts],
        "quotes": [quote_key(q) for q in result.quotes],
    }


@dataclass(frozen=True, slots=True)
class Table:
    """Measured (correct, total) per kind and rule key, and per kind overall."""

    rules: dict[str, dict[str, tuple[int, int]]]
    kinds: dict[str, tuple[int, int]]

    def confidence(self, kind: str, key: str) -> float:
        """The calibrated confidence of a fact of ``kind`` found by rule ``key``."""
        counts = self.rules.get(kind, {}).get(key)
        if counts is None:
            overall = self.kinds.get(kind, (0, 0))
            return round(min(UNSEEN_CEILING, wilson_lower(*overall)), 3)
        return round(wilson_lower(*counts), 3)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Table:
        rules = {k: {key: (int(c[0]), int(c[1])) for key, c in v.items()} for k, v in data["rules"].items()}
        return cls(rules, {k: (int(c[0]), int(c[1])) for k, c in data["kinds"].items()})


@lru_cache(maxsize=1)
def shipped_table() -> Table | None:
    """The table that ships with Qogam (None when the package has none)."""
    try:
        return Table.from_json(json.loads(read_resource("qogam.nlp.extract", TABLE_FILE)))
    except (ModelError, json.JSONDecodeError, KeyError):
        return None


def _facts(result: Extraction) -> dict[str, list[Any]]:
    return {"persons": result.persons, "organizations": result.organizations, "posts": result.posts, "quotes": result.quotes}


def calibrate(result: Extraction, table: Table | None = None) -> None:
    """Set the ``confidence`` of every person, organisation, post and quote of ``result`` from
    ``table`` (default: the shipped one). Without any table the rules' own scores stand."""
    table = table or shipped_table()
    if table is None:
        use_rule_scores(result)
        return
    keys = rule_keys(result)
    for kind, facts in _facts(result).items():
        for fact, key in zip(facts, keys[kind]):
            fact.confidence = table.confidence(kind, key)


def use_rule_scores(result: Extraction) -> None:
    """Set each fact's ``confidence`` to its rule's own score (its surest evidence's)."""
    for facts in _facts(result).values():
        for fact in facts:
            if isinstance(fact, (Person, Organization)):
                fact.confidence = round(max((e.confidence for e in fact.evidence), default=0.0), 3)
            else:
                fact.confidence = round(float(fact.evidence.confidence), 3)


def outlet(source: str) -> str:
    """The outlet of a source URL: its host, lower case, without www./m./language prefixes."""
    host = (urlparse(source).hostname or "").lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host


def outlet_split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(study, held) parts of annotated news files, split by whole outlets.

    Outlets are taken in the order of the sha256 of their name until the held part holds a
    third of the texts; the rest is the study part. Raises :class:`InputError` on a file that
    is not an annotated article (JSON with "source" and "text").
    """
    by_outlet: dict[str, list[Path]] = {}
    for path in files:
        by_outlet.setdefault(outlet(_read_gold(path)["source"]), []).append(path)
    held: list[Path] = []
    for name in sorted(by_outlet, key=lambda o: hashlib.sha256(o.encode()).hexdigest()):
        if len(held) >= HELD_SHARE * len(files):
            break
        held.extend(by_outlet[name])
    held_set = set(held)
    return [p for p in files if p not in held_set], sorted(held)


def _read_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or "source" not in data:
        raise InputError(f"{path}: not an annotated article (needs \"source\" and \"text\")")
    return data


def measure(
    files: Iterable[Path], extract_raw: Callable[[str], Extraction], progress: Callable[[], None] | None = None,
) -> dict[str, dict[str, list[int]]]:
    """(correct, total) per kind and rule key of the facts extracted from annotated ``files``."""
    counts: dict[str, dict[str, list[int]]] = {kind: {} for kind in KINDS}
    for path in files:
        gold = _read_gold(path)
        result = extract_raw(gold["text"])
        keys = rule_keys(result)
        facts = result.to_json()
        for kind in KINDS:
            for key, right in zip(keys[kind], correct(kind, gold, facts[kind])):
                entry = counts[kind].setdefault(key, [0, 0])
                entry[0] += int(right)
                entry[1] += 1
        if progress is not None:
            progress()
    return counts


def fit(files: list[Path], extract_raw: Callable[[str], Extraction], command: str,
        progress: Callable[[], None] | None = None) -> dict[str, Any]:
    """Measure the rule keys on ``files`` and return the table to write (with its provenance)."""
    counts = measure(files, extract_raw, progress)
    kinds = {k: [sum(c[0] for c in v.values()), sum(c[1] for c in v.values())] for k, v in counts.items()}
    return {
        "_comment": "Precision per rule key of real annotated news; see qogam.nlp.extract.calibration.",
        "command": command,
        "fitted": date.today().isoformat(),
        "files": len(files),
        "texts": sorted(f"{p.parent.name}/{p.name}" for p in files),
        "z": Z,
        "kinds": kinds,
        "rules": {k: dict(sorted(v.items())) for k, v in counts.items()},
    }


def above_threshold(
    files: Iterable[Path], extract_calibrated: Callable[[str], Extraction], threshold: float = BULK_ACCEPT_THRESHOLD,
) -> dict[str, Any]:
    """Precision and share of the facts whose confidence reaches ``threshold``, per kind and overall."""
    counts = {kind: [0, 0, 0] for kind in KINDS}  # correct above, above, all
    for path in files:
        gold = _read_gold(path)
        result = extract_calibrated(gold["text"])
        facts = result.to_json()
        for kind in KINDS:
            for fact, right in zip(facts[kind], correct(kind, gold, facts[kind])):
                counts[kind][2] += 1
                if fact["confidence"] >= threshold:
                    counts[kind][1] += 1
                    counts[kind][0] += int(right)

    def summary(right: int, above: int, total: int) -> dict[str, float | int | None]:
        return {
            "precision": round(right / above, 3) if above else None,
            "share": round(above / total, 3) if total else None,
            "above": above,
            "total": total,
        }

    out: dict[str, Any] = {"threshold": threshold}
    out.update({kind: summary(*c) for kind, c in counts.items()})
    out["all"] = summary(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return out
