"""A synthetic registry for demonstrations and benchmarks: ``qogam demo-data --orgs N``.

Deterministic for a seed: N organisations spread over the shipped areas (every area but the
country), two people per organisation with their posts and memberships, and short Kazakh
news items that mention them — about ten mentions per source. Four sources in five are
"reviewed": each mention is an :class:`Evidence` row of the registry fact it supports. The
fifth is waiting in the review queue: each mention is a pending :class:`Proposal` linked to
its entry, with its area as a place proposal, so that district editors see it.

Everything is written with ``bulk_create`` in batches; name keys are computed here (bulk
inserts skip the models' ``save``). Synthetic entries are marked by their slug or by the
outlet ``synthetic``, and the run is one audit-log entry.
"""
from __future__ import annotations

import hashlib
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from qogam.errors import InputError
from qogam.nlp.kk.lexicon import entries
from qogam.nlp.name_keys import latin_name, organization_key, person_key
from qogam.registry.core.models import (
    Area,
    AuditLog,
    Evidence,
    Membership,
    NameKey,
    Organization,
    Person,
    Post,
    Proposal,
    Source,
    Statement,
)

BATCH = 2000
MENTIONS_PER_SOURCE = 10
OUTLET = "synthetic"

# Cores of organisation names: common Kazakh words that NGOs take as their names.
_CORES = (
    "Болашақ", "Ізгілік", "Шұғыла", "Мейірім", "Самұрық", "Ақ жол", "Жасыл ел", "Тұран", "Береке",
    "Бірлік", "Нұр", "Ырыс", "Сенім", "Үміт", "Дала", "Шапағат", "Жарқын", "Арман", "Ынтымақ", "Жайылма",
    "Кемел", "Өркен", "Таза су", "Ақниет", "Жомарт жүрек", "Қамқор", "Жеті қазына", "Саналы ұрпақ",
)
# (type, how the type is written after the quoted core, in the nominative with its possessive)
_TYPES = (
    ("public_association", "қоғамдық бірлестігі"),
    ("foundation", "қоғамдық қоры"),
    ("association", "қауымдастығы"),
    ("public_association", "жастар ұйымы"),
    ("council", "қоғамдық кеңесі"),
    ("education", "білім орталығы"),
    ("media", "газеті"),
)
_ROLES = ("төраға", "директор", "төрағаның орынбасары", "мүше", "хатшы")
_QUOTES = (
    "Біз тұрғындардың мұңын тыңдап, нақты шешім іздейміз",
    "Жастарды қоғамдық жұмысқа тарту — басты міндетіміз",
    "Ауыл мектебіне көмек бірінші кезекте",
    "Әр жобаның есебін ашық жариялаймыз",
    "Таза ауыз су мәселесі әлі шешілген жоқ",
)

T = TypeVar("T", bound=models.Model)


@dataclass
class SyntheticReport:
    """How many objects of each kind a run created."""

    organizations: int = 0
    people: int = 0
    posts: int = 0
    memberships: int = 0
    sources: int = 0
    statements: int = 0
    evidence: int = 0
    proposals: int = 0

    def as_dict(self) -> dict[str, int]:
        """Return the counts as a plain dict (for JSON)."""
        return asdict(self)


def _given_names() -> tuple[list[str], list[str]]:
    return list(entries("first_names.txt", "male")), list(entries("first_names.txt", "female"))


def _surname(father: str, female: bool) -> str:
    """A surname made from a father's given name, as most Kazakh surnames are (Асқар → Асқаров)."""
    stem = father[:-1] if father.endswith("й") else father
    suffix = "ев" if stem[-1] in "аәеиоөуұүыіэюяжшщчц" or father.endswith("й") else "ов"
    return stem + suffix + ("а" if female else "")


@cache
def _person_keys(name: str) -> tuple[str, str]:
    return person_key(name), latin_name(name)


def _batched(items: list[T], size: int = BATCH) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _insert(model: type[T], items: list[T]) -> list[T]:
    created: list[T] = []
    for chunk in _batched(items):
        created.extend(model._default_manager.bulk_create(chunk))
    return created


