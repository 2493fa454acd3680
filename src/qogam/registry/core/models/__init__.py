"""The registry's data model, declared once (Popolo-shaped field names where natural)."""
from __future__ import annotations

from qogam.registry.core.models.areas import Area
from qogam.registry.core.models.audit import AuditLog
from qogam.registry.core.models.entities import NameKey, Organization, Person
from qogam.registry.core.models.facts import Event, Membership, Post, Statement
from qogam.registry.core.models.feeds import Feed
from qogam.registry.core.models.resolution import Judgement, MatchCandidate, Merge, ResolverRun
from qogam.registry.core.models.review import Proposal
from qogam.registry.core.models.sources import Evidence, Source, SourceRevision

__all__ = [
    "Area", "AuditLog", "Event", "Evidence", "Feed", "Judgement", "MatchCandidate", "Membership", "Merge",
    "NameKey", "Organization", "Person", "Post", "Proposal", "ResolverRun", "Source", "SourceRevision", "Statement",
]
