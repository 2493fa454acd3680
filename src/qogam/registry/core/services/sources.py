"""Changing a stored source: a corrected text (a new revision), withdrawing a junk source.

A source's text is what every evidence offset counts in, so it never changes in place. A
correction keeps the old text as a :class:`~qogam.registry.core.models.SourceRevision` and
maps every offset through the difference of the two texts: a span whose words are unchanged
moves with them (re-anchored); a span whose words the correction touched is sent back to
review — its evidence row goes, and its proposal, if it was decided, is pending again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from qogam.ingest.files import normalize_newlines
from qogam.registry.core.models import Evidence, Proposal, Source, SourceRevision
from qogam.registry.core.services.audit import Actor, record
from qogam.registry.errors import ReviewError

User = Actor  # a user, AnonymousUser or None (the system)


@dataclass
class RevisionReport:
    """What a correction did: the revision made, spans moved, proposals sent back to review."""

    revision: int = 0
    moved: int = 0
    unchanged: int = 0
    sent_back: list[int] = field(default_factory=list)


class OffsetMap:
    """Maps character offsets of ``old`` to ``new`` through their difference (difflib opcodes)."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def offset(self, position: int, *, end: bool) -> int:
        """The offset in ``new`` of ``position`` in ``old``. A span's start is read in the
        unchanged stretch that follows it, its end in the one before it, so that text inserted
        right at a span's edge stays outside it."""
        for tag, i1, i2, j1, _j2 in self.opcodes:
            if tag != "equal":
                continue
            if (i1 < position <= i2) if end else (i1 <= position < i2):
                return j1 + position - i1
        for _tag, i1, i2, j1, j2 in self.opcodes:  # inside a change: its edge (checked by span())
            if i1 <= position <= i2:
                return j2 if end else j1
        return len(self.new)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of ``new`` holding exactly what ``old[start:end]`` held, or None if it changed."""
        new_start, new_end = self.offset(start, end=False), self.offset(end, end=True)
        if new_end < new_start or self.new[new_start:new_end] != self.old[start:end]:
            return None
        if _word_edge(self.old, start, end) != _word_edge(self.new, new_start, new_end):
            return None  # "Ким" corrected to "Кими": same letters, another word
        return new_start, new_end


def _word_edge(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a letter touches the span ``text[start:end]`` on its left and on its right."""
    return (start > 0 and text[start - 1].isalnum(), end < len(text) and text[end].isalnum())


@transaction.atomic
def revise_text(source: Source, text: str, user: User, note: str = "") -> RevisionReport:
    """Replace ``source``'s text by a corrected ``text`` as a new revision; return what moved.

    Raises :class:`ReviewError` when the corrected text is empty or is the text of another
    stored source. An identical text changes nothing.
    """
    from qogam.registry.core.services.ingest import content_hash

    source = Source.objects.select_for_update().get(pk=source.pk)
    text = normalize_newlines(text)
    report = RevisionReport(revision=source.revision)
    if text == source.text:
        return report
    if not text.strip():
        raise ReviewError(_("the corrected text is empty"))
    digest = content_hash(text)
    if Source.objects.filter(content_hash=digest).exclude(pk=source.pk).exists():
        raise ReviewError(_("the corrected text is the text of another stored source"))
    mapping = OffsetMap(source.text, text)
    SourceRevision.objects.create(source=source, number=source.revision, text=source.text,
                                  content_hash=source.content_hash, user=_user(user), note=note[:300])
    broken: set[int] = set()
    for evidence in Evidence.objects.filter(source=source):
        moved = mapping.span(evidence.start, evidence.end)
        if moved is None:
            if evidence.proposal_id is not None:
                broken.add(evidence.proposal_id)
            evidence.delete()
        elif moved != (evidence.start, evidence.end):
            evidence.start, evidence.end = moved
            evidence.save(update_fields=["start", "end"])
            report.moved += 1
        else:
            report.unchanged += 1
    for proposal in Proposal.objects.filter(source=source):
        spans = []
        for span in proposal.evidence:
            moved = mapping.span(span["start"], span["end"])
            if moved is None:
                broken.add(proposal.pk)
            else:
                spans.append(dict(span, start=moved[0], end=moved[1]))
        proposal.evidence = spans
        main = mapping.span(proposal.start, proposal.end)
        if main is None:
            broken.add(proposal.pk)
            main = (spans[0]["start"], spans[0]["end"]) if spans else (0, 0)
        proposal.start, proposal.end = main
        if proposal.pk in broken and proposal.status != Proposal.Status.PENDING:
            before = {"status": proposal.status}
            proposal.status = Proposal.Status.PENDING
            proposal.decided_by = None
            proposal.decided_at = None
            record(user, proposal, "revise", before, {"status": "pending"},
                   note=f"sent back to review: the correction of source {source.pk} changed its words")
        proposal.save()
    before = {"revision": source.revision, "content_hash": source.content_hash, "length": len(source.text)}
    source.text, source.content_hash, source.revision = text, digest, source.revision + 1
    source.save(update_fields=["text", "content_hash", "revision"])
    record(user, source, "revise", before,
           {"revision": source.revision, "content_hash": digest, "length": len(text)}, note=note or "text corrected")
    report.revision = source.revision
    report.sent_back = sorted(broken)
    return report


@transaction.atomic
def withdraw(source: Source, user: User, reason: str) -> int:
    """Withdraw ``source`` (junk, a duplicate): hidden from the public pages and the queue, its
    pending proposals rejected. Returns how many were rejected. Raises :class:`ReviewError`
    when it is withdrawn already or no reason is given."""
    source = Source.objects.select_for_update().get(pk=source.pk)
    if source.withdrawn_at is not None:
        raise ReviewError(_("source %(pk)s is withdrawn already") % {"pk": source.pk})
    if not reason.strip():
        raise ReviewError(_("say why the source is withdrawn"))
    pending = list(source.proposals.filter(status=Proposal.Status.PENDING))
    now = timezone.now()
    for proposal in pending:
        proposal.status = Proposal.Status.REJECTED
        proposal.decided_by = _user(user)
        proposal.decided_at = now
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        record(user, proposal, "reject", {"status": "pending"}, {"status": "rejected"}, note="source withdrawn")
    source.withdrawn_at, source.withdrawn_by, source.withdrawn_reason = now, _user(user), reason.strip()[:300]
    source.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    record(user, source, "withdraw", None, {"reason": source.withdrawn_reason, "rejected": len(pending)},
           note=source.withdrawn_reason)
    return len(pending)


def _user(user: User) -> User:
    return user if user is not None and user.is_authenticated else None