def generate(orgs: int, mentions: int | None = None, seed: int = 1, progress: bool | None = None) -> SyntheticReport:
    """Create a synthetic registry of ``orgs`` organisations and about ``mentions`` mentions.

    ``mentions`` defaults to ten per organisation. Returns the counts. Raises
    :class:`InputError` for a count below 1, when the areas are not loaded (``qogam setup``
    first) or when this seed's data already exists (use another ``seed``).
    """
    if orgs < 1:
        raise InputError("--orgs must be at least 1")
    _require_migrated()
    mentions = orgs * 10 if mentions is None else mentions
    if mentions < 0:
        raise InputError("--mentions cannot be negative")
    areas = list(Area.objects.exclude(classification=Area.Kind.COUNTRY).order_by("pk"))
    if not areas:
        raise InputError("the registry has no areas: run `qogam setup` first")
    prefix = f"synthetic-{seed}-"
    if Organization.objects.filter(slug__startswith=prefix).exists():
        raise InputError(f"synthetic data of seed {seed} is already in the registry: use another --seed")
    rng = random.Random(seed)
    n_sources = -(-mentions // MENTIONS_PER_SOURCE) if mentions else 0
    # The bar counts organisations, then sources: the two long phases.
    with _Progress(orgs + n_sources, progress) as tick, transaction.atomic():
        report = _Builder(rng, areas, prefix, tick).run(orgs, mentions, n_sources)
        first = Organization.objects.filter(slug__startswith=prefix).order_by("pk").first()
        AuditLog.objects.create(model="core.organization", object_id=str(first.pk if first else ""),
                                action=AuditLog.Action.CREATE, after=report.as_dict(),
                                note=f"qogam demo-data: synthetic registry, seed {seed}")
    return report


def _require_migrated() -> None:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise InputError("the registry database is not set up: run `qogam setup` first")


class _Progress:
    """A tqdm bar on stderr when asked (default: when stderr is a terminal); a no-op otherwise."""

    def __init__(self, total: int, show: bool | None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if self.show:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, desc="demo-data", unit="item", file=sys.stderr)
            return self.bar.update  # type: ignore[no-any-return]
        return lambda n: None

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


class _Builder:
    def __init__(self, rng: random.Random, areas: list[Area], prefix: str, tick: Callable[[int], None]) -> None:
        self.rng, self.areas, self.prefix, self.tick = rng, areas, prefix, tick
        self.male, self.female = _given_names()
        self.report = SyntheticReport()
        self.org_type = ContentType.objects.get_for_model(Organization)
        self.person_type = ContentType.objects.get_for_model(Person)
        self.area_type = ContentType.objects.get_for_model(Area)
        self.statement_type = ContentType.objects.get_for_model(Statement)

    def run(self, orgs: int, mentions: int, n_sources: int) -> SyntheticReport:
        organizations = self._organizations(orgs)
        people = self._people(orgs * 2)
        self._posts(organizations, people)
        self._sources(organizations, people, mentions, n_sources)
        return self.report

    def _organizations(self, n: int) -> list[Organization]:
        made = []
        for i in range(n):
            kind, phrase = self.rng.choice(_TYPES)
            core = self.rng.choice(_CORES)
            name = f"«{core}-{i + 1}» {phrase}"
            made.append(Organization(slug=f"{self.prefix}{i}", name_kk=name, classification=kind,
                                     area=self.rng.choice(self.areas), name_key=organization_key(name)))
        made = _insert(Organization, made)
        _insert(NameKey, [NameKey(key=o.name_key, organization=o) for o in made])
        self.tick(len(made))
        self.report.organizations = len(made)
        return made

    def _people(self, n: int) -> list[Person]:
        made = []
        for _ in range(n):
            female = self.rng.random() < 0.45
            given = self.rng.choice(self.female if female else self.male)
            family = _surname(self.rng.choice(self.male), female)
            name = f"{given} {family}"
            key, latin = _person_keys(name)
            made.append(Person(name=name, given_name=given, family_name=family, name_key=key, name_latin=latin))
        made = _insert(Person, made)
        _insert(NameKey, [NameKey(key=p.name_key, person=p) for p in made])
        self.report.people = len(made)
        return made

    def _posts(self, organizations: list[Organization], people: list[Person]) -> None:
        posts = []
        for organization in organizations:
            for role in (_ROLES[0], self.rng.choice(_ROLES[1:])):
                posts.append(Post(organization=organization, area=organization.area, role=role, label=role))
        posts = _insert(Post, posts)
        memberships = []
        for i, post in enumerate(posts):
            memberships.append(Membership(person=people[i % len(people)], organization=post.organization, post=post,
                                          role=post.role, start_date=None))
        self.report.posts = len(posts)
        self.report.memberships = len(_insert(Membership, memberships))

    def _sources(self, organizations: list[Organization], people: list[Person], mentions: int, n_sources: int) -> None:
        left = mentions
        for start in range(0, n_sources, BATCH // MENTIONS_PER_SOURCE):
            stop = min(n_sources, start + BATCH // MENTIONS_PER_SOURCE)
            items = []
            for index in range(start, stop):
                count = min(MENTIONS_PER_SOURCE, left)
                left -= count
                items.append(self._article(index, count, organizations, people))
            self._store(items)

    def _article(self, index: int, count: int, organizations: list[Organization], people: list[Person]) -> _Article:
        article = _Article(index=index, pending=index % 5 == 4)
        organization = self.rng.choice(organizations)
        area = organization.area
        assert area is not None  # every synthetic organisation is given an area
        article.write(f"{area.name_kk} бойынша жиын өтті. ")
        article.mark_place(area, len(area.name_kk))
        while len(article.mentions) < count:
            person = self.rng.choice(people)
            sentence = self.rng.randrange(3)
            if sentence == 0:
                article.write("Жиынға ")
                article.mention(organization, organization.name_kk)
                article.write(" өкілдері қатысты. ")
            elif sentence == 1:
                article.write("Сөз алған ")
                article.mention(person, person.name)
                article.write(" жобаның барысын айтты. ")
            else:
                article.write("«")
                quote = self.rng.choice(_QUOTES)
                article.quote(person, quote)
                article.write("», — деді ")
                article.mention(person, person.name)
                article.write(". ")
            organization = self.rng.choice(organizations) if self.rng.random() < 0.3 else organization
        article.mentions = article.mentions[:count]
        return article

    def _store(self, items: list[_Article]) -> None:
        sources = []
        for item in items:
            text = item.text().strip()
            digest = hashlib.sha256(f"{self.prefix}{item.index}\n{text}".encode()).hexdigest()
            sources.append(Source(outlet=OUTLET, title=f"Синтетикалық жаңалық {item.index + 1}", language="kk",
                                  text=text, content_hash=digest, origin=f"{self.prefix}{item.index}"))
        sources = _insert(Source, sources)
        statements: list[tuple[int, Statement, tuple[int, int]]] = []
        for position, item in enumerate(items):
            if not item.pending:
                statements += [(position, Statement(speaker=p, text=q, language="kk"), span) for p, q, span in item.quotes]
        made = _insert(Statement, [s for _, s, _ in statements])
        evidence, proposals = [], []
        for (position, _, (start, end)), statement in zip(statements, made):
            evidence.append(Evidence(source=sources[position], content_type=self.statement_type, object_id=statement.pk,
                                     start=start, end=end, rule="synthetic", confidence=1.0))
        for source, item in zip(sources, items):
            for target, start, end in item.mentions:
                content_type = self.person_type if isinstance(target, Person) else self.org_type
                if item.pending:
                    proposals.append(self._proposal(source, target, content_type, start, end, item))
                else:
                    evidence.append(Evidence(source=source, content_type=content_type, object_id=target.pk,
                                             start=start, end=end, rule="synthetic", confidence=1.0))
            if item.pending and item.place is not None:
                area, end = item.place
                proposals.append(Proposal(source=source, kind=Proposal.Kind.PLACE, label=area.name_kk,
                                          key=organization_key(area.name_kk), payload={"name": area.name_kk},
                                          start=0, end=end, evidence=[{"start": 0, "end": end, "rule": "synthetic"}],
                                          confidence=0.9, content_type=self.area_type, object_id=area.pk))
        self.report.sources += len(sources)
        self.report.statements += len(made)
        self.report.evidence += len(_insert(Evidence, evidence))
        self.report.proposals += len(_insert(Proposal, proposals))
        self.tick(len(items))

    def _proposal(self, source: Source, target: models.Model, content_type: ContentType, start: int, end: int,
                  item: _Article) -> Proposal:
        is_person = isinstance(target, Person)
        name = target.name if is_person else target.name_kk  # type: ignore[attr-defined]
        return Proposal(
            source=source, kind=Proposal.Kind.PERSON if is_person else Proposal.Kind.ORGANIZATION, label=name,
            key=target.name_key, payload={"name": name, "mentions": [{"text": name, "start": start, "end": end}]},  # type: ignore[attr-defined]
            start=start, end=end, evidence=[{"start": start, "end": end, "text": name, "rule": "synthetic"}],
            confidence=round(self.rng.uniform(0.5, 1.0), 2), content_type=content_type, object_id=target.pk,
        )


class _Article:
    """A synthetic text being written, with the offsets of what it mentions."""

    def __init__(self, index: int, pending: bool) -> None:
        self.index, self.pending = index, pending
        self.parts: list[str] = []
        self.length = 0
        self.mentions: list[tuple[models.Model, int, int]] = []
        self.quotes: list[tuple[Person, str, tuple[int, int]]] = []
        self.place: tuple[Area, int] | None = None

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def mark_place(self, area: Area, end: int) -> None:
        self.place = (area, end)

    def mention(self, target: models.Model, name: str) -> None:
        self.mentions.append((target, self.length, self.length + len(name)))
        self.write(name)

    def quote(self, speaker: Person, text: str) -> None:
        self.quotes.append((speaker, text, (self.length, self.length + len(text))))
        self.write(text)

    def text(self) -> str:
        return "".join(self.parts)
