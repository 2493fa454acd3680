"""What extraction returns: plain dataclasses with their evidence, and their JSON form.

Every item says where it came from: the character offsets of the mentions or text it rests on
(into the original document), the offsets of the sentence, the rule or model that produced it
(``source``) with that rule's own score, and the item's ``confidence`` in [0, 1]: the measured
precision of its rule on real news (:mod:`qogam.nlp.extract.calibration`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    """A stretch of the original text: ``text == document[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Evidence:
    """Where a fact was found and how sure the rule or model that found it is."""

    source: str
    confidence: float
    sentence_start: int
    sentence_end: int


@dataclass(slots=True)
class Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    given: str | None = None
    family: str | None = None
    patronymic: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0  # calibrated (qogam.nlp.extract.calibration)


@dataclass(slots=True)
class Organization:
    name: str
    type: str
    core: str
    mentions: list[Mention] = field(default_factory=list)
    abbreviation: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0  # calibrated (qogam.nlp.extract.calibration)


@dataclass(slots=True)
class Post:
    person: str
    role: str
    organization: str | None
    role_text: str
    mention: Mention
    evidence: Evidence
    on_behalf_of: str | None = None
    confidence: float = 0.0  # calibrated (qogam.nlp.extract.calibration)


def without_bodiless_repeats(posts: list[Post]) -> list[Post]:
    """The posts less those that repeat a role of the same person with no body where another
    mention names its body ("председатель Айдарбек Ходжаназаров" after "председателем
    Respublica избрали Айдарбека Ходжаназарова" is the one post)."""
    placed = {(p.person, p.role) for p in posts if p.organization is not None}
    return [p for p in posts if p.organization is not None or (p.person, p.role) not in placed]


@dataclass(slots=True)
class Quote:
    speaker: str | None
    text: str
    start: int
    end: int
    attribution: Mention | None
    evidence: Evidence
    confidence: float = 0.0  # calibrated (qogam.nlp.extract.calibration)


@dataclass(slots=True)
class Event:
    type: str
    trigger: Mention
    chair: str | None = None
    participants: list[str] = field(default_factory=list)
    topic: str | None = None
    date: str | None = None
    date_text: str | None = None
    evidence: Evidence | None = None


@dataclass(slots=True)
class Place:
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Extraction:
    """Everything found in one document, and the problems met on the way (``warnings``)."""

    lang: str
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON document of the ``qogam extract`` contract (extra keys included)."""

        def rounded(items: list[Any]) -> list[dict[str, Any]]:
            return [asdict(item) for item in items]

        return {
            "lang": self.lang,
            "persons": rounded(self.persons),
            "organizations": rounded(self.organizations),
            "posts": rounded(self.posts),
            "quotes": rounded(self.quotes),
            "events": rounded(self.events),
            "places": rounded(self.places),
            "warnings": list(self.warnings),
        }
