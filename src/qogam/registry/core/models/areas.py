"""Areas: Kazakhstan, its regions, cities and districts (KATO classifier codes)."""
from __future__ import annotations

from django.db import models


class AreaManager(models.Manager["Area"]):
    def get_by_natural_key(self, slug: str) -> Area:
        return self.get(slug=slug)


class Area(models.Model):
    """A territory. ``kato_code`` is the 9-digit KATO code, blank when not known for sure."""

    class Kind(models.TextChoices):
        COUNTRY = "country", "country"
        REGION = "region", "region (oblys)"
        CITY_REPUBLICAN = "city_republican", "city of republican significance"
        CITY = "city", "city"
        DISTRICT = "district", "district (audan)"
        RURAL_DISTRICT = "rural_district", "rural district (auyldyq okrug)"
        VILLAGE = "village", "village"

    slug = models.SlugField(max_length=80, unique=True, help_text="Stable identifier, e.g. kz-turkistan-sairam.")
    classification = models.CharField("kind", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    kato_code = models.CharField("KATO code", max_length=9, blank=True, db_index=True)
    name_kk = models.CharField("name (kk)", max_length=200)
    name_ru = models.CharField("name (ru)", max_length=200, blank=True)
    name_en = models.CharField("name (en)", max_length=200, blank=True)

    objects = AreaManager()

    class Meta:
        ordering = ["name_kk"]
        constraints = [
            models.UniqueConstraint(fields=["kato_code"], condition=~models.Q(kato_code=""), name="area_kato_unique"),
        ]

    def __str__(self) -> str:
        return self.name_kk

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
