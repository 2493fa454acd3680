"""The article text cut into pieces, each marked with the proposals whose evidence covers it.

The template prints each piece with autoescaping, so the article's own text can never
become markup; only the <mark> elements around the pieces are ours.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from qogam.registry.core.models import Proposal


@dataclass(slots=True)
class Piece:
    """``text`` of the article; ``proposals`` whose evidence covers it, narrowest span first."""

    text: str
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def first(self) -> Proposal | None:
        return self.proposals[0] if self.proposals else None

    @property
    def pending(self) -> bool:
        return any(p.status == Proposal.Status.PENDING for p in self.proposals)


def spans_of(proposal: Proposal) -> list[tuple[int, int]]:
    """Return the (start, end) spans of ``proposal``'s evidence, its main span when it lists none."""
    spans = [(int(s["start"]), int(s["end"])) for s in proposal.evidence or [] if "start" in s and "end" in s]
    return spans or [(proposal.start, proposal.end)]


def pieces(text: str, proposals: Iterable[Proposal]) -> list[Piece]:
    """Return ``text`` cut at every evidence boundary; pieces together are exactly ``text``.

    Spans outside the text are clipped, empty ones ignored; overlapping spans (a person's
    name inside a post's mention) give pieces covered by several proposals.
    """
    covering: list[tuple[int, int, Proposal]] = []
    for proposal in proposals:
        for start, end in spans_of(proposal):
            start, end = max(0, start), min(len(text), end)
            if start < end:
                covering.append((start, end, proposal))
    cuts = sorted({0, len(text), *(s for s, _, _ in covering), *(e for _, e, _ in covering)})
    result: list[Piece] = []
    for left, right in zip(cuts, cuts[1:]):
        over = [(e - s, p.pk, p) for s, e, p in covering if s <= left and right <= e]
        over.sort(key=lambda item: (item[0], item[1]))
        unique = list({item[2].pk: item[2] for item in over}.values())
        if result and not unique and not result[-1].proposals:
            result[-1].text += text[left:right]
        else:
            result.append(Piece(text[left:right], unique))
    return result
