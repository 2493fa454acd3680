"""Which sources support a set of registry objects, through their Evidence rows."""
from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from qogam.registry.core.models import Source

SOURCES_SHOWN = 50


def sources_for(groups: Iterable[tuple[type[Model], Iterable[int]]]) -> QuerySet[Source]:
    """Return the sources with evidence for any of the given (model, ids), newest first, without their text.

    An empty selection gives an empty queryset (no query is run for it).
    """
    condition = Q()
    for model, ids in groups:
        ids = list(ids)
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(evidence__content_type=content_type, evidence__object_id__in=ids)
    if not condition:
        return Source.objects.none()
    return Source.objects.public().filter(condition).defer("text").distinct().order_by("-published", "-pk")
