"""Review decisions on proposals: accept (optionally edited), reject, merge, bulk accept.

Accepting creates or updates registry objects, links them to the source with Evidence, and
writes the audit log. A post, statement or event names people and organisations: their own
proposals from the same source are accepted first (or their accepted result reused), and a
name with no proposal is looked up by its key, or created when nobody has it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from qogam.nlp.name_keys import organization_key, person_key
from qogam.registry.core.models import Area, Evidence, Organization, Person, Proposal, Source
from qogam.registry.core.services import records
from qogam.registry.core.services.audit import Actor, collect, record, snapshot, update
from qogam.registry.core.vocabularies import AreaKind, ProposalKind, ProposalStatus, label
from qogam.registry.errors import ReviewError

Kind = Proposal.Kind
User = Actor  # a user, AnonymousUser or None (the system)


@transaction.atomic
def accept(proposal: Proposal, user: User, edits: dict[str, Any] | None = None) -> models.Model:
    """Accept ``proposal`` (its payload updated with ``edits``); return the registry object.

    A person, organisation or place linked to an existing entry updates that entry (its
    spellings); otherwise a new one is created. Raises :class:`ReviewError` when the proposal
    is not pending or names a person or organisation that was rejected or is ambiguous.
    """
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_pending(proposal)
    payload = dict(proposal.payload, **(edits or {}))
    linked_before = _link_of(proposal)
    with collect() as effects:
        # an event's people are the ones it names that have a proposal or an entry already:
        # accepting it creates the event, and nobody only mentioned in passing
        resolver = _Resolver(proposal.source, user, create=proposal.kind != Kind.EVENT)
        target = records.apply(proposal, payload, user, resolver)
    _add_evidence(target, proposal)
    proposal.effects = dict(effects, linked_before=linked_before)
    _decide(proposal, user, Proposal.Status.ACCEPTED, target, payload if edits else None)
    return target


@transaction.atomic
def reject(proposal: Proposal, user: User) -> Proposal:
    """Reject ``proposal``; return it. Raises :class:`ReviewError` unless it is pending."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_pending(proposal)
    _decide(proposal, user, Proposal.Status.REJECTED, None, None)
    return proposal


# The kinds of proposal that can be "the same as" an existing entry, and the entry's model.
MERGEABLE: dict[str, type[Person | Organization | Area]] = {
    Kind.PERSON: Person, Kind.ORGANIZATION: Organization, Kind.PLACE: Area}


@transaction.atomic
def merge(proposal: Proposal, target: models.Model, user: User) -> models.Model:
    """Record that ``proposal`` is ``target`` (an existing entry): its spellings join the target's.

    Returns the target. Raises :class:`ReviewError` unless the proposal is a pending person,
    organisation or place and the target is a Person, Organization or Area to match.
    """
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_pending(proposal)
    expected: type[Any] | None = MERGEABLE.get(proposal.kind)
    if expected is None or not isinstance(target, expected):
        raise ReviewError(_("a %(kind)s proposal cannot be merged into %(target)s")
                          % {"kind": label(ProposalKind, proposal.kind), "target": target._meta.verbose_name})
    linked_before = _link_of(proposal)
    with collect() as effects:
        records.add_spellings(target, proposal.payload, user)
    _add_evidence(target, proposal)
    proposal.effects = dict(effects, linked_before=linked_before)
    _decide(proposal, user, Proposal.Status.MERGED, target, None)
    return target


@transaction.atomic
def revert(proposal: Proposal, user: User) -> Proposal:
    """Undo the decision on ``proposal``: it is pending again; return it.

    What accepting or merging it wrote is withdrawn — the registry objects it created are
    deleted, the names it added to an existing entry removed, its evidence rows dropped —
    and nothing else is touched; the audit log keeps the decision and its undoing. Raises
    :class:`ReviewError` when it is pending, or when other facts now rest on what it created
    (undo those first).
    """
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status == Proposal.Status.PENDING:
        raise ReviewError(_("proposal %(pk)s is pending: there is no decision to undo") % {"pk": proposal.pk})
    before = {"status": proposal.status, "object_id": proposal.object_id, "effects": proposal.effects}
    effects = proposal.effects or {}
    created = [(model_label, pk) for model_label, pk in effects.get("created", [])]
    _refuse_if_used(proposal, created)
    Evidence.objects.filter(proposal=proposal).delete()
    for model_label, pk, fields in reversed(effects.get("updated", [])):
        _restore(user, model_label, pk, fields)
    for model_label, pk in reversed(created):
        obj = _model(model_label)._default_manager.filter(pk=pk).first()
        if obj is not None:
            record(user, obj, "delete", snapshot(obj), None, note=f"undo of proposal {proposal.pk}")
            obj.delete()
    linked = effects.get("linked_before")
    proposal.content_type_id, proposal.object_id = (linked[0], linked[1]) if linked else (None, None)
    proposal.status = Proposal.Status.PENDING
    proposal.decided_by = None
    proposal.decided_at = None
    proposal.effects = {}
    proposal.save()
    record(user, proposal, "revert", before, {"status": "pending", "object_id": proposal.object_id},
           note=proposal.label)
    return proposal


