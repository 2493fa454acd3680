"""Translated names of the proposal kinds and statuses (declared in :mod:`qogam.registry.core.vocabularies`)."""
from __future__ import annotations

from qogam.registry.core.vocabularies import ProposalKind, ProposalStatus, label


def kind_label(kind: str) -> str:
    """Return the translated name of proposal kind ``kind`` (the code itself when unknown)."""
    return label(ProposalKind, kind)


def status_label(status: str) -> str:
    """Return the translated name of proposal status ``status`` (the code itself when unknown)."""
    return label(ProposalStatus, status)
