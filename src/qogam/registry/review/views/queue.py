"""The queue (sources with pending proposals) and one source's page with its evidence highlighted."""
from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from qogam.nlp.extract.calibration import BULK_ACCEPT_THRESHOLD
from qogam.registry.core.models import Proposal
from qogam.registry.core.services import review
from qogam.registry.core.services.review import MERGEABLE
from qogam.registry.review.access import visible_sources
from qogam.registry.review.details import describe
from qogam.registry.review.forms import EDITABLE, BulkAcceptForm
from qogam.registry.review.highlight import pieces
from qogam.registry.review.labels import kind_label, status_label
from qogam.registry.review.views.staff import scope, source_in_scope, staff_only

PENDING = Proposal.Status.PENDING
PER_PAGE = 50


@staff_only
def queue(request: HttpRequest) -> HttpResponse:
    """The sources in the user's areas that have pending proposals, newest first, with counts by kind."""
    # Sources with pending work by the status index, then counts for this page only: a
    # GROUP BY over every source's proposals would grow with the whole registry.
    waiting = Proposal.objects.filter(status=PENDING).values("source_id")
    sources = (
        visible_sources(scope(request)).filter(pk__in=waiting)
        .only("pk", "title", "outlet", "published", "origin", "language")
        .order_by("-published", "-pk")
    )
    page = Paginator(sources, PER_PAGE).get_page(request.GET.get("page"))
    by_kind: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (Proposal.objects.filter(source_id__in=[s.pk for s in page], status=PENDING)
            .values_list("source_id", "kind").annotate(n=Count("pk")).order_by())
    for source_id, kind, n in rows:
        by_kind[source_id][kind] = n
    for source in page:
        source.pending = sum(by_kind[source.pk].values())  # type: ignore[attr-defined]
        source.kinds = [(kind_label(k), n) for k, n in sorted(by_kind[source.pk].items())]  # type: ignore[attr-defined]
    return render(request, "review/queue.html", {
        "page_obj": page, "sources": page.object_list, "scope": scope(request),
        "total_sources": page.paginator.count,
    })


@staff_only
def source(request: HttpRequest, pk: int) -> HttpResponse:
    """One source: its text with every proposal's evidence marked, and the proposals to decide."""
    item = source_in_scope(request, pk)
    proposals = list(item.proposals.select_related("decided_by", "content_type").prefetch_related("linked")
                     .order_by("start", "kind", "pk"))
    _attach_candidates(proposals)
    # a decision's message is shown on the card it was about (the page comes back at that
    # card), the others at the top
    stored = list(messages.get_messages(request))
    for proposal in proposals:
        proposal.kind_label = kind_label(proposal.kind)  # type: ignore[attr-defined]
        proposal.status_label = status_label(proposal.status)  # type: ignore[attr-defined]
        proposal.messages = [m for m in stored if f"p-{proposal.pk}" in m.extra_tags.split()]  # type: ignore[attr-defined]
        if proposal.status == PENDING and proposal.kind not in MERGEABLE:
            proposal.also_accepts = review.dependencies(proposal, proposals)  # type: ignore[attr-defined]
    on_cards = {id(m) for p in proposals for m in p.messages}  # type: ignore[attr-defined]
    pending = [p for p in proposals if p.status == PENDING]
    form = BulkAcceptForm(initial={"min_confidence": BULK_ACCEPT_THRESHOLD})
    return render(request, "review/source.html", {
        "source": item, "proposals": proposals, "pending": pending, "pieces": pieces(item.text, proposals),
        "page_messages": [m for m in stored if id(m) not in on_cards],
        "bulk_form": form, "editable_kinds": set(EDITABLE), "mergeable_kinds": set(MERGEABLE),
        "above_threshold": sum(1 for p in pending if p.confidence >= BULK_ACCEPT_THRESHOLD),
    })


def _attach_candidates(proposals: list[Proposal]) -> None:
    """Give each proposal ``candidate_objects``: its ambiguous matches, one query per kind,
    each with ``details`` (posts, areas, dates) that tell two people of one name apart."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for proposal in proposals:
        if proposal.kind in MERGEABLE:
            wanted[proposal.kind].update(int(i) for i in proposal.candidates or [])
    found = {kind: MERGEABLE[kind]._default_manager.in_bulk(ids) for kind, ids in wanted.items() if ids}
    for objects in found.values():
        describe(list(objects.values()))
    for proposal in proposals:
        objects = found.get(proposal.kind, {})
        proposal.candidate_objects = [objects[int(i)] for i in proposal.candidates or [] if int(i) in objects]  # type: ignore[attr-defined]

