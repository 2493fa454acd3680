"""The decisions: accept, reject, edit before accepting, same as an existing entry, bulk accept.

Every decision is a POST (CSRF-checked by the middleware) and goes through the core review
services, which write the registry objects, their evidence and the audit log; the view only
checks who may act, calls the service and goes back to the source with a message.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qogam.nlp.name_keys import organization_key, person_key
from qogam.registry.core.models import Area, Organization, Person, Proposal
from qogam.registry.core.services import review, sources
from qogam.registry.core.services.linking import area_matches, organization_matches, person_matches
from qogam.registry.core.services.review import MERGEABLE
from qogam.registry.errors import ReviewError
from qogam.registry.review.details import describe
from qogam.registry.review.forms import BulkAcceptForm, MergeForm, ProposalEditForm
from qogam.registry.review.labels import kind_label
from qogam.registry.review.views.staff import proposal_in_scope, source_in_scope, staff_only

SEARCH_LIMIT = 20


def _back(request: HttpRequest, proposal: Proposal | None = None, source_id: int | None = None) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return HttpResponseRedirect(target)
    source_id = proposal.source_id if proposal is not None else source_id
    anchor = f"#p-{proposal.pk}" if proposal is not None else ""
    return HttpResponseRedirect(reverse("review:source", args=[source_id]) + anchor)


def _done(request: HttpRequest, proposal: Proposal, verb: str, result: models.Model | None) -> None:
    what = f"{kind_label(proposal.kind)} «{proposal.label}»"
    messages.success(request, f"{verb}: {what}" + (f" → {result}" if result is not None else ""),
                     extra_tags=_card(proposal))


def _failed(request: HttpRequest, proposal: Proposal, exc: Exception) -> None:
    messages.error(request, str(exc), extra_tags=_card(proposal))


def _card(proposal: Proposal) -> str:
    """The tag that puts a message on the proposal's card (the page comes back there)."""
    return f"p-{proposal.pk}"


def _decision(request: HttpRequest, pk: int, decide: Callable[..., Any], verb: str,
              shows_result: bool = False) -> HttpResponse:
    """Make one decision on proposal ``pk`` through the review services, then back to its card."""
    proposal = proposal_in_scope(request, pk)
    try:
        result = decide(proposal, request.user)
    except ReviewError as exc:
        _failed(request, proposal, exc)
    else:
        _done(request, proposal, verb, result if shows_result else None)
    return _back(request, proposal)


@staff_only
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept a proposal as extracted."""
    return _decision(request, pk, review.accept, _("Accepted"), shows_result=True)


@staff_only
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    """Reject a proposal."""
    return _decision(request, pk, review.reject, _("Rejected"))


@staff_only
@require_POST
def revert(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the decision on a proposal: what it created is withdrawn, it is pending again."""
    return _decision(request, pk, review.revert, _("Decision undone"))


@staff_only
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a source (junk, a duplicate): hidden from the site and the queue, audited."""
    source = source_in_scope(request, pk)
    try:
        rejected = sources.withdraw(source, request.user, request.POST.get("reason", ""))
    except ReviewError as exc:
        messages.error(request, str(exc))
        return _back(request, source_id=source.pk)
    messages.success(request, _("Source «%(title)s» withdrawn; %(n)d pending proposals rejected.")
                     % {"title": source, "n": rejected})
    return HttpResponseRedirect(reverse("review:queue"))


@staff_only
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the form over the proposal's editable fields. POST: accept with the corrections."""
    proposal = proposal_in_scope(request, pk)
    if request.method == "POST":
        form = ProposalEditForm(proposal, request.POST)
        if form.is_valid():
            try:
                result = review.accept(proposal, request.user, edits=form.edits() or None)
            except ReviewError as exc:
                _failed(request, proposal, exc)
            else:
                _done(request, proposal, _("Accepted with corrections"), result)
            return _back(request, proposal)
    else:
        form = ProposalEditForm(proposal)
    return render(request, "review/edit.html", {"proposal": proposal, "form": form, "kind": kind_label(proposal.kind),
                                                "also_accepts": review.dependencies(proposal)})


@staff_only
def same_as(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the linking candidates and a name search. POST ``target``: merge into that entry."""
    proposal = proposal_in_scope(request, pk)
    model = MERGEABLE.get(proposal.kind)
    if model is None:
        messages.error(request, _("Only people, organisations and places can be the same as an existing entry."))
        return _back(request, proposal)
    if request.method == "POST":
        form = MergeForm(request.POST)
        target = model.objects.filter(pk=form.cleaned_data["target"]).first() if form.is_valid() else None
        if target is None:
            messages.error(request, _("Choose an existing entry."))
        else:
            try:
                review.merge(proposal, target, request.user)
            except ReviewError as exc:
                _failed(request, proposal, exc)
            else:
                _done(request, proposal, _("Same as"), target)
        return _back(request, proposal)
    query = request.GET.get("q", "").strip()[:200]
    ids = [int(i) for i in proposal.candidates or []]
    if proposal.object_id and proposal.content_type_id:
        ids.insert(0, proposal.object_id)
    found = model.objects.in_bulk(ids)
    candidates = [found[i] for i in dict.fromkeys(ids) if i in found]
    results = search_entries(model, query) if query else []
    describe([*candidates, *results])
    return render(request, "review/same_as.html", {
        "proposal": proposal, "kind": kind_label(proposal.kind), "candidates": candidates, "q": query,
        "results": results,
    })


def search_entries(model: type[models.Model], query: str) -> list[models.Model]:
    """Return up to SEARCH_LIMIT entries of ``model`` named ``query``: by name key, then by substring."""
    if model is Person:
        ids = person_matches(person_key(query))
        loose = Person.objects.filter(name__icontains=query)
    elif model is Organization:
        ids = organization_matches(organization_key(query))
        loose = Organization.objects.filter(models.Q(name_kk__icontains=query) | models.Q(name_ru__icontains=query))
    else:
        ids = area_matches(query)
        loose = Area.objects.filter(models.Q(name_kk__icontains=query) | models.Q(name_ru__icontains=query)
                                    | models.Q(name_en__icontains=query))
    exact = model._default_manager.in_bulk(ids[:SEARCH_LIMIT])
    found = [exact[i] for i in ids if i in exact]
    found += [o for o in loose.exclude(pk__in=list(exact))[: SEARCH_LIMIT - len(found)]]
    return found


@staff_only
@require_POST
def bulk_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept every pending proposal of one source at or above the confidence asked for."""
    source = source_in_scope(request, pk)
    form = BulkAcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The minimum confidence is a number from 0 to 1."))
        return _back(request, source_id=source.pk)
    threshold = form.cleaned_data["min_confidence"]
    report = review.bulk_accept(source.proposals.all(), request.user, threshold)
    messages.success(request, _("Accepted %(n)d proposals with confidence ≥ %(t).2f.") % {"n": len(report.accepted), "t": threshold})
    for proposal_id, reason in sorted(report.failed.items()):
        messages.warning(request, f"#{proposal_id}: {reason}")
    return _back(request, source_id=source.pk)
