"""Organisations and people, with the name keys that link news mentions to them."""
from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from qogam.nlp.name_keys import latin_name, organization_key, person_key
from qogam.registry.core.identifiers import is_valid_bin
from qogam.registry.core.vocabularies import OrganizationType


def validate_bin(value: str) -> None:
    """Raise ValidationError unless ``value`` is a 12-digit BIN with a valid check digit."""
    if not is_valid_bin(value):
        raise ValidationError("%(value)s is not a valid BIN: 12 digits with a correct check digit", params={"value": value})


class OrganizationManager(models.Manager["Organization"]):
    def get_by_natural_key(self, slug: str) -> Organization:
        return self.get(slug=slug)


class Organization(models.Model):
    """An NGO, council, commission, state body, information-resource centre, akimat…"""

    Type = OrganizationType

    slug = models.SlugField(max_length=120, unique=True, null=True, blank=True, verbose_name=_("identifier"))
    name_kk = models.CharField(_("name in Kazakh"), max_length=300, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=300, blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text=_("Other names and spellings seen."), verbose_name=_("other names"))
    classification = models.CharField(_("type"), max_length=40, choices=Type.choices, default=Type.OTHER)
    legal_form = models.CharField(max_length=100, blank=True, verbose_name=_("legal form"))
    bin = models.CharField(_("BIN"), max_length=12, blank=True, validators=[validate_bin])
    area = models.ForeignKey("core.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="organizations", verbose_name=_("area"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children", verbose_name=_("part of"))
    founding_date = models.DateField(null=True, blank=True, verbose_name=_("founded"))
    dissolution_date = models.DateField(null=True, blank=True, verbose_name=_("dissolved"))
    name_key = models.CharField(max_length=300, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = pgettext_lazy("plural", "organisations")
        ordering = ["name_kk", "name_ru"]
        constraints = [
            models.UniqueConstraint(fields=["bin"], condition=~models.Q(bin=""), name="organization_bin_unique"),
            models.CheckConstraint(condition=~models.Q(name_kk="", name_ru=""), name="organization_has_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str | None]:
        return (self.slug,)

    @property
    def name(self) -> str:
        return self.name_kk or self.name_ru

    def all_names(self) -> list[str]:
        return [n for n in [self.name_kk, self.name_ru, *self.aliases] if n]

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.name_key = organization_key(self.name)
        super().save(*args, **kwargs)
        _sync_keys(self, {organization_key(n) for n in self.all_names()})


class Person(models.Model):
    """A person; ``name`` is the full name as it is usually written (given name first)."""

    name = models.CharField(_("full name"), max_length=300)
    given_name = models.CharField(max_length=100, blank=True, verbose_name=_("given name"))
    family_name = models.CharField(max_length=100, blank=True, verbose_name=_("family name"))
    patronymic_name = models.CharField(max_length=100, blank=True, help_text="-ұлы/-қызы, -ович/-овна.", verbose_name=_("patronymic"))
    aliases = models.JSONField(default=list, blank=True, help_text=_("Spellings seen in the sources."), verbose_name=_("other names"))
    name_latin = models.CharField(_("name in Latin letters"), max_length=300, editable=False)
    name_key = models.CharField(max_length=300, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = pgettext_lazy("plural", "people")
        ordering = ["family_name", "name"]

    def __str__(self) -> str:
        return self.name

    def all_names(self) -> list[str]:
        return [n for n in [self.name, *self.aliases] if n]

    def save(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.name_key = person_key(self.name)
        self.name_latin = latin_name(self.name)
        super().save(*args, **kwargs)
        _sync_keys(self, {person_key(n) for n in self.all_names()})


class NameKey(models.Model):
    """One matching key of a person or organisation: of its name or of an alias."""

    key = models.CharField(max_length=300, db_index=True)
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="keys")
    organization = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="keys")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=True, organization__isnull=False)
                | models.Q(person__isnull=False, organization__isnull=True),
                name="namekey_one_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.key


def _sync_keys(owner: Person | Organization, keys: Iterable[str]) -> None:
    field = "person" if isinstance(owner, Person) else "organization"
    wanted = {k for k in keys if k}
    existing = dict(NameKey.objects.filter(**{field: owner}).values_list("key", "pk"))
    NameKey.objects.filter(pk__in=[pk for key, pk in existing.items() if key not in wanted]).delete()
    NameKey.objects.bulk_create([NameKey(key=k, **{field: owner}) for k in sorted(wanted - set(existing))])
