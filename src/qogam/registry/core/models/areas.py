"""Areas: Kazakhstan, its regions, cities and districts (KATO classifier codes)."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qogam.registry.core.vocabularies import AreaKind


class AreaManager(models.Manager["Area"]):
    def get_by_natural_key(self, slug: str) -> Area:
        return self.get(slug=slug)


class Area(models.Model):
    """A territory. ``kato_code`` is the 9-digit KATO code, blank when not known for sure."""

    Kind = AreaKind

    slug = models.SlugField(max_length=80, unique=True, help_text=_("Stable identifier, e.g. kz-turkistan-sairam."), verbose_name=_("identifier"))
    classification = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("part of"))
    kato_code = models.CharField(_("KATO code"), max_length=9, blank=True, db_index=True)
    name_kk = models.CharField(_("name in Kazakh"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    objects = AreaManager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = pgettext_lazy("plural", "areas")
        ordering = ["name_kk"]
        constraints = [
            models.UniqueConstraint(fields=["kato_code"], condition=~models.Q(kato_code=""), name="area_kato_unique"),
        ]

    def __str__(self) -> str:
        return self.name_kk

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
