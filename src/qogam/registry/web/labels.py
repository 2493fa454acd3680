"""How the public pages group organisation types (the codes and their names: :mod:`qogam.registry.core.vocabularies`)."""
from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

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
