"""Review decisions on proposals: accept (optionally edited), reject, merge, bulk accept.

Accepting creates or updates registry objects, links them to the source with Evidence, and
writes the audit log. A post, statement or event names people and organisations: their own
proposals from the same source are accepted first (or their accepted result reused), and a
name with no proposal is looked up by its key, or created when nobody has it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from qogam.nlp.name_keys import organization_key, person_key
from qogam.registry.core.models import Area, Evidence, Organization, Person, Proposal, Source
from qogam.registry.core.services import records
from qogam.registry.core.services.audit import record
from qogam.registry.errors import ReviewError

Kind = Proposal.Kind
User = AbstractBaseUser | None


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
    target = records.apply(proposal, payload, user, _Resolver(proposal.source, user))
    _add_evidence(target, proposal)
    _decide(proposal, user, Proposal.Status.ACCEPTED, target, payload if edits else None)
    return target


@transaction.atomic
def reject(proposal: Proposal, user: User) -> Proposal:
    """Reject ``proposal``; return it. Raises :class:`ReviewError` unless it is pending."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_pending(proposal)
    _decide(proposal, user, Proposal.Status.REJECTED, None, None)
    return proposal


@transaction.atomic
def merge(proposal: Proposal, target: models.Model, user: User) -> models.Model:
    """Record that ``proposal`` is ``target`` (an existing entry): its spellings join the target's.

    Returns the target. Raises :class:`ReviewError` unless the proposal is a pending person,
    organisation or place and the target is a Person, Organization or Area to match.
    """
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_pending(proposal)
    expected = {Kind.PERSON: Person, Kind.ORGANIZATION: Organization, Kind.PLACE: Area}.get(proposal.kind)
    if expected is None or not isinstance(target, expected):
        raise ReviewError(f"a {proposal.kind} proposal cannot be merged into {type(target).__name__}")
    records.add_spellings(target, proposal.payload, user)
    _add_evidence(target, proposal)
    _decide(proposal, user, Proposal.Status.MERGED, target, None)
    return target


@dataclass
class BulkReport:
    accepted: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)


_ORDER = [Kind.PERSON, Kind.ORGANIZATION, Kind.PLACE, Kind.POST, Kind.MEMBERSHIP, Kind.EVENT, Kind.STATEMENT]


def bulk_accept(queryset: QuerySet[Proposal], user: User, min_confidence: float) -> BulkReport:
    """Accept every pending proposal of ``queryset`` with at least ``min_confidence``.

    People, organisations and places go first, then the facts about them. Each proposal is
    its own transaction; those that raise :class:`ReviewError` (or were accepted meanwhile as
    a dependency) are reported, not fatal. Returns the accepted ids and the failures.
    """
    report = BulkReport()
    chosen = list(queryset.filter(status=Proposal.Status.PENDING, confidence__gte=min_confidence))
    chosen.sort(key=lambda p: (_ORDER.index(p.kind), p.source_id, p.start))
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
    """Finds (or makes) the registry entry behind a name met in a proposal of ``source``."""

    def __init__(self, source: Source, user: User) -> None:
        self.source = source
        self.user = user

    def person(self, name: str | None) -> Person | None:
        if not name:
            return None
        return self._entity(Kind.PERSON, person_key(name), name, Person)  # type: ignore[return-value]

    def organization(self, name: str | None) -> Organization | None:
        if not name:
            return None
        return self._entity(Kind.ORGANIZATION, organization_key(name), name, Organization)  # type: ignore[return-value]

    def _entity(self, kind: str, key: str, name: str, model: type[models.Model]) -> models.Model:
        own = Proposal.objects.filter(source=self.source, kind=kind, key=key).order_by("start").first()
        if own is not None:
            if own.status == Proposal.Status.PENDING:
                return accept(own, self.user)
            if own.status == Proposal.Status.REJECTED:
                raise ReviewError(f"{name}: its {kind} proposal was rejected; accept or merge it first")
            if own.linked is not None:
                return own.linked
        from qogam.registry.core.services.linking import organization_matches, person_matches

        ids = person_matches(key) if model is Person else organization_matches(key)
        if len(ids) > 1:
            raise ReviewError(f"{name}: several registry entries match; merge its {kind} proposal first")
        if ids:
            return model.objects.get(pk=ids[0])
        if model is Person:
            return records.new_person({"name": name}, self.user)
        return records.new_organization({"name": name, "type": "other"}, self.user)


def _require_pending(proposal: Proposal) -> None:
    if proposal.status != Proposal.Status.PENDING:
        raise ReviewError(f"proposal {proposal.pk} is already {proposal.status}")


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
    after = {"status": status, "object_id": proposal.object_id,
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
