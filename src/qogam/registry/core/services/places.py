"""Where things are: the areas an article is about, a new place's parent, an organisation's area.

An article's areas are the registry areas its place proposals are linked to (at ingest, or
once accepted), rejected ones aside, with the areas that contain them. From them:

- a new village gets the district the article names (:func:`parent_for`), a new district
  its region — or nothing, when the article names none or several, and a person places it;
- an organisation gets the area its name names ("Сайрам аудандық білім бөлімі", "Түркістан
  қалалық мәслихаты", "облыстық ардагерлер кеңесі" with the article's region) or else the one
  area the article is about (:func:`infer_area`). The reviewer can change either.
"""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from qogam.nlp.area_names import areas_in_name
from qogam.registry.core.models import Area, Proposal, Source
from qogam.registry.core.vocabularies import AREA_PARENT_KINDS


def named_areas(source: Source) -> list[Area]:
    """The areas ``source``'s place proposals are linked to (not the rejected ones), in text order."""
    area_type = ContentType.objects.get_for_model(Area)
    ids = list(Proposal.objects.filter(source=source, kind=Proposal.Kind.PLACE, content_type=area_type)
               .exclude(status=Proposal.Status.REJECTED).order_by("start").values_list("object_id", flat=True))
    found = Area.objects.in_bulk(ids)
    return list({pk: found[pk] for pk in ids if pk in found}.values())


def _with_ancestors(areas: list[Area]) -> dict[int, Area]:
    by_id = {a.pk: a for a in Area.objects.only("pk", "parent_id", "classification", "name_kk")}
    found: dict[int, Area] = {}
    for area in areas:
        current: Area | None = by_id.get(area.pk)
        while current is not None and current.pk not in found:
            found[current.pk] = current
            current = by_id.get(current.parent_id) if current.parent_id else None
    return found


def parent_for(kind: str, source: Source) -> Area | None:
    """The area a new place of ``kind`` named in ``source`` is in: the one area of the nearest
    fitting kind (a village: its rural district, else district, else city) the article is
    about, or None when it names none or several."""
    around = _with_ancestors(named_areas(source)).values()
    for parent_kind in AREA_PARENT_KINDS.get(kind, ()):
        fitting = [a for a in around if a.classification == parent_kind]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return None  # two districts: a person decides
        if parent_kind == "country":
            countries = list(Area.objects.filter(classification="country")[:2])
            if len(countries) == 1:
                return countries[0]  # a region of the one country the registry holds
    return None


def infer_area(name: str, source: Source) -> Area | None:
    """The area of an organisation called ``name`` in ``source`` (see the module), or None."""
    from qogam.registry.core.services.linking import area_matches

    named = named_areas(source)
    around = _with_ancestors(named)
    for proper, kind in areas_in_name(name):
        if proper:
            ids = area_matches(proper, kind=kind)
            if len(ids) == 1:
                return Area.objects.get(pk=ids[0])
        else:
            fitting = [a for a in around.values() if a.classification == kind]
            if len(fitting) == 1:
                return fitting[0]
    # the one district (city, region) the article is about: a village stands for its
    # district, and an area that holds another named one is not the one
    local = {a.pk: a for a in (_level(area, around) for area in named) if a is not None}
    smallest = [a for a in local.values() if not any(_inside(b, a, around) for b in local.values() if b.pk != a.pk)]
    return smallest[0] if len(smallest) == 1 else None


_LEVELS = ("district", "city", "city_republican", "region")


def _level(area: Area, around: dict[int, Area]) -> Area | None:
    """``area`` or the nearest area holding it of a level an organisation is placed at."""
    current: Area | None = area
    while current is not None and current.classification not in _LEVELS:
        current = around.get(current.parent_id) if current.parent_id else None
    return current


def _inside(inner: Area, outer: Area, around: dict[int, Area]) -> bool:
    current = around.get(inner.parent_id) if inner.parent_id else None
    while current is not None:
        if current.pk == outer.pk:
            return True
        current = around.get(current.parent_id) if current.parent_id else None
    return False