def dependencies(proposal: Proposal, siblings: list[Proposal] | None = None) -> list[Proposal]:
    """The pending proposals of the same source that accepting ``proposal`` accepts too: the
    people and organisations a post, statement or event names (an event: its chair and
    participants only). Each once, in the order of the text. ``siblings`` (the source's
    proposals, already read) saves the queries."""
    payload = proposal.payload or {}
    names: list[tuple[str, str]] = []
    if proposal.kind in (Kind.POST, Kind.MEMBERSHIP):
        names = [(Kind.PERSON, person_key(payload.get("person") or ""))]
        names += [(Kind.ORGANIZATION, organization_key(payload.get(f) or "")) for f in ("organization", "on_behalf_of")]
    elif proposal.kind == Kind.STATEMENT:
        names = [(Kind.PERSON, person_key(payload.get("speaker") or ""))]
    elif proposal.kind == Kind.EVENT:
        people = [payload.get("chair") or "", *(payload.get("participants") or [])]
        names = [(Kind.PERSON, person_key(n)) for n in people]
    if siblings is None:
        siblings = list(Proposal.objects.filter(source_id=proposal.source_id,
                                                kind__in=[Kind.PERSON, Kind.ORGANIZATION]))
    first: dict[tuple[str, str], Proposal] = {}
    for other in sorted(siblings, key=lambda p: (p.start, p.pk)):
        if other.pk != proposal.pk and other.key:
            first.setdefault((other.kind, other.key), other)
    found: dict[int, Proposal] = {}
    for kind, key in names:
        own = first.get((kind, key)) if key else None
        if own is not None and own.status == Proposal.Status.PENDING:
            found.setdefault(own.pk, own)
    return sorted(found.values(), key=lambda p: (p.start, p.pk))


@dataclass
class BulkReport:
    accepted: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


_ORDER = [Kind.PERSON, Kind.PLACE, Kind.ORGANIZATION, Kind.POST, Kind.MEMBERSHIP, Kind.EVENT, Kind.STATEMENT]
# Places from the largest to the smallest, so that a village finds its new district, and
# "Ақсукент" (no noun) the village "Ақсукент ауылы" accepted just before it.
_PLACE_ORDER = {kind: i for i, kind in enumerate(AreaKind.values)}  # declared largest first


def bulk_accept(queryset: QuerySet[Proposal], user: User, min_confidence: float) -> BulkReport:
    """Accept every pending proposal of ``queryset`` with at least ``min_confidence``.

    People, places and organisations go first (places largest first: an organisation's area
    is read from them), then the facts about them. Each proposal is
    its own transaction; those that raise :class:`ReviewError` (or were accepted meanwhile as
    a dependency) are reported, not fatal. Returns the accepted ids and the failures.
    """
    report = BulkReport()
    chosen = list(queryset.filter(status=Proposal.Status.PENDING, confidence__gte=min_confidence))
    chosen.sort(key=lambda p: (_ORDER.index(Kind(p.kind)), p.source_id, _PLACE_ORDER.get(str((p.payload or {}).get("kind")), 99)
                               if p.kind == Kind.PLACE else 0, p.start))
    for proposal in chosen:
        proposal.refresh_from_db(fields=["status"])
        if proposal.status != Proposal.Status.PENDING:
            continue
        try:
            accept(proposal, user)
        except ReviewError as exc:
            report.failed[proposal.pk] = str(exc)
        else:
            report.accepted.append(proposal.pk)
    return report


class _Resolver:
    """Finds (or, with ``create``, makes) the registry entry behind a name met in a proposal of ``source``."""

    def __init__(self, source: Source, user: User, create: bool = True) -> None:
        self.source = source
        self.user = user
        self.create = create

    def person(self, name: str | None) -> Person | None:
        if not name:
            return None
        return self._entity(Kind.PERSON, person_key(name), name, Person)  # type: ignore[return-value]

    def organization(self, name: str | None) -> Organization | None:
        if not name:
            return None
        return self._entity(Kind.ORGANIZATION, organization_key(name), name, Organization)  # type: ignore[return-value]

    def _entity(self, kind: str, key: str, name: str, model: type[models.Model]) -> models.Model | None:
        own = Proposal.objects.filter(source=self.source, kind=kind, key=key).order_by("start").first()
        if own is not None:
            if own.status == Proposal.Status.PENDING:
                return accept(own, self.user)
            if own.status == Proposal.Status.REJECTED:
                raise ReviewError(_("%(name)s: its proposal was rejected; accept or merge it first") % {"name": name})
            if own.linked is not None:
                return own.linked
        from qogam.registry.core.services.linking import organization_matches, person_matches

        ids = person_matches(key) if model is Person else organization_matches(key)
        if len(ids) > 1:
            raise ReviewError(_("%(name)s: several registry entries match; merge its proposal first") % {"name": name})
        if ids:
            return model._default_manager.get(pk=ids[0])
        if not self.create:
            return None
        if model is Person:
            return records.new_person({"name": name}, self.user)
        return records.new_organization({"name": name, "type": "other"}, self.user)


