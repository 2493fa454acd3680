"""Translated names of the proposal kinds and statuses (the core's choices are English codes)."""
from __future__ import annotations

from django.utils.translation import gettext_lazy as _

KINDS = {
    "person": _("person"), "organization": _("organisation"), "post": _("post"), "membership": _("membership"),
    "statement": _("statement"), "event": _("event"), "place": _("place"),
}
STATUSES = {"pending": _("pending"), "accepted": _("accepted"), "rejected": _("rejected"), "merged": _("merged")}


def kind_label(kind: str) -> str:
    """Return the translated name of proposal kind ``kind`` (the code itself when unknown)."""
    return str(KINDS.get(kind, kind))


def status_label(status: str) -> str:
    """Return the translated name of proposal status ``status`` (the code itself when unknown)."""
    return str(STATUSES.get(status, status))
