"""Template filters of the public pages: names in the reader's language, translated codes."""
from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_from_path
from django.utils.translation import gettext_lazy as _

from qogam.registry.core.vocabularies import AreaKind, EventType, OrganizationType, ProposalKind, label, role_label

register = template.Library()

LANGUAGES = {"kk": _("Kazakh"), "ru": _("Russian"), "en": _("English")}


@register.filter
def local_name(obj: Any) -> str:
    """Return the name of an area or organisation in the active language, else in Kazakh, else Russian."""
    lang = (get_language() or "kk")[:2]
    for field in (f"name_{lang}", "name_kk", "name_ru", "name_en"):
        value = getattr(obj, field, "")
        if value:
            return str(value)
    return str(obj)


@register.filter
def org_type(code: str) -> str:
    """Return the translated name of an organisation type code (the code itself when unknown)."""
    return label(OrganizationType, code)


@register.filter
def area_kind(code: str) -> str:
    """Return the translated name of an area kind code."""
    return label(AreaKind, code)


@register.filter
def event_type(code: str) -> str:
    """Return the translated name of an event type (the type as stored when unknown)."""
    return label(EventType, code)


@register.filter
def proposal_kind(code: str) -> str:
    """Return the translated name of a proposal kind."""
    return label(ProposalKind, code)


@register.filter
def role(lemma: str) -> str:
    """Return a role (a post noun's lemma, in either language) in the reader's language."""
    return role_label(lemma)


@register.filter
def language_name(code: str) -> str:
    """Return the name of a language code in the reader's language ("kk" → "қазақ тілі")."""
    return str(LANGUAGES.get(code, code))


@register.filter
def web_url(url: str) -> str:
    """Return ``url`` when it is an http(s) address, else "" (a stored javascript: URL is never linked)."""
    return url if url.lower().startswith(("http://", "https://")) else ""


@register.filter
def in_language(path: str, code: str) -> str:
    """Return ``path`` (with its query) in language ``code``: "/ru/people/?page=2" in kk is
    "/people/?page=2", in en "/en/people/?page=2". The language links are plain links, so the
    public pages carry no form, no CSRF token and no cookie (and can be cached)."""
    plain = without_language(path)
    return plain if code == settings.LANGUAGE_CODE else f"/{code}{plain}"


@register.filter
def without_language(path: str) -> str:
    """Return ``path`` without its /ru/ or /en/ prefix: the Kazakh address of the same page.

    Django's set_language view translates its ``next`` address by resolving it in the default
    language (the one of its own, unprefixed URL), so it is given the unprefixed form.
    """
    lang = get_language_from_path(path)
    if lang and lang != settings.LANGUAGE_CODE:
        return path[len(lang) + 1:] or "/"
    return path