def _link_of(proposal: Proposal) -> list[int] | None:
    if proposal.content_type_id is None or not proposal.object_id:
        return None
    return [proposal.content_type_id, proposal.object_id]


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


# The facts that point at a person, an organisation or an area: an object one of them still
# needs cannot be withdrawn by undoing the decision that created it.
_USERS: dict[str, tuple[str, ...]] = {
    "core.person": ("memberships", "statements", "chaired_events", "events"),
    "core.organization": ("memberships", "posts", "represented_by", "events", "children"),
    "core.area": ("children", "organizations", "posts", "events"),
}


def _refuse_if_used(proposal: Proposal, created: list[tuple[str, int]]) -> None:
    mine = set(created)
    for model_label, pk in created:
        obj = _model(model_label)._default_manager.filter(pk=pk).first()
        if obj is None:
            continue
        others = (Proposal.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=pk)
                  .exclude(pk=proposal.pk).exclude(status__in=[Proposal.Status.PENDING, Proposal.Status.REJECTED]))
        for other in others[:1]:
            raise ReviewError(_("«%(entry)s» is also the result of proposal %(pk)s (%(label)s): undo that one first")
                              % {"entry": obj, "pk": other.pk, "label": other.label})
        for relation in _USERS.get(model_label, ()):
            for user_obj in getattr(obj, relation).all()[:20]:
                if (user_obj._meta.label_lower, user_obj.pk) not in mine:
                    raise ReviewError(_("«%(fact)s» rests on «%(entry)s»: undo that decision first")
                                      % {"fact": user_obj, "entry": obj})


def _restore(user: User, label: str, pk: int, fields: dict[str, Any]) -> None:
    """Put back the fields a decision changed on an existing entry, where nobody changed them since."""
    obj = _model(label)._default_manager.filter(pk=pk).first()
    if obj is None:
        return
    current = snapshot(obj)
    changes: dict[str, Any] = {}
    for name, (old, new) in fields.items():
        now = current.get(name)
        if isinstance(old, list) and isinstance(now, list) and isinstance(new, list):
            added = [v for v in new if v not in old]
            changes[name] = [v for v in now if v not in added]  # spellings added later stay
        elif now == new:
            changes[name] = old
    field_names = {f.attname: f.name for f in obj._meta.concrete_fields}
    values = {field_names.get(k, k): v for k, v in changes.items()}
    for name in list(values):
        field = obj._meta.get_field(name)
        if field.is_relation:
            values[field.attname] = values.pop(name)  # type: ignore[union-attr]  # a concrete field
    if values:
        update(user, obj, note="undo of a decision", **values)


def _require_pending(proposal: Proposal) -> None:
    if proposal.status != Proposal.Status.PENDING:
        raise ReviewError(_("proposal %(pk)s is already %(status)s") % {"pk": proposal.pk, "status": label(ProposalStatus, proposal.status)})


def _decide(proposal: Proposal, user: User, status: str, target: models.Model | None, edited: dict[str, Any] | None) -> None:
    before = {"status": proposal.status, "object_id": proposal.object_id}
    proposal.status = status
    proposal.decided_by = user if user is not None and user.is_authenticated else None
    proposal.decided_at = timezone.now()
    if target is not None:
        proposal.content_type = ContentType.objects.get_for_model(target)
        proposal.object_id = target.pk
    if edited is not None:
        proposal.payload = edited
    proposal.save()
    after: dict[str, Any] = {"status": status, "object_id": proposal.object_id,
             "model": target._meta.label_lower if target is not None else None}
    if edited is not None:
        after["payload"] = edited
    action = {"accepted": "accept", "rejected": "reject", "merged": "merge"}[status]
    record(user, proposal, action, before, after, note=proposal.label)


def _add_evidence(target: models.Model, proposal: Proposal) -> None:
    content_type = ContentType.objects.get_for_model(target)
    for span in proposal.evidence:
        Evidence.objects.get_or_create(
            source=proposal.source, content_type=content_type, object_id=target.pk,
            start=span["start"], end=span["end"],
            defaults={"rule": span.get("rule", "")[:100], "confidence": proposal.confidence, "proposal": proposal},
        )
