"""Translatable names of the registry's codes (organisation types, area kinds, roles of events).

The core's choices are English identifiers for staff and exports; the public pages show them
in the reader's language through these tables.
"""
from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ORGANIZATION_TYPES: dict[str, Promise] = {
    "public_association": _("public association"),
    "association": _("association"),
    "foundation": _("foundation"),
    "state_body": _("state body"),
    "council": _("council"),
    "commission": _("commission"),
    "party": _("party"),
    "company": _("company"),
    "education": _("education"),
    "media": _("media"),
    "information_resource_centre": _("information-resource centre"),
    "akimat": _("akimat"),
    "other": _("other"),
}

AREA_KINDS: dict[str, Promise] = {
    "country": _("country"),
    "region": _("region"),
    "city_republican": _("city of republican significance"),
    "city": _("city"),
    "district": _("district"),
    "rural_district": _("rural district"),
    "village": _("village"),
}

EVENT_TYPES: dict[str, Promise] = {
    "meeting": _("meeting"),
    "forum": _("forum"),
    "session": _("session"),
    "conference": _("conference"),
    "election": _("election"),
}

PROPOSAL_KINDS: dict[str, Promise] = {
    "person": _("person"),
    "organization": _("organisation"),
    "post": _("post"),
    "membership": _("membership"),
    "statement": _("statement"),
    "event": _("event"),
    "place": _("place"),
}

# Which organisation types the area page groups together.
GROUPS: dict[str, tuple[str, ...]] = {
    "ngo": ("public_association", "association", "foundation"),
    "centre": ("information_resource_centre",),
    "council": ("council", "commission"),
}
GROUP_TITLES: dict[str, Promise] = {
    "ngo": _("Non-governmental organisations"),
    "centre": _("Information-resource centres"),
    "council": _("Councils and commissions"),
}
