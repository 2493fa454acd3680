"""Writing registry objects together with their audit-log entries."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from qogam.registry.core.models import AuditLog

M = TypeVar("M", bound=models.Model)

# The writes of the decision being made, innermost first: :func:`collect` opens one, and
# :func:`create` and :func:`update` note what they did in it so that the decision can be undone.
_COLLECTING: ContextVar[list[dict[str, Any]] | None] = ContextVar("qogam_audit_collecting", default=None)

# Who acts: a user, Django's AnonymousUser (stored as nobody), or None for the system and the
# command line. Any, because request.user is typed User | AnonymousUser and the services take both.
Actor = Any


@contextmanager
def collect() -> Iterator[dict[str, Any]]:
    """Note the objects created and the fields changed (their values before) inside the block.

    Yields ``{"created": [[label, pk], …], "updated": [[label, pk, {field: [before, after]}], …]}``,
    filled as the block writes. Blocks nest: an inner one (a dependency accepted on the way)
    keeps its own writes.
    """
    effects: dict[str, Any] = {"created": [], "updated": []}
    token = _COLLECTING.set([effects, *(_COLLECTING.get() or [])])
    try:
        yield effects
    finally:
        _COLLECTING.reset(token)


def _noting() -> dict[str, Any] | None:
    stack = _COLLECTING.get()
    return stack[0] if stack else None


def snapshot(obj: models.Model) -> dict[str, Any]:
    """Return the stored fields of ``obj`` as JSON-safe values (dates as ISO strings)."""
    fields = serializers.serialize("python", [obj])[0]["fields"]
    return json.loads(json.dumps(fields, cls=DjangoJSONEncoder))


def record(user: Actor, obj: models.Model, action: str, before: dict[str, Any] | None,
           after: dict[str, Any] | None, note: str = "") -> AuditLog:
    """Return the new audit-log entry for ``action`` on ``obj`` by ``user`` (None: the system)."""
    return AuditLog.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        model=obj._meta.label_lower, object_id=str(obj.pk), action=action, before=before, after=after, note=note[:300],
    )


def create(user: Actor, model: type[M], note: str = "", **fields: Any) -> M:
    """Return a new saved ``model`` object with ``fields``, logged as a creation."""
    obj = model(**fields)
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    record(user, obj, AuditLog.Action.CREATE, None, snapshot(obj), note)
    effects = _noting()
    if effects is not None:
        effects["created"].append([obj._meta.label_lower, obj.pk])
    return obj


def update(user: Actor, obj: M, note: str = "", **fields: Any) -> M:
    """Return ``obj`` with ``fields`` changed and saved, logged with before and after (no-op if unchanged)."""
    before = snapshot(obj)
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.save()
    after = snapshot(obj)
    changed = {k for k in after if before.get(k) != after.get(k)} - {"updated_at"}
    if changed:
        record(user, obj, AuditLog.Action.UPDATE, before, after, note)
        effects = _noting()
        if effects is not None:
            effects["updated"].append([obj._meta.label_lower, obj.pk,
                                       {k: [before.get(k), after.get(k)] for k in sorted(changed)}])
    return obj
