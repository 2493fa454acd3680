"""The registry's vocabularies, each declared once with its translated labels.

Models take their choices from here, the forms offer them, the pages and exports show their
labels, and ``tests/registry/test_vocabularies.py`` checks that every code the extractor can
emit (organisation types, place kinds, event types, roles) is declared. The labels are
English msgids translated by the project's catalogues (``registry/locale``).

Roles are many (every post noun of both languages), so they are data: ``roles.tsv`` beside
this module gives each role's code (its Kazakh lemma), its Kazakh, Russian and English names,
and the other lemmas the extractor writes for it (the Russian "председатель" is "төраға").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from qogam.nlp.resources import read_resource


class OrganizationType(models.TextChoices):
    PUBLIC_ASSOCIATION = "public_association", _("public association")
    ASSOCIATION = "association", _("association")
    FOUNDATION = "foundation", _("foundation")
    STATE_BODY = "state_body", _("state body")
    COUNCIL = "council", _("council")
    COMMISSION = "commission", _("commission")
    PARTY = "party", _("party")
    COMPANY = "company", _("company")
    EDUCATION = "education", _("education")
    MEDIA = "media", _("media")
    INFORMATION_RESOURCE_CENTRE = "information_resource_centre", _("information-resource centre")
    AKIMAT = "akimat", _("akimat")
    OTHER = "other", _("other")


class AreaKind(models.TextChoices):
    COUNTRY = "country", _("country")
    REGION = "region", _("region")
    CITY_REPUBLICAN = "city_republican", _("city of republican significance")
    CITY = "city", _("city")
    DISTRICT = "district", _("district")
    RURAL_DISTRICT = "rural_district", _("rural district")
    VILLAGE = "village", _("village")


# What each kind of area sits in, nearest first: a village in its district (or a city), a
# district in its region.
AREA_PARENT_KINDS: dict[str, tuple[str, ...]] = {
    AreaKind.COUNTRY: (),
    AreaKind.REGION: (AreaKind.COUNTRY,),
    AreaKind.CITY_REPUBLICAN: (AreaKind.COUNTRY,),
    AreaKind.CITY: (AreaKind.DISTRICT, AreaKind.REGION),
    AreaKind.DISTRICT: (AreaKind.REGION, AreaKind.CITY_REPUBLICAN),
    AreaKind.RURAL_DISTRICT: (AreaKind.DISTRICT, AreaKind.CITY),
    AreaKind.VILLAGE: (AreaKind.RURAL_DISTRICT, AreaKind.DISTRICT, AreaKind.CITY),
}


class EventType(models.TextChoices):
    MEETING = "meeting", _("meeting")
    REPORT_MEETING = "report_meeting", _("report meeting")
    SESSION = "session", _("session")
    FORUM = "forum", _("forum")
    CONGRESS = "congress", _("congress")
    CONFERENCE = "conference", _("conference")
    TRAINING = "training", _("training")
    ROUND_TABLE = "round_table", _("round table")
    BRIEFING = "briefing", _("briefing")
    PRESS_CONFERENCE = "press_conference", _("press conference")
    CAMPAIGN = "campaign", _("campaign")
    FESTIVAL = "festival", _("festival")
    CONTEST = "contest", _("contest")
    EXHIBITION = "exhibition", _("exhibition")
    ELECTION = "election", _("election")
    OTHER = "other", _("other")


class ProposalKind(models.TextChoices):
    PERSON = "person", _("person")
    ORGANIZATION = "organization", _("organisation")
    POST = "post", _("post")
    MEMBERSHIP = "membership", _("membership")
    STATEMENT = "statement", _("statement")
    EVENT = "event", _("event")
    PLACE = "place", _("place")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    MERGED = "merged", _("merged")


class EntityKind(models.TextChoices):
    """The kinds of registry entry that can be found to be one: a person, an organisation."""

    PERSON = "person", _("person")
    ORGANIZATION = "organization", _("organisation")


class Verdict(models.TextChoices):
    """A reviewer's answer to "are these two entries one?"."""

    SAME = "same", _("the same")
    DIFFERENT = "different", _("different")
    UNSURE = "unsure", _("not sure")


class LinkKind(models.TextChoices):
    """The links of the registry's graph (:mod:`qogam.registry.core.services.graph`)."""

    POST = "post", _("holds a post in")
    MEMBERSHIP = "membership", _("is a member of")
    ON_BEHALF_OF = "on_behalf_of", _("holds a seat on behalf of")
    PART_OF = "part_of", _("is part of")
    CHAIR = "chair", _("chaired")
    PARTICIPANT = "participant", _("took part in")
    HELD_BY = "held_by", _("was held by")
    MENTIONED = "mentioned", _("named in the same article as")


def label(choices: type[models.TextChoices], code: str) -> str:
    """Return the translated label of ``code`` in ``choices`` (the code itself when unknown)."""
    try:
        return str(choices(code).label)
    except ValueError:
        return code


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    kk: str
    ru: str
    en: str
    lemmas: tuple[str, ...]

    def name(self, lang: str) -> str:
        return {"kk": self.kk, "ru": self.ru, "en": self.en}.get(lang, self.kk)


@lru_cache(maxsize=1)
def roles() -> dict[str, Role]:
    """Every role lemma the extractor writes (and each role's code) → its :class:`Role`."""
    found: dict[str, Role] = {}
    for line in read_resource("qogam.registry.core", "roles.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, kk, ru, en, *rest = line.split("\t")
        role = Role(code, kk, ru, en, tuple(w.strip() for w in (rest[0] if rest else "").split(",") if w.strip()))
        for lemma in (code, *role.lemmas):
            if lemma.lower() in found:
                raise ValueError(f"roles.tsv: {lemma!r} is declared twice")
            found[lemma.lower()] = role
    return found


def role_label(lemma: str, lang: str | None = None) -> str:
    """Return role ``lemma`` (any language's) in ``lang`` (the active language by default).

    A role the vocabulary does not know is shown as written.
    """
    role = roles().get((lemma or "").strip().lower())
    if role is None:
        return lemma
    return role.name((lang or get_language() or "kk")[:2])


def role_code(lemma: str) -> str:
    """Return the registry's code of role ``lemma`` ("председатель" → "төраға"); unknown: as written."""
    role = roles().get((lemma or "").strip().lower())
    return role.code if role is not None else lemma
