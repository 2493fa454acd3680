"""Who is who across the registry: candidate pairs, judgements, merges and splits.

**Candidates.** :func:`find_candidates` proposes pairs of people, or of organisations, that
may be one entry, without comparing every entry with every other: each entry is indexed by
the words of its names (a person's by the consonants of each word's compare form —
:mod:`qogam.nlp.name_match` only reaches its bar between words with the same consonants —;
an organisation's by the first letters of its distinctive words, :mod:`qogam.nlp.org_match`),
and only entries one of whose names holds every key of the other's are compared. A pair's
score is its names' score, moved by what the registry knows of the two: the organisations,
areas and people they share, the people and bodies named in the same articles, two BINs,
being named apart in one article. Every step that moves the score is a reason
the reviewer reads. A pair judged "different" is never proposed again; one judged "unsure"
stays, marked.

**Judgements** (:class:`~qogam.registry.core.models.Judgement`) are edges between the ids
the entries had; :func:`canonical` reads an id through the merges since.

**Merge and split.** :func:`merge` folds one entry into another: every row that pointed at
the absorbed entry (posts, memberships, seats on behalf of, events, statements, evidence,
proposals, children) points at the survivor, the absorbed entry's names become the
survivor's other names, the fields the survivor lacked are filled, and the absorbed entry is
deleted — kept whole in the :class:`~qogam.registry.core.models.Merge`, whose id still
answers (the web redirects it). :func:`split` undoes it: the entry comes back with its id and
every fact that was its own.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qogam.nlp import name_match, org_match
from qogam.registry.core.models import (
    Area,
    AuditLog,
    Evidence,
    Judgement,
    MatchCandidate,
    Membership,
    Merge,
    NameKey,
    Organization,
    Person,
    Proposal,
    ResolverRun,
)
from qogam.registry.core.services.audit import Actor, record, snapshot
from qogam.registry.core.vocabularies import EntityKind, Verdict
from qogam.registry.errors import ReviewError

Kind = EntityKind

#: The score from which a pair is in the review queue of candidates.
QUEUE_THRESHOLD = 0.9
#: Pairs below this are not kept at all (the queue shows them on request, for a look).
KEEP_THRESHOLD = 0.8
#: A key shared by more entries than this does not pair them (a common given name): the
#: rarer keys of the same names do.
MAX_BLOCK = 400

MODELS: dict[str, type[Person] | type[Organization]] = {Kind.PERSON: Person, Kind.ORGANIZATION: Organization}


def model_of(kind: str) -> type[Person] | type[Organization]:
    try:
        return MODELS[kind]
    except KeyError:
        raise ReviewError(_("%(kind)s entries cannot be merged: people and organisations can") % {"kind": kind}) from None


# --- what the registry knows of each entry -------------------------------------------------

@dataclass(slots=True)
class Entry:
    """One person or organisation as the resolver sees it."""

    pk: int
    names: list[str]
    areas: set[int] = field(default_factory=set)
    bodies: set[int] = field(default_factory=set)  # a person's organisations; an organisation's people
    sources: set[int] = field(default_factory=set)
    neighbours: set[str] = field(default_factory=set)  # "person-3", "organization-5": named in the same articles
    classification: str = ""
    bin: str = ""


def _entries(kind: str) -> dict[int, Entry]:
    """Every person or organisation, with what the registry knows of it: the articles that name
    it, and the people and bodies those articles name."""
    found = _people() if kind == Kind.PERSON else _organizations()
    named: dict[int, set[str]] = defaultdict(set)  # each source's people and bodies
    for other_kind, model in MODELS.items():
        rows = Evidence.objects.filter(content_type=ContentType.objects.get_for_model(model), source__withdrawn_at=None)
        for pk, source in rows.values_list("object_id", "source_id").distinct().iterator():
            named[source].add(f"{other_kind}-{pk}")
            if other_kind == kind and pk in found:
                found[pk].sources.add(source)
    for entry in found.values():
        for source in entry.sources:
            entry.neighbours |= named[source]
        entry.neighbours.discard(f"{kind}-{entry.pk}")
    return found


def _people() -> dict[int, Entry]:
    found: dict[int, Entry] = {}
    for pk, name, aliases in Person.objects.values_list("pk", "name", "aliases").iterator():
        found[pk] = Entry(pk, [n for n in dict.fromkeys([name, *(aliases or [])]) if n])
    org_area = dict(Organization.objects.exclude(area=None).values_list("pk", "area_id"))
    for person, org, behalf, post_area in Membership.objects.values_list(
            "person_id", "organization_id", "on_behalf_of_id", "post__area_id").iterator():
        entry = found[person]
        for org_id in (org, behalf):
            if org_id:
                entry.bodies.add(org_id)
                if org_id in org_area:
                    entry.areas.add(org_area[org_id])
        if post_area:
            entry.areas.add(post_area)
    return found


def _organizations() -> dict[int, Entry]:
    found: dict[int, Entry] = {}
    for pk, kk, ru, aliases, classification, bin_, area in Organization.objects.values_list(
            "pk", "name_kk", "name_ru", "aliases", "classification", "bin", "area_id").iterator():
        found[pk] = Entry(pk, [n for n in dict.fromkeys([kk, ru, *(aliases or [])]) if n],
                          classification=classification, bin=bin_, areas={area} if area else set())
    for org, person in Membership.objects.exclude(organization=None).values_list("organization_id", "person_id").iterator():
        found[org].bodies.add(person)
    return found


class _NeighbourNames(dict[str, str]):
    """The names of "person-3", "organization-5", read when a reason first asks for one."""

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if key not in self:
            kind, _, pk = key.rpartition("-")
            model = model_of(kind)
            row = model.objects.filter(pk=int(pk)).first()
            self[key] = row.name if row else key
        return super().get(key, default)


def _labels(kind: str) -> dict[int, str]:
    """The name of each entry of ``kind`` by id (a body's Kazakh name, or its Russian one)."""
    if kind == Kind.PERSON:
        return dict(Person.objects.values_list("pk", "name"))
    return {pk: kk or ru for pk, kk, ru in Organization.objects.values_list("pk", "name_kk", "name_ru")}


# --- candidate pairs ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    left: int
    right: int
    score: float
    reasons: tuple[dict[str, Any], ...]
    areas: frozenset[int]


_CONSONANTS = str.maketrans("", "", "aeiou")


def _person_keys(name: str) -> frozenset[str]:
    """The consonant skeletons of a name's words (initials aside)."""
    return frozenset(k for k in (w.translate(_CONSONANTS) for w in name_match.parse(name).words) if k)


def _organization_keys(name: str) -> frozenset[str]:
    """The first three letters of each distinctive stem: the names that reach the bar hold the
    same distinctive words, or words that differ a little after their start."""
    core = org_match.core(name)
    if core:
        return frozenset(stem[:3] for stem in core)
    # a name with no distinctive word pairs only with the same words
    return frozenset({"=" + " ".join(sorted(org_match.words_of(name)))})


def _pairs(entries: dict[int, Entry], keys_of: Callable[[str], frozenset[str]]) -> Iterator[tuple[int, int]]:
    """The pairs of entries worth comparing: those where one name holds all the keys of the
    other's (below that the names cannot reach the bar). A key held by more than
    :data:`MAX_BLOCK` entries (a common given name) is left out of the intersection; a name of
    such keys only is not paired."""
    postings: dict[str, set[int]] = defaultdict(set)
    names_keys: list[tuple[int, frozenset[str]]] = []
    for entry in entries.values():
        for name in entry.names:
            keys = keys_of(name)
            if keys:
                names_keys.append((entry.pk, keys))
                for key in keys:
                    postings[key].add(entry.pk)
    seen: set[tuple[int, int]] = set()
    for pk, keys in names_keys:
        usable = [k for k in keys if len(postings[k]) <= MAX_BLOCK]
        if not usable:
            continue
        others = set.intersection(*(postings[k] for k in usable))  # a superset of those holding every key
        for other in others:
            if other != pk:
                pair = (min(pk, other), max(pk, other))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def best_names(kind: str, names_a: list[str], names_b: list[str]) -> tuple[float, str, str, str]:
    """The best score of any of ``names_a`` against any of ``names_b``, the reason, and the two
    names (the first of each when none can match)."""
    best = (0.0, "different", names_a[0] if names_a else "", names_b[0] if names_b else "")
    for x in names_a:
        for y in names_b:
            if kind == Kind.PERSON:
                if not name_match.could_match(x, y):
                    continue
                score = name_match.compare(x, y)
                reason = "name"
                if score > 0.9 and (name_match.parse(x).initials or name_match.parse(y).initials):
                    # "А. Бақтыбаев" fits every Бақтыбаев whose name begins with А: what else
                    # the registry knows of the two decides
                    score, reason = 0.9, "initial"
            else:
                score, reason = org_match.compare(x, y)
            if score > best[0]:
                best = (score, reason, x, y)
    return best


def _score(kind: str, a: Entry, b: Entry, names: dict[int, str], area_names: dict[int, str],
           neighbours: dict[str, str]) -> tuple[float, list[dict[str, Any]]]:
    """The pair's score and the reasons (see :func:`reason_text`), the first one for the names."""
    score, why, x, y = best_names(kind, a.names, b.names)
    reasons: list[dict[str, Any]] = [{"code": "names", "a": x, "b": y, "score": score, "why": why}]
    if score < 0.7:
        return score, reasons
    if kind == Kind.ORGANIZATION:
        if a.bin and b.bin and a.bin != b.bin:  # one BIN is one entry: the registry never holds it twice
            return 0.0, [*reasons, {"code": "different-bins"}]
        if a.classification != b.classification and Organization.Type.OTHER not in (a.classification, b.classification):
            score = min(score, 0.6)
            reasons.append({"code": "different-types"})
        if why in ("same-generic", "same-quoted-local") and not (a.areas & b.areas):
            score = min(score, 0.6)
            reasons.append({"code": "generic-elsewhere"})
    shared = sorted(a.bodies & b.bodies)
    if shared:
        score += min(0.04 * len(shared), 0.08)
        reasons.append({"code": "shared-bodies" if kind == Kind.PERSON else "shared-people",
                        "names": [names.get(pk, str(pk)) for pk in shared[:3]]})
    together = sorted(a.neighbours & b.neighbours - {f"{kind}-{a.pk}", f"{kind}-{b.pk}"})
    if together:
        score += min(0.03 * len(together), 0.06)
        reasons.append({"code": "named-with", "names": [neighbours.get(n, n) for n in together[:3]]})
    shared_areas = a.areas & b.areas
    if shared_areas:
        score += 0.02
        reasons.append({"code": "same-area", "names": sorted(area_names.get(pk, str(pk)) for pk in shared_areas)})
    elif a.areas and b.areas and kind == Kind.ORGANIZATION:
        score -= 0.1
        reasons.append({"code": "other-areas"})
    if a.sources & b.sources:
        score -= 0.15
        reasons.append({"code": "same-article"})
    return round(max(0.0, min(score, 1.0)), 3), reasons


_WHY = {
    "name": gettext_lazy("spellings of one name"),
    "initial": gettext_lazy("an initial and a surname"),
    "same-quoted": gettext_lazy("the same name in quotation marks"),
    "same-quoted-elsewhere": gettext_lazy("the same name in quotation marks, another place or field"),
    "same-quoted-local": gettext_lazy("the same name in quotation marks, a level and no place"),
    "part-of": gettext_lazy("one is a part of the other"),
    "same-core": gettext_lazy("the same distinctive words"),
    "close-core": gettext_lazy("close distinctive words"),
    "more-core": gettext_lazy("one distinctive word more"),
    "same-generic": gettext_lazy("the same generic name"),
    "other-kind": gettext_lazy("another kind of body"),
    "other-level": gettext_lazy("another level"),
    "different": gettext_lazy("different names"),
}


def reason_text(reason: dict[str, Any] | str) -> str:
    """One reason of a candidate's score, in the active language."""
    if isinstance(reason, str):
        return reason
    code = reason.get("code")
    names = ", ".join(reason.get("names") or [])
    if code == "names":
        return _("names: %(a)s / %(b)s — %(score).2f, %(why)s") % {
            "a": reason.get("a"), "b": reason.get("b"), "score": reason.get("score") or 0.0,
            "why": _WHY.get(str(reason.get("why")), reason.get("why"))}
    texts = {
        "different-bins": _("different BINs"),
        "different-types": _("different types"),
        "generic-elsewhere": _("a generic name, and not the same area"),
        "shared-bodies": _("both hold posts in %(names)s") % {"names": names},
        "shared-people": _("the same people: %(names)s") % {"names": names},
        "same-area": _("the same area: %(names)s") % {"names": names},
        "named-with": _("named in articles with the same people or bodies: %(names)s") % {"names": names},
        "other-areas": _("in different areas"),
        "same-article": _("named apart in the same article"),
        "unsure-before": _("marked “not sure” before"),
        "split": _("split after a merge"),
    }
    return texts.get(str(code), str(code))


def judged(kind: str) -> dict[frozenset[int], Judgement]:
    """The judgements on pairs of ``kind``, keyed by the pair of the entries' ids today."""
    redirect = redirects(kind)
    found: dict[frozenset[int], Judgement] = {}
    for judgement in Judgement.objects.filter(kind=kind).order_by("at", "pk"):
        pair = frozenset({redirect.get(judgement.left, judgement.left), redirect.get(judgement.right, judgement.right)})
        if len(pair) == 2:
            found[pair] = judgement
    return found


def find_candidates(kind: str, progress: Callable[[int], None] | None = None) -> list[Candidate]:
    """The pairs of ``kind`` that may be one entry, at :data:`KEEP_THRESHOLD` or above, best
    first; pairs judged "different" are left out. ``progress`` is called with the number of
    pairs compared so far, every thousand."""
    entries = _entries(kind)
    keys_of = _person_keys if kind == Kind.PERSON else _organization_keys
    names = _labels(Kind.ORGANIZATION if kind == Kind.PERSON else Kind.PERSON)  # what the reasons name
    area_names = dict(Area.objects.values_list("pk", "name_kk"))
    judgements = judged(kind)
    neighbour_names = _NeighbourNames()
    found: list[Candidate] = []
    for n, (left, right) in enumerate(_pairs(entries, keys_of), 1):
        if progress is not None and n % 1000 == 0:
            progress(n)
        judgement = judgements.get(frozenset({left, right}))
        if judgement is not None and judgement.verdict == Verdict.DIFFERENT:
            continue
        score, reasons = _score(kind, entries[left], entries[right], names, area_names, neighbour_names)
        if score < KEEP_THRESHOLD:
            continue
        if judgement is not None and judgement.verdict == Verdict.UNSURE:
            reasons.append({"code": "unsure-before"})
        found.append(Candidate(kind, left, right, score, tuple(reasons),
                               frozenset(entries[left].areas | entries[right].areas)))
    found.sort(key=lambda c: (-c.score, c.left, c.right))
    return found


def refresh_candidates(kinds: Iterable[str] = (Kind.PERSON, Kind.ORGANIZATION),
                       progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Recompute the stored candidate pairs of ``kinds``; return how many each has now. The
    pairs are found first and written in one short transaction (the old ones replaced)."""
    found_by_kind = {kind: find_candidates(kind, progress) for kind in kinds}
    return _store(found_by_kind)


@transaction.atomic
def _store(found_by_kind: dict[str, list[Candidate]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, found in found_by_kind.items():
        MatchCandidate.objects.filter(kind=kind).delete()
        rows = MatchCandidate.objects.bulk_create(
            [MatchCandidate(kind=c.kind, left=c.left, right=c.right, score=c.score, reasons=list(c.reasons))
             for c in found], batch_size=500)
        through = MatchCandidate.areas.through
        through.objects.bulk_create(
            [through(matchcandidate_id=row.pk, area_id=area) for row, c in zip(rows, found) for area in sorted(c.areas)],
            batch_size=500)
        ResolverRun.objects.create(kind=kind, pairs=len(found))
        counts[kind] = len(found)
    return counts


def _forget_pair_rows(kind: str, *pks: int) -> None:
    MatchCandidate.objects.filter(Q(left__in=pks) | Q(right__in=pks), kind=kind).delete()


# --- judgements ----------------------------------------------------------------------------

@transaction.atomic
def judge(kind: str, a: int, b: int, verdict: str, user: Actor, score: float | None = None,
          reasons: list[Any] | None = None) -> Judgement:
    """Keep ``user``'s ``verdict`` on entries ``a`` and ``b`` of ``kind``; return the edge.

    "same" merges the two (the lower id survives; see :func:`merge`); "different" takes the
    pair out of the candidates for good; "unsure" keeps it there, marked. A later verdict on
    the same pair replaces the earlier one (the audit log keeps both).
    """
    if verdict not in Verdict.values:
        raise ReviewError(_("unknown verdict %(verdict)s: same, different or unsure") % {"verdict": verdict})
    model = model_of(kind)
    a, b = canonical(kind, a), canonical(kind, b)
    if a == b:
        raise ReviewError(_("entry %(pk)s is already that entry") % {"pk": a})
    found = set(model.objects.filter(pk__in=[a, b]).values_list("pk", flat=True))
    if found != {a, b}:
        raise ReviewError(_("no %(kind)s with id %(pk)s") % {"kind": kind, "pk": min({a, b} - found)})
    left, right = min(a, b), max(a, b)
    judgement, _created = Judgement.objects.update_or_create(
        kind=kind, left=left, right=right,
        defaults={"verdict": verdict, "user": _user(user), "score": score, "reasons": reasons or []})
    record(user, judgement, AuditLog.Action.JUDGE, None, {"verdict": verdict}, note=f"{kind} {left} / {right}")
    if verdict == Verdict.SAME:
        merge(kind, left, right, user, judgement)
    elif verdict == Verdict.DIFFERENT:
        MatchCandidate.objects.filter(kind=kind, left=left, right=right).delete()
    return judgement


def _user(user: Actor) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


# --- merge and split -----------------------------------------------------------------------

def redirects(kind: str) -> dict[int, int]:
    """Each absorbed id of ``kind`` (merges not split) and the entry it lives on in today."""
    step = dict(Merge.objects.filter(kind=kind, undone_at=None).values_list("absorbed_id", "survivor_id"))
    out: dict[int, int] = {}
    for pk in step:
        seen, current = {pk}, step[pk]
        while current in step and current not in seen:
            seen.add(current)
            current = step[current]
        out[pk] = current
    return out


def canonical(kind: str, pk: int) -> int:
    """The id entry ``pk`` of ``kind`` lives on in today: its own, or that of the entry that absorbed it."""
    return redirects(kind).get(pk, pk)


def absorbed_ids(kind: str, pk: int) -> list[int]:
    """The ids of the entries that live on in entry ``pk`` (its merges, and theirs), sorted."""
    return survivors_of(kind).get(pk, [])


def _pointers(model: type[models.Model]) -> list[tuple[type[models.Model], str]]:
    """Every (model, field) of a row that points at a ``model`` entry: the foreign keys to it,
    and those of many-to-many tables (an event's participants). Name keys are not: they are
    the entry's own and are remade from its names."""
    found: list[tuple[type[models.Model], str]] = []
    for relation in model._meta.get_fields():
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        if relation.many_to_many:
            through = relation.through  # type: ignore[union-attr]
            for fk in through._meta.fields:
                if fk.is_relation and fk.related_model is model:
                    found.append((through, fk.name))
        elif relation.related_model is not NameKey and relation.related_model is not None:
            found.append((relation.related_model, relation.field.name))  # type: ignore[union-attr, arg-type]
    return found


_GENERIC: tuple[type[models.Model], ...] = (Evidence, Proposal)
_FILLED: dict[str, tuple[str, ...]] = {
    Kind.PERSON: ("given_name", "family_name", "patronymic_name"),
    Kind.ORGANIZATION: ("name_kk", "name_ru", "legal_form", "bin", "area", "parent", "founding_date", "dissolution_date"),
}


@transaction.atomic
def merge(kind: str, survivor_id: int, absorbed_id: int, user: Actor, judgement: Judgement | None = None) -> Merge:
    """Fold entry ``absorbed_id`` of ``kind`` into ``survivor_id``; return the merge record.

    Raises :class:`ReviewError` for one entry twice, a missing entry, or two organisations
    with different BINs.
    """
    model = model_of(kind)
    if survivor_id == absorbed_id:
        raise ReviewError(_("an entry cannot be merged into itself"))
    rows = {obj.pk: obj for obj in model.objects.select_for_update().filter(pk__in=[survivor_id, absorbed_id])}
    if set(rows) != {survivor_id, absorbed_id}:
        raise ReviewError(_("no %(kind)s with id %(pk)s") % {"kind": kind, "pk": min({survivor_id, absorbed_id} - set(rows))})
    survivor, absorbed = rows[survivor_id], rows[absorbed_id]
    if isinstance(survivor, Organization) and isinstance(absorbed, Organization) and survivor.bin and absorbed.bin \
            and survivor.bin != absorbed.bin:
        raise ReviewError(_("two organisations with different BINs are two organisations"))
    before = snapshot(survivor)
    moved: list[list[Any]] = []
    dropped: list[list[Any]] = []
    if isinstance(survivor, Organization) and isinstance(absorbed, Organization) and survivor.parent_id == absorbed_id:
        survivor.parent_id = absorbed.parent_id if absorbed.parent_id != survivor_id else None
    for related, name in _pointers(model):
        rows = related._default_manager.filter(**{f"{name}_id": absorbed_id})
        if related is model:
            rows = rows.exclude(pk=survivor_id)  # the survivor's own parent: set above
        for pk in list(rows.values_list("pk", flat=True)):
            _move(related, pk, {f"{name}_id": survivor_id}, [related._meta.label_lower, pk, name], moved, dropped)
    content_type = ContentType.objects.get_for_model(model)
    for related in _GENERIC:
        for pk in list(related._default_manager.filter(content_type=content_type, object_id=absorbed_id)
                       .values_list("pk", flat=True)):
            _move(related, pk, {"object_id": survivor_id}, [related._meta.label_lower, pk, "object_id"], moved, dropped)
    proposal_kind = Proposal.Kind.PERSON if kind == Kind.PERSON else Proposal.Kind.ORGANIZATION
    for proposal in Proposal.objects.filter(kind=proposal_kind, status=Proposal.Status.PENDING).exclude(candidates=[]):
        if absorbed_id in (proposal.candidates or []):
            old = list(proposal.candidates)
            proposal.candidates = list(dict.fromkeys(survivor_id if c == absorbed_id else c for c in old))
            proposal.save(update_fields=["candidates"])
            moved.append(["core.proposal", proposal.pk, "candidates", old])
    kept = snapshot(absorbed)
    names = absorbed.all_names()
    absorbed.delete()
    for name in _FILLED[kind]:
        attname = _attname(model, name)
        if not getattr(survivor, attname) and kept.get(name) not in (None, "", survivor_id):
            setattr(survivor, attname, kept[name])
    if isinstance(survivor, Organization) and survivor.classification == Organization.Type.OTHER:
        survivor.classification = kept.get("classification") or survivor.classification
    known = set(survivor.all_names())
    gained = [n for n in dict.fromkeys(names) if n not in known]
    survivor.aliases = [*survivor.aliases, *gained]
    survivor.save()
    after = snapshot(survivor)
    changed: dict[str, Any] = {k: [before.get(k), after.get(k)] for k in after
                               if before.get(k) != after.get(k) and k not in ("updated_at", "aliases", "name_key", "name_latin")}
    changed["aliases+"] = gained
    merged = Merge.objects.create(kind=kind, survivor_id=survivor_id, absorbed_id=absorbed_id, absorbed=kept,
                                  moved=moved, dropped=dropped, survivor_before=changed, judgement=judgement,
                                  user=_user(user))
    record(user, survivor, AuditLog.Action.MERGE, before, after,
           note=f"absorbed {kind} {absorbed_id} «{names[0] if names else absorbed_id}» (merge {merged.pk})")
    _forget_pair_rows(kind, survivor_id, absorbed_id)
    return merged


def _move(related: type[models.Model], pk: int, values: dict[str, Any], entry: list[Any],
          moved: list[list[Any]], dropped: list[list[Any]]) -> None:
    """Point row ``pk`` of ``related`` at the survivor; a row that would then repeat one of the
    survivor's (the same event attended, the same span of evidence) is kept and deleted."""
    try:
        with transaction.atomic():
            related._default_manager.filter(pk=pk).update(**values)
        moved.append(entry)
    except IntegrityError:
        row = related._default_manager.get(pk=pk)
        dropped.append([related._meta.label_lower, pk, serializers.serialize("python", [row])[0]["fields"]])
        row.delete()


@transaction.atomic
def split(merge_id: int, user: Actor) -> models.Model:
    """Undo merge ``merge_id``: the absorbed entry comes back with its id, its names and every
    row that was its own and still points at the survivor; return it. The pair is judged
    "different" (a split says the merge was wrong). Raises :class:`ReviewError` when the
    merge was split already, or when the survivor has since been merged into another entry
    (split that first)."""
    merged = Merge.objects.select_for_update().filter(pk=merge_id).first()
    if merged is None:
        raise ReviewError(_("no merge %(pk)s") % {"pk": merge_id})
    if merged.undone_at is not None:
        raise ReviewError(_("merge %(pk)s was split already") % {"pk": merge_id})
    model = model_of(merged.kind)
    survivor = model.objects.select_for_update().filter(pk=merged.survivor_id).first()
    if survivor is None:
        later = Merge.objects.filter(kind=merged.kind, absorbed_id=merged.survivor_id, undone_at=None).first()
        raise ReviewError(_("entry %(pk)s was merged into another since (merge %(later)s): split that first")
                          % {"pk": merged.survivor_id, "later": later.pk if later else "?"})
    if model.objects.filter(pk=merged.absorbed_id).exists():
        raise ReviewError(_("an entry with id %(pk)s exists already") % {"pk": merged.absorbed_id})
    before = snapshot(survivor)
    # the survivor first: what the merge gave it goes (a BIN that is the absorbed one's again)
    # unless someone has changed it since
    for name, values in merged.survivor_before.items():
        if name == "aliases+":
            gained = set(values)
            survivor.aliases = [a for a in survivor.aliases if a not in gained]
            continue
        attname = _attname(model, name)
        was, became = values
        if getattr(survivor, attname) == became or str(getattr(survivor, attname)) == str(became):
            setattr(survivor, attname, was)
    survivor.save()
    fields = dict(merged.absorbed)
    if merged.kind == Kind.ORGANIZATION:
        for key, target in (("parent", Organization), ("area", Area)):
            if fields.get(key) and not target.objects.filter(pk=fields[key]).exists():
                fields[key] = None
    for restored in serializers.deserialize("python", [{"model": model._meta.label_lower, "pk": merged.absorbed_id,
                                                        "fields": fields}]):
        restored.save()
    absorbed = model.objects.get(pk=merged.absorbed_id)
    absorbed.save()  # its name keys
    content_type = ContentType.objects.get_for_model(model)
    for entry in merged.moved:
        label, pk, name = entry[0], entry[1], entry[2]
        related = _model(label)
        rows = related._default_manager.filter(pk=pk)
        if len(entry) == 4:
            rows.update(**{name: entry[3]})
        elif name == "object_id":
            rows.filter(content_type=content_type, object_id=merged.survivor_id).update(object_id=merged.absorbed_id)
        else:
            rows.filter(**{f"{name}_id": merged.survivor_id}).update(**{f"{name}_id": merged.absorbed_id})
    for label, pk, row_fields in merged.dropped:
        for restored in serializers.deserialize("python", [{"model": label, "pk": pk, "fields": row_fields}]):
            restored.save()
    merged.undone_at = timezone.now()
    merged.undone_by = _user(user)
    merged.save()
    left, right = sorted((merged.survivor_id, merged.absorbed_id))
    Judgement.objects.update_or_create(kind=merged.kind, left=left, right=right,
                                       defaults={"verdict": Verdict.DIFFERENT, "user": _user(user), "reasons": [{"code": "split"}]})
    record(user, absorbed, AuditLog.Action.SPLIT, before, snapshot(survivor),
           note=f"split from {merged.kind} {merged.survivor_id} (merge {merged.pk})")
    _forget_pair_rows(merged.kind, merged.survivor_id, merged.absorbed_id)
    return absorbed


def _attname(model: type[models.Model], name: str) -> str:
    """The column attribute of field ``name`` ("area" → "area_id")."""
    return str(getattr(model._meta.get_field(name), "attname", name))


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def survivors_of(kind: str) -> dict[int, list[int]]:
    """Each entry of ``kind`` that absorbed others, and the ids it absorbed (for exports)."""
    out: dict[int, list[int]] = defaultdict(list)
    for absorbed, survivor in redirects(kind).items():
        out[survivor].append(absorbed)
    return {pk: sorted(ids) for pk, ids in out.items()}


def name_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """The words of names ``a`` and ``b`` side by side: (word of a, word of b, how they compare:
    "same", "close", "other", "only"), the closest words paired, order aside."""
    wa, wb = a.split(), b.split()
    forms_a = [name_match.compare_form(w) for w in wa]
    forms_b = [name_match.compare_form(w) for w in wb]
    out: list[tuple[str, str, str]] = []
    left = list(range(len(wb)))
    for i, word in enumerate(wa):
        if not left:
            out.append((word, "", "only"))
            continue
        j = max(left, key=lambda k: name_match.word_similarity(forms_a[i], forms_b[k]))
        similarity = name_match.word_similarity(forms_a[i], forms_b[j])
        if similarity < 0.5:
            out.append((word, "", "only"))
            continue
        left.remove(j)
        out.append((word, wb[j], "same" if forms_a[i] == forms_b[j] else "close" if similarity >= 0.9 else "other"))
    out.extend(("", wb[j], "only") for j in left)
    return out
