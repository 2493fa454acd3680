"""The filters of the public lists: area (with everything inside it), type, dates, text.

One form for every list; each list says which filters it offers and how each applies to its
rows (:class:`Filtered`). Pagination links keep the filters.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from qogam.registry.core.models import Area
from qogam.registry.web.views.downloads import downloads_of
from qogam.registry.web.views.places import subtree_ids


class FilterForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label=_("Text"), required=False, max_length=200)

    def __init__(self, data: Any, offered: tuple[str, ...], types: list[tuple[str, Any]] | None = None) -> None:
        super().__init__(data)
        for name in list(self.fields):
            if name not in offered:
                del self.fields[name]
        if "area" in self.fields:
            self.fields["area"].choices = [("", _("All areas"))] + [  # type: ignore[attr-defined]
                (a.slug, a.name_kk) for a in Area.objects.only("slug", "name_kk", "classification")
                .exclude(classification__in=["village", "rural_district"]).order_by("classification", "name_kk")]
        if "type" in self.fields:
            self.fields["type"].choices = [("", _("All types")), *(types or [])]  # type: ignore[attr-defined]


class Filtered:
    """Mixin of a ListView: ``filters`` names the filters offered; each applies through the
    list's fields (``area_fields``: any of them in the area or below it; ``type_field``;
    ``date_field`` for since/until; ``text_fields``: any of them contains the text), or through
    an ``apply_<name>`` method the list defines where a field is not enough."""

    filters: tuple[str, ...] = ()
    types: Callable[[], list[tuple[str, Any]]] | None = None
    area_fields: tuple[str, ...] = ()
    type_field = "classification"
    date_field = ""
    text_fields: tuple[str, ...] = ()
    distinct = False

    def apply_area(self, rows: QuerySet[Any], ids: list[int]) -> QuerySet[Any]:
        return rows.filter(_any({f"{field}__in": ids for field in self.area_fields}))

    def apply_type(self, rows: QuerySet[Any], value: str) -> QuerySet[Any]:
        return rows.filter(**{self.type_field: value})

    def apply_since(self, rows: QuerySet[Any], value: date) -> QuerySet[Any]:
        return rows.filter(**{f"{self.date_field}__gte": value})

    def apply_until(self, rows: QuerySet[Any], value: date) -> QuerySet[Any]:
        return rows.filter(**{f"{self.date_field}__lte": value})

    def apply_q(self, rows: QuerySet[Any], value: str) -> QuerySet[Any]:
        return rows.filter(_any({f"{field}__icontains": value for field in self.text_fields}))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **self.filter_context()}  # type: ignore[misc]

    def filter_form(self) -> FilterForm:
        if not hasattr(self, "_form"):
            chooser = type(self).types
            types = chooser() if chooser is not None else None
            self._form = FilterForm(self.request.GET or None, self.filters, types)  # type: ignore[attr-defined]
            self._form.is_valid()
        return self._form

    def filtered(self, rows: QuerySet[Any]) -> QuerySet[Any]:
        form = self.filter_form()
        values = getattr(form, "cleaned_data", {}) if form.is_bound else {}
        for name in self.filters:
            value = values.get(name)
            if value in (None, ""):
                continue
            if name == "area":
                area = Area.objects.filter(slug=value).first()
                if area is None:
                    continue
                value = subtree_ids(area)
            rows = getattr(self, f"apply_{name}")(rows, value)
        return rows.distinct() if self.distinct and values else rows

    def filter_context(self) -> dict[str, Any]:
        form = self.filter_form()
        values = getattr(form, "cleaned_data", {}) if form.is_bound else {}
        kept = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items() if v not in (None, "")}
        # the downloads take the area (the lists' dates are of another kind)
        return {"filter_form": form, "filters": urlencode(kept), "filtered": bool(kept), **downloads_of(kept.get("area"))}



def _any(lookups: dict[str, Any]) -> Q:
    """The rows matching one of ``lookups``."""
    condition = Q()
    for lookup, value in lookups.items():
        condition |= Q(**{lookup: value})
    return condition
