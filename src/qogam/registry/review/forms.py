"""Forms of the review actions: edit before accepting, bulk accept, same as an existing entry."""
from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qogam.nlp.extract.calibration import BULK_ACCEPT_THRESHOLD
from qogam.registry.core.models import Area, Proposal
from qogam.registry.core.vocabularies import AreaKind, EventType, OrganizationType

Kind = Proposal.Kind


# The payload fields a reviewer may correct, per kind of proposal; the rest (mentions,
# evidence) is what the article says and stays as extracted.
EDITABLE: dict[str, list[tuple[str, Any]]] = {
    Kind.PERSON: [("name", _("Full name")), ("given", _("Given name")), ("family", _("Family name")),
                  ("patronymic", _("Patronymic"))],
    Kind.ORGANIZATION: [("name", _("Name")), ("type", _("Type")), ("abbreviation", _("Abbreviation")),
                        ("area", _("Area"))],
    Kind.POST: [("person", _("Person")), ("role", _("Role")), ("organization", _("Organisation")),
                ("on_behalf_of", _("On behalf of"))],
    Kind.MEMBERSHIP: [("person", _("Person")), ("role", _("Role")), ("organization", _("Organisation")),
                      ("on_behalf_of", _("On behalf of"))],
    Kind.STATEMENT: [("speaker", _("Speaker")), ("text", _("Text"))],
    Kind.EVENT: [("type", _("Type")), ("topic", _("Topic")), ("date", _("Date")), ("chair", _("Chair"))],
    Kind.PLACE: [("name", _("Name")), ("kind", _("Kind")), ("parent", _("In (district, region…)"))],
}
_REQUIRED = {"name", "role", "person", "text"}


class ProposalEditForm(forms.Form):
    """The editable fields of one proposal's payload, filled with what was extracted."""

    def __init__(self, proposal: Proposal, *args: Any, **kwargs: Any) -> None:
        self.proposal = proposal
        payload = proposal.payload or {}
        initial = {name: payload.get(name) or "" for name, _ in EDITABLE.get(proposal.kind, [])}
        initial.update(_inferred(proposal, payload))
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        for name, label in EDITABLE.get(proposal.kind, []):
            required = name in _REQUIRED
            if proposal.kind == Kind.ORGANIZATION and name == "type":
                field: forms.Field = forms.ChoiceField(label=label, choices=OrganizationType.choices)
            elif proposal.kind == Kind.EVENT and name == "type":
                field = forms.ChoiceField(label=label, choices=EventType.choices)
            elif proposal.kind == Kind.PLACE and name == "kind":
                field = forms.ChoiceField(label=label, choices=[("", "—"), *AreaKind.choices])
            elif name in ("area", "parent"):
                field = forms.ChoiceField(label=label, required=False, choices=area_choices())
            elif name == "date":
                field = forms.DateField(label=label, required=False, widget=forms.DateInput(attrs={"type": "date"}))
            elif name == "text":
                field = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 4}))
            else:
                field = forms.CharField(label=label, required=required, max_length=300)
            self.fields[name] = field

    def edits(self) -> dict[str, Any]:
        """Return the fields whose value differs from the payload (blank ones as None)."""
        payload = self.proposal.payload or {}
        changed: dict[str, Any] = {}
        for name in self.fields:
            value = self.cleaned_data.get(name)
            value = value.isoformat() if value is not None and hasattr(value, "isoformat") else (value or None)
            if value != (payload.get(name) or None):
                changed[name] = value
        return changed


def area_choices() -> list[tuple[str, str]]:
    """Every area as (slug, "name — kind, in parent"), the areas of a region together."""
    from qogam.registry.core.vocabularies import label

    areas = list(Area.objects.select_related("parent").order_by("parent__name_kk", "name_kk"))
    return [("", "—")] + [(a.slug, f"{a.name_kk} — {label(AreaKind, a.classification)}"
                                    + (f", {a.parent.name_kk}" if a.parent else "")) for a in areas]


def _inferred(proposal: Proposal, payload: dict[str, Any]) -> dict[str, str]:
    """What the form offers before the reviewer chooses: the area the name and the article
    imply for an organisation, the parent they imply for a new place."""
    from qogam.registry.core.services import places

    if proposal.kind == Kind.ORGANIZATION and not payload.get("area"):
        linked = proposal.linked
        area = getattr(linked, "area", None) or places.infer_area(payload.get("name") or "", proposal.source)
        return {"area": area.slug} if area is not None else {}
    if proposal.kind == Kind.PLACE and not payload.get("parent") and payload.get("kind") in AreaKind.values:
        parent = places.parent_for(payload["kind"], proposal.source)
        return {"parent": parent.slug} if parent is not None else {}
    return {}


class BulkAcceptForm(forms.Form):
    min_confidence = forms.FloatField(label=_("Minimum confidence"), min_value=0.0, max_value=1.0, initial=BULK_ACCEPT_THRESHOLD)


class MergeForm(forms.Form):
    target = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
